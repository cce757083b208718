import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import RnnWidget from './components/rnn/RnnWidget.astro';
import en from './src/content/i18n/en.json';
import zh from './src/content/i18n/zh-CN.json';
it('ssr', async () => {
  for (const [lang, dict] of [['en', en], ['zh-cn', zh]] as const) {
    const t = (key: string, vars: Record<string, unknown> = {}) => ((dict as Record<string, string>)[key] ?? `MISSING:${key}`).replace(/\{\{(\w+)\}\}/g, (_, k) => (k in vars ? String(vars[k]) : `{{${k}}}`));
    const container = await AstroContainer.create();
    const html = await container.renderToString(RnnWidget, { locals: { t }, request: new Request(`http://x/${lang}/tutorial/algorithms/`) });
    writeFileSync(`/tmp/rnncheck/ssr-${lang}.html`, html);
    console.log(lang, html.length, html.includes('MISSING'));
  }
});
