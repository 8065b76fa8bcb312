import { dateParts, type CalendarDate } from './calendar-date';
import { exemptionMessages } from './messages';
import type { Period } from './model';
import { monthDayIn } from './period';
import type { ExemptionItem, Exemptions } from './policy';
import { foldKey, singleSpaced } from './text';

/**
 * Who the policy does not apply to. Each province's document gives a closed list (Kiên Giang 06-HD §II, Tây Ninh 001
 * §II.2); a reason outside it is refused with the list, and the cadre is evaluated as everyone else. Hà Nam 2022 lists
 * none: an exemption there must cite the decision that grants it. Kiên Giang's "20 năm trở lên công tác tại cơ quan
 * Tỉnh đoàn" is derived from Ngày bắt đầu.
 */

export type ExemptionRead = { kind: 'none' } | { kind: 'exempt'; reason: string } | { kind: 'refused'; message: string };

/** Text with punctuation made spaces and a space at each end, so that a phrase is found only as whole words. */
function words(text: string): string {
  return ` ${singleSpaced(foldKey(text).replace(/[.,;:()"“”'’\-–—/+!?]+/g, ' '))} `;
}

/** Words a province's own item is written with, without what every item begins with ("Cán bộ nữ đang …"). */
export function itemWords(label: string): string[] {
  const full = words(label).trim();
  const core = full.replace(/^(can bo )?(nu )?(dang |duoc )?(lam |cu )?/, '').trim();
  return [...new Set([full, core].filter(Boolean))];
}

/** The document's item a reason names, or null. */
export function exemptionItemOf(reason: string, items: readonly ExemptionItem[]): ExemptionItem | null {
  const text = words(reason);
  return items.find((item) => item.words.some((w) => text.includes(` ${words(w).trim()} `))) ?? null;
}

/** "Quyết định số 12/QĐ-TĐTN", "văn bản số 5", "12-TB/TĐTN": a reason that cites a decision. */
const CITES_DOCUMENT = /\b(quyet dinh|van ban|cong van|thong bao|nghi quyet)\b|\bso\s*\d|\d+\s*[/-]\s*(qd|tb|cv|nq|hd|kh)\b/;

/** The date a cadre who started on `start` reaches `years` years at the office. */
export function anniversary(start: CalendarDate, years: number): CalendarDate {
  const { year, month, day } = dateParts(start);
  return monthDayIn(year + years, `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** The 20-year item of Kiên Giang's list: the one whose words speak of years. */
function isYearsItem(item: ExemptionItem, years: number | null): boolean {
  return years !== null && item.words.some((w) => words(w).includes(` ${years} nam `) || words(w).includes(' muoi nam '));
}

/**
 * The exemption of one roster row: the reason typed (checked against the preset's list), or the one derived from
 * Ngày bắt đầu when the cell is blank.
 */
export function readExemption(typed: string, startDate: CalendarDate | null, rules: Exemptions, period: Period): ExemptionRead {
  const years = rules.yearsAtOffice;
  const reached = years !== null && startDate !== null ? anniversary(startDate, years) : null;
  if (typed.trim() === '') {
    return reached !== null && reached <= period.end ? { kind: 'exempt', reason: exemptionMessages.yearsAtOffice(years!, startDate!) } : { kind: 'none' };
  }
  if (rules.needsDocument) {
    if (CITES_DOCUMENT.test(foldKey(typed))) return { kind: 'exempt', reason: typed.trim() };
    return { kind: 'refused', message: exemptionMessages.needsDocument(typed, rules.source) };
  }
  const item = exemptionItemOf(typed, rules.items);
  if (!item) return { kind: 'refused', message: exemptionMessages.notListed(typed, rules.items, rules.source) };
  if (isYearsItem(item, years) && reached !== null && reached > period.end) {
    return { kind: 'refused', message: exemptionMessages.yearsNotReached(typed, years!, startDate!, reached) };
  }
  return { kind: 'exempt', reason: typed.trim() };
}
