import { headOf } from '../forms/frame';
import type { Cadre } from '../model';
import { banKey } from '../names';
import type { Settings } from '../settings';
import { normalizeEmail } from './address';

/**
 * Who receives what: a Ban's leader, the Ban Tổ chức – Kiểm tra addresses. Addresses come only from the roster and
 * the settings, and are checked before anything is sent (a bad one is reported, the others still go).
 */

export interface BanLeader {
  /** The leader's name on the roster; '' when the Ban has none. */
  name: string;
  /** The address the Ban's emails go to; '' when neither the settings nor the roster give one. */
  email: string;
  source: 'settings' | 'roster' | 'none';
}

/** The Ban's leader on the roster: the Trưởng ban / Chánh Văn phòng, else the Ban's first member who is not a Chuyên viên. */
export function rosterLeaderOf(ban: string, cadres: readonly Cadre[]): Cadre | null {
  const key = banKey(ban);
  const members = cadres.filter((c) => banKey(c.ban) === key);
  const head = headOf(ban, cadres);
  return members.find((c) => c.name === head) ?? members.find((c) => c.group !== 'chuyen-vien') ?? null;
}

/** The leader's address set in Cài đặt for the Ban ('' when none). */
export function leaderOverrideOf(ban: string, recipients: Settings['recipients']): string {
  const key = banKey(ban);
  const overrideKey = Object.keys(recipients.banLeaders).find((k) => banKey(k) === key);
  return overrideKey ? (recipients.banLeaders[overrideKey] ?? '').trim() : '';
}

/**
 * Where a Ban's emails go: its leader on the roster (rosterLeaderOf), at the address set in Cài đặt when there is
 * one, else at the roster's. The settings page shows the same two parts.
 */
export function banLeaderOf(ban: string, cadres: readonly Cadre[], recipients: Settings['recipients']): BanLeader {
  const leader = rosterLeaderOf(ban, cadres);
  const override = leaderOverrideOf(ban, recipients);
  if (override) return { name: leader?.name ?? '', email: override, source: 'settings' };
  const email = leader?.email.trim() ?? '';
  return { name: leader?.name ?? '', email, source: email ? 'roster' : 'none' };
}

export { isEmailAddress, normalizeEmail, splitEmailList } from './address';

/** The BTC-KT addresses, each once, in the order given. */
export function btcKtAddresses(recipients: Settings['recipients']): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of recipients.btcKt) {
    const address = raw.trim();
    const key = normalizeEmail(address);
    if (address === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}
