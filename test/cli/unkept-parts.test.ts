import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unkeptParts } from '../../src/cli/unkept-parts';
import { zipEntries, zipEntryContent } from '../../src/cli/zip-entries';
import { ROOT } from '../support/bundle';
import { noLibreOffice, workbookWithExtras, xlsxPackage } from './files';

const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
const SAMPLE = path.join(ROOT, 'samples/tinh-doan-mau.xlsx');

const drawing = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor>${body}<xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
const PICTURE =
  '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill><xdr:spPr/></xdr:pic>';
const SHAPE = '<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="Hình chữ nhật"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp>';
const SHEET_WITH_SPARKLINES =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"/></ext></extLst></worksheet>';

describe('nhận ra những phần tệp kết quả sẽ không có', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['bảng tính chỉ có ô', {}, []],
    [
      'ảnh, bảng, ghi chú: vẫn giữ',
      { 'xl/media/image1.png': 'png', 'xl/drawings/drawing1.xml': drawing(PICTURE), 'xl/tables/table1.xml': '<table/>', 'xl/comments1.xml': '<comments/>' },
      [],
    ],
    ['biểu đồ', { 'xl/charts/chart1.xml': '<c:chartSpace/>', 'xl/charts/style1.xml': '<cs:chartStyle/>' }, ['biểu đồ']],
    [
      'bảng tổng hợp (một lần dù có bảng và bộ nhớ đệm)',
      { 'xl/pivotTables/pivotTable1.xml': '<pivotTableDefinition/>', 'xl/pivotCache/pivotCacheDefinition1.xml': '<pivotCacheDefinition/>' },
      ['bảng tổng hợp (PivotTable)'],
    ],
    ['slicer', { 'xl/slicers/slicer1.xml': '<slicers/>', 'xl/slicerCaches/slicerCache1.xml': '<slicerCacheDefinition/>' }, ['bộ lọc slicer']],
    ['macro trong tệp .xlsm', { 'xl/vbaProject.bin': 'VBA' }, ['macro (VBA)']],
    ['nút bấm của biểu mẫu', { 'xl/ctrlProps/ctrlProp1.xml': '<formControlPr/>' }, ['nút bấm và điều khiển biểu mẫu (form control, ActiveX)']],
    ['hình vẽ cạnh ảnh', { 'xl/drawings/drawing1.xml': drawing(PICTURE + SHAPE) }, ['hình vẽ và hộp văn bản (shape)']],
    ['biểu đồ thu nhỏ trong ô', { 'xl/worksheets/sheet2.xml': SHEET_WITH_SPARKLINES }, ['biểu đồ thu nhỏ trong ô (sparkline)']],
    [
      'liên kết tới tệp khác và bình luận hội thoại',
      { 'xl/externalLinks/externalLink1.xml': '<externalLink/>', 'xl/threadedComments/threadedComment1.xml': '<ThreadedComments/>' },
      ['liên kết tới bảng tính khác', 'bình luận dạng hội thoại (threaded comment; ghi chú thường vẫn giữ)'],
    ],
  ])('%s', (_name, parts, expected) => {
    const bytes = xlsxPackage(parts);
    expect(unkeptParts(bytes, zipEntries(bytes)!)).toEqual(expected);
  });
});

describe.skipIf(noLibreOffice)('dicoso check trên tệp có biểu đồ, bảng tổng hợp, hình vẽ, ảnh và bảng (do LibreOffice lưu)', () => {
  let dir: string;
  const dicoso = (args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const WARNING =
    "Lưu ý: tệp kết quả 'ket-qua.xlsx' sẽ không có biểu đồ, bảng tổng hợp (PivotTable), hình vẽ và hộp văn bản (shape) của tệp 'day-du.xlsx': " +
    "chương trình ghi tệp .xlsx không chép lại được các phần này. Tệp 'day-du.xlsx' không bị thay đổi: hãy giữ tệp gốc này nếu cần các phần đó. Các ô, ghi chú, định dạng, bảng và ảnh vẫn được chép sang.";

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-unkept-'));
    copyFileSync(workbookWithExtras(SAMPLE), path.join(dir, 'day-du.xlsx'));
  }, 180_000);

  it('báo trước những gì sẽ mất, rồi ghi tệp giữ ảnh và bảng (nút lọc vẫn hiện)', () => {
    const { code, stderr } = dicoso(['check', 'day-du.xlsx', '--today', '2023-11-15', '--out', 'ket-qua.xlsx']);
    expect(stderr).toBe(`${WARNING}\n`);
    expect(code).toBe(0);
    const bytes = readFileSync(path.join(dir, 'ket-qua.xlsx'));
    const entries = zipEntries(bytes)!;
    const names = entries.map((e) => e.name);
    expect(names.filter((n) => /^xl\/media\/.+\.png$/.test(n))).toHaveLength(1);
    expect(names.some((n) => n.startsWith('xl/charts/') || n.startsWith('xl/pivotTables/'))).toBe(false);
    const table = entries.find((e) => e.name.startsWith('xl/tables/') && e.name.endsWith('.xml'))!;
    const tableXml = zipEntryContent(bytes, table)!.toString('utf8');
    expect(tableXml).toContain('name="BangThongKe"');
    expect(tableXml).not.toContain('hiddenButton="1"');
  });

  it('lời báo đến trước khi ghi: vẫn in ra khi việc ghi không thành', () => {
    mkdirSync(path.join(dir, 'la-thu-muc.xlsx'));
    const { code, stderr } = dicoso(['check', 'day-du.xlsx', '--today', '2023-11-15', '--out', 'la-thu-muc.xlsx']);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(WARNING.replace("'ket-qua.xlsx'", "'la-thu-muc.xlsx'"));
    expect(lines[1]).toMatch(/^Lỗi: .*'la-thu-muc.xlsx' là một thư mục/);
  });

  it('thư mục kết quả không tạo được: nói ngay, trước khi làm việc', () => {
    writeFileSync(path.join(dir, 'la-tep'), 'x');
    const { code, stderr } = dicoso(['check', 'day-du.xlsx', '--today', '2023-11-15', '--out', 'la-tep/ket-qua.xlsx']);
    expect(code).toBe(2);
    expect(stderr).toBe("Lỗi: Không tạo được thư mục 'la-tep': đã có một tệp cùng tên ở đó. Hãy chọn tên thư mục khác.\n");
  });

  it('tệp mẫu không có phần nào bị mất: không báo gì', () => {
    copyFileSync(SAMPLE, path.join(dir, 'mau.xlsx'));
    const { code, stderr } = dicoso(['check', 'mau.xlsx', '--today', '2023-11-15', '--out', 'mau-kq.xlsx']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('ảnh được giữ nhưng mất phần cắt, độ xoay, văn bản thay thế', () => {
  const WORKBOOK = {
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cán bộ" sheetId="1" r:id="rId1"/><sheet name="Logo &amp; ảnh" sheetId="2" r:id="rId2"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    'xl/worksheets/sheet2.xml':
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    'xl/worksheets/_rels/sheet2.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
  };
  const picture = (cNvPr: string, xfrm: string, crop: string) =>
    drawing(
      `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Logo"${cNvPr}/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/>${crop}</xdr:blipFill><xdr:spPr><a:xfrm${xfrm}><a:off x="0" y="0"/></a:xfrm></xdr:spPr></xdr:pic>`,
    );
  const LOST = 'phần cắt bớt và độ xoay của ảnh cùng văn bản thay thế (alt text) (tab “Logo & ảnh”)';
  it.each<[string, string, string[]]>([
    ['ảnh không cắt, không xoay, không mô tả', picture('', '', '<a:srcRect/>'), []],
    ['ảnh có văn bản thay thế', picture(' descr="Logo của Tỉnh đoàn"', '', ''), [LOST]],
    ['ảnh được xoay', picture('', ' rot="5400000"', ''), [LOST]],
    ['ảnh được cắt', picture('', '', '<a:srcRect l="10000" r="10000"/>'), [LOST]],
  ])('%s', (_name, xml, expected) => {
    const bytes = xlsxPackage({ ...WORKBOOK, 'xl/drawings/drawing1.xml': xml, 'xl/media/image1.png': 'png' });
    expect(unkeptParts(bytes, zipEntries(bytes)!)).toEqual(expected);
  });
});
