import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../src/cli/commands/check';
import { zipEntries, zipEntryContent } from '../../src/xlsx/zip/entries';
import type { CalendarDate } from '../../src/core/calendar-date';
import { ROOT } from '../support/bundle';
import { zipArchive } from './files';

/**
 * What Excel writes and exceljs cannot: the sample workbook with parts of its XML rewritten as Excel lays them out,
 * run through the real `check`, and the result read back as XML. Every expected value is the one written into the
 * input here.
 */

const SAMPLE = path.join(ROOT, 'samples/tinh-doan-mau.xlsx');
const today = '2023-11-15' as CalendarDate;
/** The sample's cell style 4 is `dd/mm/yyyy`. */
const DATE_STYLE = 4;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-fidelity-'));
});

/** The sample's parts, each rewritten by `edits` (by part name), with `added` parts at the end. */
function sampleWith(edits: Record<string, (xml: string) => string>, added: Record<string, string> = {}): Buffer {
  const bytes = readFileSync(SAMPLE);
  const files: Record<string, string | Buffer> = {};
  for (const entry of zipEntries(bytes)!) {
    const content = zipEntryContent(bytes, entry)!;
    const edit = edits[entry.name];
    files[entry.name] = edit ? edit(content.toString('utf8')) : content;
  }
  for (const name of Object.keys(edits)) if (!(name in files)) throw new Error(`the sample has no part ${name}`);
  return zipArchive({ ...files, ...added });
}

/** Adds `cells` at the end of row `r` (which must exist), and `attributes` to the row. */
function inRow(r: number, cells: string, attributes = ''): (xml: string) => string {
  return (xml) => {
    const m = new RegExp(`<row r="${r}"([^>]*)>(.*?)</row>`).exec(xml);
    if (!m) throw new Error(`no row ${r}`);
    return `${xml.slice(0, m.index)}<row r="${r}"${m[1]}${attributes}>${m[2]}${cells}</row>${xml.slice(m.index + m[0].length)}`;
  };
}

const chain =
  (...edits: ((xml: string) => string)[]) =>
  (xml: string) =>
    edits.reduce((x, edit) => edit(x), xml);

async function check(name: string, input: Buffer): Promise<{ part: (name: string) => string; parts: string[] }> {
  const file = path.join(dir, `${name}.xlsx`);
  const out = path.join(dir, `${name}-ket-qua.xlsx`);
  writeFileSync(file, input);
  await checkWorkbook(file, { json: false, today, out }, new Date());
  const bytes = readFileSync(out);
  const entries = zipEntries(bytes)!;
  return {
    parts: entries.map((e) => e.name),
    part: (wanted) => {
      const entry = entries.find((e) => e.name === wanted);
      if (!entry) throw new Error(`the result has no part ${wanted}`);
      return zipEntryContent(bytes, entry)!.toString('utf8');
    },
  };
}

/** The `<c>` element of a cell in a sheet's XML. */
function cellXml(sheet: string, address: string): string {
  const m = new RegExp(`<c r="${address}"(?:[^>]*/>|[^>]*>.*?</c>)`).exec(sheet);
  if (!m) throw new Error(`no cell ${address}`);
  return m[0];
}

function valueOf(cell: string): string {
  return /<v>([^<]*)<\/v>/.exec(cell)?.[1] ?? '';
}

describe('ô ngày giờ của người dùng ghi ra đúng như đã đọc', () => {
  it('số ngày giờ (có phần lẻ) và giờ 12:30 giữ đúng từng chữ số, ở dòng thường và ở dòng có công thức; ô ngày dạng ISO (t="d") giữ nguyên', async () => {
    const { part } = await check(
      'ngay-gio',
      sampleWith({
        'xl/worksheets/sheet1.xml': chain(
          // Row 20 holds only plain cells (the streaming store); row 21 a formula (exceljs's own cells).
          inRow(20, `<c r="K20" s="${DATE_STYLE}"><v>45000.123456789</v></c><c r="L20" s="${DATE_STYLE}"><v>0.5208333333333334</v></c>`),
          inRow(
            21,
            `<c r="K21" s="${DATE_STYLE}"><v>45245.602837152779</v></c><c r="L21"><f>L20=TIME(12,30,0)</f><v>1</v></c><c r="M21" t="d"><v>2023-11-15T10:30:00</v></c>`,
          ),
          inRow(22, '<c r="K22" t="d"><v>2023-11-16</v></c>'),
        ),
      }),
    );
    const sheet = part('xl/worksheets/sheet1.xml');
    expect(Number(valueOf(cellXml(sheet, 'K20')))).toBe(45000.123456789);
    expect(Number(valueOf(cellXml(sheet, 'L20')))).toBe(0.5208333333333334);
    expect(Number(valueOf(cellXml(sheet, 'K21')))).toBe(45245.602837152779);
    expect(cellXml(sheet, 'M21')).toMatch(/^<c r="M21" t="d"><v>2023-11-15T10:30:00<\/v><\/c>$/);
    expect(cellXml(sheet, 'K22')).toMatch(/^<c r="K22" t="d"><v>2023-11-16<\/v><\/c>$/);
    // Still shown as dates: the style the cells point at keeps the input's dd/mm/yyyy.
    const styles = part('xl/styles.xml');
    const xfs = [...(/<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => m[1]);
    const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    for (const address of ['K20', 'L20', 'K21']) {
      const style = Number(/ s="(\d+)"/.exec(cellXml(sheet, address))?.[1] ?? 0);
      expect(formats.get(xfs[style]!), address).toBe('dd/mm/yyyy');
    }
  });
});

describe('dòng trống chỉ mang thiết lập của dòng vẫn còn', () => {
  it('dòng ẩn, dòng tô màu, dòng thuộc nhóm (outline) và dòng thu gọn không có ô nào vẫn có trong tệp kết quả', async () => {
    const { part } = await check(
      'dong-trong',
      sampleWith({
        'xl/worksheets/sheet2.xml': (xml) =>
          xml.replace(
            '</sheetData>',
            '<row r="470" hidden="1"/><row r="471" s="5" customFormat="1"/><row r="472" outlineLevel="1"/><row r="473" outlineLevel="1" hidden="1"/><row r="474" collapsed="1"/></sheetData>',
          ),
      }),
    );
    const sheet = part('xl/worksheets/sheet2.xml');
    expect(sheet).toContain(
      '<row r="470" hidden="1"/><row r="471" s="5" customFormat="1"/><row r="472" outlineLevel="1"/><row r="473" outlineLevel="1" hidden="1"/><row r="474" collapsed="1"/></sheetData>',
    );
  });
});

describe('tên đặt cho ô, khóa cấu trúc sổ và thuộc tính tài liệu được chép sang như trong tệp', () => {
  const NAMES =
    '<definedName name="TyLe">0.15</definedName>' +
    '<definedName name="DongCuoi">OFFSET(&apos;Cán bộ&apos;!$A$1,COUNTA(&apos;Cán bộ&apos;!$A:$A)-1,0)</definedName>' +
    '<definedName name="Vung" localSheetId="0">&apos;Cán bộ&apos;!$B$4:$B$33</definedName>' +
    '<definedName name="Vung" localSheetId="1">&apos;Đi cơ sở&apos;!$B$2:$B$266</definedName>' +
    '<definedName name="AnDi" hidden="1" comment="tên ẩn">&apos;Cán bộ&apos;!$C$4</definedName>' +
    '<definedName name="HaiVung">&apos;Cán bộ&apos;!$A$4:$A$5,&apos;Cán bộ&apos;!$C$4:$C$5</definedName>';
  const CUSTOM =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="DonVi"><vt:lpwstr>Tỉnh đoàn</vt:lpwstr></property></Properties>';
  const input = () =>
    sampleWith(
      {
        'xl/workbook.xml': (xml) =>
          xml
            .replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>')
            // The tabs in another order than the sample's, so a tab's own name must find its tab by name.
            .replace(/(<sheet [^>]*name="Cán bộ"[^>]*\/>)(<sheet [^>]*name="Đi cơ sở"[^>]*\/>)/, '$2$1')
            .replace(
              '</sheets>',
              `</sheets><definedNames>${NAMES.replaceAll('localSheetId="0"', 'localSheetId="X"').replaceAll('localSheetId="1"', 'localSheetId="0"').replaceAll('localSheetId="X"', 'localSheetId="1"')}</definedNames>`,
            ),
        '_rels/.rels': (xml) =>
          xml.replace(
            '</Relationships>',
            '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
          ),
        '[Content_Types].xml': (xml) =>
          xml.replace(
            '</Types>',
            '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
          ),
      },
      { 'docProps/custom.xml': CUSTOM },
    );

  it('hằng số, công thức, tên riêng của từng tab (hai tab cùng tên “Vung”), tên ẩn có chú thích, tên hai vùng; khóa cấu trúc; thuộc tính tùy chỉnh — qua hai lần chạy', async () => {
    const first = await check('ten', input());
    const again = await check('ten-2', readFileSync(path.join(dir, 'ten-ket-qua.xlsx')));
    for (const { part, parts } of [first, again]) {
      const book = part('xl/workbook.xml');
      const tabs = [...book.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
      const user = [...book.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].filter((m) => !/name="_(?:dicoso_|xlnm\.)/.test(m[1]!));
      const described = user.map(([, attributes, text]) => {
        const scope = / localSheetId="(\d+)"/.exec(attributes!)?.[1];
        return `${attributes!.replace(/ localSheetId="\d+"/, '')}${scope === undefined ? '' : ` @${tabs[Number(scope)]}`} = ${text}`;
      });
      expect(described.sort()).toEqual(
        [
          'name="TyLe" = 0.15',
          'name="DongCuoi" = OFFSET(&apos;Cán bộ&apos;!$A$1,COUNTA(&apos;Cán bộ&apos;!$A:$A)-1,0)',
          'name="Vung" @Cán bộ = &apos;Cán bộ&apos;!$B$4:$B$33',
          'name="Vung" @Đi cơ sở = &apos;Đi cơ sở&apos;!$B$2:$B$266',
          'name="AnDi" hidden="1" comment="tên ẩn" = &apos;Cán bộ&apos;!$C$4',
          'name="HaiVung" = &apos;Cán bộ&apos;!$A$4:$A$5,&apos;Cán bộ&apos;!$C$4:$C$5',
        ].sort(),
      );
      // In its place in CT_Workbook: after workbookPr, before bookViews and sheets.
      expect(book).toMatch(/<workbookPr [^>]*\/><workbookProtection lockStructure="1"\/>(?:<bookViews>.*?<\/bookViews>)?<sheets>/);
      expect(parts).toContain('docProps/custom.xml');
      expect(part('docProps/custom.xml')).toBe(CUSTOM);
      expect(part('_rels/.rels')).toMatch(
        /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/custom-properties" Target="docProps\/custom.xml"/,
      );
      expect(part('[Content_Types].xml')).toContain(
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
      );
    }
  });
});

describe('những gì exceljs từng bỏ đi nay được giữ nguyên', () => {
  it('liên kết tới ô (location, kiểu Excel), chú thích của liên kết, điều kiện lọc, ngắt trang đặt tay: còn nguyên từng chữ trong tệp kết quả', async () => {
    const filter = '<autoFilter ref="A1:Q266"><filterColumn colId="10"><filters><filter val="Đăng ký"/></filters></filterColumn></autoFilter>';
    const link = '<hyperlinks><hyperlink ref="I2" location="\'Cán bộ\'!B4" display="về Cán bộ" tooltip="nhảy"/></hyperlinks>';
    const breaks = '<rowBreaks count="1" manualBreakCount="1"><brk id="50" max="16383" man="1"/></rowBreaks>';
    const { part } = await check(
      'giu-lai',
      sampleWith({
        'xl/worksheets/sheet2.xml': (xml) =>
          xml
            .replace('</sheetData>', `</sheetData>${filter}`)
            .replace('<pageMargins', `${link}<pageMargins`)
            .replace('</worksheet>', '')
            .concat(`${breaks}</worksheet>`),
      }),
    );
    const sheet = part('xl/worksheets/sheet2.xml');
    for (const kept of [filter, link, breaks]) expect(sheet).toContain(kept);
  });

  it('chạy lại trên tệp kết quả: tab mẫu 1 của lần trước không ghi lại lần này thì vẫn còn nguyên, cả ngắt trang', async () => {
    // The Ban's mẫu 1 starts each cadre on a page of its own.
    const run = async (input: string, out: string, mau1?: string) => {
      await checkWorkbook(input, { json: false, today, out, ...(mau1 ? { mau1: [mau1] } : {}) }, new Date());
      const bytes = readFileSync(out);
      const sheets = zipEntries(bytes)!.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
      return sheets.filter((e) => zipEntryContent(bytes, e)!.toString('utf8').includes('<rowBreaks')).length;
    };
    const first = path.join(dir, 'mau1-lan1.xlsx');
    const second = path.join(dir, 'mau1-lan2.xlsx');
    const third = path.join(dir, 'mau1-lan3.xlsx');
    expect(await run(SAMPLE, first, 'Ban Tuyên giáo')).toBe(1);
    expect(await run(first, second, 'Ban Tuyên giáo')).toBe(1);
    expect(await run(second, third)).toBe(1);
  });
});

describe('ghi chú có định dạng của người dùng', () => {
  it('khi tiện ích thêm dòng của mình vào ghi chú, chữ đậm và màu của người dùng vẫn giữ; chạy lại lần hai cũng vậy', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    // Row 19's name “Nguyễn Thị Thủyy” is not on the roster: the check notes that cell.
    const red = { bold: true, color: { argb: 'FFFF0000' } };
    wb.getWorksheet('Đi cơ sở')!.getCell('B19').note = { texts: [{ font: red, text: 'Chú ý:' }, { text: ' tên gõ sai\ndòng hai' }] };
    const first = path.join(dir, 'rich-note.xlsx');
    await wb.xlsx.writeFile(first);

    const runsAfter = async (input: string, out: string) => {
      await checkWorkbook(input, { json: false, today, out }, new Date());
      const result = new ExcelJS.Workbook();
      await result.xlsx.readFile(out);
      const note = result.getWorksheet('Đi cơ sở')!.getCell('B19').note as { texts: { font?: { bold?: boolean; color?: { argb?: string } }; text: string }[] };
      return note.texts;
    };
    for (const [input, out] of [
      [first, path.join(dir, 'rich-note-1.xlsx')],
      [path.join(dir, 'rich-note-1.xlsx'), path.join(dir, 'rich-note-2.xlsx')],
    ] as const) {
      const texts = await runsAfter(input, out);
      expect(texts[0]).toMatchObject({ text: 'Chú ý:', font: { bold: true, color: { argb: 'FFFF0000' } } });
      expect(texts[0]!.font).toMatchObject(red);
      const whole = texts.map((t) => t.text).join('');
      expect(whole.startsWith('Chú ý: tên gõ sai\ndòng hai\n')).toBe(true);
      expect(whole).toContain('Không có cán bộ “Nguyễn Thị Thủyy”');
      // Our line once, on either run.
      expect(whole.split('Không có cán bộ').length).toBe(2);
    }
  });
});
