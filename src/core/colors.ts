import { verdictTone, type Verdict, type VerdictTone } from './verdict';

/** Google Sheets' light palette: readable with black text, distinct when printed in grey. */
export const COLORS = {
  error: '#f4c7c3',
  warning: '#fff2cc',
  shortDays: '#f4c7c3',
  shortRounds: '#f9cb9c',
  exempt: '#e0e0e0',
  ok: '#d9ead3',
  /** "Đủ nếu đi hết các đợt đã đăng ký": enough on paper, not yet done. */
  planned: '#fff2cc',
  header: '#cfe2f3',
  subheader: '#eef3fb',
  total: '#f3f3f3',
} as const;

const TONE_BACKGROUND: Record<VerdictTone, string> = {
  met: COLORS.ok,
  planned: COLORS.planned,
  'short-days': COLORS.shortDays,
  short: COLORS.shortRounds,
  failed: COLORS.shortDays,
  exempt: COLORS.exempt,
};

export function verdictBackground(verdict: Verdict): string {
  return TONE_BACKGROUND[verdictTone(verdict)];
}

/** Short of both, or failed at year end: red with bold text, so it reads even without colour. */
export function verdictIsBold(verdict: Verdict): boolean {
  return verdict === 'short-both' || verdictTone(verdict) === 'failed';
}
