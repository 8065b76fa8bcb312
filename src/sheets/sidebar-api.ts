import type { ScheduleStatus } from './schedule-status';
import { formatDayFirst, quarterOf, yearOf, type CalendarDate, type Quarter } from '../core/calendar-date';
import type { CadreEvaluation, CadreStatus, Rating } from '../core/evaluate';
import { banTotals, sortForReport } from '../core/forms/dashboard';
import { headOf } from '../core/forms/frame';
import { groupTrips } from '../core/forms/form-rows';
import { mau2Trips } from '../core/forms/mau2';
import { buildMau3 } from '../core/forms/mau3';
import { RATING_LABELS, STATUS_LABELS, messages } from '../core/messages';
import type { Cadre } from '../core/model';
import { banKey, nameKey } from '../core/names';
import type { Policy } from '../core/policy';
import { PRESETS, type PresetId } from '../core/presets';
import { readSettingsTab, type Settings, type SettingsInput } from '../core/settings';
import { checkSettingsInput } from '../core/settings-check';
import { findTab } from '../core/columns';
import { checkTripInput, kindOptions, TripInputSchema, type RosterEntry, type TripField, type TripInput } from '../core/trip-input';
import { isUserError, UserError } from '../core/user-error';
import { contentKindCaption } from '../core/content';
import { CADRE_GROUP_LABELS, TRIP_STATUSES, TRIP_STATUS_LABELS, type CadreGroup, type ContentKind, type TripStatus } from '../core/vocabulary';
import type { ServerContext } from './server-context';
import { loadSettings, saveSettings } from './settings-store';
import type { WriteCell } from './workbook';
import { analyze, bansOf, generateMau2, generateMau3, type Analysis } from './workflow';

/**
 * The server functions the sidebars and dialogs call (through google.script.run in Sheets, through the preview
 * server locally). Each composes the workflow and core over a ServerContext, and returns plain JSON: dates are ISO
 * strings, nothing is a class. The Apps Script entry file exposes each one as a top-level function of the same name
 * that builds the context and passes the page's arguments on.
 */

// ---------- wording of this module (the rules' own sentences live in core/messages.ts) ----------

const say = {
  forecast: (days: number, required: number, end: CalendarDate) =>
    `Theo tốc độ hiện tại: khoảng ${days}/${required} ngày vào ${formatDayFirst(end).slice(0, 5)}`,
  periodOver: (days: number, required: number) => `Kỳ tính đã kết thúc: ${days}/${required} ngày.`,
  notStarted: (start: CalendarDate) => `Kỳ tính bắt đầu từ ${formatDayFirst(start)}.`,
  exempt: 'Không áp dụng chủ trương.',
  unknownBan: (ban: string) => `Không có Ban/Văn phòng “${ban}” trong tab Cán bộ.`,
  badForm: 'Chỉ tạo được mẫu 2 hoặc mẫu 3.',
  badQuarter: 'Quý phải là 1, 2, 3 hoặc 4.',
  noTripsTable: 'Không tìm thấy dòng tiêu đề của tab các đợt đi cơ sở.',
  unexpected: 'Đã có lỗi ngoài dự kiến. Hãy tải lại trang và thử lại; nếu vẫn lỗi, hãy báo cho người quản trị bảng tính.',
  sheetOverrides: (tab: string, keys: readonly string[]) =>
    `Tab “${tab}” đang ghi ${keys.join(', ')}: giá trị ở tab được ưu tiên hơn cài đặt ở đây.`,
};


/** What a page shows when a call fails: the UserError's own sentence, or an apology (the error itself is logged). */
export function clientMessage(error: unknown): string {
  if (isUserError(error)) return error.message;
  console.error(error);
  return say.unexpected;
}

// ---------- shared pieces ----------

interface Loaded {
  analysis: Analysis;
  warnings: string[];
}

function load(ctx: ServerContext): Loaded {
  const stored = loadSettings(ctx.settings, yearOf(ctx.today));
  const analysis = analyze(ctx.workbook, { settings: stored.settings, today: ctx.today });
  return { analysis, warnings: [...(stored.warning ? [stored.warning] : []), ...analysis.settingsProblems] };
}

// ---------- Tiến độ 1+2 ----------

export interface ProgressEntry {
  /** Position in the roster (stable within one payload). */
  id: number;
  name: string;
  ban: string;
  group: CadreGroup;
  groupLabel: string;
  daysDone: number;
  daysProjected: number;
  requiredDays: number;
  roundsDone: number;
  /** 0 when exempt or waived. */
  roundsRequired: number;
  status: CadreStatus;
  statusLabel: string;
  rating: Rating | null;
  ratingLabel: string;
  reasons: string[];
  forecastDays: number;
  /** "Theo tốc độ hiện tại: khoảng 48/60 ngày vào 31/12"; '' for an exempt cadre. */
  forecast: string;
  /** 1-based rows of this cadre's trips on the trips tab (rows with errors included), for selecting them. */
  tripRows: number[];
}

export interface ProgressCounts {
  total: number;
  ok: number;
  /** Short of days, including those short of both. */
  shortDays: number;
  /** Short of rounds, including those short of both. */
  shortRounds: number;
  exempt: number;
}

export interface ProgressPayload {
  counts: ProgressCounts;
  /** Behind first: short of both, of days, of rounds, then on track, then exempt; the furthest behind first. */
  cadres: ProgressEntry[];
  bans: string[];
  period: { start: string; end: string };
  today: string;
  year: number;
  presetTitle: string;
  minDays: number;
  roundsLabel: string;
  tripsTab: string;
  /** Settings and Cài đặt tab problems, to show above the list. */
  warnings: string[];
}

const BEHIND_ORDER: Record<CadreStatus, number> = { 'short-both': 0, 'short-days': 1, 'short-rounds': 2, ok: 3, exempt: 4 };

export function getProgress(ctx: ServerContext): ProgressPayload {
  const { analysis, warnings } = load(ctx);
  const entries = progressEntries(analysis);
  const counts: ProgressCounts = { total: 0, ok: 0, shortDays: 0, shortRounds: 0, exempt: 0 };
  for (const t of banTotals(analysis.evaluation.cadres)) {
    counts.total += t.cadres;
    counts.ok += t.ok;
    counts.shortDays += t.shortDays + t.shortBoth;
    counts.shortRounds += t.shortRounds + t.shortBoth;
    counts.exempt += t.exempt;
  }
  return {
    counts,
    cadres: entries,
    bans: bansOf(analysis),
    period: { start: analysis.period.start, end: analysis.period.end },
    today: analysis.today,
    year: analysis.year,
    presetTitle: analysis.presetTitle,
    minDays: analysis.policy.minDays,
    roundsLabel: analysis.policy.rounds.label,
    tripsTab: analysis.tabs.trips,
    warnings,
  };
}

function progressEntries(analysis: Analysis): ProgressEntry[] {
  const rowsByCadre = tripRowsByCadre(analysis);
  const reportOrder = sortForReport(analysis.evaluation.cadres);
  const shortfall = (e: CadreEvaluation) => (e.requiredDays > 0 ? (e.requiredDays - Math.min(e.daysProjected, e.requiredDays)) / e.requiredDays : 0);
  const sorted = [...reportOrder].sort((a, b) => BEHIND_ORDER[a.status] - BEHIND_ORDER[b.status] || shortfall(b) - shortfall(a));
  return sorted.map((e) => progressEntry(e, analysis, rowsByCadre.get(e.cadre) ?? []));
}

function progressEntry(e: CadreEvaluation, analysis: Analysis, tripRows: number[]): ProgressEntry {
  const exempt = e.status === 'exempt';
  const { start, end } = analysis.period;
  const forecast = exempt
    ? ''
    : analysis.today > end
      ? say.periodOver(e.daysDone, e.requiredDays)
      : analysis.today < start
        ? say.notStarted(start)
        : say.forecast(e.forecastDays, e.requiredDays, end);
  return {
    id: e.cadre,
    name: e.name,
    ban: e.ban,
    group: e.group,
    groupLabel: CADRE_GROUP_LABELS[e.group],
    daysDone: e.daysDone,
    daysProjected: e.daysProjected,
    requiredDays: e.requiredDays,
    roundsDone: e.roundsDone,
    roundsRequired: exempt || e.waived ? 0 : e.roundsRequired,
    status: e.status,
    statusLabel: STATUS_LABELS[e.status],
    rating: e.rating,
    ratingLabel: e.rating ? RATING_LABELS[e.rating] : '',
    reasons: e.reasons,
    forecastDays: e.forecastDays,
    forecast,
    tripRows,
  };
}

/** Trip rows per cadre: read trips by their cadre, rows with errors by the name (and Ban) written on them. */
function tripRowsByCadre(analysis: Analysis): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (cadre: number, row: number) => {
    const list = out.get(cadre) ?? [];
    if (!list.includes(row)) list.push(row);
    out.set(cadre, list);
  };
  for (const trip of analysis.trips.trips) add(trip.cadre, trip.row);
  const table = analysis.trips.table;
  if (table) {
    const nameColumn = table.header.columns.name;
    const banColumn = table.header.columns.ban;
    const values = analysis.raw.trips.values;
    const read = new Set(analysis.trips.trips.map((t) => t.row));
    let byName: Map<string, Cadre[]> | null = null;
    for (let i = table.firstDataIndex; i < values.length; i++) {
      if (read.has(i + 1) || nameColumn === undefined) continue;
      const name = nameKey(String(values[i]?.[nameColumn] ?? ''));
      if (name === '') continue;
      // Built on the first unread row only: most sheets have none.
      byName ??= groupBy(analysis.roster.cadres, (c) => nameKey(c.name));
      const ban = banColumn === undefined ? '' : banKey(String(values[i]?.[banColumn] ?? ''));
      const matches = (byName.get(name) ?? []).filter((c) => ban === '' || banKey(c.ban) === ban);
      if (matches.length === 1) add(matches[0]!.index, i + 1);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

// ---------- Nhập đợt đi cơ sở (mẫu 1) ----------

export interface TripFormPayload {
  roster: RosterEntry[];
  kinds: { code: ContentKind; label: string }[];
  statuses: { code: TripStatus; label: string }[];
  levels: string[];
  year: number;
  today: string;
  /** The resolved policy: the page runs checkTripInput with it, as the server does. */
  policy: Policy;
  warnings: string[];
}

export function getTripForm(ctx: ServerContext): TripFormPayload {
  const { analysis, warnings } = load(ctx);
  return {
    roster: rosterEntries(analysis.roster.cadres),
    kinds: kindOptions(analysis.policy),
    statuses: TRIP_STATUSES.filter((s) => s !== 'cancelled').map((code) => ({ code, label: TRIP_STATUS_LABELS[code] })),
    levels: [...analysis.policy.levels],
    year: analysis.year,
    today: analysis.today,
    policy: analysis.policy,
    warnings,
  };
}

function rosterEntries(cadres: readonly Cadre[]): RosterEntry[] {
  return cadres.filter((c) => c.name !== '' && c.ban !== '').map((c) => ({ name: c.name, ban: c.ban, group: c.group }));
}

export type SaveTripResult =
  | { ok: true; row: number; progress: ProgressEntry | null }
  | { ok: false; errors: Partial<Record<TripField, string>> };

/**
 * Checks the trip again with the page's own function, then appends it in one write onto the trips tab, in that
 * tab's column order. Nothing is written when any field is wrong.
 */
export function saveTrip(ctx: ServerContext, input: TripInput): SaveTripResult {
  const { analysis } = load(ctx);
  const trip = tripInputOf(input);
  const roster = rosterEntries(analysis.roster.cadres);
  if (trip.ban === '') {
    const namesakes = roster.filter((r) => nameKey(r.name) === nameKey(trip.name));
    if (namesakes.length > 1) return { ok: false, errors: { name: messages.ambiguousCadre(trip.name, namesakes.map((r) => r.ban)) } };
  }
  const check = checkTripInput(trip, roster, analysis.policy, analysis.year);
  if (Object.keys(check.errors).length > 0) return { ok: false, errors: check.errors };

  const cadre = analysis.roster.cadres.find((c) => nameKey(c.name) === nameKey(trip.name) && (trip.ban === '' || banKey(c.ban) === banKey(trip.ban)))!;
  const table = analysis.trips.table;
  if (!table) throw new UserError(say.noTripsTable);
  const kind = trip.kind as ContentKind;
  const cells: Partial<Record<string, WriteCell>> = {
    stt: nextStt(analysis),
    name: cadre.name,
    ban: cadre.ban,
    kind: contentKindCaption(kind, analysis.policy),
    detail: trip.detail,
    days: trip.days === '' ? '' : Number(trip.days),
    from: { date: trip.from as CalendarDate },
    to: { date: trip.to as CalendarDate },
    place: trip.place,
    level: trip.level,
    status: TRIP_STATUS_LABELS[trip.status],
  };
  const columns = table.header.columns as Partial<Record<string, number>>;
  const width = Math.max(...Object.keys(cells).map((key) => columns[key] ?? -1)) + 1;
  const row: WriteCell[] = Array.from({ length: width }, () => '');
  for (const [key, value] of Object.entries(cells)) {
    const c = columns[key];
    if (c !== undefined && value !== undefined) row[c] = value;
  }
  const written = ctx.workbook.appendRows(analysis.tabs.trips, [row]);

  const after = load(ctx).analysis;
  const evaluation = after.evaluation.cadres.find((e) => e.cadre === cadre.index);
  const progress = evaluation ? progressEntry(evaluation, after, tripRowsByCadre(after).get(cadre.index) ?? []) : null;
  return { ok: true, row: written, progress };
}

/** The page's input as a TripInput whatever arrived (google.script.run carries anything a page sends). */
function tripInputOf(input: unknown): TripInput {
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : typeof record[key] === 'number' ? String(record[key]) : '');
  const status = TripInputSchema.shape.status.safeParse(record.status);
  return {
    name: text('name'),
    ban: text('ban').trim(),
    kind: text('kind') as TripInput['kind'],
    detail: text('detail'),
    from: text('from').trim(),
    to: text('to').trim(),
    days: text('days').trim(),
    place: text('place'),
    level: text('level').trim(),
    status: status.success ? status.data : ('' as TripStatus),
  };
}

/** The next STT: one more than the largest number in the column (0 when there is none). */
function nextStt(analysis: Analysis): number | '' {
  const table = analysis.trips.table;
  const c = table?.header.columns.stt;
  if (!table || c === undefined) return '';
  let max = 0;
  for (let i = table.firstDataIndex; i < analysis.raw.trips.values.length; i++) {
    const v = analysis.raw.trips.values[i]?.[c];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isFinite(n) && n > max) max = n;
  }
  return max + 1;
}

// ---------- Tạo mẫu 2 / mẫu 3 ----------

export interface FormCount {
  cadres: number;
  trips: number;
}

export interface FormScope {
  /** null = every Ban (the province-wide form). */
  ban: string | null;
  mau2: FormCount;
  /** Index 0 is quarter 1. */
  mau3: FormCount[];
}

export interface FormOptionsPayload {
  bans: string[];
  year: number;
  currentQuarter: Quarter;
  /** The province-wide scope first, then each Ban in roster order. */
  scopes: FormScope[];
  warnings: string[];
}

export function getFormOptions(ctx: ServerContext): FormOptionsPayload {
  const { analysis, warnings } = load(ctx);
  const bans = bansOf(analysis);
  const scopes = [null, ...bans].map<FormScope>((ban) => ({
    ban,
    mau2: mau2Count(analysis, ban),
    mau3: ([1, 2, 3, 4] as const).map((q) => mau3Count(analysis, ban, q)),
  }));
  return { bans, year: analysis.year, currentQuarter: currentQuarter(analysis), scopes, warnings };
}

function currentQuarter(analysis: Analysis): Quarter {
  if (yearOf(analysis.today) < analysis.year) return 1;
  if (yearOf(analysis.today) > analysis.year) return 4;
  return quarterOf(analysis.today);
}

function mau3Count(analysis: Analysis, ban: string | null, quarter: Quarter): FormCount {
  const ctx = { province: '', year: analysis.year, ban, planNumber: '', planDate: '', today: analysis.today, cadres: analysis.roster.cadres };
  const { summary } = buildMau3(ctx, analysis.trips.trips, analysis.policy, quarter);
  return { cadres: summary.cadres, trips: summary.trips };
}

/** What mẫu 2 lists, grouped as the form groups them. */
function mau2Count(analysis: Analysis, ban: string | null): FormCount {
  const groups = groupTrips(mau2Trips(analysis.trips.trips, analysis.year), analysis.roster.cadres, ban);
  let cadres = 0;
  let trips = 0;
  for (const g of groups) {
    cadres += g.cadres.length;
    for (const c of g.cadres) trips += c.trips.length;
  }
  return { cadres, trips };
}

export interface GenerateFormInput {
  form: 'mau2' | 'mau3';
  ban: string | null;
  quarter: Quarter;
}

export interface GenerateFormResult {
  tabName: string;
  cadres: number;
  trips: number;
}

/** Writes the mẫu 2 or mẫu 3 tab (replacing one of the same name). The Sheets entry point then activates the tab. */
export function generateForm(ctx: ServerContext, input: GenerateFormInput): GenerateFormResult {
  const { analysis } = load(ctx);
  if (input?.form !== 'mau2' && input?.form !== 'mau3') throw new UserError(say.badForm);
  let ban: string | null = null;
  if (input.ban !== null && input.ban !== undefined && String(input.ban).trim() !== '') {
    ban = bansOf(analysis).find((b) => banKey(b) === banKey(String(input.ban))) ?? null;
    if (ban === null) throw new UserError(say.unknownBan(String(input.ban)));
  }
  if (input.form === 'mau2') {
    const count = mau2Count(analysis, ban);
    return { tabName: generateMau2(ctx.workbook, analysis, ban), ...count };
  }
  const quarter = Number(input.quarter);
  if (![1, 2, 3, 4].includes(quarter)) throw new UserError(say.badQuarter);
  const { name, summary } = generateMau3(ctx.workbook, analysis, ban, quarter as Quarter);
  return { tabName: name, cadres: summary.cadres, trips: summary.trips };
}

// ---------- Cài đặt ----------

export interface PresetOption {
  id: PresetId;
  title: string;
  source: string;
  province: string;
  /** The preset's values, shown where the user sets no override. Period bounds as dd/mm. */
  defaults: {
    minDays: number;
    periodStart: string;
    periodEnd: string;
    roundsCount: number;
    roundLabel: string;
    roundMinDays: number | null;
    roundMaxDays: number | null;
    notBackToBack: boolean;
    proRating: boolean;
  };
}

export interface BanLeader {
  ban: string;
  /** The Trưởng ban / Chánh Văn phòng (or, without one, the ban's first leader) on the roster; '' when none. */
  leaderName: string;
  /** That person's roster email; '' when blank. */
  rosterEmail: string;
  /** The stored override, '' when none. */
  override: string;
}

export interface SettingsPagePayload {
  settings: Settings;
  presets: PresetOption[];
  bans: BanLeader[];
  /** Stored settings unreadable, or the Cài đặt tab overriding some of them. */
  warnings: string[];
}

export function getSettingsPage(ctx: ServerContext): SettingsPagePayload {
  const stored = loadSettings(ctx.settings, yearOf(ctx.today));
  const warnings = stored.warning ? [stored.warning] : [];
  const names = ctx.workbook.tabNames();
  const settingsTab = findTab(names, 'settings');
  if (settingsTab) {
    const sheet = readSettingsTab(ctx.workbook.readTab(settingsTab, { valuesOnly: true })?.values ?? [], ctx.workbook.dateTimeZone, settingsTab);
    const keys = sheet.rows.map((r) => r.key);
    if (keys.length > 0) warnings.push(say.sheetOverrides(settingsTab, keys));
  }
  let bans: BanLeader[] = [];
  try {
    const analysis = analyze(ctx.workbook, { settings: stored.settings, today: ctx.today });
    bans = bansOf(analysis).map((ban) => banLeader(ban, analysis.roster.cadres, stored.settings));
  } catch (error) {
    // The settings must stay editable even when the sheet cannot be read (that is often what needs fixing).
    warnings.push(clientMessage(error));
  }
  return { settings: stored.settings, presets: presetOptions(), bans, warnings };
}

function banLeader(ban: string, cadres: readonly Cadre[], settings: Settings): BanLeader {
  const key = banKey(ban);
  const members = cadres.filter((c) => banKey(c.ban) === key);
  const head = headOf(ban, cadres);
  const leader = members.find((c) => c.name === head) ?? members.find((c) => c.group !== 'chuyen-vien') ?? null;
  const overrideKey = Object.keys(settings.recipients.banLeaders).find((k) => banKey(k) === key);
  return {
    ban,
    leaderName: leader?.name ?? '',
    rosterEmail: leader?.email ?? '',
    override: overrideKey ? settings.recipients.banLeaders[overrideKey]! : '',
  };
}

function presetOptions(): PresetOption[] {
  const dm = (monthDay: string) => `${monthDay.slice(3, 5)}/${monthDay.slice(0, 2)}`;
  return Object.values(PRESETS).map((p) => ({
    id: p.id,
    title: p.title,
    source: p.source,
    province: p.province,
    defaults: {
      minDays: p.policy.minDays,
      periodStart: dm(p.policy.period.start),
      periodEnd: dm(p.policy.period.end),
      roundsCount: p.policy.rounds.count,
      roundLabel: p.policy.rounds.label,
      roundMinDays: p.policy.rounds.rule.minDays,
      roundMaxDays: p.policy.rounds.rule.maxDays,
      notBackToBack: p.policy.rounds.notBackToBack,
      proRating: p.policy.proRating,
    },
  }));
}

export type SaveSettingsResult = { ok: true } | { ok: false; errors: string[]; fieldErrors: Record<string, string> };

/** Validates with the page's own check (SettingsSchema and the preset), then stores. */
export function saveSettingsPage(ctx: ServerContext, input: SettingsInput): SaveSettingsResult {
  const checked = checkSettingsInput(input);
  if (!checked.ok) return checked;
  const saved = saveSettings(ctx.settings, checked.settings);
  if (!saved.ok) return { ok: false, errors: saved.errors, fieldErrors: {} };
  return { ok: true };
}

// ---------- the page ↔ server contract ----------

/** Every server function a page may call, by the name the Apps Script entry file exposes. */
export const sidebarApi = {
  getProgress,
  getTripForm,
  saveTrip,
  getFormOptions,
  generateForm,
  getSettingsPage,
  saveSettingsPage,
};

type WithoutContext<F> = F extends (ctx: ServerContext, ...args: infer A) => infer R ? (...args: A) => R : never;

/**
 * What a page sees: each function without its context argument. `selectTripRows(name, ban)` selects a cadre's rows
 * on the trips tab; it exists only in Sheets (the preview records the call).
 */
export type ServerApi = { [K in keyof typeof sidebarApi]: WithoutContext<(typeof sidebarApi)[K]> } & {
  selectTripRows(name: string, ban: string): void;
  /** The daily email schedule (Sheets only: the trigger lives in the user's account). */
  getScheduleStatus(): ScheduleStatus;
  /** Turns the daily email schedule on (installing exactly one trigger) or off; returns the new status. */
  setSchedule(enabled: boolean): ScheduleStatus;
  /** "Gửi bù": sends the quarterly summaries the daily run gave up on, once; returns what went and the new status. */
  sendMissedSummaries(): import('./schedule-status').ResendResult;
};
