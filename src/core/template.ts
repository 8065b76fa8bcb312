import { ROSTER_COLUMNS, TAB_NAMES, templateColumns, TRIP_COLUMNS, type ColumnSpec } from './columns';
import type { Policy } from './policy';
import { PRESETS, type PresetId } from './presets';
import { SETTING_FIELDS } from './settings-fields';
import { contentItemCaption, contentItems, contentKindCaption } from './content';
import { CADRE_GROUP_LABELS, CADRE_GROUPS, TRIP_STATUS_LABELS, TRIP_STATUSES } from './vocabulary';

/**
 * The input tabs a new registration spreadsheet starts with: captions, widths, dropdowns, date columns and one
 * example row. Read by the add-on's "Khởi tạo bảng tính" and by `dicoso init`, so both create the same workbook.
 */

export interface TabTemplate {
  name: string;
  /** The column keys (columns.ts), in order: what each caption stands for. */
  keys: string[];
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

/** The Nội dung dropdown: the preset's items, each number once. */
export function contentKindChoices(policy: Policy): string[] {
  return contentItems(policy).map(contentItemCaption);
}

export function inputTabTemplates(policy: Policy, year: number, bans: readonly string[] = defaultBans(policy)): TabTemplate[] {
  const kinds = contentKindChoices(policy);
  const keeps = { rating: policy.verdict === 'rating', deadlines: policy.deadlines.some((d) => d.kind === 'registration') };
  const ROSTER = templateColumns(ROSTER_COLUMNS, keeps);
  const TRIPS = templateColumns(TRIP_COLUMNS, keeps);
  const exampleRow = (specs: readonly ColumnSpec[], values: Record<string, string | number>) => specs.map((c) => values[c.key] ?? '');
  const roster: TabTemplate = {
    name: TAB_NAMES.roster,
    keys: ROSTER.map((c) => c.key),
    captions: ROSTER.map((c) => c.caption),
    widths: ROSTER.map((c) => c.width),
    lists: [
      { column: indexOf(ROSTER, 'group'), values: CADRE_GROUPS.map((g) => CADRE_GROUP_LABELS[g]), allowOther: false },
      { column: indexOf(ROSTER, 'ban'), values: [...bans], allowOther: true },
    ],
    dateColumns: [indexOf(ROSTER, 'startDate')],
    numberColumns: [indexOf(ROSTER, 'stt')],
    // Marked "VD" as the seed forms mark their examples ("VD1: 1.1 …"): shown, never counted (table.ts isExampleRow).
    example: exampleRow(ROSTER, {
      stt: EXAMPLE_STT,
      name: 'Nguyễn Văn An',
      position: 'Chuyên viên',
      ban: bans[0] ?? policy.compilingDepartment,
      group: 'Chuyên viên',
      email: 'an.nv@example.vn',
    }),
  };
  const trips: TabTemplate = {
    name: TAB_NAMES.trips,
    keys: TRIPS.map((c) => c.key),
    captions: TRIPS.map((c) => c.caption),
    widths: TRIPS.map((c) => c.width),
    lists: [
      { column: indexOf(TRIPS, 'kind'), values: kinds, allowOther: false },
      { column: indexOf(TRIPS, 'status'), values: TRIP_STATUSES.map((s) => TRIP_STATUS_LABELS[s]), allowOther: false },
      { column: indexOf(TRIPS, 'level'), values: [...policy.levels], allowOther: true },
      { column: indexOf(TRIPS, 'ban'), values: [...bans], allowOther: true },
      { column: indexOf(TRIPS, 'confirmed'), values: ['Có', 'Chưa'], allowOther: true },
      { column: indexOf(TRIPS, 'reported'), values: ['Có', 'Chưa'], allowOther: true },
    ].filter((l) => l.column >= 0),
    dateColumns: [indexOf(TRIPS, 'from'), indexOf(TRIPS, 'to'), indexOf(TRIPS, 'registeredOn'), indexOf(TRIPS, 'banApprovedOn'), indexOf(TRIPS, 'noticeDate')],
    numberColumns: [indexOf(TRIPS, 'stt'), indexOf(TRIPS, 'days'), indexOf(TRIPS, 'score')].filter((c) => c >= 0),
    example: exampleRow(TRIPS, {
      stt: EXAMPLE_STT,
      name: 'Nguyễn Văn An',
      ban: bans[0] ?? policy.compilingDepartment,
      kind: contentKindCaption('chuyen-de', policy),
      detail: 'Khảo sát tình hình hoạt động chi đoàn khu dân cư',
      days: 5,
      from: `05/06/${year}`,
      to: `09/06/${year}`,
      place: 'Xã A',
      level: policy.levels[1] ?? policy.levels[0] ?? '',
      status: TRIP_STATUS_LABELS.registered,
      registeredOn: `20/05/${year}`,
    }),
  };
  return [roster, trips];
}

/** The STT of the template's example rows. */
export const EXAMPLE_STT = 'VD';

/** The Bans a new roster offers: the preset's compiling department (Ban Xây dựng Đoàn in Hà Nam), then the usual ones. */
export function defaultBans(policy: Policy): string[] {
  return [policy.compilingDepartment, 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Công tác Thiếu nhi', 'Văn phòng'];
}

/**
 * The Cài đặt tab a new workbook starts with: every setting's key (settings-fields.ts), the province, year and preset
 * filled in, every other value blank ("as the preset says"), and a hint per row saying what to write.
 */
export function settingsTabRows(province: string, year: number, preset: PresetId): (string | number)[][] {
  const policy = PRESETS[preset].policy;
  const given: Record<string, string | number> = { Tỉnh: province, Năm: year, 'Bộ quy định': preset };
  return [['Cài đặt', 'Giá trị', 'Ghi chú'], ...SETTING_FIELDS.map((f) => [f.key, given[f.key] ?? '', f.hint(policy)])];
}
