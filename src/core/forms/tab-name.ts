import { singleSpaced } from '../text';

/**
 * Tab names that every client accepts: Excel allows at most 31 characters and none of : \ / ? * [ ]
 * (Sheets allows 100), so a generated tab is named for the stricter of the two. Excel counts UTF-16 code units:
 * an emoji outside the Basic Multilingual Plane takes two of the 31.
 */
export const MAX_TAB_NAME = 31;

export function safeTabName(text: string): string {
  const cleaned = singleSpaced(text.replace(/[:\\/?*[\]]/g, '-')).replace(/^'+|'+$/g, '');
  if (cleaned.length <= MAX_TAB_NAME) return cleaned;
  return `${headWithin(cleaned, MAX_TAB_NAME - 1).trimEnd()}…`;
}

/**
 * The longest start of `text` that fits in `units` UTF-16 code units without splitting what is read as one letter:
 * never half a surrogate pair, never a letter without the tone marks that follow it (NFD "ê" + "́"), never an emoji
 * cut after its zero-width joiner or before its variation selector.
 */
function headWithin(text: string, units: number): string {
  const points = [...text];
  let kept = 0;
  let length = 0;
  while (kept < points.length && length + points[kept]!.length <= units) length += points[kept++]!.length;
  const joins = (before: string | undefined, after: string | undefined) =>
    after !== undefined && (/\p{M}/u.test(after) || after === '\u200d' || before === '\u200d');
  while (kept > 0 && joins(points[kept - 1], points[kept])) kept--;
  return points.slice(0, kept).join('');
}

/** "Ban Tuyên giáo" → "Tuyên giáo": the word Ban adds nothing inside a tab name that already names a form. */
export function shortBanName(ban: string): string {
  return ban.replace(/^\s*ban\s+/i, '').trim() || ban.trim();
}
