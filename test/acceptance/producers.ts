import { zipArchive } from '../cli/files';

/**
 * Workbooks as the programs people use write them, part by part, in raw XML: Excel 365 (a "Format as Table" trips tab
 * with a totals row, data bars and an Excel 2010 dropdown pointing at another tab, a rich note, a legacy sheet
 * password, a print set-up without paper size, named styles, the Aptos default font), a Google Sheets export (Arial
 * 10, notes as plain text), a LibreOffice save (no theme part, its own named styles), and a tool that writes
 * SpreadsheetML prefixed (`x:c`), names its parts as it likes, leaves out cell and row references, counts dates
 * from 1904 and writes `_x000D_` escapes and control characters. Each holds the same province: two cadres, three
 * trips, one of them by a cadre who is not on the roster.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';

export const ROSTER = [
  ['STT', 'Họ và tên', 'Chức vụ', 'Ban/Văn phòng', 'Nhóm đối tượng', 'Email'],
  [1, 'Nguyễn Thị Thủy', 'Trưởng ban', 'Ban Tuyên giáo', 'Lãnh đạo ban', 'thuy@tinhdoan.example.vn'],
  [2, 'Trần Văn Hòa', 'Chuyên viên', 'Ban Tuyên giáo', 'Chuyên viên', 'hoa@tinhdoan.example.vn'],
] as const;

type Value = string | number | { date: string };
export const TRIPS: readonly (readonly Value[])[] = [
  ['STT', 'Họ và tên', 'Ban/Văn phòng', 'Nội dung', 'Cụ thể nội dung', 'Số ngày', 'Từ ngày', 'Đến ngày', 'Địa điểm', 'Cấp', 'Trạng thái'],
  [
    1,
    'Nguyễn Thị Thủy',
    'Ban Tuyên giáo',
    'Dự sinh hoạt chi đoàn',
    'Dự sinh hoạt chi đoàn ấp định kỳ',
    1,
    { date: '2023-02-01' },
    { date: '2023-02-01' },
    'Xã Phi Thông',
    'Chi đoàn',
    'Đã thực hiện',
  ],
  [
    2,
    'Trần Văn Hòa',
    'Ban Tuyên giáo',
    'Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
    'Hỗ trợ tổ chức Đại hội',
    5,
    { date: '2023-05-08' },
    { date: '2023-05-12' },
    'Xã Mong Thọ',
    'Cơ sở',
    'Đã thực hiện',
  ],
  [
    3,
    'Lê Văn Khoa',
    'Ban Tuyên giáo',
    'Dự sinh hoạt chi đoàn',
    'Dự sinh hoạt chi đoàn ấp định kỳ',
    1,
    { date: '2023-06-01' },
    { date: '2023-06-01' },
    'Xã Mong Thọ',
    'Chi đoàn',
    'Đã thực hiện',
  ],
];
/** Where the trip of a cadre not on the roster is (1-based), and the cell our note goes on (the name). */
export const UNKNOWN_CADRE_ROW = 4;

export function serial(date: string, date1904 = false): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

const letter = (c: number) => String.fromCharCode(64 + c);

/** A shared-strings table as Excel writes it: each text once, in the order first used. */
class SharedStrings {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;

  at(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(`<si><t${/^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : ''}>${esc(text)}</t></si>`);
      this.index.set(text, i);
    }
    return i;
  }

  raw(xml: string): number {
    this.count++;
    this.items.push(xml);
    return this.items.length - 1;
  }

  part(prefix = ''): string {
    return `${HEAD}<${prefix}sst xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${MAIN}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('').replace(/<(\/?)(si|t|r|rPr|b|rPh)\b/g, `<$1${prefix}$2`)}</${prefix}sst>`;
  }
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rows as Excel writes them: every row and cell with its reference, spans per row, texts shared, dates styled. */
function excelRows(values: readonly (readonly Value[])[], sst: SharedStrings, dateStyle: number, extra: (r: number) => string = () => ''): string {
  const width = Math.max(...values.map((row) => row.length));
  return values
    .map((row, i) => {
      const r = i + 1;
      const cells = row
        .map((value, c) => {
          const ref = `${letter(c + 1)}${r}`;
          if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
          if (typeof value === 'string') return `<c r="${ref}" t="s"><v>${sst.at(value)}</v></c>`;
          return `<c r="${ref}" s="${dateStyle}"><v>${serial(value.date)}</v></c>`;
        })
        .join('');
      return `<row r="${r}" spans="1:${width}" x14ac:dyDescent="0.3">${cells}${extra(r)}</row>`;
    })
    .join('');
}

const rels = (items: readonly [string, string, string][]) =>
  `${HEAD}<Relationships xmlns="${PKG}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.includes('/') ? type : `${REL}/${type}`}" Target="${target}"/>`).join('')}</Relationships>`;

const CORE =
  `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  '<dc:creator>Văn phòng Tỉnh đoàn</dc:creator><cp:lastModifiedBy>Ban Tổ chức</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2023-01-05T02:11:40Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-10T08:30:12Z</dcterms:modified></cp:coreProperties>';

const THEME =
  `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="0E2841"/></a:dk2><a:lt2><a:srgbClr val="E8E8E8"/></a:lt2><a:accent1><a:srgbClr val="156082"/></a:accent1><a:accent2><a:srgbClr val="E97132"/></a:accent2><a:accent3><a:srgbClr val="196B24"/></a:accent3><a:accent4><a:srgbClr val="0F9ED5"/></a:accent4><a:accent5><a:srgbClr val="A02B93"/></a:accent5><a:accent6><a:srgbClr val="4EA72E"/></a:accent6><a:hlink><a:srgbClr val="467886"/></a:hlink><a:folHlink><a:srgbClr val="96607D"/></a:folHlink></a:clrScheme>` +
  '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Aptos Display"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Aptos Narrow"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>' +
  '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="25400"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>';

/**
 * Excel 365: the trips tab formatted as a table with a totals row ("Tổng": a count and a sum), a data bar on Số ngày
 * (its x14 half in extLst), an Excel 2010 dropdown on Cấp whose list is on another tab (x14 validation, extLst only);
 * the roster with a rich note (the author's name bold, as Excel writes one), a legacy password on the sheet, a print
 * set-up without paperSize (Letter) with its printer settings, cells in named styles ("Good", "Heading 1"). Excel 365
 * writes Aptos Narrow 11 as the default font, and keeps a calculation chain for the totals' formulas.
 */
export function excel365(): Buffer {
  const sst = new SharedStrings();
  const roster = excelRows(ROSTER, sst, 3).replace('<c r="B2" t="s">', '<c r="B2" s="1" t="s">').replace('<c r="A1" t="s">', '<c r="A1" s="2" t="s">');
  const trips = excelRows(TRIPS, sst, 3);
  const total = sst.at('Tổng');
  const totalsRow =
    `<row r="5" spans="1:11" x14ac:dyDescent="0.3"><c r="A5" t="s"><v>${total}</v></c>` +
    '<c r="B5"><f>SUBTOTAL(103,Bang_DiCoSo[Họ và tên])</f><v>3</v></c><c r="F5"><f>SUBTOTAL(109,Bang_DiCoSo[Số ngày])</f><v>7</v></c></row>';
  const lists = ['Tỉnh', 'Xã/Phường', 'Chi đoàn', 'Cơ sở']
    .map((v, i) => `<row r="${i + 1}" spans="1:1" x14ac:dyDescent="0.3"><c r="A${i + 1}" t="s"><v>${sst.at(v)}</v></c></row>`)
    .join('');
  const sheet = (body: string) =>
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${X14AC}" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{6F1C2A70-0B5E-4C4E-9D0B-8F2C8D0C5A11}">${body}</worksheet>`;
  const dataBarId = '{8C0A5E62-1D2F-4B6C-9A53-2B7E1C7D0F11}';
  return zipArchive({
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="${CT}"><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    '_rels/.rels': rels([
      ['rId3', 'extended-properties', 'docProps/app.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId1', 'officeDocument', 'xl/workbook.xml'],
    ]),
    'docProps/app.xml': `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Cán bộ</vt:lpstr><vt:lpstr>Đi cơ sở</vt:lpstr><vt:lpstr>Danh mục</vt:lpstr></vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`,
    'docProps/core.xml': CORE,
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr defaultThemeVersion="202300"/>' +
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\tochuc\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' +
      '<xr:revisionPtr revIDLastSave="0" documentId="8_{4B3C2D1E-0F9A-4B8C-8D7E-6F5A4B3C2D1E}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>' +
      '<bookViews><workbookView xWindow="-108" yWindow="-108" windowWidth="23256" windowHeight="12576" activeTab="1" xr2:uid="{A3D0C9B2-1E4F-4F60-8C7D-2B1A0F9E8D7C}"/></bookViews>' +
      '<sheets><sheet name="Cán bộ" sheetId="1" r:id="rId1"/><sheet name="Đi cơ sở" sheetId="2" r:id="rId2"/><sheet name="Danh mục" sheetId="3" r:id="rId3"/></sheets>' +
      '<definedNames><definedName name="DanhSachCap">&apos;Danh mục&apos;!$A$1:$A$4</definedName></definedNames>' +
      '<calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>',
    'xl/_rels/workbook.xml.rels': rels([
      ['rId3', 'worksheet', 'worksheets/sheet3.xml'],
      ['rId7', 'calcChain', 'calcChain.xml'],
      ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId6', 'sharedStrings', 'sharedStrings.xml'],
      ['rId5', 'styles', 'styles.xml'],
      ['rId4', 'theme', 'theme/theme1.xml'],
    ]),
    'xl/theme/theme1.xml': THEME,
    'xl/styles.xml':
      `${HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="${X14AC}" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
      '<fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font><font><sz val="11"/><color rgb="FF006100"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="15"/><color theme="3"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/></patternFill></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thick"><color theme="4"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyNumberFormat="0" applyBorder="0" applyAlignment="0" applyProtection="0"/><xf numFmtId="0" fontId="2" fillId="0" borderId="1" applyNumberFormat="0" applyFill="0" applyAlignment="0" applyProtection="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="2"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="3"><cellStyle name="Good" xfId="1" builtinId="26"/><cellStyle name="Heading 1" xfId="2" builtinId="16"/><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${X14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>`,
    'xl/sharedStrings.xml': sst.part(),
    'xl/worksheets/sheet1.xml': sheet(
      '<dimension ref="A1:F3"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.4" x14ac:dyDescent="0.3"/>' +
        '<cols><col min="2" max="2" width="22.77734375" customWidth="1"/><col min="6" max="6" width="28.33203125" customWidth="1"/></cols>' +
        `<sheetData>${roster}</sheetData><sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>` +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" r:id="rId1"/><legacyDrawing r:id="rId2"/>',
    ),
    'xl/worksheets/_rels/sheet1.xml.rels': rels([
      ['rId3', 'comments', '../comments1.xml'],
      ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ['rId1', 'printerSettings', '../printerSettings/printerSettings1.bin'],
    ]),
    'xl/printerSettings/printerSettings1.bin': Buffer.from('PRINTER\u0000DEVMODE\u0000Letter\u0000portrait\u0000', 'latin1'),
    'xl/comments1.xml':
      `${HEAD}<comments xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><authors><author>Ban Tổ chức</author></authors><commentList>` +
      '<comment ref="B3" authorId="0" shapeId="0" xr:uid="{1B2C3D4E-5F60-4718-9A0B-1C2D3E4F5A6B}"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>Ban Tổ chức:</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\nĐang nghỉ phép tháng 6</t></r></text></comment></commentList></comments>',
    'xl/drawings/vmlDrawing1.vml':
      '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style=\'position:absolute;\r\n  margin-left:158.4pt;margin-top:1.8pt;width:108pt;height:59.4pt;z-index:1;\r\n  visibility:hidden\' fillcolor="#ffffe1" o:insetmode="auto">\r\n  <v:fill color2="#ffffe1"/>\r\n  <v:shadow on="t" color="black" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n  <v:textbox style=\'mso-direction-alt:auto\'>\r\n   <div style=\'text-align:left\'></div>\r\n  </v:textbox>\r\n  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:Anchor>\r\n    2, 15, 1, 10, 4, 15, 5, 14</x:Anchor>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>2</x:Row>\r\n   <x:Column>1</x:Column>\r\n  </x:ClientData>\r\n </v:shape></xml>',
    'xl/worksheets/sheet2.xml': sheet(
      '<dimension ref="A1:K5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.4" x14ac:dyDescent="0.3"/>' +
        `<sheetData>${trips}${totalsRow}</sheetData>` +
        `<conditionalFormatting sqref="F2:F4"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${dataBarId}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>' +
        `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${dataBarId}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>F2:F4</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>` +
        `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>'Danh mục'!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>J2:J4</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
    ),
    'xl/worksheets/_rels/sheet2.xml.rels': rels([['rId1', 'table', '../tables/table1.xml']]),
    'xl/tables/table1.xml':
      `${HEAD}<table xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="xr xr3" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="1" xr:uid="{5E1F2A3B-4C5D-4E6F-8A9B-0C1D2E3F4A5B}" name="Bang_DiCoSo" displayName="Bang_DiCoSo" ref="A1:K5" totalsRowCount="1">` +
      '<autoFilter ref="A1:K4" xr:uid="{6F2A3B4C-5D6E-4F70-9B0C-1D2E3F4A5B6C}"/><tableColumns count="11">' +
      (TRIPS[0] as string[])
        .map((name, i) => {
          const totals = i === 0 ? ' totalsRowLabel="Tổng"' : i === 1 ? ' totalsRowFunction="count"' : i === 5 ? ' totalsRowFunction="sum"' : '';
          return `<tableColumn id="${i + 1}" xr3:uid="{0000000${i}-0000-4000-8000-00000000000${i}}" name="${name}"${totals}/>`;
        })
        .join('') +
      '</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
    'xl/worksheets/sheet3.xml': sheet(
      '<dimension ref="A1:A4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.4" x14ac:dyDescent="0.3"/>' +
        `<sheetData>${lists}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    ),
    'xl/calcChain.xml': `${HEAD}<calcChain xmlns="${MAIN}"><c r="B5" i="2" l="1"/><c r="F5"/></calcChain>`,
  });
}

/**
 * A Google Sheets export (File › Download › .xlsx): Arial 10 as the default font, dates as styled serials, a note on
 * the trips tab written as plain `<text><t>` with an empty author, shown through a VML drawing, and Google's own
 * sheet-level settings (outline summary, default column width).
 */
export function googleExport(): Buffer {
  const sst = new SharedStrings();
  const rows = (values: readonly (readonly Value[])[]) =>
    values
      .map((row, i) => {
        const r = i + 1;
        const cells = row
          .map((value, c) => {
            const ref = `${letter(c + 1)}${r}`;
            if (typeof value === 'number') return `<c r="${ref}" s="1"><v>${value}</v></c>`;
            if (typeof value === 'string') return `<c r="${ref}" s="1" t="s"><v>${sst.at(value)}</v></c>`;
            return `<c r="${ref}" s="2"><v>${serial(value.date)}</v></c>`;
          })
          .join('');
        return `<row r="${r}">${cells}</row>`;
      })
      .join('');
  const sheet = (body: string) =>
    `${HEAD}<worksheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns:x14ac="${X14AC}" xmlns:x14="${X14}" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:mc="${MC}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:r="${REL}" xmlns="${MAIN}">${body}</worksheet>`;
  const rosterRows = rows(ROSTER);
  const tripRows = rows(TRIPS);
  return zipArchive({
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'styles', 'styles.xml'],
      ['rId2', 'sharedStrings', 'sharedStrings.xml'],
      ['rId3', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId4', 'worksheet', 'worksheets/sheet2.xml'],
    ]),
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns:x14ac="${X14AC}" xmlns:x14="${X14}" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:mc="${MC}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:r="${REL}" xmlns="${MAIN}">` +
      '<workbookPr/><sheets><sheet state="visible" name="Cán bộ" sheetId="1" r:id="rId3"/><sheet state="visible" name="Đi cơ sở" sheetId="2" r:id="rId4"/></sheets><definedNames/><calcPr/></workbook>',
    'xl/styles.xml':
      `${HEAD}<styleSheet xmlns:x14ac="${X14AC}" xmlns:mc="${MC}" xmlns="${MAIN}">` +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
      '<fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf></cellXfs>' +
      '<cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>',
    'xl/sharedStrings.xml': sst.part(),
    'xl/worksheets/sheet1.xml': sheet(
      '<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/>' +
        `<sheetData>${rosterRows}</sheetData><drawing r:id="rId1"/>`,
    ),
    'xl/worksheets/_rels/sheet1.xml.rels': rels([['rId1', 'drawing', '../drawings/drawing1.xml']]),
    'xl/drawings/drawing1.xml': `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:mc="${MC}" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:x3Unk="http://schemas.microsoft.com/office/drawing/2010/slicer" xmlns:sle15="http://schemas.microsoft.com/office/drawing/2012/slicer"/>`,
    'xl/worksheets/sheet2.xml': sheet(
      '<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection activeCell="B2" sqref="B2" pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/>' +
        `<sheetData>${tripRows}</sheetData><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>`,
    ),
    'xl/worksheets/_rels/sheet2.xml.rels': rels([
      ['rId1', 'drawing', '../drawings/drawing2.xml'],
      ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ['rId3', 'comments', '../comments1.xml'],
    ]),
    'xl/drawings/drawing2.xml': `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"/>`,
    'xl/comments1.xml': `${HEAD}<comments xmlns:r="${REL}" xmlns="${MAIN}"><authors><author/></authors><commentList><comment authorId="0" ref="I3"><text><t xml:space="preserve">Xã đổi tên từ 2023
(theo Nghị quyết 1234)</t></text></comment></commentList></comments>`,
    'xl/drawings/vmlDrawing1.vml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1" type="#_x0000_t202" style="position:absolute;margin-left:5.25pt;margin-top:5.25pt;width:98.25pt;height:46.5pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>8</x:Column></x:ClientData></v:shape></xml>',
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="${CT}"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Default ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing" Extension="vml"/>` +
      '<Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml" PartName="/xl/sharedStrings.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.drawing+xml" PartName="/xl/drawings/drawing1.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" PartName="/xl/comments1.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet2.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.drawing+xml" PartName="/xl/drawings/drawing2.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" PartName="/xl/styles.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/></Types>',
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
  });
}

/**
 * A LibreOffice Calc save (Excel 2007-365 format): no theme part at all, Arial-family fonts, the named styles
 * LibreOffice writes for its own cell styles ("Excel Built-in Normal", "Accent", "Heading"…), a print set-up of its
 * own on every tab, and its habit of spelling out every default.
 */
export function libreOffice(): Buffer {
  const sst = new SharedStrings();
  const rows = (values: readonly (readonly Value[])[]) =>
    values
      .map((row, i) => {
        const r = i + 1;
        const cells = row
          .map((value, c) => {
            const ref = `${letter(c + 1)}${r}`;
            if (typeof value === 'number') return `<c r="${ref}" s="0" t="n"><v>${value}</v></c>`;
            if (typeof value === 'string') return `<c r="${ref}" s="${r === 1 ? 5 : 0}" t="s"><v>${sst.at(value)}</v></c>`;
            return `<c r="${ref}" s="6" t="n"><v>${serial(value.date)}</v></c>`;
          })
          .join('');
        return `<row r="${r}" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">${cells}</row>`;
      })
      .join('');
  const sheet = (rowsXml: string, width: number, height: number) =>
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="${X14}" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:mc="${MC}">` +
    `<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:${letter(width)}${height}"/><sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"/><sheetData>${rowsXml}</sheetData>` +
    '<printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/><pageSetup paperSize="9" scale="100" fitToWidth="1" fitToHeight="1" pageOrder="downThenOver" orientation="portrait" blackAndWhite="false" draft="false" cellComments="none" horizontalDpi="300" verticalDpi="300" copies="1"/><headerFooter differentFirst="false" differentOddEven="false"><oddHeader>&amp;C&amp;&quot;Times New Roman,Regular&quot;&amp;12&amp;A</oddHeader><oddFooter>&amp;C&amp;&quot;Times New Roman,Regular&quot;&amp;12Trang &amp;P</oddFooter></headerFooter></worksheet>';
  const roster = sheet(rows(ROSTER), 6, 3);
  const trips = sheet(rows(TRIPS), 11, 4);
  return zipArchive({
    '_rels/.rels': rels([
      ['rId1', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId2', 'extended-properties', 'docProps/app.xml'],
      ['rId3', 'officeDocument', 'xl/workbook.xml'],
    ]),
    'docProps/core.xml': CORE,
    'docProps/app.xml': `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template></Template><TotalTime>3</TotalTime><Application>LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2</Application><AppVersion>15.0000</AppVersion></Properties>`,
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'styles', 'styles.xml'],
      ['rId2', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId3', 'worksheet', 'worksheets/sheet2.xml'],
      ['rId4', 'sharedStrings', 'sharedStrings.xml'],
    ]),
    'xl/sharedStrings.xml': sst.part(),
    'xl/worksheets/sheet1.xml': roster,
    'xl/worksheets/sheet2.xml': trips,
    'xl/workbook.xml':
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><fileVersion appName="Calc"/><workbookPr backupFile="false" showObjects="all" date1904="false"/><workbookProtection/>` +
      '<bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="500" firstSheet="0" activeTab="1"/></bookViews>' +
      '<sheets><sheet name="Cán bộ" sheetId="1" state="visible" r:id="rId2"/><sheet name="Đi cơ sở" sheetId="2" state="visible" r:id="rId3"/></sheets><calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/></workbook>',
    'xl/styles.xml':
      `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="DD/MM/YYYY"/></numFmts>` +
      '<fonts count="5"><font><sz val="10"/><name val="Arial"/><family val="2"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font><font><sz val="10"/><name val="Arial"/><family val="0"/></font><font><b val="true"/><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="6"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyFont="true" applyBorder="true" applyAlignment="true" applyProtection="true"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="0" fontId="4" fillId="0" borderId="0" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"/></cellStyleXfs>' +
      '<cellXfs count="7"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"><alignment horizontal="general" vertical="bottom" textRotation="0" wrapText="false" indent="0" shrinkToFit="false"/><protection locked="true" hidden="false"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="1" applyFont="false"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="2" applyFont="false"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="3" applyFont="false"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="4" applyFont="false"/><xf numFmtId="164" fontId="4" fillId="0" borderId="0" xfId="5" applyFont="true" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"/></cellXfs>' +
      '<cellStyles count="6"><cellStyle name="Normal" xfId="0" builtinId="0"/><cellStyle name="Comma" xfId="1" builtinId="3"/><cellStyle name="Comma [0]" xfId="2" builtinId="6"/><cellStyle name="Currency" xfId="3" builtinId="4"/><cellStyle name="Currency [0]" xfId="4" builtinId="7"/><cellStyle name="Tiêu đề cột" xfId="5"/></cellStyles>' +
      '<colors><indexedColors><rgbColor rgb="FF000000"/><rgbColor rgb="FFFFFFFF"/></indexedColors></colors></styleSheet>',
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>` +
      '<Override PartName="/_rels/.rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/xl/_rels/workbook.xml.rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  });
}

/**
 * A tool that writes SpreadsheetML with the `x:` prefix throughout (valid XML: the namespace is what counts), names its
 * parts as it likes (`xl/bang/can-bo.xml`, `xl/du-lieu/di-co-so.xml`), leaves out the references of rows and cells
 * (each follows the one before: ECMA-376 §18.3.1.73, §18.3.1.4), writes texts inline (plain and rich), dates both as
 * serials of the 1904 date system and as ISO `t="d"` cells, and texts holding a carriage return escaped as
 * `_x000D_`, a control character as `_x0001_`, and a literal `_x000D_` escaped as `_x005F_x000D_`.
 */
export function prefixedTool(): Buffer {
  const X = `xmlns:x="${MAIN}"`;
  const inline = (text: string) => `<x:c t="inlineStr"><x:is><x:t>${esc(text)}</x:t></x:is></x:c>`;
  const row = (cells: string) => `<x:row>${cells}</x:row>`;
  const rosterRows = ROSTER.map((r) => row(r.map((v) => (typeof v === 'number' ? `<x:c><x:v>${v}</x:v></x:c>` : inline(v))).join(''))).join('');
  const tripRows = TRIPS.map((r, i) =>
    row(
      r
        .map((v, c) => {
          if (typeof v === 'number') return `<x:c><x:v>${v}</x:v></x:c>`;
          if (typeof v === 'string') {
            // The place of the first trip holds the escapes: a carriage return and a control character.
            if (i === 1 && c === 8)
              return '<x:c t="inlineStr"><x:is><x:r><x:t>Xã Phi Thông_x000D_</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">\nấp _x0001_3 (mã _x005F_x000D_)</x:t></x:r></x:is></x:c>';
            return inline(v);
          }
          // “Từ ngày” as a 1904 serial, “Đến ngày” as an ISO date.
          return c === 6 ? `<x:c s="1"><x:v>${serial(v.date, true)}</x:v></x:c>` : `<x:c t="d"><x:v>${v.date}T00:00:00</x:v></x:c>`;
        })
        .join(''),
    ),
  ).join('');
  const sheet = (rows: string) => `${HEAD}<x:worksheet ${X} xmlns:r="${REL}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
  return zipArchive({
    '[Content_Types].xml':
      `${HEAD}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/bang/can-bo.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/du-lieu/di-co-so.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/kieu.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': rels([['R1', 'officeDocument', '/xl/workbook.xml']]),
    'xl/workbook.xml': `${HEAD}<x:workbook ${X} xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Cán bộ" sheetId="7" r:id="R1"/><x:sheet name="Đi cơ sở" sheetId="9" r:id="R2"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': rels([
      ['R1', 'worksheet', 'bang/can-bo.xml'],
      ['R2', 'worksheet', '/xl/du-lieu/di-co-so.xml'],
      ['R3', 'styles', 'kieu.xml'],
    ]),
    'xl/kieu.xml':
      `${HEAD}<x:styleSheet ${X}><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="d/m/yyyy"/></x:numFmts><x:fonts count="1"><x:font><x:sz val="12"/><x:name val="Times New Roman"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders>` +
      '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="170" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>',
    'xl/bang/can-bo.xml': sheet(rosterRows),
    'xl/du-lieu/di-co-so.xml': sheet(tripRows),
  });
}
