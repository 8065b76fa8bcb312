// Builds the sidebar and dialog pages: each src/ui/<page>/index.html + the shared CSS (+ its main.ts, when the page has
// code) becomes ONE self-contained HTML file (inline <style> and <script>, nothing fetched), which HtmlService serves as
// it is. A page of text only (Trợ giúp › Hướng dẫn) has no main.ts and no script: it lives here rather than as a string
// in Code.js, which Apps Script compiles on every call.
import { build, transform } from 'esbuild';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const uiDir = path.join(root, 'src/ui');
const SHARED_CSS = path.join(uiDir, 'shared/style.css');

/** The pages: every folder of src/ui with an index.html. */
export async function pageNames() {
  const entries = await readdir(uiDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(uiDir, e.name, 'index.html')))
    .map((e) => e.name)
    .sort();
}

/** Inline JS must not close its own <script> element or open an HTML comment. */
export function inlineScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** One page as a self-contained HTML string. */
export async function renderPage(name) {
  const dir = path.join(uiDir, name);
  const js = existsSync(path.join(dir, 'main.ts')) ? await pageScript(dir) : null;
  const cssSources = [SHARED_CSS, path.join(dir, 'style.css')].filter((file) => existsSync(file));
  const css = (await Promise.all(cssSources.map((file) => readFile(file, 'utf8')))).join('\n');
  const minifiedCss = (await transform(css, { loader: 'css', minify: true, target: 'chrome90' })).code;
  const template = await readFile(path.join(dir, 'index.html'), 'utf8');
  if (!template.includes('</head>') || !template.includes('</body>')) throw new Error(`src/ui/${name}/index.html needs </head> and </body>`);
  const styled = template.replace('</head>', () => `<style>${minifiedCss.replace(/<\/style/gi, '<\\/style')}</style>\n</head>`);
  return js === null ? styled : styled.replace('</body>', () => `<script>${inlineScript(js)}</script>\n</body>`);
}

/** A page's main.ts as one minified script. */
async function pageScript(dir) {
  const bundled = await build({
    entryPoints: [path.join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return bundled.outputFiles[0].text;
}

/** Every page as { name, html }. */
export async function renderPages() {
  const names = await pageNames();
  return Promise.all(names.map(async (name) => ({ name, html: await renderPage(name) })));
}

/** Writes outDir/<page>.html for every page and returns their sizes. */
export async function buildPages(outDir) {
  await mkdir(outDir, { recursive: true });
  const pages = await renderPages();
  const written = [];
  for (const { name, html } of pages) {
    const file = path.join(outDir, `${name}.html`);
    await writeFile(file, html);
    written.push({ name, file, bytes: Buffer.byteLength(html) });
  }
  console.log(`pages: ${written.map((p) => `${p.name}.html ${(p.bytes / 1024).toFixed(1)} KB`).join(', ')}`);
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPages(process.argv[2] ?? path.join(root, 'dist/gas'));
}
