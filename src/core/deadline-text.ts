import type { Deadline, DeadlineDate } from './policy';
import { foldKey } from './text';

/**
 * A province's calendar as people write it in the Cài đặt tab or on the settings page, one deadline per item
 * (separated by ";" or a new line), read into the preset's Deadline and written back the same way:
 *
 *   "15/02"                                    once a year
 *   "trước ngày 15/02"                          the date itself is late (Hà Nam: "trước ngày mùng 5")
 *   "20/12 năm trước (01/01 - 30/06)"           the year before, for the trips from 01/01 to 30/06
 *   "ngày 5 tháng đầu quý", "trước ngày mùng 5 tháng đầu quý"
 *   "ngày 27 tháng cuối quý", "cuối quý"        every quarter
 */

export type DeadlineKind = Deadline['kind'];

/** The words a province's own deadline is named with (its kind's, "… đợt 2" when there are several). */
const KIND_LABELS: Record<DeadlineKind, string> = {
  registration: 'Gửi đăng ký đi cơ sở',
  approval: 'Phê duyệt đăng ký đi cơ sở',
  report: 'Gửi báo cáo kết quả đi cơ sở',
};

export type DeadlinesRead = { ok: true; deadlines: Deadline[] } | { ok: false; item: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** "dd/mm" → "MM-DD", or null when it is not a day of the year. */
function monthDayOf(day: string, month: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= lengths[m - 1]! ? `${pad(m)}-${pad(d)}` : null;
}

const COVERS = /\(\s*(?:tu\s*)?(\d{1,2})\s*[/.]\s*(\d{1,2})\s*(?:-|–|—|den)\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\s*\)$/;
const YEARLY = /^(\d{1,2})\s*[/.]\s*(\d{1,2})(\s+nam truoc)?$/;
const QUARTERLY = /^(?:ngay\s*)?(?:mung\s*)?(\d{1,2})\s*(?:cua\s*)?thang\s*(dau|cuoi)\s*(?:cua\s*)?(?:moi\s*)?quy$/;

function readWhen(text: string): { when: DeadlineDate; covers: Deadline['covers'] } | null {
  let rest = text;
  let covers: Deadline['covers'] = null;
  const c = COVERS.exec(rest);
  if (c) {
    const start = monthDayOf(c[1]!, c[2]!);
    const end = monthDayOf(c[3]!, c[4]!);
    if (!start || !end) return null;
    covers = { start, end };
    rest = rest.slice(0, c.index).trim();
  }
  if (/^cuoi (moi )?quy$/.test(rest)) return { when: { type: 'quarterly', monthOfQuarter: 3, day: 'last' }, covers };
  const q = QUARTERLY.exec(rest);
  if (q) {
    const day = Number(q[1]);
    if (day < 1 || day > 31) return null;
    return { when: { type: 'quarterly', monthOfQuarter: q[2] === 'dau' ? 1 : 3, day }, covers };
  }
  const y = YEARLY.exec(rest.replace(/^ngay\s*/, ''));
  const monthDay = y ? monthDayOf(y[1]!, y[2]!) : null;
  if (!y || !monthDay) return null;
  return { when: { type: 'yearly', monthDay, yearOffset: y[3] ? -1 : 0 }, covers };
}

/** The deadlines of one kind as typed; `ok: false` names the item that could not be read. */
export function readDeadlines(text: string, kind: DeadlineKind): DeadlinesRead {
  const items = text
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const deadlines: Deadline[] = [];
  for (const [i, item] of items.entries()) {
    const folded = foldKey(item).replace(/[.]+$/, '');
    const before = /^truoc\s*(ngay\s*)?/.test(folded);
    const read = readWhen(folded.replace(/^truoc\s*/, ''));
    if (!read) return { ok: false, item };
    deadlines.push({
      id: `${kind}-${i + 1}`,
      label: items.length > 1 ? `${KIND_LABELS[kind]} (hạn ${i + 1})` : KIND_LABELS[kind],
      kind,
      form: null,
      before,
      byYear: {},
      ...read,
    });
  }
  return { ok: true, deadlines };
}

const dayMonth = (monthDay: string) => `${monthDay.slice(3, 5)}/${monthDay.slice(0, 2)}`;

/** One deadline as it is typed (readDeadlines reads it back). */
export function deadlineText(d: Deadline): string {
  const before = d.before ? 'trước ' : '';
  const covers = d.covers ? ` (${dayMonth(d.covers.start)} - ${dayMonth(d.covers.end)})` : '';
  const when = d.when;
  if (when.type === 'quarterly') {
    if (when.day === 'last' && when.monthOfQuarter === 3) return `${before}cuối quý${covers}`;
    return `${before}ngày ${when.day === 'last' ? 31 : when.day} tháng ${when.monthOfQuarter === 1 ? 'đầu' : 'cuối'} quý${covers}`;
  }
  return `${before}${before ? 'ngày ' : ''}${dayMonth(when.monthDay)}${when.yearOffset === -1 ? ' năm trước' : ''}${covers}`;
}

/** A kind's deadlines as typed, "; " between them; '' when none. */
export function deadlinesText(deadlines: readonly Deadline[], kind: DeadlineKind): string {
  return deadlines
    .filter((d) => d.kind === kind)
    .map(deadlineText)
    .join('; ');
}
