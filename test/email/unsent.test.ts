import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar-date';
import { parseSentLog, type SendFailure } from '../../src/core/email/sent-log';
import { emailTexts as say } from '../../src/core/email/texts';
import { sendMissedSummaries } from '../../src/sheets/email-resend';
import { runDailySends, startWatch } from '../../src/sheets/email-run';
import { MemoryLogStore, type RejectionKind } from '../../src/sheets/email-send';
import { at, memoryContext, PEOPLE, provinceSettings, RecordingMailer, who } from './fixture';

/**
 * Every email that will not go is written down with its reason, and a missed quarterly summary can be sent once with
 * "Gửi bù". The province of fixture.ts under Kiên Giang's calendar: the Q1 summaries are due on 27/03 and may go
 * until 30/03 (btckt for the province; bithu, tg, pt, vanphong for the Bans; Ban Công tác Thiếu nhi, "ttn", has no
 * address); the reminder before the 27/03 deadline goes to pt from 20/03 to 23/03.
 */

interface Step {
  /** dd/mm of 2023. */
  day: string;
  /** 'gửi bù': the settings page's button instead of the daily run. */
  action?: 'gửi bù';
  quota?: number;
  refuse?: Record<string, RejectionKind>;
  /** After this many sends: 'lỗi' throws (the run's catch runs); 'bị giết' also stops every later write (6-minute limit). */
  die?: { after: number; how: 'lỗi' | 'bị giết' };
  /** The schedule is switched on that day (Cài đặt). */
  switchedOn?: boolean;
}

interface Case {
  name: string;
  steps: Step[];
  /** Every email sent, "dd/mm who", in order. */
  sent: string[];
  /** The failures left in the log, oldest first: "item final|retry: who…  reason". */
  unsent: string[];
}

const day = (dm: string) => `2023-${dm.slice(3, 5)}-${dm.slice(0, 2)}` as CalendarDate;
const Q1_BANS = ['bithu', 'tg', 'pt', 'vanphong'];
const missedQ1 = say.missedWindow(day('27/03'), day('30/03'));
const noAddress = say.noLeaderAddress('Ban Công tác Thiếu nhi');
const quota = 'quota.tg@tinhdoan.example.vn';

const CASES: Case[] = [
  {
    name: 'Google từ chối địa chỉ của một ban đến hết hạn: các thư khác vẫn đi, thư đó ghi là sẽ không gửi',
    steps: ['27/03', '28/03', '29/03', '30/03'].map((d) => ({ day: d, refuse: { [at('tg')]: 'address' } })),
    sent: ['27/03 btckt', '27/03 bithu', '27/03 pt', '27/03 vanphong'],
    unsent: [`q2023-1 không gửi: tg  ${say.refusedAddress(at('tg'))}`, `q2023-1 không gửi: ttn  ${noAddress}`],
  },
  {
    name: 'lần chạy bị lỗi giữa chừng vào ngày cuối: các thư chưa gửi được ghi ngay là sẽ không gửi',
    steps: [...['27/03', '28/03', '29/03'].map((d) => ({ day: d, quota: 0 })), { day: '30/03', die: { after: 2, how: 'lỗi' } }, { day: '31/03' }],
    sent: ['30/03 btckt', '30/03 bithu'],
    unsent: [`q2023-1 không gửi: tg pt vanphong ttn  ${say.crashed('Exceeded maximum execution time')}`],
  },
  {
    name: 'lần chạy bị Google dừng (quá 6 phút) vào ngày cuối, không kịp ghi gì: lần chạy hôm sau phát hiện và ghi lại',
    steps: [...['27/03', '28/03', '29/03'].map((d) => ({ day: d, quota: 0 })), { day: '30/03', die: { after: 2, how: 'bị giết' } }, { day: '31/03' }],
    sent: ['30/03 btckt', '30/03 bithu'],
    unsent: [`q2023-1 không gửi: tg pt vanphong ttn  ${missedQ1}`],
  },
  {
    name: 'lịch không chạy suốt tuần 25/03–02/04: lần chạy 03/04 ghi cả báo cáo quý 1 là bị lỡ',
    // Kiên Giang (06-HD) has no quarterly report: nothing is due before the summary of 27/03.
    steps: ['20/03', '21/03', '22/03', '23/03', '24/03', '03/04'].map((d) => ({ day: d })),
    sent: [],
    unsent: [`p2023-1 không gửi: btckt  ${missedQ1}`, `q2023-1 không gửi: bithu tg pt vanphong ttn  ${missedQ1}`],
  },
  {
    name: 'Gửi bù hai lần: lần đầu gửi 5 thư bị lỡ, lần hai và các ngày sau không gửi gì thêm',
    steps: [{ day: '24/03' }, { day: '03/04' }, { day: '03/04', action: 'gửi bù' }, { day: '03/04', action: 'gửi bù' }, { day: '04/04' }],
    sent: ['03/04 btckt', ...Q1_BANS.map((w) => `03/04 ${w}`)],
    unsent: [`q2023-1 không gửi: ttn  ${noAddress}`],
  },
  {
    name: 'Gửi bù khi hết hạn mức: gửi được bao nhiêu gửi bấy nhiêu, hôm sau bấm lại gửi nốt',
    steps: [{ day: '24/03' }, { day: '03/04' }, { day: '03/04', action: 'gửi bù', quota: 2 }, { day: '04/04', action: 'gửi bù' }],
    sent: ['03/04 btckt', '03/04 bithu', '04/04 tg', '04/04 pt', '04/04 vanphong'],
    unsent: [`q2023-1 không gửi: ttn  ${noAddress}`],
  },
  {
    name: 'bật lịch sau nhiều tháng tắt: những thư của lúc tắt không bị kể là lỡ',
    steps: [{ day: '10/01' }, { day: '15/05', switchedOn: true }],
    sent: [],
    unsent: [],
  },
  {
    name: 'lịch không chạy từ 10/01 đến 15/05 (vẫn bật): mọi thư có hạn trong những ngày đó được kể là lỡ',
    steps: [{ day: '10/01' }, { day: '15/05' }],
    sent: [],
    unsent: [`p2023-1 không gửi: btckt  ${missedQ1}`, `q2023-1 không gửi: bithu tg pt vanphong ttn  ${missedQ1}`],
  },
  {
    name: 'dịch vụ thư của Google lỗi 3 lần liền: dừng gửi, hôm sau gửi tiếp không trùng',
    steps: [{ day: '27/03', refuse: { [at('btckt')]: 'service', [at('bithu')]: 'service', [at('tg')]: 'service' } }, { day: '28/03' }],
    sent: ['28/03 btckt', '28/03 bithu', '28/03 tg', '28/03 pt', '28/03 vanphong'],
    unsent: [`q2023-1 thử lại: ttn  ${noAddress}`],
  },
  {
    name: 'địa chỉ có chữ “quota” bị từ chối: không coi là hết hạn mức, các thư sau vẫn đi',
    steps: [{ day: '27/03', refuse: { [quota]: 'address' } }],
    sent: ['27/03 btckt', '27/03 bithu', '27/03 pt', '27/03 vanphong'],
    unsent: [`q2023-1 thử lại: tg  ${say.refusedAddress(quota)}`, `q2023-1 thử lại: ttn  ${noAddress}`],
  },
];

/** A LogStore whose writes fail once the execution is killed, like every service call after Google's kill. */
class KillableLogStore extends MemoryLogStore {
  killed = false;
  override write(json: string): void {
    if (this.killed) throw new Error('Exceeded maximum execution time');
    super.write(json);
  }
}

function shortName(name: string): string {
  return /<([^@>]+)@/.exec(name)?.[1] ?? (name === 'Ban Công tác Thiếu nhi' ? 'ttn' : name);
}

function line(f: SendFailure): string {
  const names = f.w.map(shortName).map((n) => (n === quota.split('@')[0] ? 'tg' : n));
  return `${f.i} ${f.f ? 'không gửi' : 'thử lại'}: ${names.join(' ')}  ${f.m}`;
}

function play(steps: Step[], people = peopleFor(steps)) {
  const log = new KillableLogStore();
  const settings = provinceSettings('kien-giang-2023');
  const sent: string[] = [];
  for (const step of steps) {
    log.killed = false;
    const mailer = new RecordingMailer(step.quota ?? 100, step.die?.after ?? null);
    for (const [address, kind] of Object.entries(step.refuse ?? {})) mailer.refusals.set(address, kind);
    const send = mailer.send.bind(mailer);
    mailer.send = (message) => {
      if (step.die?.how === 'bị giết' && mailer.sent.length >= step.die.after) log.killed = true;
      send(message);
    };
    const ctx = memoryContext(day(step.day), settings, people);
    if (step.switchedOn) startWatch(log, ctx.today, 2023);
    try {
      if (step.action === 'gửi bù') sendMissedSummaries(ctx, mailer, log, { spreadsheetUrl: null });
      else runDailySends(ctx, mailer, log, { spreadsheetUrl: null });
    } catch (error) {
      if (!step.die) throw error;
    }
    sent.push(...mailer.sent.map((m) => `${step.day} ${who(m.to)}`));
  }
  return { sent, unsent: parseSentLog(log.value, 2023).log.failures.map(line), log };
}

/** The quota case needs Ban Tuyên giáo's address to read "quota.tg@…". */
function peopleFor(steps: Step[]) {
  const usesQuotaAddress = steps.some((s) => Object.keys(s.refuse ?? {}).includes(quota));
  return memoryPeople(usesQuotaAddress ? { [at('tg')]: quota } : {});
}

function memoryPeople(renamed: Record<string, string>) {
  return PEOPLE.map((p) => ({ ...p, email: renamed[p.email] ?? p.email }));
}

describe('thư không gửi được: luôn có tên trong danh sách, kèm lý do; gửi bù đúng một lần', () => {
  it.each(CASES)('$name', ({ steps, sent, unsent }) => {
    const outcome = play(steps);
    expect(outcome.sent).toEqual(sent);
    expect(outcome.unsent).toEqual(unsent);
  });

  it('gửi bù lần hai nói rõ là không còn gì để gửi (chỉ còn ban chưa có email)', () => {
    const { log } = play([{ day: '24/03' }, { day: '03/04' }]);
    const ctx = memoryContext(day('03/04'), provinceSettings('kien-giang-2023'));
    const first = sendMissedSummaries(ctx, new RecordingMailer(), log, { spreadsheetUrl: null });
    expect(first.message).toBe(say.resendDone(5, 1, false));
    const second = sendMissedSummaries(ctx, new RecordingMailer(), log, { spreadsheetUrl: null });
    expect(second).toEqual({ sent: [], left: 1, message: say.resendDone(0, 1, false) });
    expect(first.sent[0]).toEqual({ to: at('btckt'), subject: '[1+2] Tổng hợp đi cơ sở quý I năm 2023 – Toàn tỉnh' });
  });

  it('gửi bù không còn gì: nói vậy, không gửi thư nào', () => {
    const mailer = new RecordingMailer();
    const outcome = sendMissedSummaries(memoryContext(day('03/04'), provinceSettings('kien-giang-2023')), mailer, new MemoryLogStore(), {
      spreadsheetUrl: null,
    });
    expect(outcome).toEqual({ sent: [], left: 0, message: say.resendNothing });
    expect(mailer.sent).toEqual([]);
  });

  it('ban có email sau khi lỡ hạn vẫn được gửi bù', () => {
    const { log } = play([{ day: '24/03' }, { day: '03/04' }, { day: '03/04', action: 'gửi bù' }]);
    const settings = provinceSettings('kien-giang-2023', {
      recipients: { btcKt: [at('btckt')], banLeaders: { 'Văn phòng': at('vanphong'), 'Ban Công tác Thiếu nhi': at('ttn') }, thuongTruc: [] },
    });
    const mailer = new RecordingMailer();
    sendMissedSummaries(memoryContext(day('05/04'), settings), mailer, log, { spreadsheetUrl: null });
    expect(mailer.sent.map((m) => [who(m.to), m.subject])).toEqual([['ttn', '[1+2] Tổng hợp đi cơ sở quý I năm 2023 – Ban Công tác Thiếu nhi']]);
    expect(parseSentLog(log.value, 2023).log.failures).toEqual([]);
  });

  it('lý do “lỡ hạn” nói rõ thời hạn gửi', () => {
    expect(missedQ1).toBe('Lịch gửi hằng ngày không chạy, hoặc bị dừng giữa chừng, trong cả thời hạn gửi (27/03/2023–30/03/2023).');
  });
});
