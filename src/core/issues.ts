import * as z from './zod-vi';

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
] as const;

export const IssueSchema = z.object({
  tab: z.string(),
  /** Spreadsheet row number (1-based). */
  row: z.number().check(z.int(), z.gte(1)),
  /** The column's caption as found in the sheet (or our caption when the column is missing). */
  column: z.string(),
  level: z.enum(['error', 'warning']),
  code: z.enum(ISSUE_CODES),
  message: z.string(),
});
export type Issue = z.infer<typeof IssueSchema>;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** An issue plus where to put its note: the 1-based sheet column, or null for the whole row. */
export interface PlacedIssue extends Issue {
  columnNumber: number | null;
}

export function toPublicIssue({ tab, row, column, level, code, message }: PlacedIssue): Issue {
  return { tab, row, column, level, code, message };
}

export function sortIssues<T extends Issue>(issues: T[]): T[] {
  return issues.sort((a, b) => a.tab.localeCompare(b.tab) || a.row - b.row || a.column.localeCompare(b.column));
}
