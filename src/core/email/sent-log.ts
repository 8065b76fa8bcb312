import { addDays, isCalendarDate, type CalendarDate } from '../calendar-date';
import { normalizeEmail } from './recipients';
import { hash53 } from '../hash';

/**
 * The sent-log: what the daily run has sent, so nothing goes twice. Stored as one compact JSON value in
 * DocumentProperties (9 KB per value), written right after each send so that a run cut short resumes without
 * re-sending. Shape:
 *
 *   { "v": 1, "year": 2023, "c": "2023-06-28",
 *     "sent": { "q2023-2": { "d": "2023-06-27", "r": "k3v9z0p1x2aa" }, "q2022-4": { "d": "2022-12-27", "n": 6 } },
 *     "failures": [ { "d": "2023-06-30", "i": "q2023-2", "u": "2023-06-27", "m": "…", "f": 1, "w": ["Ban Tuyên giáo"], "h": "0a1b2c" } ] }
 *
 * A send is keyed by (kind and period = the item, recipient). Per item the log keeps the day of its last send and one
 * 6-character hash per recipient: a province of 60 Bans with every reminder of a year stays near 5 KB. A key→date map
 * per recipient (the obvious shape) needs ~20 bytes a send and overflows 9 KB at ~450 sends, so recipients are
 * grouped under their item. Collisions matter only inside one item (≤ ~60 recipients): 36⁶ ≈ 2·10⁹ makes one
 * about a one-in-a-million event.
 *
 * An item can be sent only from its day to CATCH_UP_DAYS after it (plan.ts), so once that window has passed its
 * recipients are never looked up again: those items may be compacted to a count ({ "d", "n" }), kept as history.
 * Items of the previous policy year are compacted that way; older years are dropped.
 *
 * Failures say what did not go and why, one entry per (item, reason), naming its recipients (w) with their hashes
 * (h, aligned with w). A final entry (f = 1) is an email the daily run will not try again: its window has closed. The
 * final entries of a quarterly summary are what "Gửi bù" sends, so they are kept until sent; a recipient is hashed by
 * its target (the Ban, not the Ban's address), so a Ban that had no address can still get its summary once it has one.
 * `c` is the day the daily run last looked back for windows that closed unnoticed (the trigger did not run, or a run
 * was killed on an item's last day).
 */

export const SENT_LOG_VERSION = 1;
/** Google's per-value limit for a property (9 KB), in UTF-8 bytes. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const MAX_FAILURES = 20;
const HASH_LENGTH = 6;

export interface SentItem {
  /** The day of the last send of this item. */
  d: string;
  /** Recipient hashes, HASH_LENGTH characters each, concatenated. */
  r?: string;
  /** Compacted: how many recipients got it. */
  n?: number;
}

export interface SendFailure {
  /** The day it was recorded. */
  d: string;
  /** The item (kind and period). */
  i: string;
  /** The day the item was due; '' in entries written before due days were kept. */
  u: string;
  /** A Vietnamese sentence: why it did not go. */
  m: string;
  /** 1 when the daily run will not try again (the item's window has closed). */
  f: 0 | 1;
  /** 1 when the recipient's address is the problem (none, malformed, refused): it must be fixed before a resend. */
  a?: 1;
  /** The recipients as the settings page names them. */
  w: string[];
  /** Their hashes (HASH_LENGTH characters each, in the order of w), so a later send clears them. */
  h: string;
}

export interface SentLog {
  v: 1;
  /** The latest policy year written. */
  year: number;
  /** The day the daily run last looked back for windows that closed unnoticed; absent before its first run. */
  c?: string;
  sent: Record<string, SentItem>;
  /** Oldest first; a recipient is in at most one entry per item (its latest reason). */
  failures: SendFailure[];
}

/** What a failure is about, before its recipients are added. */
export interface FailureRecord {
  d: CalendarDate;
  i: string;
  u: CalendarDate;
  m: string;
  final: boolean;
  /** The recipient's address is the problem. */
  address?: boolean;
}

export interface FailedRecipient {
  /** The recipient inside the item, whatever the address (plan.ts Send.target). */
  target: string;
  /** How the settings page names it. */
  name: string;
}

export function emptySentLog(year: number): SentLog {
  return { v: SENT_LOG_VERSION, year, sent: {}, failures: [] };
}

/**
 * The stored log, or an empty one with a warning when it is unreadable. Never throws: a corrupt log must not stop
 * the reminders (at worst an item still inside its catch-up window goes a second time).
 */
export function parseSentLog(json: string | null, year: number): { log: SentLog; warning: string | null } {
  if (json === null || json === '') return { log: emptySentLog(year), warning: null };
  try {
    const raw = JSON.parse(json) as Partial<SentLog>;
    if (raw?.v !== SENT_LOG_VERSION || typeof raw.sent !== 'object' || raw.sent === null) throw new Error('shape');
    const sent: Record<string, SentItem> = {};
    for (const [item, value] of Object.entries(raw.sent)) {
      if (value && typeof value === 'object' && typeof value.d === 'string') {
        sent[item] = { d: value.d, ...(typeof value.r === 'string' ? { r: value.r } : {}), ...(typeof value.n === 'number' ? { n: value.n } : {}) };
      }
    }
    const failures = Array.isArray(raw.failures) ? raw.failures.flatMap(parseFailure) : [];
    const c = typeof raw.c === 'string' && isCalendarDate(raw.c) ? { c: raw.c } : {};
    return { log: { v: SENT_LOG_VERSION, year: Math.max(Number(raw.year) || year, year), ...c, sent, failures }, warning: null };
  } catch {
    return { log: emptySentLog(year), warning: 'Nhật ký thư đã gửi bị hỏng và đã được tạo lại.' };
  }
}

/** One stored failure, or none when unreadable; entries of the first format ({ to, h }) name one recipient. */
function parseFailure(raw: unknown): SendFailure[] {
  const f = raw as Partial<SendFailure> & { to?: unknown };
  if (!f || typeof f.d !== 'string' || typeof f.i !== 'string' || typeof f.m !== 'string') return [];
  const h = typeof f.h === 'string' ? f.h : '';
  const w = Array.isArray(f.w) ? f.w.map(String) : [String(f.to ?? '')];
  const count = Math.floor(h.length / HASH_LENGTH);
  return [
    {
      d: f.d,
      i: f.i,
      u: typeof f.u === 'string' ? f.u : '',
      m: f.m,
      f: f.f === 1 ? 1 : 0,
      ...(f.a === 1 ? { a: 1 as const } : {}),
      w: count > 0 ? w.slice(0, count) : w,
      h: h.slice(0, count * HASH_LENGTH),
    },
  ];
}

/** cyrb53 (public domain): a fast 53-bit string hash with good spread; enough to tell ~60 recipients apart. */

/** The recipient's 6-character code inside an item. */
export function recipientHash(recipientKey: string): string {
  const n = hash53(normalizeEmail(recipientKey)) % 36 ** HASH_LENGTH;
  return n.toString(36).padStart(HASH_LENGTH, '0');
}

function split(hashes: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + HASH_LENGTH <= hashes.length; i += HASH_LENGTH) out.push(hashes.slice(i, i + HASH_LENGTH));
  return out;
}

function hashesOf(item: SentItem | undefined): string[] {
  return split(item?.r ?? '');
}

export function isSent(log: SentLog, item: string, recipientKey: string): boolean {
  const entry = log.sent[item];
  if (!entry) return false;
  // A compacted item is past its window: nothing in it can be due again.
  if (entry.r === undefined) return true;
  return hashesOf(entry).includes(recipientHash(recipientKey));
}

/**
 * Records a send. `target` is the recipient's place in the item (plan.ts Send.target); its failures, and those under
 * the recipient key itself (the first format), are cleared.
 */
export function markSent(log: SentLog, item: string, recipientKey: string, date: CalendarDate, target = recipientKey): void {
  const entry = log.sent[item] ?? { d: date, r: '' };
  const h = recipientHash(recipientKey);
  if (entry.r === undefined) {
    entry.n = (entry.n ?? 0) + 1;
  } else if (!hashesOf(entry).includes(h)) {
    entry.r += h;
  }
  entry.d = date > entry.d ? date : entry.d;
  log.sent[item] = entry;
  // A send that now worked clears its earlier failure.
  clearFailures(log, item, [h, recipientHash(target)]);
}

/** Takes recipients (by hash) out of an item's failures; an entry left with no recipient goes. */
function clearFailures(log: SentLog, item: string, hashes: readonly string[]): void {
  const gone = new Set(hashes);
  log.failures = log.failures.flatMap((f) => {
    if (f.i !== item) return [f];
    const own = split(f.h);
    if (!own.some((h) => gone.has(h))) return [f];
    const keep = own.map((h, k) => ({ h, w: f.w[k] ?? '' })).filter((x) => !gone.has(x.h));
    return keep.length === 0 ? [] : [{ ...f, w: keep.map((x) => x.w), h: keep.map((x) => x.h).join('') }];
  });
}

/**
 * Takes out of the list a failure the daily run will not try again and "Gửi bù" cannot send (a reminder whose day has
 * passed): the person has read it. Only a final entry goes; returns whether one did.
 */
export function dismissFailure(log: SentLog, item: string, hashes: string): boolean {
  const before = log.failures.length;
  log.failures = log.failures.filter((f) => !(f.i === item && f.h === hashes && f.f === 1));
  return log.failures.length < before;
}

/** Takes a recipient out of an item's failures (it turned out to have been sent). */
export function forgetFailures(log: SentLog, item: string, target: string): void {
  clearFailures(log, item, [recipientHash(target)]);
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Records why these recipients of one item did not get it. A recipient keeps only its latest reason, so it leaves any
 * earlier entry of the item. Past MAX_FAILURES entries, the oldest that will still be retried go first, then the
 * oldest final ones.
 */
export function recordFailure(log: SentLog, failure: FailureRecord, recipients: readonly FailedRecipient[]): SendFailure {
  const hashes = recipients.map((r) => recipientHash(r.target));
  clearFailures(log, failure.i, hashes);
  const entry: SendFailure = {
    d: failure.d,
    i: failure.i,
    u: failure.u,
    m: clip(failure.m, 160),
    f: failure.final ? 1 : 0,
    ...(failure.address ? { a: 1 as const } : {}),
    w: recipients.map((r) => clip(r.name, 70)),
    h: hashes.join(''),
  };
  log.failures.push(entry);
  while (log.failures.length > MAX_FAILURES) dropOldestFailure(log.failures);
  return entry;
}

function dropOldestFailure(failures: SendFailure[]): void {
  const retried = failures.findIndex((f) => f.f === 0);
  failures.splice(retried >= 0 ? retried : 0, 1);
}

/** True when the daily run has given up on this recipient of the item (a final failure names it). */
export function isGivenUp(log: SentLog, item: string, target: string): boolean {
  const h = recipientHash(target);
  return log.failures.some((f) => f.f === 1 && f.i === item && split(f.h).includes(h));
}

/** The policy year an item belongs to: `q2023-2` → 2023. */
export function itemYear(item: string): number | null {
  const m = /^[a-z]+(\d{4})/.exec(item);
  return m ? Number(m[1]) : null;
}

/** UTF-8 bytes of a string (core has no TextEncoder). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function compact(entry: SentItem): SentItem {
  return entry.r === undefined ? entry : { d: entry.d, n: hashesOf(entry).length };
}

/**
 * The log as stored: years before the previous one dropped, the previous year's items compacted, and, only if the
 * value would still exceed the property limit, this year's past-window items compacted (oldest first), then the
 * oldest failures dropped (those that will be retried first). Items still inside their catch-up window are never
 * compacted, nor items with final failures: "Gửi bù" looks their recipients up.
 */
export function serializeSentLog(log: SentLog, today: CalendarDate, catchUpDays: number, limit = PROPERTY_VALUE_LIMIT): string {
  const year = log.year;
  const windowStart = addDays(today, -catchUpDays - 1);
  const sent: Record<string, SentItem> = {};
  for (const [item, entry] of Object.entries(log.sent)) {
    const y = itemYear(item);
    if (y === null || y < year - 1 || !isCalendarDate(entry.d)) continue;
    sent[item] = y < year && entry.d < windowStart ? compact(entry) : entry;
  }
  const failures = log.failures.filter((f) => (itemYear(f.i) ?? year) >= year - 1);
  const out: SentLog = { v: SENT_LOG_VERSION, year, ...(log.c ? { c: log.c } : {}), sent, failures };
  let json = JSON.stringify(out);
  if (utf8Length(json) <= limit) return json;
  const awaited = new Set(failures.filter((f) => f.f === 1).map((f) => f.i));
  const dead = Object.entries(sent)
    .filter(([item, e]) => e.r !== undefined && e.d < windowStart && !awaited.has(item))
    .sort((a, b) => (a[1].d < b[1].d ? -1 : a[1].d > b[1].d ? 1 : 0));
  for (const [item, entry] of dead) {
    sent[item] = compact(entry);
    json = JSON.stringify(out);
    if (utf8Length(json) <= limit) return json;
  }
  while (out.failures.length > 0) {
    dropOldestFailure(out.failures);
    json = JSON.stringify(out);
    if (utf8Length(json) <= limit) return json;
  }
  throw new Error(`sent-log does not fit in ${limit} bytes even compacted (${utf8Length(json)})`);
}
