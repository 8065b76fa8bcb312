import type { CalendarDate } from '../../src/core/calendar-date';
import type { PresetId } from '../../src/core/presets';
import { SettingsSchema, type Settings } from '../../src/core/settings';
import { MemoryWorkbook } from '../../src/sheets/memory-workbook';
import { MemorySettingsStore } from '../../src/sheets/settings-store';
import type { ServerContext } from '../../src/sheets/server-context';
import { MailRejected, type Mailer, type OutgoingMessage, type RejectionKind } from '../../src/sheets/email-send';
import { ROSTER_HEADER, TRIP_HEADER } from '../support/domain';

/**
 * A small province whose state is known on every day of the year:
 * - Thường trực Tỉnh đoàn: the Bí thư (bithu@), complete.
 * - Ban Tuyên giáo: Trưởng ban (tg@) and a Chuyên viên, both complete: never reminded.
 * - Ban Phong trào: Trưởng ban (pt@) complete, a Chuyên viên with no trip at all: reminded before every deadline.
 * - Văn phòng: Chánh Văn phòng without a roster email (the settings give vanphong@), a Chuyên viên complete but with
 *   a trip of 01–09/06 still "Đăng ký": reminded from 10/06 on (trip past its end, not marked done).
 * - Ban Công tác Thiếu nhi: one Chuyên viên, no leader, no address: its summary is a failure, never an email.
 * "Complete" = 91 days done from January (two 40-day phối hợp stints, two 5-day chuyên đề rounds, one chi đoàn day),
 * at a huyện đoàn and at communes (06-HD §III.2): enough for every preset.
 */

export const DOMAIN = 'tinhdoan.example.vn';
export const at = (local: string) => `${local}@${DOMAIN}`;

/** Kind, from, to, status, and the place when it is not the commune "Xã Vĩnh Hòa". */
type TripLine = [string, string, string, string, string?];

const COMPLETE: TripLine[] = [
  ['Phối hợp tổ chức, triển khai hoạt động tại cơ sở', '02/01/2023', '10/02/2023', 'Đã thực hiện', 'Huyện đoàn Vĩnh Thuận'],
  ['Phối hợp tổ chức, triển khai hoạt động tại cơ sở', '01/03/2023', '09/04/2023', 'Đã thực hiện'],
  ['Theo chuyên đề', '17/04/2023', '21/04/2023', 'Đã thực hiện'],
  ['Dự sinh hoạt chi đoàn', '06/05/2023', '06/05/2023', 'Đã thực hiện'],
  ['Theo chuyên đề', '14/08/2023', '18/08/2023', 'Đã thực hiện'],
];

interface Person {
  name: string;
  position: string;
  ban: string;
  email: string;
  trips: TripLine[];
}

export const PEOPLE: Person[] = [
  { name: 'Trần Văn Giàu', position: 'Bí thư', ban: 'Thường trực Tỉnh đoàn', email: at('bithu'), trips: COMPLETE },
  { name: 'Lê Thị Ánh', position: 'Trưởng ban', ban: 'Ban Tuyên giáo', email: at('tg'), trips: COMPLETE },
  { name: 'Phạm Văn Bình', position: 'Chuyên viên', ban: 'Ban Tuyên giáo', email: at('binh'), trips: COMPLETE },
  { name: 'Ngô Minh Cường', position: 'Trưởng ban', ban: 'Ban Phong trào', email: at('pt'), trips: COMPLETE },
  { name: 'Đỗ Thị Dung', position: 'Chuyên viên', ban: 'Ban Phong trào', email: at('dung'), trips: [] },
  { name: 'Vũ Văn Em', position: 'Chánh Văn phòng', ban: 'Văn phòng', email: '', trips: COMPLETE },
  {
    name: 'Hoàng Thị Phương',
    position: 'Chuyên viên',
    ban: 'Văn phòng',
    email: at('phuong'),
    trips: [...COMPLETE, ['Kiểm tra, giám sát', '01/06/2023', '09/06/2023', 'Đăng ký']],
  },
  { name: 'Mai Văn Hải', position: 'Chuyên viên', ban: 'Ban Công tác Thiếu nhi', email: '', trips: COMPLETE },
];

export function provinceTabs(people: Person[] = PEOPLE): { 'Cán bộ': unknown[][]; 'Đi cơ sở': unknown[][] } {
  const roster: unknown[][] = [ROSTER_HEADER];
  const trips: unknown[][] = [TRIP_HEADER];
  people.forEach((p, i) => {
    roster.push([i + 1, p.name, p.position, p.ban, '', p.email, '', '', '']);
    for (const [kind, from, to, status, place] of p.trips) {
      trips.push([trips.length, p.name, p.ban, kind, `Nội dung ${trips.length}`, '', from, to, place ?? 'Xã Vĩnh Hòa', '', status]);
    }
  });
  return { 'Cán bộ': roster, 'Đi cơ sở': trips };
}

export function provinceSettings(preset: PresetId, extra: Partial<Settings> = {}): Settings {
  return SettingsSchema.parse({
    year: 2023,
    preset,
    recipients: { btcKt: [at('btckt')], banLeaders: { 'Văn phòng': at('vanphong') } },
    schedule: { enabled: true, quarterlySummary: true, reminders: true, reminderDaysBefore: 7 },
    ...extra,
  });
}

export function memoryContext(today: string, settings: Settings, people: Person[] = PEOPLE): ServerContext {
  return {
    workbook: MemoryWorkbook.fromTabs(provinceTabs(people) as never),
    settings: new MemorySettingsStore(JSON.stringify(settings)),
    today: today as CalendarDate,
    user: at('nguoidung'),
  };
}

/**
 * A Mailer that records, with a quota, and can be told to die after k sends (a crash), or to have the service refuse
 * some addresses the way the MailApp adapter classifies Google's errors.
 */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMessage[] = [];
  /** Address → how the service refuses it. */
  readonly refusals = new Map<string, RejectionKind>();
  constructor(
    public quota = 100,
    public dieAfter: number | null = null,
  ) {}
  remainingQuota(): number {
    return this.quota;
  }
  send(message: OutgoingMessage): void {
    if (this.dieAfter !== null && this.sent.length >= this.dieAfter) throw new Error('Exceeded maximum execution time');
    const refusal = this.refusals.get(message.to);
    if (refusal) throw new MailRejected(refusal, refusal === 'service' ? 'Service error: Mail' : `refused (${refusal})`);
    if (this.quota < 1) throw new MailRejected('quota', 'Service invoked too many times for one day: email.');
    this.quota--;
    this.sent.push(message);
  }
}

/** `btckt@…` → `btckt`: the short name the calendar tables use. */
export const who = (address: string) => address.split('@')[0]!;
