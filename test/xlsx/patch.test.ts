import type { CalendarDate } from '../../src/core/calendar-date';
import { describe, expect, it } from 'vitest';
import { TRIP_HIGHLIGHTS } from '../../src/core/highlights';
import { SheetEdits, type NameSlot, type SheetSlot } from '../../src/xlsx/model';
import { patchWorkbookPart } from '../../src/xlsx/write/workbook-patch';
import { patchComments, patchVml, vmlNoteCells } from '../../src/xlsx/write/notes';
import { patchSheet } from '../../src/xlsx/write/sheet-patch';

/** The sheet and notes patches on the XML programs write: what changes is ours, every other byte stays. */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (body: string, root = `worksheet xmlns="${MAIN}"`) => `<${root}>${body}</${root.split(' ')[0]}>`;

function patched(xml: string, edit: (edits: SheetEdits) => void): string {
  const edits = new SheetEdits();
  edit(edits);
  const patch = patchSheet(Buffer.from(xml), { edits, date1904: false, dateStyle: () => 7, ruleStyle: () => 3, newDrawingRelId: null });
  return patch.splice.toBuffer().toString('utf8');
}

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

describe('ghi ô của chúng ta vào dòng của người dùng', () => {
  it.each([
    [
      'ô không có r=: ô của chúng ta thay ô ở đúng cột, ô sau vẫn đúng chỗ',
      '<row r="1"><c><v>1</v></c><c><v>9</v></c><c><v>3</v></c></row>',
      (e: SheetEdits) => e.cells.set(1, 2, { kind: 'text', text: 'x' }),
      `<row r="1"><c><v>1</v></c>${text('B1', 'x')}<c><v>3</v></c></row>`,
    ],
    [
      'xóa một ô không có r= ở giữa: ô sau được ghi r= để không dời cột',
      '<row r="1"><c><v>1</v></c><c><v>9</v></c><c><v>3</v></c></row>',
      (e: SheetEdits) => e.cells.set(1, 2, { kind: 'clear' }),
      '<row r="1"><c><v>1</v></c><c r="C1"><v>3</v></c></row>',
    ],
    [
      'xóa một ô có định dạng: giữ định dạng, bỏ giá trị',
      '<row r="1"><c r="A1" s="4" t="s"><v>0</v></c></row>',
      (e: SheetEdits) => e.cells.set(1, 1, { kind: 'clear' }),
      '<row r="1"><c r="A1" s="4"/></row>',
    ],
    [
      'ô vào giữa hai ô, dòng mới xen giữa, dòng mới ở cuối; spans và dimension nới ra',
      '<dimension ref="A1:C3"/><sheetData><row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="3" spans="1:3"><c r="A3"><v>1</v></c></row></sheetData>',
      (e: SheetEdits) => {
        e.cells.set(1, 2, { kind: 'text', text: 'b' });
        e.cells.set(1, 4, { kind: 'number', value: 4 });
        e.cells.set(2, 4, { kind: 'boolean', value: true });
        e.cells.set(5, 4, { kind: 'date', date: '2023-11-15' as CalendarDate });
      },
      `<dimension ref="A1:D5"/><sheetData><row r="1" spans="1:4"><c r="A1"><v>1</v></c>${text('B1', 'b')}<c r="C1"><v>3</v></c><c r="D1"><v>4</v></c></row><row r="2"><c r="D2" t="b"><v>1</v></c></row><row r="3" spans="1:3"><c r="A3"><v>1</v></c></row><row r="5"><c r="D5" s="7"><v>45245</v></c></row></sheetData>`,
    ],
  ])('%s', (_name, rows, edit, expected) => {
    const body = rows.startsWith('<dimension') ? rows : `<sheetData>${rows}</sheetData>`;
    const wanted = expected.startsWith('<dimension') ? expected : `<sheetData>${expected}</sheetData>`;
    expect(patched(sheet(body), edit)).toBe(sheet(wanted));
  });

  it('XML có tiền tố: ô của chúng ta mang đúng tiền tố; sheetData rỗng thành có dòng', () => {
    const root = `x:worksheet xmlns:x="${MAIN}"`;
    expect(patched(sheet('<x:sheetData/>', root), (e) => e.cells.set(2, 1, { kind: 'text', text: 'ô' }))).toBe(
      sheet('<x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>ô</x:t></x:is></x:c></x:row></x:sheetData>', root),
    );
  });

  it('quy tắc tô màu: của chúng ta bị thay, của người dùng (kể cả nằm chung một phần tử) giữ nguyên, ưu tiên sau mọi quy tắc của tệp', () => {
    const ours = '<cfRule type="expression" dxfId="0" priority="1"><formula>AND(N("dicoso 1+2")=0,LEFT($D2,3)="Lỗi")</formula></cfRule>';
    const theirs = '<cfRule type="expression" dxfId="1" priority="5"><formula>B2&gt;7</formula></cfRule>';
    const xml = sheet(
      `<sheetData/><conditionalFormatting sqref="A2:D9">${theirs}${ours}</conditionalFormatting><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>`,
    );
    const out = patched(xml, (e) => (e.highlights = { firstRow: 2, statusColumn: 4, rules: TRIP_HIGHLIGHTS }));
    expect(out).toBe(
      sheet(
        `<sheetData/><conditionalFormatting sqref="A2:D9">${theirs}</conditionalFormatting>` +
          '<conditionalFormatting sqref="A2:D1048576"><cfRule type="expression" dxfId="3" priority="6"><formula>AND(N("dicoso 1+2")=0,LEFT($D2,3)="Lỗi")</formula></cfRule></conditionalFormatting>' +
          '<conditionalFormatting sqref="D2:D1048576"><cfRule type="expression" dxfId="3" priority="7"><formula>AND(N("dicoso 1+2")=0,LEFT($D2,5)="Lưu ý")</formula></cfRule></conditionalFormatting>' +
          '<pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>',
      ),
    );
  });
});

describe('ghi chú: phần của người dùng giữ nguyên cả định dạng', () => {
  const M = '\u2063[1+2] ';
  const excelNote =
    '<comment ref="B3" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Ban Tổ chức:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\nNghỉ phép</t></r></text></comment>';
  /** The notes written, by "row:column". */
  const changes = (texts: Map<string, string>) => ({
    wanted: (row: number, column: number) => texts.get(`${row}:${column}`),
    added: [...texts].filter(([, text]) => text !== ''),
  });
  const part = (list: string, authors = '<author>Ban Tổ chức</author>') =>
    Buffer.from(`<comments xmlns="${MAIN}"><authors>${authors}</authors><commentList>${list}</commentList></comments>`);

  it('thêm dòng của chúng ta: các đoạn chữ của người dùng giữ định dạng; dòng của chúng ta như chữ ngay trước nó, không đậm', () => {
    const out = patchComments(part(excelNote), {
      ...changes(new Map([['3:2', `Ban Tổ chức:\nNghỉ phép\n${M}Trùng thời gian`]])),
      clearedRows: new Set(),
      clearedColumn: null,
    });
    expect(out.bytes.toString('utf8')).toBe(
      part(
        '<comment ref="B3" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Ban Tổ chức:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\nNghỉ phép</t></r>' +
          `<r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\n${M}Trùng thời gian</t></r></text></comment>`,
      ).toString('utf8'),
    );
    expect(out.kept).toEqual(['3:2']);
  });

  it('ghi chú mới: thêm tác giả dicoso, ghi dạng đoạn chữ; ghi chú chỉ còn phần của chúng ta thì xóa cả ghi chú', () => {
    const ours = `<comment ref="D4" authorId="0"><text><r><t>${M}cũ</t></r></text></comment>`;
    const out = patchComments(part(ours), {
      ...changes(
        new Map([
          ['4:4', ''],
          ['5:1', `${M}mới`],
        ]),
      ),
      clearedRows: new Set(),
      clearedColumn: null,
    });
    expect(out.bytes.toString('utf8')).toBe(
      part(`<comment ref="A5" authorId="1"><text><r><t>${M}mới</t></r></text></comment>`, '<author>Ban Tổ chức</author><author>dicoso</author>').toString(
        'utf8',
      ),
    );
    expect(out).toMatchObject({ added: ['5:1'], removed: ['4:4'] });
  });

  it('hình của ghi chú (VML): thêm cho ghi chú mới, bỏ cho ghi chú đã xóa, giữ nguyên phần còn lại; đánh số trong khối riêng', () => {
    const shape = (row: number, column: number, id: number) =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`;
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202"/>${shape(2, 1, 1025)}${shape(3, 3, 1026)}</xml>`;
    const out = patchVml(vml, ['5:1'], ['4:4'], 2);
    expect(vmlNoteCells(out)).toEqual(new Set(['3:2', '5:1']));
    expect(out).toContain(shape(2, 1, 1025));
    expect(out).not.toContain(shape(3, 3, 1026));
    expect(out).toMatch(/<v:shape id="_x0000_s1026" [^>]*>.*<x:Row>4<\/x:Row><x:Column>0<\/x:Column>/);
    expect(out).toContain('data="1"');
  });
});

describe('ghi chú của tệp lớn: 300.000 đợt (bench: dicoso check báo “Maximum call stack size exceeded”)', () => {
  // A call's arguments live on the stack: spreading 150,000 keys into push() or Math.max() overflowed it. Each part of a
  // national result file holds a note per row with an issue, and a run on a result file reads every shape back.
  const N = 150_000;
  const keys = Array.from({ length: N }, (_, i) => `${i + 2}:12`);

  it('150.000 ghi chú mới trong một lần ghi: đủ cả, không lỗi', () => {
    const texts = new Map(keys.map((k) => [k, '\u2063[1+2] Thiếu Số ngày']));
    const out = patchComments(null, { wanted: (r, c) => texts.get(`${r}:${c}`), added: [...texts], clearedRows: new Set(), clearedColumn: null });
    expect(out.added).toHaveLength(N);
    expect(out.added[N - 1]).toBe(`${N + 1}:12`);
  });

  it('hình cho ghi chú mới khi bản vẽ đã có 150.000 hình: số tiếp theo sau số lớn nhất', () => {
    const shape = (id: number) =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>`;
    const shapes = Array.from({ length: N }, (_, i) => shape(1025 + i)).join('');
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202"/>${shapes}</xml>`;
    const out = patchVml(vml, ['200000:3'], [], 2);
    expect(out).toContain(`id="_x0000_s${1025 + N}"`);
  });
});

describe('phần sổ (workbook.xml): tab và tên', () => {
  it('xóa một tab của chúng ta ở giữa: tên riêng của tab sau và tab đang mở theo đúng tab của chúng', () => {
    const slot = (name: string, index: number, deleted = false): SheetSlot => ({
      name,
      input: { name, relId: `rId${index + 1}`, part: `xl/worksheets/sheet${index + 1}.xml`, sheetId: index + 1, worksheet: true, hidden: false, index },
      content: null,
      edits: new SheetEdits(),
      deleted,
    });
    const slots = [slot('Cán bộ', 0), slot('Tổng hợp 1+2', 1, true), slot('Đi cơ sở', 2)];
    const names: NameSlot[] = [
      { name: 'Vung', formula: "'Đi cơ sở'!$B$2:$B$9", scope: slots[2]!, input: 0, removed: false },
      { name: '_xlnm.Print_Titles', formula: "'Tổng hợp 1+2'!$4:$4", scope: slots[1]!, input: 1, removed: false },
      { name: '_dicoso_tab_1', formula: "'Tổng hợp 1+2'!$A$1", scope: null, input: 2, removed: true },
    ];
    const xml = (sheets: string, defined: string, active: number) =>
      `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="${active}"/></bookViews><sheets>${sheets}</sheets><definedNames>${defined}</definedNames><calcPr calcId="191029"/></workbook>`;
    const sheet = (s: SheetSlot) => `<sheet name="${s.name}" sheetId="${s.input!.sheetId}" r:id="${s.input!.relId}"/>`;
    const input = xml(
      slots.map(sheet).join(''),
      `<definedName name="Vung" localSheetId="2">'Đi cơ sở'!$B$2:$B$9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'Tổng hợp 1+2'!$4:$4</definedName><definedName name="_dicoso_tab_1">'Tổng hợp 1+2'!$A$1</definedName>`,
      2,
    );
    expect(patchWorkbookPart(Buffer.from(input), { slots, names, added: new Map() }).toString('utf8')).toBe(
      xml(`${sheet(slots[0]!)}${sheet(slots[2]!)}`, `<definedName name="Vung" localSheetId="1">'Đi cơ sở'!$B$2:$B$9</definedName>`, 1),
    );
  });
});
