import { approvalOf } from '../approval';
import { formatTripWindow, type CalendarDate } from '../calendar-date';
import { contentKindCaption } from '../content';
import type { Cadre, Trip } from '../model';
import type { Policy } from '../policy';

/** A registration waiting for a decision, as the reminder lists it. */
export interface WaitingRegistration {
  row: number;
  cadre: string;
  ban: string;
  /** "3.1. Theo chuyên đề: …, Từ ngày … đến ngày …" */
  text: string;
  from: CalendarDate;
  state: 'cho-ban-duyet' | 'cho-tong-hop';
}

/** The year's registrations waiting at the Ban's or the province's step, where the sheet keeps approvals. */
export function waitingRegistrations(trips: readonly Trip[], cadres: readonly Cadre[], kept: boolean, policy: Policy, year: number): WaitingRegistration[] {
  if (!kept) return [];
  const out: WaitingRegistration[] = [];
  for (const trip of trips) {
    if (trip.status === 'cancelled' || !trip.from.startsWith(String(year))) continue;
    const { state } = approvalOf(trip, kept, policy, year);
    if (state !== 'cho-ban-duyet' && state !== 'cho-tong-hop') continue;
    const cadre = cadres[trip.cadre]!;
    const what = contentKindCaption(trip.kind, policy) + (trip.detail ? `: ${trip.detail}` : '');
    out.push({ row: trip.row, cadre: cadre.name, ban: cadre.ban, text: `${what}, ${formatTripWindow(trip.from, trip.to)}`, from: trip.from, state });
  }
  return out;
}
