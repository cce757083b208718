import { getViteConfig } from 'astro/config';
export default getViteConfig({ test: { include: ['.tmp-ssr.test.ts'], testTimeout: 120000 } } as never);
