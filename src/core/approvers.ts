import { normalizeEmail } from './email/address';
import type { Cadre } from './model';
import { banKey } from './names';
import type { Settings } from './settings';
import { inferCadreGroup } from './vocabulary';

/**
 * Who may approve a registration, and at which step (06-HD §IV: the head of the Ban reviews its list; the Ban Tổ
 * chức – Kiểm tra compiles; the Thường trực approves. 001 mẫu 1 "Lãnh đạo Ban/Văn phòng phê duyệt", mẫu 2 "Phê duyệt
 * của Lãnh đạo Tỉnh đoàn"). Decided from the roster (a Ban's leaders by their position and their Email) and the
 * settings (a Ban's leader address, the compiling department's and the Thường trực's addresses), never from the sheet
 * being edited by whoever can type in it.
 */

export type ApproverRole = { kind: 'ban'; ban: string } | { kind: 'btc-kt' } | { kind: 'thuong-truc' };
export type ApproverKind = ApproverRole['kind'];

/**
 * A Ban's leader by position: Trưởng ban / Phó trưởng ban, Chánh / Phó Chánh Văn phòng (001 §II.2 "lãnh đạo ban,
 * văn phòng"), whether the roster says it in Chức vụ or in Nhóm đối tượng.
 */
export function isBanLeader(cadre: Pick<Cadre, 'position' | 'group'>): boolean {
  return cadre.group === 'lanh-dao-ban' || inferCadreGroup(cadre.position) === 'lanh-dao-ban';
}

/** The roles of the person signed in as `email` ('' when Google withholds it: nobody). Bans as the roster writes them. */
export function rolesOf(email: string, cadres: readonly Cadre[], recipients: Settings['recipients']): ApproverRole[] {
  const me = normalizeEmail(email);
  if (me === '') return [];
  const bans = new Map<string, string>();
  const rosterBan = new Map(cadres.map((c) => [banKey(c.ban), c.ban]));
  for (const c of cadres) if (c.ban !== '' && normalizeEmail(c.email) === me && isBanLeader(c)) bans.set(banKey(c.ban), c.ban);
  for (const [ban, address] of Object.entries(recipients.banLeaders)) {
    const known = rosterBan.get(banKey(ban));
    if (known !== undefined && normalizeEmail(address) === me) bans.set(banKey(ban), known);
  }
  const roles: ApproverRole[] = [...bans.values()].map((ban) => ({ kind: 'ban', ban }));
  if (recipients.btcKt.some((a) => normalizeEmail(a) === me)) roles.push({ kind: 'btc-kt' });
  if (recipients.thuongTruc.some((a) => normalizeEmail(a) === me)) roles.push({ kind: 'thuong-truc' });
  return roles;
}

/** Whether the roles include this one (a Ban by banKey). */
export function holdsRole(roles: readonly ApproverRole[], wanted: ApproverRole): boolean {
  return roles.some((r) => r.kind === wanted.kind && (r.kind !== 'ban' || wanted.kind !== 'ban' || banKey(r.ban) === banKey(wanted.ban)));
}
