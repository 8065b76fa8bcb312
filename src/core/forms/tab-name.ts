/**
 * Tab names that every client accepts: Excel allows at most 31 characters and none of : \ / ? * [ ]
 * (Sheets allows 100), so a generated tab is named for the stricter of the two.
 */
export const MAX_TAB_NAME = 31;

export function safeTabName(text: string): string {
  const cleaned = text.replace(/[:\\/?*[\]]/g, '-').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  const chars = [...cleaned];
  return chars.length <= MAX_TAB_NAME ? cleaned : `${chars.slice(0, MAX_TAB_NAME - 1).join('').trimEnd()}…`;
}

/** "Ban Tuyên giáo" → "Tuyên giáo": the word Ban adds nothing inside a tab name that already names a form. */
export function shortBanName(ban: string): string {
  return ban.replace(/^\s*ban\s+/i, '').trim() || ban.trim();
}
