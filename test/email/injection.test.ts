import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { html, link, safeUrl } from '../../src/core/html';
import { defaultSettings } from '../../src/core/settings';
import { previewSummaries } from '../../src/sheets/email-run';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { analyze } from '../../src/sheets/workflow';
import { ROSTER_HEADER, TRIP_HEADER } from '../support/domain';

/**
 * Whatever a sheet holds never becomes markup in an email: a cadre's name, a Ban's name, a reason (an exemption, a
 * waiver), a place, and the spreadsheet's URL all reach the HTML escaped, and only an https URL becomes a link.
 */

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
const BAN = `Ban ${IMG}`;

function hostileProvince() {
  const roster = [
    ROSTER_HEADER,
    [1, `Nguyễn Văn ${SCRIPT}`, 'Trưởng ban', BAN, '', 'a@tinhdoan.example.vn', '', '', ''],
    [2, 'Trần Thị Bình', 'Chuyên viên', BAN, '', '', `Nghỉ thai sản ${SCRIPT}`, '', ''],
    [3, 'Lê Văn Cường', 'Chuyên viên', BAN, '', '', '', `Văn bản ${IMG}`, ''],
  ];
  const trips = [
    TRIP_HEADER,
    [1, `Nguyễn Văn ${SCRIPT}`, BAN, 'Theo chuyên đề', `Nội dung ${SCRIPT}`, 5, '01/05/2023', '05/05/2023', `Xã ${SCRIPT}`, '', 'Đã thực hiện'],
    [2, 'Lê Văn Cường', BAN, 'Kiểm tra, giám sát', 'Kiểm tra', 3, '10/05/2023', '12/05/2023', `Ấp ${IMG}`, '', 'Đã thực hiện'],
  ];
  const workbook = MemoryWorkbook.fromTabs({ 'Cán bộ': roster as never, 'Đi cơ sở': trips as never });
  const settings = { ...defaultSettings(2023), recipients: { btcKt: ['btckt@tinhdoan.example.vn'], banLeaders: {}, thuongTruc: [] } };
  return analyze(workbook, { settings, today: '2023-06-27' as CalendarDate });
}

describe('nothing from a sheet becomes markup in an email', () => {
  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a URL breaking out of its attribute', 'https://docs.google.com/x" onmouseover="alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
  ])('%s is not linked, and names, Ban, reasons and places stay text', (_, url) => {
    const emails = previewSummaries(hostileProvince(), 2, null, { spreadsheetUrl: url });
    expect(emails.length).toBeGreaterThanOrEqual(2);
    for (const email of emails) {
      // Tags and URLs as markup; the same words escaped (&lt;img … onerror=…&gt;) are text and harmless.
      expect(email.html).not.toMatch(/<script|<img|javascript:|data:text|onmouseover/i);
      expect(email.html).not.toContain('href=');
    }
    const all = emails.map((e) => e.html).join('\n');
    expect(all).toContain('Nguyễn Văn &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all).toContain('Ban &lt;img src=x onerror=alert(2)&gt;');
    expect(all).toContain('Xã &lt;script&gt;');
    expect(all).toContain('Ấp &lt;img');
  });

  it('the reasons shown (an exemption, a waiver) are escaped too', () => {
    const analysis = hostileProvince();
    const reasons = analysis.evaluation.cadres.flatMap((c) => c.reasons).join(' ');
    expect(reasons).toContain(SCRIPT);
    const rendered = html`<p>${reasons}</p>`.markup;
    expect(rendered).not.toContain('<script');
    expect(rendered).toContain('&lt;script&gt;');
  });

  it('an https spreadsheet URL is the one link', () => {
    const url = 'https://docs.google.com/spreadsheets/d/abc/edit';
    const [province] = previewSummaries(hostileProvince(), 2, null, { spreadsheetUrl: url });
    expect(province!.html.match(/href=/g)).toHaveLength(1);
    expect(province!.html).toContain(`href="${url}"`);
  });

  it.each([
    ['https://docs.google.com/a', 'https://docs.google.com/a'],
    ['http://docs.google.com/a', null],
    ['javascript:alert(1)', null],
    [' https://x', null],
    ['https://x"><script>', null],
    ['', null],
  ])('safeUrl(%j) = %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
    expect(link(url, 'Mở', 'color:red').markup).toBe(expected ? `<a href="${expected}" style="color:red">Mở</a>` : 'Mở');
  });
});
