import { lazy } from './lazy';
import { memoize } from './memo';
import * as z from './zod-vi';
import { foldKey } from './text';

/**
 * The closed lists the sheets use: content kinds (nội dung), trip statuses, cadre groups. Each is stored as a stable
 * code; cells may hold the code, a preset's numbering, or the label, in any case, with or without diacritics.
 */

export const CONTENT_KINDS = ['chuyen-de', 'phoi-hop', 'kiem-tra', 'hoi-nghi', 'chi-doan', 'phong-trao'] as const;
export const ContentKindSchema = lazy(() => z.enum(CONTENT_KINDS));
export type ContentKind = z.infer<typeof ContentKindSchema>;

export const CONTENT_KIND_LABELS: Record<ContentKind, string> = {
  'chuyen-de': 'Theo chuyên đề',
  'phoi-hop': 'Phối hợp tổ chức, triển khai hoạt động tại cơ sở',
  'kiem-tra': 'Kiểm tra, giám sát',
  'hoi-nghi': 'Dự họp, sinh hoạt chuyên đề hội nghị BCH, BTV đoàn cấp dưới',
  'chi-doan': 'Dự sinh hoạt chi đoàn',
  'phong-trao': 'Dự các hoạt động phong trào của cấp dưới',
};

/** Numbering per preset, e.g. Tây Ninh "1.3" and Kiên Giang "3.1" for chuyên đề (content.ts reads cells against it). */
export type ContentNumbering = Partial<Record<ContentKind, string>>;

const stripPunctuation = memoize((folded: string): string =>
  folded
    .replace(/[.,;:()"“”'’\-–—/]+/g, ' ')
    .replace(/\s+/g, ' ')
    // “Đăng kí”: the i spelling of ký is as common as the y one.
    .replace(/\b([kl])i\b/g, '$1y')
    .trim(),
);

export const TRIP_STATUSES = ['registered', 'approved', 'done', 'cancelled'] as const;
export const TripStatusSchema = lazy(() => z.enum(TRIP_STATUSES));
export type TripStatus = z.infer<typeof TripStatusSchema>;

export const TRIP_STATUS_LABELS: Record<TripStatus, string> = {
  registered: 'Đăng ký',
  approved: 'Đã duyệt',
  done: 'Đã thực hiện',
  cancelled: 'Hủy',
};

const STATUS_SYNONYMS: Record<string, TripStatus> = {
  'dang ky': 'registered',
  'da dang ky': 'registered',
  'du kien': 'registered',
  'ke hoach': 'registered',
  'da duyet': 'approved',
  duyet: 'approved',
  'phe duyet': 'approved',
  'da phe duyet': 'approved',
  'da thuc hien': 'done',
  'thuc hien': 'done',
  'hoan thanh': 'done',
  'da hoan thanh': 'done',
  'da di': 'done',
  'da di co so': 'done',
  xong: 'done',
  'da xong': 'done',
  'da thuc hien xong': 'done',
  'hoan tat': 'done',
  'da hoan tat': 'done',
  // Not yet done: still a plan, counted as planned until someone marks it done.
  'chua thuc hien': 'registered',
  'dang thuc hien': 'approved',
  huy: 'cancelled',
  'da huy': 'cancelled',
  'huy bo': 'cancelled',
  // Will not happen on these dates: counts nowhere, like a cancelled trip.
  'khong thuc hien': 'cancelled',
  hoan: 'cancelled',
  'da hoan': 'cancelled',
  'tam hoan': 'cancelled',
  registered: 'registered',
  approved: 'approved',
  done: 'done',
  cancelled: 'cancelled',
};

export type StatusParse = { kind: 'blank' } | { kind: 'status'; status: TripStatus } | { kind: 'unknown' };

export function parseTripStatus(value: unknown): StatusParse {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value !== 'string') return { kind: 'unknown' };
  const folded = stripPunctuation(foldKey(value));
  if (folded === '') return { kind: 'blank' };
  const status = STATUS_SYNONYMS[folded];
  return status ? { kind: 'status', status } : { kind: 'unknown' };
}

/**
 * Done by `today`: marked Đã thực hiện and already begun. A trip that has not begun cannot have been done, whatever
 * its status says; it waits as planned (DOMAIN "Counting days": done means achieved).
 */
export function isDoneBy(trip: { status: TripStatus; from: string }, today: string): boolean {
  return trip.status === 'done' && trip.from <= today;
}

export function isPlanned(status: TripStatus): boolean {
  return status === 'registered' || status === 'approved';
}

export const CADRE_GROUPS = ['thuong-truc', 'lanh-dao-ban', 'chuyen-vien'] as const;
export const CadreGroupSchema = lazy(() => z.enum(CADRE_GROUPS));
export type CadreGroup = z.infer<typeof CadreGroupSchema>;

export const CADRE_GROUP_LABELS: Record<CadreGroup, string> = {
  'thuong-truc': 'Thường trực',
  'lanh-dao-ban': 'Lãnh đạo ban',
  'chuyen-vien': 'Chuyên viên',
};

export function parseCadreGroup(value: unknown): CadreGroup | null {
  if (typeof value !== 'string') return null;
  const folded = stripPunctuation(foldKey(value));
  for (const group of CADRE_GROUPS) {
    if (folded === group.replace(/-/g, ' ') || folded === foldKey(CADRE_GROUP_LABELS[group])) return group;
  }
  if (folded === 'lanh dao' || folded === 'lanh dao van phong' || folded === 'lanh dao ban van phong') return 'lanh-dao-ban';
  if (folded === 'thuong truc tinh doan') return 'thuong-truc';
  return null;
}

/**
 * Tây Ninh plan 2023 §II.2: Bí thư and Phó Bí thư are Thường trực; heads and deputies of a ban or of the Văn phòng
 * are Lãnh đạo ban; everyone else is Chuyên viên.
 */
export function inferCadreGroup(position: string): CadreGroup {
  const folded = foldKey(position);
  if (/^(pho )?bi thu\b/.test(folded)) return 'thuong-truc';
  if (/^(pho )?(truong ban|truong phong|chanh van phong|chanh vp)\b/.test(folded)) return 'lanh-dao-ban';
  if (/^(pho truong|truong|pho ban)\b/.test(folded)) return 'lanh-dao-ban';
  if (/^pho (chanh )?van phong\b/.test(folded)) return 'lanh-dao-ban';
  return 'chuyen-vien';
}

/** A yes-like cell for the process columns ("Có", "x", "✓", true, "Đã xác nhận"). */
export function parseYes(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return null;
  const folded = stripPunctuation(foldKey(value));
  if (folded === '') return null;
  if (/^(khong|chua|no|false|0)\b/.test(folded)) return false;
  return true;
}
