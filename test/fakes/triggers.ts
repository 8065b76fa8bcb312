import type { FakeContext } from './context';
import { instantOf, isDateObject, isValidTimeZone, wallTime } from './dates';
import { AuthModeEnum, AuthorizationStatusEnum, EventTypeEnum, TriggerSourceEnum, WeekDayEnum } from './enums';
import { gasError, MESSAGES } from './errors';
import { FakeSpreadsheet } from './spreadsheet';

type EventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: number;
  timeZone?: string;
  afterMs?: number;
  at?: number;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet id for spreadsheet triggers; null for clock triggers (as Apps Script reports). */
  sourceId: string | null;
  user: string;
  /** The document the add-on ran in when it made the trigger (add-on limits are per user per document). */
  documentId: string | null;
  createdAt: number;
  schedule: ClockSchedule | null;
  disabled: boolean;
  lastFired: number | null;
  /** A one-off (after/at) that has fired. */
  spent: boolean;
}

export interface TriggerRun {
  id: string;
  handler: string;
  at: Date;
  error: string | null;
}

type TriggerApi = GoogleAppsScript.Script.Trigger;

export class FakeTrigger implements TriggerApi {
  constructor(
    private readonly ctx: FakeContext,
    readonly record: TriggerRecord,
  ) {}
  private rec(method: string): void {
    this.ctx.calls.record(`Trigger.${method}`);
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.rec('getEventType');
    return EventTypeEnum[this.record.eventType];
  }
  getHandlerFunction(): string {
    this.rec('getHandlerFunction');
    return this.record.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.rec('getTriggerSource');
    return TriggerSourceEnum[this.record.source];
  }
  getTriggerSourceId(): string {
    this.rec('getTriggerSourceId');
    return this.record.sourceId as string;
  }
  getUniqueId(): string {
    this.rec('getUniqueId');
    return this.record.id;
  }
}

/** All installable triggers of the project, every user's, plus the rules that govern creating them. */
export class TriggerRegistry {
  readonly all: TriggerRecord[] = [];
  readonly runs: TriggerRun[] = [];
  private seq = 0;

  constructor(
    readonly ctx: FakeContext,
    readonly env: {
      user: () => string;
      documentId: () => string | null;
      scriptTimeZone: () => string;
      addOn: boolean;
    },
  ) {}

  mine(): TriggerRecord[] {
    const user = this.env.user();
    return this.all.filter((t) => t.user === user);
  }

  add(r: Omit<TriggerRecord, 'id' | 'user' | 'createdAt' | 'disabled' | 'lastFired' | 'spent' | 'documentId'>): TriggerRecord {
    const user = this.env.user();
    const documentId = this.env.documentId();
    const mine = this.mine();
    if (mine.length >= 20) throw gasError(MESSAGES.tooManyTriggers);
    if (this.env.addOn) {
      const sameDoc = mine.filter((t) => t.documentId === documentId);
      if (r.eventType === 'CLOCK') {
        const s = r.schedule ?? {};
        if (s.everyMinutes !== undefined) throw gasError(MESSAGES.addonTriggerTooFrequent);
        if (sameDoc.some((t) => t.eventType === 'CLOCK')) {
          throw gasError(this.ctx.errorLanguage === 'vi' ? MESSAGES.addonTooManyTimeTriggersVi : MESSAGES.addonTooManyTimeTriggers);
        }
      } else if (sameDoc.some((t) => t.eventType === r.eventType)) {
        throw gasError(MESSAGES.addonTooManyTriggersOfType(r.eventType.toLowerCase().replace('on_', '')));
      }
    }
    const record: TriggerRecord = {
      ...r,
      id: String(4_000_000_000_000 + ++this.seq * 7_777),
      user,
      documentId,
      createdAt: this.ctx.clock.nowMs(),
      disabled: false,
      lastFired: null,
      spent: false,
    };
    this.all.push(record);
    return record;
  }

  /** The next time a clock trigger fires strictly after `afterMs`, or null. */
  nextFire(t: TriggerRecord, afterMs: number): number | null {
    const s = t.schedule;
    if (!s || t.disabled || t.spent) return null;
    if (s.afterMs !== undefined) return t.createdAt + s.afterMs > afterMs ? t.createdAt + s.afterMs : null;
    if (s.at !== undefined) return s.at > afterMs ? s.at : null;
    if (s.everyMinutes !== undefined || s.everyHours !== undefined) {
      const step = (s.everyMinutes ?? 0) * 60_000 + (s.everyHours ?? 0) * 3_600_000;
      const k = Math.floor((afterMs - t.createdAt) / step) + 1;
      return t.createdAt + Math.max(1, k) * step;
    }
    const zone = s.timeZone ?? this.env.scriptTimeZone();
    const created = wallTime(t.createdAt, zone);
    const hour = s.atHour ?? created.hour;
    const minute = s.nearMinute ?? 0;
    const stepDays = s.everyDays ?? (s.everyWeeks ?? 1) * 7;
    const w = wallTime(afterMs, zone);
    for (let d = 0; d <= stepDays * 2 + 8; d++) {
      const candidate = instantOf(zone, w.year, w.month, w.day + d, hour, minute);
      if (candidate <= afterMs || candidate <= t.createdAt) continue;
      const cw = wallTime(candidate, zone);
      if (s.onWeekDay !== undefined && cw.weekday !== s.onWeekDay) continue;
      const daysSinceCreation = Math.round((Date.UTC(cw.year, cw.month - 1, cw.day) - Date.UTC(created.year, created.month - 1, created.day)) / 86_400_000);
      if (s.everyDays !== undefined && daysSinceCreation % s.everyDays !== 0 && t.lastFired !== null) continue;
      return candidate;
    }
    return null;
  }
}

class FakeClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  private readonly s: ClockSchedule = {};
  constructor(
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
  ) {}
  private rec(method: string): void {
    this.registry.ctx.calls.record(`ClockTriggerBuilder.${method}`);
  }
  private int(name: string, v: unknown, min: number, max: number): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw gasError(MESSAGES.invalidArgument(name));
    return v;
  }
  after(durationMilliseconds: number): this {
    this.rec('after');
    this.s.afterMs = this.int('durationMilliseconds', durationMilliseconds, 0, Number.MAX_SAFE_INTEGER);
    return this;
  }
  at(date: GoogleAppsScript.Base.Date): this {
    this.rec('at');
    if (!isDateObject(date)) throw gasError(MESSAGES.signature(typeof date, 'ScriptApp.ClockTriggerBuilder.at'));
    this.s.at = date.getTime();
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    this.rec('atDate');
    this.s.at = instantOf(this.s.timeZone ?? this.registry.env.scriptTimeZone(), year, month, day);
    return this;
  }
  atHour(hour: number): this {
    this.rec('atHour');
    this.s.atHour = this.int('hour', hour, 0, 23);
    return this;
  }
  create(): FakeTrigger {
    this.rec('create');
    this.registry.ctx.require('ClockTriggerBuilder.create', 'triggers');
    const s = this.s;
    const frequencies = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks, s.afterMs, s.at].filter((x) => x !== undefined);
    if (frequencies.length === 0) throw gasError(MESSAGES.clockTriggerNoSchedule);
    if (s.atHour !== undefined && s.everyDays === undefined && s.everyWeeks === undefined) {
      throw gasError(MESSAGES.atHourNeedsDays);
    }
    const record = this.registry.add({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: { ...s },
    });
    return new FakeTrigger(this.registry.ctx, record);
  }
  everyDays(n: number): this {
    this.rec('everyDays');
    this.s.everyDays = this.int('days', n, 1, 10_000);
    return this;
  }
  everyHours(n: number): this {
    this.rec('everyHours');
    const v = this.int('hours', n, 1, 24);
    // ours: Apps Script takes 1, 2, 4, 6, 8 or 12 hours; the wording of its refusal was not found.
    if (![1, 2, 4, 6, 8, 12].includes(v)) throw gasError(MESSAGES.invalidArgument('hours'));
    this.s.everyHours = v;
    return this;
  }
  everyMinutes(n: number): this {
    this.rec('everyMinutes');
    const v = this.int('minutes', n, 1, 30);
    // Documented: 1, 5, 10, 15 or 30.
    if (![1, 5, 10, 15, 30].includes(v)) throw gasError(MESSAGES.invalidArgument('minutes'));
    this.s.everyMinutes = v;
    return this;
  }
  everyWeeks(n: number): this {
    this.rec('everyWeeks');
    this.s.everyWeeks = this.int('weeks', n, 1, 1000);
    return this;
  }
  inTimezone(timezone: string): this {
    this.rec('inTimezone');
    if (typeof timezone !== 'string' || !isValidTimeZone(timezone)) throw gasError(MESSAGES.invalidArgument('timezone'));
    this.s.timeZone = timezone;
    return this;
  }
  nearMinute(minute: number): this {
    this.rec('nearMinute');
    this.s.nearMinute = this.int('minute', minute, 0, 59);
    return this;
  }
  onMonthDay(day: number): this {
    this.rec('onMonthDay');
    this.int('day', day, 1, 31);
    throw new Error('[apps-script fake] onMonthDay is not modelled');
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    this.rec('onWeekDay');
    const i = Object.values(WeekDayEnum).indexOf(day);
    if (i < 0) throw gasError(MESSAGES.signature(typeof day, 'ScriptApp.ClockTriggerBuilder.onWeekDay'));
    this.s.onWeekDay = i;
    return this;
  }
}

class FakeSpreadsheetTriggerBuilder implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
  private event: EventTypeName | null = null;
  constructor(
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}
  private on(method: string, event: EventTypeName): this {
    this.registry.ctx.calls.record(`SpreadsheetTriggerBuilder.${method}`);
    this.event = event;
    return this;
  }
  onChange(): this {
    return this.on('onChange', 'ON_CHANGE');
  }
  onEdit(): this {
    return this.on('onEdit', 'ON_EDIT');
  }
  onFormSubmit(): this {
    return this.on('onFormSubmit', 'ON_FORM_SUBMIT');
  }
  onOpen(): this {
    return this.on('onOpen', 'ON_OPEN');
  }
  create(): FakeTrigger {
    this.registry.ctx.calls.record('SpreadsheetTriggerBuilder.create');
    this.registry.ctx.require('SpreadsheetTriggerBuilder.create', 'triggers');
    // ours: the wording when no event was chosen was not found.
    if (!this.event) throw gasError('The trigger needs an event: call onOpen, onEdit, onChange or onFormSubmit.');
    const record = this.registry.add({
      handler: this.handler,
      eventType: this.event,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
      schedule: null,
    });
    return new FakeTrigger(this.registry.ctx, record);
  }
}

type TriggerBuilderImplemented = 'forSpreadsheet' | 'timeBased';
interface FakeTriggerBuilder extends Omit<GoogleAppsScript.Script.TriggerBuilder, TriggerBuilderImplemented> {}
class FakeTriggerBuilder implements Pick<GoogleAppsScript.Script.TriggerBuilder, TriggerBuilderImplemented> {
  constructor(
    private readonly registry: TriggerRegistry,
    private readonly handler: string,
  ) {}
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): FakeSpreadsheetTriggerBuilder {
    this.registry.ctx.calls.record('TriggerBuilder.forSpreadsheet');
    const id = typeof sheet === 'string' ? sheet : sheet instanceof FakeSpreadsheet ? sheet.id : null;
    if (id === null) throw gasError(MESSAGES.signature(typeof sheet, 'ScriptApp.TriggerBuilder.forSpreadsheet'));
    return new FakeSpreadsheetTriggerBuilder(this.registry, this.handler, id);
  }
  timeBased(): FakeClockTriggerBuilder {
    this.registry.ctx.calls.record('TriggerBuilder.timeBased');
    return new FakeClockTriggerBuilder(this.registry, this.handler);
  }
}

type ScriptAppApi = GoogleAppsScript.Script.ScriptApp;
type ScriptAppImplemented =
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'deleteTrigger'
  | 'getAuthorizationInfo'
  | 'getProjectTriggers'
  | 'getScriptId'
  | 'getUserTriggers'
  | 'newTrigger';

/** ScriptApp.getAuthorizationInfo's answer; getAuthorizedScopes is newer than @types/google-apps-script. */
export interface FakeAuthorizationInfo extends GoogleAppsScript.Script.AuthorizationInfo {
  getAuthorizedScopes(): string[];
}

export interface FakeScriptApp extends Omit<ScriptAppApi, ScriptAppImplemented> {}
export class FakeScriptApp implements Pick<ScriptAppApi, ScriptAppImplemented> {
  readonly AuthMode = AuthModeEnum;
  readonly AuthorizationStatus = AuthorizationStatusEnum;
  readonly EventType = EventTypeEnum;
  readonly TriggerSource = TriggerSourceEnum;
  readonly WeekDay = WeekDayEnum;

  constructor(
    private readonly registry: TriggerRegistry,
    private readonly scriptId: string,
  ) {}

  private rec(method: string, need?: 'triggers'): void {
    this.registry.ctx.calls.record(`ScriptApp.${method}`);
    if (need) this.registry.ctx.require(`ScriptApp.${method}`, need);
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.rec('deleteTrigger', 'triggers');
    if (!(trigger instanceof FakeTrigger)) {
      throw gasError(MESSAGES.signature(typeof trigger, 'ScriptApp.deleteTrigger'));
    }
    const i = this.registry.all.indexOf(trigger.record);
    if (i >= 0 && trigger.record.user === this.registry.env.user()) this.registry.all.splice(i, 1);
  }
  /**
   * Whether the user still has to grant some of the manifest's scopes, and which of the asked ones (the manifest's
   * when none are given) they granted: "Some script executions can start without a user's consent to all required
   * scopes" (AuthorizationInfo reference).
   */
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode, oAuthScopes?: string[]): FakeAuthorizationInfo {
    this.rec('getAuthorizationInfo');
    if (String(authMode) !== 'FULL' && String(authMode) !== 'LIMITED' && String(authMode) !== 'NONE') {
      throw gasError(MESSAGES.signature(typeof authMode, 'ScriptApp.getAuthorizationInfo'));
    }
    const ctx = this.registry.ctx;
    const asked = oAuthScopes ?? [...ctx.manifestScopes];
    const granted = asked.filter((scope) => ctx.scopes.has(scope));
    const required = ctx.manifestScopes.some((scope) => !ctx.scopes.has(scope));
    return {
      getAuthorizationStatus: () => (required ? AuthorizationStatusEnum.REQUIRED : AuthorizationStatusEnum.NOT_REQUIRED),
      getAuthorizationUrl: () => (required ? `https://script.google.com/macros/d/${this.scriptId}/authorize` : (null as unknown as string)),
      getAuthorizedScopes: () => granted,
    };
  }
  getProjectTriggers(): FakeTrigger[] {
    this.rec('getProjectTriggers', 'triggers');
    return this.registry.mine().map((r) => new FakeTrigger(this.registry.ctx, r));
  }
  getScriptId(): string {
    this.rec('getScriptId');
    return this.scriptId;
  }
  getUserTriggers(container: unknown): FakeTrigger[] {
    this.rec('getUserTriggers', 'triggers');
    if (!(container instanceof FakeSpreadsheet)) {
      throw gasError(MESSAGES.signature(typeof container, 'ScriptApp.getUserTriggers'));
    }
    return this.registry
      .mine()
      .filter((r) => r.sourceId === container.id || (r.eventType === 'CLOCK' && r.documentId === container.id))
      .map((r) => new FakeTrigger(this.registry.ctx, r));
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    this.rec('newTrigger');
    if (typeof functionName !== 'string') throw gasError(MESSAGES.signature(typeof functionName, 'ScriptApp.newTrigger'));
    return new FakeTriggerBuilder(this.registry, functionName);
  }
}
