import { ROSTER_COLUMNS, TAB_NAMES, TRIP_COLUMNS, type ColumnSpec } from './columns';
import type { Policy } from './policy';
import { CADRE_GROUP_LABELS, CADRE_GROUPS, CONTENT_KINDS, contentKindCaption, TRIP_STATUS_LABELS, TRIP_STATUSES } from './vocabulary';

/**
 * The input tabs a new registration spreadsheet starts with: captions, widths, dropdowns, date columns and one
 * example row. Read by the add-on's "Khởi tạo bảng tính" and by `dicoso init`, so both create the same workbook.
 */

export interface TabTemplate {
  name: string;
  captions: string[];
  widths: number[];
  /** 0-based column → the values of its dropdown. */
  lists: { column: number; values: string[]; allowOther: boolean }[];
  /** 0-based columns that hold dates (dd/MM/yyyy). */
  dateColumns: number[];
  /** 0-based columns that hold whole numbers. */
  numberColumns: number[];
  example: (string | number)[];
}

const indexOf = (specs: readonly ColumnSpec[], key: string) => specs.findIndex((s) => s.key === key);

export function contentKindChoices(policy: Policy): string[] {
  return CONTENT_KINDS.filter((k) => policy.numbering[k] !== undefined || Object.keys(policy.numbering).length === 0).map((k) =>
    contentKindCaption(k, policy.numbering),
  );
}

export function inputTabTemplates(policy: Policy, year: number, bans: readonly string[] = DEFAULT_BANS): TabTemplate[] {
  const kinds = contentKindChoices(policy);
  const roster: TabTemplate = {
    name: TAB_NAMES.roster,
    captions: ROSTER_COLUMNS.map((c) => c.caption),
    widths: ROSTER_COLUMNS.map((c) => c.width),
    lists: [
      { column: indexOf(ROSTER_COLUMNS, 'group'), values: CADRE_GROUPS.map((g) => CADRE_GROUP_LABELS[g]), allowOther: false },
      { column: indexOf(ROSTER_COLUMNS, 'ban'), values: [...bans], allowOther: true },
    ],
    dateColumns: [indexOf(ROSTER_COLUMNS, 'startDate')],
    numberColumns: [indexOf(ROSTER_COLUMNS, 'stt')],
    example: [1, 'Nguyễn Văn An', 'Chuyên viên', bans[0] ?? 'Ban Tổ chức – Kiểm tra', 'Chuyên viên', 'an.nv@example.vn', '', '', ''],
  };
  const trips: TabTemplate = {
    name: TAB_NAMES.trips,
    captions: TRIP_COLUMNS.map((c) => c.caption),
    widths: TRIP_COLUMNS.map((c) => c.width),
    lists: [
      { column: indexOf(TRIP_COLUMNS, 'kind'), values: kinds, allowOther: false },
      { column: indexOf(TRIP_COLUMNS, 'status'), values: TRIP_STATUSES.map((s) => TRIP_STATUS_LABELS[s]), allowOther: false },
      { column: indexOf(TRIP_COLUMNS, 'level'), values: [...policy.levels], allowOther: true },
      { column: indexOf(TRIP_COLUMNS, 'ban'), values: [...bans], allowOther: true },
      { column: indexOf(TRIP_COLUMNS, 'confirmed'), values: ['Có', 'Chưa'], allowOther: true },
      { column: indexOf(TRIP_COLUMNS, 'reported'), values: ['Có', 'Chưa'], allowOther: true },
    ],
    dateColumns: [indexOf(TRIP_COLUMNS, 'from'), indexOf(TRIP_COLUMNS, 'to'), indexOf(TRIP_COLUMNS, 'registeredOn')],
    numberColumns: [indexOf(TRIP_COLUMNS, 'stt'), indexOf(TRIP_COLUMNS, 'days'), indexOf(TRIP_COLUMNS, 'score')],
    example: [
      1,
      'Nguyễn Văn An',
      bans[0] ?? 'Ban Tổ chức – Kiểm tra',
      kinds[0] ?? '',
      'Khảo sát tình hình hoạt động chi đoàn khu dân cư',
      5,
      `05/06/${year}`,
      `09/06/${year}`,
      'Xã A',
      policy.levels[1] ?? policy.levels[0] ?? '',
      TRIP_STATUS_LABELS.registered,
      `20/05/${year}`,
      '',
      '',
      '',
      '',
      '',
    ],
  };
  return [roster, trips];
}

export const DEFAULT_BANS = ['Ban Tổ chức – Kiểm tra', 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Công tác Thiếu nhi', 'Văn phòng'];

/** Key/value rows of the Cài đặt tab a new workbook starts with. */
export function settingsTabRows(province: string, year: number, preset: string): (string | number)[][] {
  return [
    ['Cài đặt', 'Giá trị'],
    ['Tỉnh', province],
    ['Năm', year],
    ['Bộ quy định', preset],
    ['Kế hoạch số', ''],
    ['Ngày kế hoạch', ''],
    ['Email BTC-KT', ''],
  ];
}
