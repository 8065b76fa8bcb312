import type { CadreStatus } from './evaluate';

/** Google Sheets' light palette: readable with black text, distinct when printed in grey. */
export const COLORS = {
  error: '#f4c7c3',
  warning: '#fff2cc',
  shortDays: '#f4c7c3',
  shortRounds: '#f9cb9c',
  exempt: '#e0e0e0',
  ok: '#d9ead3',
  header: '#cfe2f3',
  subheader: '#eef3fb',
  total: '#f3f3f3',
} as const;

export function statusBackground(status: CadreStatus): string {
  switch (status) {
    case 'ok':
      return COLORS.ok;
    case 'short-days':
    case 'short-both':
      return COLORS.shortDays;
    case 'short-rounds':
      return COLORS.shortRounds;
    case 'exempt':
      return COLORS.exempt;
  }
}

/** Both shortfalls: red with bold text, so it reads even without colour. */
export function statusIsBold(status: CadreStatus): boolean {
  return status === 'short-both';
}
