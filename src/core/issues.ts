/** Codes of the row checks: fixed, callers and the JSON output rely on them. */
export const ISSUE_CODES = [
  'missing-column',
  'missing-value',
  'date-invalid',
  'date-order',
  'days-invalid',
  'days-exceed-window',
  'unknown-cadre',
  'ambiguous-cadre',
  'unknown-content',
  'unknown-status',
  'duplicate-row',
  'overlap',
  'outside-period',
  'round-length',
  'rounds-back-to-back',
  'duplicate-cadre',
  'content-other-numbering',
  'overdue-registration',
  'done-before-start',
  'exemption-not-listed',
  'approval-late',
] as const;

/** A problem of one cell or row, in Vietnamese, as the sheet's notes and `dicoso check --json` give it. */
export interface Issue {
  tab: string;
  /** Spreadsheet row number (1-based). */
  row: number;
  /** The column's caption as found in the sheet (or our caption when the column is missing). */
  column: string;
  level: 'error' | 'warning';
  code: IssueCode;
  message: string;
}
export type IssueCode = (typeof ISSUE_CODES)[number];

/** An issue plus where to put its note: the 1-based sheet column, or null for the whole row. */
export interface PlacedIssue extends Issue {
  columnNumber: number | null;
}

export function toPublicIssue({ tab, row, column, level, code, message }: PlacedIssue): Issue {
  return { tab, row, column, level, code, message };
}

/**
 * Issues by level: each error and each warning counted once, so a row with two errors counts two. What the check's
 * toast and the Tổng hợp tabs count instead is rows: those an error keeps out of the count (sheets/workflow.ts
 * rowsLeftOut).
 */
export function issueCounts(issues: readonly Issue[]): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.level === 'error').length;
  return { errors, warnings: issues.length - errors };
}

export function sortIssues<T extends Issue>(issues: T[]): T[] {
  return issues.sort((a, b) => a.tab.localeCompare(b.tab) || a.row - b.row || a.column.localeCompare(b.column));
}
