import type { Policy } from './policy';

/**
 * The one verdict per cadre (DOMAIN "One verdict per cadre"). During the period: what the preset's hard requirements
 * say, counting done trips plus registrations still ahead; "Đủ" reached only through registrations is its own verdict.
 * From the period's end: the preset's year-end verdict (Kiên Giang's rating, 06-HD §V; completion elsewhere). One
 * word, the same on the roster, the pages, the Tổng hợp tab, the forms, the CLI, `--json` and the emails.
 */

/** The requirements verdict (`status` in `--json`): done plus registered ahead during the period, done only after it. */
export type CadreStatus = 'ok' | 'short-days' | 'short-rounds' | 'short-both' | 'short-place' | 'exempt';

/** The year-end verdict: Kiên Giang's three levels, or completion. */
export type Rating = 'dat' | 'khong-dat' | 'xuat-sac' | 'hoan-thanh' | 'chua-hoan-thanh';

/** What is shown: the status during the period ("Đủ" through registrations apart), the rating from its end. */
export type Verdict = 'ok' | 'ok-planned' | 'short-days' | 'short-rounds' | 'short-both' | 'short-place' | 'exempt' | Rating;

export const VERDICTS: readonly Verdict[] = [
  'ok',
  'ok-planned',
  'short-days',
  'short-rounds',
  'short-both',
  'short-place',
  'exempt',
  'xuat-sac',
  'dat',
  'khong-dat',
  'hoan-thanh',
  'chua-hoan-thanh',
];

/** The hard requirements a cadre still lacks (06-HD §III.1–2; 001 §I.2; 000). */
export interface Shortfall {
  days: boolean;
  rounds: boolean;
  /** Kiên Giang 06-HD §III.2: no chi đoàn meeting. */
  chiDoan: boolean;
  /** Kiên Giang 06-HD §III.2: the required levels not reached ("cấp huyện"). */
  levels: string[];
}

export const RATING_LABELS: Record<Rating, string> = {
  dat: 'Đạt',
  'khong-dat': 'Không đạt',
  'xuat-sac': 'Xuất sắc',
  'hoan-thanh': 'Hoàn thành',
  'chua-hoan-thanh': 'Chưa hoàn thành',
};

export const VERDICT_WORDS = {
  ok: 'Đủ yêu cầu',
  okPlanned: 'Đủ nếu đi hết các đợt đã đăng ký',
  short: 'Thiếu',
  exempt: 'Miễn',
  days: 'ngày',
  chiDoan: 'sinh hoạt chi đoàn',
} as const;

export function statusOf(shortfall: Shortfall): Exclude<CadreStatus, 'exempt'> {
  if (shortfall.days && shortfall.rounds) return 'short-both';
  if (shortfall.days) return 'short-days';
  if (shortfall.rounds) return 'short-rounds';
  if (shortfall.chiDoan || shortfall.levels.length > 0) return 'short-place';
  return 'ok';
}

/** "a", "a và b", "a, b và c". */
export function listInWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

/**
 * "Thiếu ngày", "Thiếu ngày và chuyên đề", "Thiếu ngày và chuyên đề, sinh hoạt chi đoàn", "Thiếu sinh hoạt chi đoàn và
 * cấp huyện", "Thiếu đợt “3 cùng”": days first, so that every verdict short of days and of more begins "Thiếu ngày và".
 */
export function shortfallWords(shortfall: Shortfall, policy: Policy): string {
  const others = [...(shortfall.rounds ? [policy.rounds.noun] : []), ...(shortfall.chiDoan ? [VERDICT_WORDS.chiDoan] : []), ...shortfall.levels];
  if (!shortfall.days) return `${VERDICT_WORDS.short} ${listInWords(others)}`;
  return others.length === 0 ? `${VERDICT_WORDS.short} ${VERDICT_WORDS.days}` : `${VERDICT_WORDS.short} ${VERDICT_WORDS.days} và ${others.join(', ')}`;
}

/** The verdict's words for one cadre. */
export function verdictLabel(verdict: Verdict, shortfall: Shortfall, policy: Policy): string {
  switch (verdict) {
    case 'ok':
      return VERDICT_WORDS.ok;
    case 'ok-planned':
      return VERDICT_WORDS.okPlanned;
    case 'exempt':
      return VERDICT_WORDS.exempt;
    case 'short-days':
    case 'short-rounds':
    case 'short-both':
    case 'short-place':
      return shortfallWords(shortfall, policy);
    default:
      return RATING_LABELS[verdict];
  }
}

/** A tile's or a column's short name for the cadres of one verdict; without a policy, words that fit every preset. */
export function verdictGroupLabel(verdict: Verdict, policy: Policy | null): string {
  const rounds = policy ? policy.rounds.noun : 'đợt bắt buộc';
  switch (verdict) {
    case 'ok':
      return 'Đủ';
    case 'ok-planned':
      return 'Đủ nếu đi hết đợt đã đăng ký';
    case 'short-days':
      return 'Thiếu ngày';
    case 'short-rounds':
      return `Thiếu ${rounds}`;
    case 'short-both':
      return `Thiếu ngày và ${rounds}`;
    case 'short-place':
      // 06-HD §III.2 is headed "Địa bàn": the chi đoàn meeting and the levels.
      return 'Thiếu yêu cầu địa bàn';
    case 'exempt':
      return 'Miễn';
    default:
      return RATING_LABELS[verdict];
  }
}

/** Whether the period is over for the verdict: from its last day on, the year-end verdict is given (06-HD §V.1). */
export function isYearEnd(today: string, periodEnd: string): boolean {
  return today >= periodEnd;
}

/**
 * The verdicts a count may hold under a policy, in the order tiles and columns show them: the phase's own (the
 * requirements during the period, the year-end verdict after), and Miễn.
 */
export function verdictsOf(policy: Policy, yearEnd: boolean): Verdict[] {
  if (yearEnd) return policy.verdict === 'rating' ? ['xuat-sac', 'dat', 'khong-dat', 'exempt'] : ['hoan-thanh', 'chua-hoan-thanh', 'exempt'];
  const rounds = policy.rounds.count > 0;
  const place = policy.requireChiDoan || policy.requiredLevels.length > 0;
  return [
    'ok',
    'ok-planned',
    'short-days',
    ...(rounds ? (['short-rounds', 'short-both'] as const) : []),
    ...(place ? (['short-place'] as const) : []),
    'exempt',
  ];
}

/** A cadre behind: short of something during the period, or not Đạt / not Hoàn thành at its end. */
export function isBehind(verdict: Verdict): boolean {
  return verdict.startsWith('short-') || verdict === 'khong-dat' || verdict === 'chua-hoan-thanh';
}

/** A verdict that meets the requirements (Đủ, Đạt, Xuất sắc, Hoàn thành). */
export function isMet(verdict: Verdict): boolean {
  return verdict === 'ok' || verdict === 'dat' || verdict === 'xuat-sac' || verdict === 'hoan-thanh';
}

/** How a verdict is coloured (the sheet's rules, the pages' chips): met, met only on paper, short, failed, exempt. */
export type VerdictTone = 'met' | 'planned' | 'short-days' | 'short' | 'failed' | 'exempt';

export function verdictTone(verdict: Verdict): VerdictTone {
  switch (verdict) {
    case 'ok':
    case 'dat':
    case 'xuat-sac':
    case 'hoan-thanh':
      return 'met';
    case 'ok-planned':
      return 'planned';
    case 'short-days':
    case 'short-both':
      return 'short-days';
    case 'short-rounds':
    case 'short-place':
      return 'short';
    case 'khong-dat':
    case 'chua-hoan-thanh':
      return 'failed';
    case 'exempt':
      return 'exempt';
  }
}
