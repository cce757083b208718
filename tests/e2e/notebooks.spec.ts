import { expect, hrefOf, LOCALES, test } from './fixtures';

for (const locale of LOCALES)
	test(`${locale}: each Keras listing of part 4 links its Jupyter notebook, in the page's language`, { tag: '@subpath' }, async ({ page, baseURL }) => {
		await page.goto(`${locale}/tutorial/code/`);
		const links = page.locator('.notebook-link a');
		await expect(links).toHaveCount(3);
		const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs).toEqual(['cnn_mnist', 'lstm_imdb', 'attention_imdb'].map((id) => hrefOf(`/${locale}/notebooks/${id}.ipynb`, baseURL)));
		for (const href of hrefs) {
			const response = await page.request.get(new URL(href, baseURL).href);
			expect(response.status(), href).toBe(200);
			const notebook = await response.json();
			expect(notebook.nbformat).toBe(4);
			const first = notebook.cells[0].source.join('');
			// The link back to the example's section, under the base path; the text in the page's language.
			expect(first).toContain(`${hrefOf(`/${locale}/tutorial/code/`, baseURL)}#`);
			expect(first).toMatch(locale === 'en' ? /From \[part 4/ : /出自教程/);
		}
	});
