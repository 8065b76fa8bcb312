import { addDays, isCalendarDate, type CalendarDate } from '../calendar-date';
import { normalizeEmail } from './recipients';

/**
 * The sent-log: what the daily run has sent, so nothing goes twice. Stored as one compact JSON value in
 * DocumentProperties (9 KB per value), written right after each send so that a run cut short resumes without
 * re-sending. Shape:
 *
 *   { "v": 1, "year": 2023,
 *     "sent": { "q2023-2": { "d": "2023-06-27", "r": "k3v9z0p1x2aa" }, "q2022-4": { "d": "2022-12-27", "n": 6 } },
 *     "failures": [ { "d": "2023-06-27", "i": "q2023-2", "to": "…", "m": "…" } ] }
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
  /** The day it failed. */
  d: string;
  /** The item (kind and period), or 'test' for a test email. */
  i: string;
  /** The recipient as configured ('' when none). */
  to: string;
  /** A Vietnamese sentence the settings page shows. */
  m: string;
  /** The recipient's hash in the item, so a later successful send clears the failure. */
  h: string;
}

export interface SentLog {
  v: 1;
  /** The latest policy year written. */
  year: number;
  sent: Record<string, SentItem>;
  /** The last MAX_FAILURES failures, oldest first; one per (item, recipient). */
  failures: SendFailure[];
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
    const failures = Array.isArray(raw.failures)
      ? raw.failures.filter((f): f is SendFailure => !!f && typeof f.d === 'string' && typeof f.i === 'string' && typeof f.m === 'string')
          .map((f) => ({ d: f.d, i: f.i, to: String(f.to ?? ''), m: f.m, h: String(f.h ?? '') }))
      : [];
    return { log: { v: SENT_LOG_VERSION, year: Math.max(Number(raw.year) || year, year), sent, failures }, warning: null };
  } catch {
    return { log: emptySentLog(year), warning: 'Nhật ký thư đã gửi bị hỏng và đã được tạo lại.' };
  }
}

/** cyrb53 (public domain): a fast 53-bit string hash with good spread; enough to tell ~60 recipients apart. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The recipient's 6-character code inside an item. */
export function recipientHash(recipientKey: string): string {
  const n = hash53(normalizeEmail(recipientKey)) % 36 ** HASH_LENGTH;
  return n.toString(36).padStart(HASH_LENGTH, '0');
}

function hashesOf(item: SentItem | undefined): string[] {
  const r = item?.r ?? '';
  const out: string[] = [];
  for (let i = 0; i + HASH_LENGTH <= r.length; i += HASH_LENGTH) out.push(r.slice(i, i + HASH_LENGTH));
  return out;
}

export function isSent(log: SentLog, item: string, recipientKey: string): boolean {
  const entry = log.sent[item];
  if (!entry) return false;
  // A compacted item is past its window: nothing in it can be due again.
  if (entry.r === undefined) return true;
  return hashesOf(entry).includes(recipientHash(recipientKey));
}

export function markSent(log: SentLog, item: string, recipientKey: string, date: CalendarDate): void {
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
  log.failures = log.failures.filter((f) => !(f.i === item && f.h === h));
}

/** Records a failure; a later failure of the same (item, recipient) replaces the earlier one. */
export function recordFailure(log: SentLog, failure: Omit<SendFailure, 'h'>, recipientKey: string): void {
  const h = recipientHash(recipientKey);
  const m = failure.m.length > 140 ? `${failure.m.slice(0, 139)}…` : failure.m;
  const to = failure.to.length > 70 ? `${failure.to.slice(0, 69)}…` : failure.to;
  log.failures = log.failures.filter((f) => !(f.i === failure.i && f.h === h));
  log.failures.push({ d: failure.d, i: failure.i, to, m, h });
  if (log.failures.length > MAX_FAILURES) log.failures = log.failures.slice(-MAX_FAILURES);
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
 * oldest failures dropped. Items still inside their catch-up window are never compacted.
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
  const out: SentLog = { v: SENT_LOG_VERSION, year, sent, failures: [...log.failures] };
  let json = JSON.stringify(out);
  if (utf8Length(json) <= limit) return json;
  const dead = Object.entries(sent)
    .filter(([, e]) => e.r !== undefined && e.d < windowStart)
    .sort((a, b) => (a[1].d < b[1].d ? -1 : a[1].d > b[1].d ? 1 : 0));
  for (const [item, entry] of dead) {
    sent[item] = compact(entry);
    json = JSON.stringify(out);
    if (utf8Length(json) <= limit) return json;
  }
  while (out.failures.length > 0) {
    out.failures.shift();
    json = JSON.stringify(out);
    if (utf8Length(json) <= limit) return json;
  }
  throw new Error(`sent-log does not fit in ${limit} bytes even compacted (${utf8Length(json)})`);
}
