import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { checkWorkbook } from '../../src/cli/commands/check';
import { MAU1_CAPTIONS } from '../../src/core/forms/mau1';
import { MAU2_CAPTIONS } from '../../src/core/forms/mau2';
import { MAU3_CAPTIONS } from '../../src/core/forms/mau3';
import { zipEntries, zipEntryContent } from '../../src/xlsx/zip/entries';
import { SOFFICE, skipWithout } from '../support/tools';
import { zipArchive } from './files';

// Issue 20, "what must hold" 1: every generated form prints on A4 with its column captions on every page that
// carries rows, a signature block whose title and names share a page, and no page holding only captions or only a
// name. Each form is printed through LibreOffice and every page's text read back with pdftotext.

const TODAY = '2023-11-15' as CalendarDate;
const TUYEN_GIAO = 'Ban Tuyên giáo';
const THANH_NIEN = 'Ban Thanh niên';
/** Cadres of Ban Tuyên giáo by the number of trips they registered: mẫu 1 of 1, 9 and 30 trips. */
const BY_TRIPS = { 1: 'Lê Văn Một', 9: 'Phạm Thị Chín', 30: 'Đỗ Văn Ba Mươi' } as const;
/** Who signs the province's mẫu 2 and mẫu 3: the head of the Ban that compiles them (Tây Ninh: Tổ chức – Kiểm tra). */
const BTC_KT_HEAD = 'Lâm Thị Kiểm';
/**
 * Ban Thanh niên's cadres, of 8 to 16 trips: one more trip moves the table's end down by a row or two, so that among
 * them the end of some table falls at the foot of a page, where a signature block of several rows would split.
 */
const STEPS: Record<number, string> = {
  8: 'Võ Thị Tám',
  10: 'Huỳnh Văn Mười',
  11: 'Mai Thị Mười Một',
  12: 'Lý Văn Mười Hai',
  13: 'Tạ Thị Mười Ba',
  14: 'Cao Văn Mười Bốn',
  15: 'Đinh Thị Mười Lăm',
  16: 'Hồ Văn Mười Sáu',
};
const PLACES = ['Xã Thạnh Đông, huyện Tân Châu', 'Phường 3, thành phố Tây Ninh', 'Xã Long Thành Nam, thị xã Hòa Thành'];
const KINDS = ['1.1 Phối hợp tổ chức, triển khai hoạt động tại cơ sở', '1.2 Kiểm tra, giám sát', '1.5 Dự sinh hoạt chi đoàn'];
const RESULT =
  'Nắm tình hình tổ chức cơ sở đoàn, hướng dẫn chi đoàn xây dựng kế hoạch sinh hoạt; đề nghị huyện đoàn tăng cường kiểm tra việc sinh hoạt định kỳ';

const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** `count` two-day trips of one cadre, spread over 2023 (done before today, registered after). */
function tripsOf(name: string, ban: string, count: number, first: number): unknown[][] {
  return Array.from({ length: count }, (_, i) => {
    const from = new Date(Date.UTC(2023, 0, 9 + Math.floor((i * 350) / Math.max(count, 1)) + first));
    const to = new Date(from.getTime() + 86_400_000);
    const done = to.toISOString().slice(0, 10) < TODAY;
    return [
      name,
      ban,
      KINDS[i % KINDS.length],
      '2 ngày',
      `Từ ngày ${dmy(from)} – ${dmy(to)}`,
      PLACES[i % PLACES.length],
      done ? 'Đã thực hiện' : 'Đăng ký',
      done ? RESULT : '',
    ];
  });
}

/** The trips tab's column widths in characters, as typed in Excel. */
const TRIP_COLUMN_WIDTHS = [6, 24, 20, 40, 10, 32, 36, 14, 70];

/** Two Bans typed as seed 001's forms are: Tuyên giáo's cadres of 1, 9 and 30 trips, Thanh niên's of 8 to 16. */
async function writeProvince(file: string): Promise<number> {
  const book = new ExcelJS.Workbook();
  const cadres = [...Object.values(BY_TRIPS).map((n) => [n, 'Chuyên viên', TUYEN_GIAO]), ...Object.values(STEPS).map((n) => [n, 'Chuyên viên', THANH_NIEN])];
  cadres.unshift(
    ['Nguyễn Thị Thủy', 'Trưởng ban', TUYEN_GIAO],
    ['Trần Văn Hòa', 'Trưởng ban', THANH_NIEN],
    [BTC_KT_HEAD, 'Trưởng ban', 'Ban Tổ chức – Kiểm tra'],
  );
  book.addWorksheet('Cán bộ').addRows([['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng'], ...cadres.map((c, i) => [i + 1, ...c])]);
  const trips = [
    ...Object.entries(BY_TRIPS).flatMap(([count, name], i) => tripsOf(name, TUYEN_GIAO, Number(count), i)),
    ...Object.entries(STEPS).flatMap(([count, name], i) => tripsOf(name, THANH_NIEN, Number(count), 3 + i)),
  ];
  const tripsTab = book.addWorksheet('Đi cơ sở');
  // Columns as wide as people make them to read their texts: fitted to one page's width, this table would print at
  // half size.
  TRIP_COLUMN_WIDTHS.forEach((width, i) => (tripsTab.getColumn(i + 1).width = width));
  tripsTab.addRows([
    ['STT', 'Họ và tên', 'Ban/Văn phòng', 'Nội dung đi cơ sở', 'Số ngày', 'Thời gian cụ thể', 'Địa điểm', 'Trạng thái', 'Kết quả, đề xuất'],
    ...trips.map((t, i) => [i + 1, ...t]),
  ]);
  const settings = book.addWorksheet('Cài đặt');
  settings.addRows([
    ['Cài đặt', 'Giá trị'],
    ['Bộ quy định', 'tay-ninh-2023'],
    ['Năm', 2023],
  ]);
  await book.xlsx.writeFile(file);
  withoutPrintSetUp(file);
  return trips.length;
}

/**
 * The file as a program that writes no print set-up saves it (exceljs writes Letter portrait on every sheet): its
 * input tabs get ours, A4 landscape as wide as stays readable.
 */
function withoutPrintSetUp(file: string): void {
  const bytes = readFileSync(file);
  const parts: Record<string, Buffer> = {};
  for (const entry of zipEntries(bytes)!) {
    const content = zipEntryContent(bytes, entry)!;
    parts[entry.name] = /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name)
      ? Buffer.from(content.toString('utf8').replace(/<pageMargins[^>]*\/>|<pageSetup[^>]*\/>/g, ''), 'utf8')
      : content;
  }
  writeFileSync(file, zipArchive(parts));
}

/** A printed page: its text (pdftotext -layout) and its size in points ("595.28 x 841.89"). */
interface Page {
  text: string;
  size: string;
}

/** A form as printed: its kind, whose it is (mẫu 1) or its header (mẫu 2, mẫu 3), and its pages. */
interface PrintedForm {
  kind: 'mau1' | 'mau2' | 'mau3';
  title: string;
  pages: Page[];
}

const TITLES = { mau1: 'BẢN ĐĂNG KÝ', mau2: 'BẢN TỔNG HỢP ĐĂNG KÝ', mau3: 'TỔNG HỢP BÁO CÁO' } as const;

/**
 * The printed forms of a PDF, in order: a form begins on the page that holds its header block ("BCH ĐOÀN TỈNH …",
 * printed once, on its first page) and runs on over the pages that carry its captions or its signature. The tabs
 * that are not forms (the input tabs, Tổng hợp) have no header block.
 */
function printedForms(pages: readonly Page[]): PrintedForm[] {
  const forms: PrintedForm[] = [];
  let current: PrintedForm | null = null;
  for (const page of pages) {
    if (page.text.includes('BCH ĐOÀN TỈNH')) {
      const kind = page.text.includes(TITLES.mau2) ? 'mau2' : page.text.includes(TITLES.mau3) ? 'mau3' : 'mau1';
      const title = kind === 'mau1' ? /1\. Họ và tên: (.+)/.exec(page.text)![1]!.trim() : page.text.split('\n').slice(0, 2).join('\n');
      current = { kind, title, pages: [] };
      forms.push(current);
    } else if (current && !isContinuation(current, page.text)) current = null;
    current?.pages.push(page);
  }
  return forms;
}

/** A page after a form's first belongs to it when it carries its captions or its signature (else: another tab). */
function isContinuation(form: PrintedForm, page: string): boolean {
  return hasCaptions(page, CAPTIONS[form.kind]) || page.includes(SIGNATURES[form.kind]);
}

const CAPTIONS = { mau1: MAU1_CAPTIONS, mau2: MAU2_CAPTIONS, mau3: MAU3_CAPTIONS } as const;
/** The right-hand signature title of each form (the left one of mẫu 1 is checked with it). */
const SIGNATURES = { mau1: 'Người đăng ký', mau2: 'TRƯỞNG BAN', mau3: 'TRƯỞNG BAN' } as const;
/** The left-hand signature title, on the same page as the right one. */
const LEFT_SIGNATURES = { mau1: 'Lãnh đạo Ban/Văn phòng phê duyệt', mau2: 'Phê duyệt của Lãnh đạo Tỉnh đoàn', mau3: null } as const;
/** A trip's row: its "Thời gian cụ thể" (every form prints it). */
const TRIP_ROW = /Từ ngày \d\d\/\d\d\/\d{4}/g;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Every word of every caption printed above the page's first trip (captions wrap inside their cells). */
function hasCaptions(page: string, captions: readonly string[]): boolean {
  const firstRow = page.search(TRIP_ROW);
  const above = words(firstRow < 0 ? page : page.slice(0, firstRow));
  return captions.every((caption) => words(caption).every((word) => above.includes(word)));
}

const rowsOn = (page: string) => page.match(TRIP_ROW)?.length ?? 0;

/** The median height (points) of the words on each page of a PDF: the size its text prints at. */
function wordHeights(pdf: string): number[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) => {
      const heights = [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
        .map((m) => Number(m[2]) - Number(m[1]))
        .sort((a, b) => a - b);
      return heights.length ? heights[Math.floor(heights.length / 2)]! : 0;
    });
}

let dir: string;
let forms: PrintedForm[];
/** The Ban's result file: the text height of each page of its input tabs, and of its Cài đặt tab (printed at 100 %). */
let inputTabs: { heights: number[]; settings: number };

const skip = skipWithout(['libreoffice', 'pdftotext']);

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-print-'));
  const input = path.join(dir, 'tinh.xlsx');
  await writeProvince(input);
  const ban = path.join(dir, 'ban.xlsx');
  const province = path.join(dir, 'tinh-ket-qua.xlsx');
  // A Ban's forms (mẫu 1 of one cadre of each size, its mẫu 2 and mẫu 3), then the province's and both Bans' stacks of mẫu 1.
  await checkWorkbook(input, { json: false, today: TODAY, quarter: 3, ban: TUYEN_GIAO, out: ban, mau1: Object.values(BY_TRIPS) });
  await checkWorkbook(input, { json: false, today: TODAY, quarter: 3, out: province, mau1: [TUYEN_GIAO, THANH_NIEN] });
  // One LibreOffice for both files: starting it is most of the time.
  execFileSync(
    SOFFICE ?? 'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ban, province],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  forms = [];
  for (const pdf of ['ban.pdf', 'tinh-ket-qua.pdf'].map((f) => path.join(dir, f))) {
    expect(existsSync(pdf), readdirSync(dir).join(', ')).toBe(true);
    const texts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC').split('\f');
    const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' }).matchAll(/Page +\d+ size: +([\d.]+ x [\d.]+)/g)].map(
      (m) => m[1]!,
    );
    const heights = wordHeights(pdf);
    if (process.env.DICOSO_PRINT_DUMP) console.log(pdf, texts.map((p, i) => `=== trang ${i + 1}, ${sizes[i]}, ${heights[i]}\n${p}`).join('\n'));
    forms.push(...printedForms(sizes.map((size, i) => ({ text: texts[i]!, size }))));
    // Its tabs print in order: Cán bộ, Đi cơ sở, then Cài đặt, which nobody set up for printing: LibreOffice's 100 %.
    const settings = texts.findIndex((t) => t.includes('tay-ninh-2023'));
    if (pdf.endsWith('ban.pdf')) inputTabs = { heights: heights.slice(0, settings), settings: heights[settings]! };
  }
  if (process.env.DICOSO_PRINT_DUMP)
    console.log(forms.map((f) => `${f.kind} ${f.title.split('\n')[1]?.trim() ?? f.title}: ${f.pages.length} trang`).join('\n'));
}, 150_000);

describe.skipIf(skip)('biểu mẫu in ra giấy A4 qua LibreOffice', () => {
  it('mọi trang khổ A4 (210 × 297 mm: 595 × 842 pt, dọc hoặc ngang)', () => {
    for (const form of forms) {
      for (const { size } of form.pages) {
        const sides = size.split(' x ').map((s) => Math.round(Number(s)));
        expect(
          sides.sort((a, b) => a - b),
          `${form.kind} ${form.title}`,
        ).toEqual([595, 842]);
      }
    }
  });

  it('in đủ các biểu mẫu: mẫu 1 của cán bộ 1, 9 và 30 đợt, mẫu 2 và mẫu 3 của ban và của tỉnh, mẫu 1 cả ban', () => {
    const mau1 = forms.filter((f) => f.kind === 'mau1').map((f) => f.title);
    // The Ban's run: one form per cadre named; the province's run: the Ban's stack, one form per cadre of the Ban.
    for (const name of Object.values(BY_TRIPS)) expect(mau1.filter((n) => n === name)).toHaveLength(2);
    for (const name of Object.values(STEPS)) expect(mau1.filter((n) => n === name)).toHaveLength(1);
    expect(forms.filter((f) => f.kind === 'mau2')).toHaveLength(2);
    expect(forms.filter((f) => f.kind === 'mau3')).toHaveLength(2);
  });

  it('mẫu 1: mỗi đợt in đúng một lần; 30 đợt sang trang, 1 đợt vừa một trang', () => {
    for (const [count, name] of [...Object.entries(BY_TRIPS), ...Object.entries(STEPS)]) {
      for (const form of forms.filter((f) => f.kind === 'mau1' && f.title === name)) {
        expect(
          form.pages.reduce((sum, p) => sum + rowsOn(p.text), 0),
          name,
        ).toBe(Number(count));
      }
    }
    const single = (name: string) => forms.find((f) => f.kind === 'mau1' && f.title === name)!;
    expect(single(BY_TRIPS[1]).pages).toHaveLength(1);
    expect(single(BY_TRIPS[30]).pages.length).toBeGreaterThan(1);
  });

  it('trang nào có dòng của bảng thì có tiêu đề cột ở trên; không trang nào chỉ có tiêu đề hay chỉ có chữ ký', () => {
    let continued = 0;
    for (const form of forms) {
      // A form of no trips (the Trưởng ban's own mẫu 1 in the Ban's stack) is one page: its captions and signature.
      const empty = form.pages.every((p) => rowsOn(p.text) === 0);
      if (empty) expect(form.pages, form.title).toHaveLength(1);
      form.pages.forEach((page, i) => {
        const where = `${form.kind} ${form.title}, trang ${i + 1}/${form.pages.length}`;
        // Every page carries rows of the table: a page of captions alone, or of a signature alone, has none.
        if (!empty) expect(rowsOn(page.text), where).toBeGreaterThan(0);
        expect(hasCaptions(page.text, CAPTIONS[form.kind]), where).toBe(true);
        if (i > 0) continued++;
      });
    }
    // Mẫu 1 of 9 and 30 trips, mẫu 2 and mẫu 3 run on: there are continuation pages to look at.
    expect(continued).toBeGreaterThanOrEqual(6);
  });

  it('khối chữ ký: chức danh và tên người ký cùng một trang, sau dòng cuối của bảng', () => {
    for (const form of forms) {
      const last = form.pages[form.pages.length - 1]!.text;
      const title = SIGNATURES[form.kind];
      const at = last.lastIndexOf(title);
      expect(at, `${form.kind} ${form.title}`).toBeGreaterThan(last.search(TRIP_ROW));
      const signer = form.kind === 'mau1' ? form.title : form.title.includes('BAN TUYÊN GIÁO') ? 'Nguyễn Thị Thủy' : BTC_KT_HEAD;
      expect(last.slice(at), form.kind).toContain(signer);
      const left = LEFT_SIGNATURES[form.kind];
      if (left) expect(last, form.kind).toContain(left);
      // Neither title nor name on any page before.
      for (const page of form.pages.slice(0, -1)) expect(page.text).not.toContain(title);
    }
  });

  it('tab đi cơ sở in ra đọc được: cột kết quả xuống dòng, không ép cả bảng vào một trang ngang đến chữ nhỏ dưới 8 pt', () => {
    // The trips tab is 1,600 points wide with our column; a page 770. The workbook's font is 11 points: printed at 8
    // or more, its words are at least 8/11 as tall as on the Cài đặt tab, which prints at 100 %.
    expect(inputTabs.heights.length).toBeGreaterThan(1);
    for (const height of inputTabs.heights) expect(height).toBeGreaterThanOrEqual((inputTabs.settings * 8) / 11);
  });
});
