import { describe, expect, it } from 'vitest';
import { inlineScript, renderPages } from '../../scripts/build-ui.mjs';

describe('the built pages', () => {
  it('are six self-contained HTML files: one inline script (none for the help text), one inline style, nothing fetched', async () => {
    const pages = await renderPages();
    expect(pages.map((p) => p.name)).toEqual(['duyet', 'forms-dialog', 'help', 'progress', 'settings', 'trip-form']);
    for (const { name, html } of pages) {
      expect(html.match(/<script>/g) ?? [], name).toHaveLength(name === 'help' ? 0 : 1);
      expect(html.match(/<style>/g), name).toHaveLength(1);
      const markupAndCss = html.replace(/<script>[\s\S]*<\/script>/, '<script></script>');
      expect(markupAndCss, name).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(|https?:/i);
      expect(html, name).toContain('<html lang="vi">');
      // Small enough for HtmlService to serve quickly (zod is the bulk of the two form pages).
      expect(Buffer.byteLength(html), name).toBeLessThan(160_000);
    }
  });

  it('never let the inlined code close its own script element', () => {
    expect(inlineScript('a="</script><script>alert(1)</script>";b="<!--"')).toBe('a="<\\/script><script>alert(1)<\\/script>";b="<\\!--"');
  });
});
