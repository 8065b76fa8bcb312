import { dateParts, formatDayFirst, isCalendarDate, type CalendarDate } from '../calendar-date';
import type { Cadre } from '../model';
import { banKey } from '../names';
import { foldKey } from '../text';
import type { Policy, PolicyDocument } from '../policy';
import { LayoutBuilder } from './layout-builder';

/** What every form's header and footer need (seed 001's template). */
export interface FormContext {
  province: string;
  year: number;
  /** The ban the form is for, or null for the province-wide compilation by the compiling department. */
  ban: string | null;
  /** The department that compiles the Bans' forms (Ban Tổ chức – Kiểm tra; Ban Xây dựng Đoàn in Hà Nam 2022). */
  compilingDepartment: string;
  /** The document the forms go with: "(Kèm theo Hướng dẫn số 06-HD/TĐTN-BTCKT, ngày 10/03/2023 …)". */
  document: PolicyDocument;
  /** The date printed in "…, ngày … tháng … năm …". */
  today: CalendarDate;
  cadres: readonly Cadre[];
  /** Trip rows of the form's scope that an error keeps off it: the form names them rather than leave them out silently. */
  leftOut: readonly LeftOutRow[];
}

/** A trip row the rules could not read: where it is, whose name it carries, the first column in error. */
export interface LeftOutRow {
  tab: string;
  row: number;
  /** As typed in the row ('' when the name itself is missing). */
  name: string;
  column: string;
}

/** The context of a form: the preset's document and department, the number and date the settings give for it. */
export function formContextOf(x: {
  province: string;
  year: number;
  ban: string | null;
  settings: { planNumber: string; planDate: string };
  policy: Policy;
  today: CalendarDate;
  cadres: readonly Cadre[];
  leftOut?: readonly LeftOutRow[];
}): FormContext {
  const { document, compilingDepartment } = x.policy;
  return {
    province: x.province,
    year: x.year,
    ban: x.ban,
    compilingDepartment,
    document: { kind: document.kind, number: x.settings.planNumber.trim() || document.number, date: x.settings.planDate || document.date },
    today: x.today,
    cadres: x.cadres,
    leftOut: x.leftOut ?? [],
  };
}

/**
 * Under a form's table, in red: the trip rows an error keeps off it ("dòng 14 (Nguyễn Thị Hoa, cột Nội dung)"), so
 * that nobody signs a registration believing it whole. Nothing when every row was read.
 */
export function addLeftOutNote(b: LayoutBuilder, rows: readonly LeftOutRow[]): void {
  if (rows.length === 0) return;
  b.keepWithPrevious(b.row());
  b.keepWithPrevious(b.spanRow(leftOutText(rows), { italic: true, fontColor: '#b3261e', wrap: true }));
}

export function leftOutText(rows: readonly LeftOutRow[]): string {
  const tabs = [...new Set(rows.map((r) => r.tab))];
  const where = rows.map((r) => `dòng ${r.row} (${[r.name, `cột ${r.column}`].filter(Boolean).join(', ')})`).join('; ');
  return `Chưa ghi vào bản này ${rows.length} dòng có lỗi ở tab “${tabs.join('”, “')}”: ${where}. Sửa các dòng đó rồi tạo lại mẫu.`;
}

/** Vietnamese official documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
export const FORM_FONT = { fontFamily: 'Times New Roman' } as const;

/**
 * Seed 001's header: "BCH ĐOÀN TỈNH …" / "BAN …" on the left, "ĐOÀN TNCS HỒ CHÍ MINH" / "…, ngày … tháng … năm …"
 * on the right, then the title lines and "(Kèm theo Kế hoạch số …)".
 */
export function addHeaderBlock(b: LayoutBuilder, ctx: FormContext, leftSpan: number, title: string, subtitle: string): void {
  const rightStart = b.width - Math.max(3, b.width - leftSpan - 1);
  const rightSpan = b.width - rightStart;
  const first = b.row();
  b.set(first, 0, `BCH ĐOÀN TỈNH ${ctx.province.toLocaleUpperCase('vi')}`);
  b.set(first, rightStart, 'ĐOÀN TNCS HỒ CHÍ MINH');
  const second = b.row();
  b.set(second, 0, unitLine(ctx.ban ?? ctx.compilingDepartment));
  b.set(second, rightStart, `${ctx.province}, ${dateLine(ctx.today)}`);
  b.markDated(second, rightStart);
  const stars = b.row();
  b.set(stars, 0, '***');
  for (const r of [first, second, stars]) {
    b.merge({ row: r, column: 0, rows: 1, columns: leftSpan });
    b.merge({ row: r, column: rightStart, rows: 1, columns: rightSpan });
  }
  b.style({ row: first, column: 0, rows: 3, columns: leftSpan }, { horizontalAlignment: 'center' });
  b.style({ row: second, column: 0, rows: 1, columns: leftSpan }, { bold: true });
  b.style({ row: first, column: rightStart, rows: 1, columns: rightSpan }, { bold: true, horizontalAlignment: 'center' });
  b.style({ row: second, column: rightStart, rows: 1, columns: rightSpan }, { italic: true, horizontalAlignment: 'center' });
  b.row();
  b.spanRow(title, { bold: true, fontSize: 14, horizontalAlignment: 'center' });
  b.spanRow(subtitle, { bold: true, horizontalAlignment: 'center' });
  b.spanRow(planLine(ctx.document), { italic: true, horizontalAlignment: 'center' });
  b.row();
}

/** "BAN TUYÊN GIÁO", "VĂN PHÒNG", "BAN XÂY DỰNG ĐOÀN". */
export function unitLine(name: string): string {
  const upper = name.toLocaleUpperCase('vi');
  return /^(ban|văn phòng|vp)\b/i.test(name) ? upper.replace(/^VP\b/, 'VĂN PHÒNG') : `BAN ${upper}`;
}

export function dateLine(date: CalendarDate): string {
  const { day, month, year } = dateParts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "(Kèm theo Hướng dẫn số 06-HD/TĐTN-BTCKT, ngày 10/03/2023 của Ban Thường vụ Tỉnh đoàn)": the document as it is. */
export function planLine(document: PolicyDocument): string {
  const number = document.number.trim() || '……';
  const date = isCalendarDate(document.date) ? formatDayFirst(document.date) : '…/…/…';
  return `(Kèm theo ${document.kind} số ${number}, ngày ${date} của Ban Thường vụ Tỉnh đoàn)`;
}

/** Empty lines between a signature's title and the signer's name: room to sign and stamp, about 2.5 cm printed. */
const SIGNING_ROOM = 5;

/**
 * Signature block: under a blank row, one row holding the left title over its signer and the right title over the
 * form's signer, each "title, room to sign, name" in one cell. No spreadsheet prints one row on two pages, so the
 * title never parts from the name in Excel, LibreOffice or Sheets, which has no page breaks to set; and the block is
 * kept on the page of the table's last row, so no page holds a signature alone under repeated captions.
 */
export function addSignatureBlock(b: LayoutBuilder, left: string, right: string, signer: string, leftSigner = ''): void {
  const half = Math.floor(b.width / 2);
  b.keepWithPrevious(b.row());
  const block = b.row();
  b.set(block, 0, signatureText(left, leftSigner));
  b.set(block, half, signatureText(right, signer));
  b.merge({ row: block, column: 0, rows: 1, columns: half });
  b.merge({ row: block, column: half, rows: 1, columns: b.width - half });
  b.style({ row: block, column: 0, rows: 1, columns: b.width }, { bold: true, horizontalAlignment: 'center', verticalAlignment: 'top', wrap: true });
  b.keepWithPrevious(block);
}

/** "TRƯỞNG BAN TUYÊN GIÁO", five empty lines, "Nguyễn Thị Thủy": one cell of a signature block ('' when it has neither). */
export function signatureText(title: string, name: string): string {
  if (title === '' && name === '') return '';
  return [title, ...Array<string>(SIGNING_ROOM).fill(''), name].join('\n');
}

/** "TRƯỞNG BAN TUYÊN GIÁO", "CHÁNH VĂN PHÒNG". */
export function headTitle(name: string): string {
  if (/^(văn phòng|vp)\b/i.test(name.trim())) return 'CHÁNH VĂN PHÒNG';
  return `TRƯỞNG ${unitLine(name)}`;
}

/** The head of a ban on the roster (Trưởng ban / Chánh Văn phòng), for the signature line; '' when unknown. */
export function headOf(ban: string, cadres: readonly Cadre[]): string {
  const key = banKey(ban);
  const head = cadres.find((c) => banKey(c.ban) === key && /^(truong ban|truong phong|chanh van phong|chanh vp)\b/.test(foldKey(c.position)));
  return head?.name ?? '';
}
