import type { CalendarDate } from '../../src/core/calendar-date';
import { evaluate } from '../../src/core/evaluate';
import type { Policy } from '../../src/core/policy';
import { PRESETS, resolvePolicy, type PolicyOverrides, type PresetId } from '../../src/core/presets';
import { readRoster } from '../../src/core/read-roster';
import { readTrips, warningColumns } from '../../src/core/read-trips';

/**
 * Captions shared by many test files, frozen at run time: writing into one (a test appending a column, a workbook
 * holding the very array as its header row) throws instead of changing it for every later test in the process. The
 * type stays a plain array, since grids take rows as arrays; a test that needs a longer header copies it.
 */
const frozen = (captions: string[]): string[] => Object.freeze(captions) as string[];
export const ROSTER_HEADER = frozen([
  'STT',
  'Họ và tên',
  'Chức vụ',
  'Ban/Văn phòng',
  'Nhóm đối tượng',
  'Email',
  'Miễn (lý do)',
  'Miễn chuyên đề (văn bản)',
  'Ngày bắt đầu',
]);
/** The roster's reminder-letter column (06-HD §V.2), added when a scenario keeps it. */
export const REMINDER_HEADER = 'Văn bản nhắc nhở';
export const TRIP_HEADER = frozen([
  'STT',
  'Họ và tên',
  'Ban/Văn phòng',
  'Nội dung',
  'Cụ thể nội dung',
  'Số ngày',
  'Từ ngày',
  'Đến ngày',
  'Địa điểm',
  'Cấp',
  'Trạng thái',
]);
export const PROCESS_HEADER = frozen(['Ngày đăng ký', 'Xác nhận cơ sở', 'Đã báo cáo', 'Điểm', 'Minh chứng', 'Kết quả, đề xuất', 'Đột xuất (văn bản)']);

export interface CadreRow {
  name: string;
  position?: string;
  ban?: string;
  group?: string;
  exemption?: string;
  waiver?: string;
  start?: string;
  /** Văn bản nhắc nhở (written only when the scenario keeps the column). */
  reminder?: string;
}

export interface TripRow {
  name: string;
  kind: string;
  from: string;
  to: string;
  days?: number | string;
  status?: string;
  ban?: string;
  /** Địa điểm; 'Xã A' (a commune: cấp cơ sở) when not given. */
  place?: string;
  level?: string;
  registeredOn?: string;
  urgent?: string;
  confirmed?: string;
  reported?: string;
  score?: number | string;
  evidence?: string;
}

export function rosterValues(cadres: CadreRow[], withReminder = false): unknown[][] {
  const rows = [
    ROSTER_HEADER,
    ...cadres.map((c, i) => [
      i + 1,
      c.name,
      c.position ?? 'Chuyên viên',
      c.ban ?? 'Ban Tuyên giáo',
      c.group ?? '',
      '',
      c.exemption ?? '',
      c.waiver ?? '',
      c.start ?? '',
    ]),
  ];
  return withReminder ? rows.map((r, i) => [...r, i === 0 ? REMINDER_HEADER : (cadres[i - 1]!.reminder ?? '')]) : rows;
}

export function tripValues(trips: TripRow[], withProcess = false): unknown[][] {
  return [
    withProcess ? [...TRIP_HEADER, ...PROCESS_HEADER] : TRIP_HEADER,
    ...trips.map((t, i) => {
      const base = [i + 1, t.name, t.ban ?? '', t.kind, '', t.days ?? '', t.from, t.to, t.place ?? 'Xã A', t.level ?? '', t.status ?? 'Đã thực hiện'];
      return withProcess ? [...base, t.registeredOn ?? '', t.confirmed ?? '', t.reported ?? '', t.score ?? '', t.evidence ?? '', '', t.urgent ?? ''] : base;
    }),
  ];
}

export interface Scenario {
  preset?: PresetId;
  /** A policy already resolved (from a Cài đặt tab); preset and overrides are then unused. */
  policy?: Policy;
  overrides?: PolicyOverrides;
  year?: number;
  today?: string;
  cadres: CadreRow[];
  trips: TripRow[];
  withProcess?: boolean;
  /** The roster keeps a Văn bản nhắc nhở column. */
  withReminder?: boolean;
}

/** Runs the rules on a small roster and trip list typed as a department would type them. */
export function runScenario(s: Scenario) {
  const year = s.year ?? 2023;
  const resolved = s.policy ? { ok: true as const, policy: s.policy } : resolvePolicy(s.preset ?? 'kien-giang-2023', s.overrides ?? {});
  if (!resolved.ok) throw new Error(resolved.errors.join(' '));
  const policy = resolved.policy;
  const today = (s.today ?? `${year}-12-31`) as CalendarDate;
  const roster = readRoster({ tab: 'Cán bộ', values: rosterValues(s.cadres, s.withReminder) }, { timeZone: 'UTC', year, policy });
  const trips = readTrips({ tab: 'Đi cơ sở', values: tripValues(s.trips, s.withProcess) }, roster.cadres, {
    timeZone: 'UTC',
    year,
    policy,
    today,
    rosterRowsWithErrors: roster.rowsWithErrors,
  });
  const evaluation = evaluate({
    cadres: roster.cadres,
    trips: trips.trips,
    policy,
    year,
    today,
    processColumns: { ...trips.processColumns, reminder: roster.reminderKept },
    tripsTab: 'Đi cơ sở',
    ...(trips.table ? { tripColumns: warningColumns(trips.table) } : {}),
  });
  return { roster, trips, evaluation, policy, issues: [...roster.issues, ...trips.issues, ...evaluation.issues] };
}

export { PRESETS };
