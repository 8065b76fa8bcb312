import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { GMAIL_CLIP_BUDGET, renderEmail, subjectLine } from '../../src/core/email/render';
import { escapeHtml } from '../../src/core/html';
import { utf8Length } from '../../src/core/email/sent-log';
import { defaultSettings } from '../../src/core/settings';
import { previewSummaries } from '../../src/sheets/email-run';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { analyze } from '../../src/sheets/workflow';
import { ROSTER_HEADER, TRIP_HEADER } from '../support/domain';

const URL = 'https://docs.google.com/spreadsheets/d/abc123/edit';
const GMAIL_CLIP = 102 * 1024;
const NASTY = ['<script>alert(1)</script> Nguyễn Văn A', 'Trần & Lê', 'Lý "Tí" O\'Brien', "=cmd|' /C calc'!A0"];

/** A Ban of `n` cadres, each with three done trips in quarter 2 and long, realistic result texts. */
function bigBan(n: number, ban = 'Ban Tuyên giáo') {
  const roster: unknown[][] = [[...ROSTER_HEADER]];
  const trips: unknown[][] = [[...TRIP_HEADER]];
  for (let i = 0; i < n; i++) {
    const name = i < NASTY.length ? NASTY[i]! : `Nguyễn Thị Thanh Hương ${i + 1}`;
    roster.push([i + 1, name, i === 0 ? 'Trưởng ban' : 'Chuyên viên', ban, '', `cb${i}@tinhdoan.example.vn`, '', '', '']);
    for (let t = 0; t < 3; t++) {
      const day = 1 + t * 9;
      trips.push([
        trips.length,
        name,
        ban,
        t === 0 ? 'Theo chuyên đề' : 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
        `Cùng ăn, cùng ở, cùng làm: hỗ trợ Đoàn xã xây dựng mô hình thanh niên phát triển kinh tế <b>${t}</b>`,
        5,
        `${String(day).padStart(2, '0')}/05/2023`,
        `${String(day + 4).padStart(2, '0')}/05/2023`,
        'Xã Vĩnh Hòa Hiệp, huyện Châu Thành',
        '',
        'Đã thực hiện',
      ]);
      // The result column ("Kết quả, đề xuất") is not in the short header: append it.
      trips[trips.length - 1]!.push(
        'Cơ sở triển khai tốt; đoàn viên tham gia đông. Hạn chế: kinh phí còn ít, cần hỗ trợ thêm tài liệu sinh hoạt chi đoàn và tập huấn kỹ năng cho cán bộ chi đoàn mới.',
      );
    }
  }
  trips[0]!.push('Kết quả, đề xuất');
  const workbook = MemoryWorkbook.fromTabs({ 'Cán bộ': roster as never, 'Đi cơ sở': trips as never });
  const settings = { ...defaultSettings(2023), recipients: { btcKt: ['btckt@tinhdoan.example.vn'], banLeaders: {}, thuongTruc: [] } };
  return analyze(workbook, { settings, today: '2023-06-27' as CalendarDate });
}

describe('email rendering', () => {
  it('escapes every user string: <script>, &, quotes, =cmd', () => {
    const analysis = bigBan(6);
    const [province, ban] = previewSummaries(analysis, 2, 'Ban Tuyên giáo', { spreadsheetUrl: URL });
    for (const email of [province!, ban!]) {
      expect(email.html).not.toContain('<script>');
      expect(email.html).not.toContain('kinh tế <b>');
    }
    const html = ban!.html;
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Nguyễn Văn A');
    expect(html).toContain('Trần &amp; Lê');
    expect(html).toContain('Lý &quot;Tí&quot; O&#39;Brien');
    expect(html).toContain('=cmd|&#39; /C calc&#39;!A0');
    expect(html).toContain('mô hình thanh niên phát triển kinh tế &lt;b&gt;0&lt;/b&gt;');
    // The plain text says the same in the clear.
    expect(ban!.text).toContain('<script>alert(1)</script> Nguyễn Văn A');
    expect(ban!.subject).toBe('[1+2] Tổng hợp đi cơ sở quý II năm 2023 – Ban Tuyên giáo');
    expect(html).toContain(`href="${URL}"`);
  });

  it('is phone-sized Gmail HTML: 640 px column, 14 px text, inline styles only, no images or external CSS', () => {
    const html = previewSummaries(bigBan(6), 2, 'Ban Tuyên giáo', { spreadsheetUrl: URL })[1]!.html;
    expect(html).toContain('max-width:640px');
    expect(html).toContain('font-size:14px');
    expect(html).not.toMatch(/<style|<link|<img|<script|url\(/i);
  });

  it('keeps a 60-cadre Ban under Gmail’s ~102 KB clipping size, with every trip listed', () => {
    const analysis = bigBan(60);
    const [province, ban] = previewSummaries(analysis, 2, 'Ban Tuyên giáo', { spreadsheetUrl: URL });
    const size = utf8Length(ban!.html);
    console.info(`HTML size: 60-cadre Ban ${size} bytes, province ${utf8Length(province!.html)} bytes; text ${utf8Length(ban!.text)} bytes`);
    expect(size).toBeLessThan(GMAIL_CLIP);
    expect(size).toBeLessThanOrEqual(GMAIL_CLIP_BUDGET);
    expect(ban!.html).not.toContain('dòng nữa không in');
    expect(ban!.html.match(/\d\d\/05–\d\d\/05\/2023/g)).toHaveLength(180);
  });

  it('trims the longest table with a note when even that would be clipped (150 cadres)', () => {
    const ban = previewSummaries(bigBan(150), 2, 'Ban Tuyên giáo', { spreadsheetUrl: URL })[1]!;
    expect(utf8Length(ban.html)).toBeLessThanOrEqual(GMAIL_CLIP_BUDGET);
    expect(ban.html).toMatch(/… và \d+ dòng nữa không in trong thư/);
  });

  it('subjects are one line (a name with a line break cannot add a header)', () => {
    expect(subjectLine('[1+2] Tổng hợp đi cơ sở quý II năm 2023 – Ban X\r\nBcc: a@b.c')).toBe('[1+2] Tổng hợp đi cơ sở quý II năm 2023 – Ban X Bcc: a@b.c');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('marks a test email in the subject and with a banner, in HTML and text', () => {
    const analysis = bigBan(3);
    const email = renderEmail({
      subject: '[THỬ] [1+2] Tổng hợp đi cơ sở quý II năm 2023 – Toàn tỉnh',
      test: true,
      heading: 'x',
      greeting: '',
      intro: [],
      blocks: [],
      link: null,
      footer: [],
    });
    expect(email.html).toContain('THƯ GỬI THỬ');
    expect(email.text).toContain('THƯ GỬI THỬ');
    expect(analysis.year).toBe(2023);
  });
});
