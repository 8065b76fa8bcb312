import { dayNumber, formatDayFirst, type CalendarDate, type Quarter } from '../calendar-date';
import { provinceCounts, type BanTotals } from '../forms/dashboard';
import { formContextOf, type FormContext } from '../forms/frame';
import { buildMau3, MAU3_CAPTIONS } from '../forms/mau3';
import type { GridValue } from '../grid';
import { documentQuarterlyReport } from '../period';
import { periodName } from '../quarter-name';
import { isYearEnd, verdictGroupLabel, verdictsOf } from '../verdict';
import { buildFacts, type BanFacts, type CadreBehind, type EmailFacts, type EmailInputs } from './facts';
import type { Send } from './plan';
import { renderEmail, type Block, type Cell, type EmailView, type RenderedEmail } from './render';

/** Every email's words: built here from the send and the facts, rendered by render.ts. */

export interface ComposeOptions {
  /** The spreadsheet's URL, linked at the end of every email; null when unknown (the CLI preview). */
  spreadsheetUrl: string | null;
  /** A test email (menu "Gửi thử báo cáo quý"): "[THỬ]" in the subject and a banner. */
  test?: boolean;
  /** Bytes of HTML allowed before tables are trimmed (default: under Gmail's clipping size). */
  htmlBudget?: number;
}

export interface ComposedEmail extends RenderedEmail {
  to: string;
}

const FOOTER = [
  'Thư gửi tự động từ tiện ích “1+2” gắn với bảng tính đi cơ sở của Tỉnh đoàn; số liệu lấy từ bảng tính vào sáng ngày gửi.',
  'Để ngừng nhận, người quản lý bảng tính tắt “Gửi email tự động” trong Cài đặt của tiện ích.',
];

/** The summary is the add-on's, not the document's report: it never takes the name of one (a mẫu 3, a báo cáo quý). */
export function summarySubject(quarter: Quarter, year: number, who: string, test = false): string {
  return `${test ? '[THỬ] ' : ''}[1+2] Tổng hợp đi cơ sở ${periodName({ quarter, year })} – ${who}`;
}

/** "[1+2] Nhắc duyệt đăng ký: 3 đăng ký chờ, hạn 20/06/2023". */
export function approvalReminderSubject(count: number, firstDeadline: CalendarDate): string {
  return `[1+2] Nhắc duyệt đăng ký: ${count} đăng ký chờ, hạn ${formatDayFirst(firstDeadline)}`;
}

export function reminderSubject(deadlineDate: CalendarDate, label: string, ban: string): string {
  return `[1+2] Nhắc hạn ${formatDayFirst(deadlineDate)}: ${label} – ${ban}`;
}

export const PROVINCE_WIDE = 'Toàn tỉnh';

/** The email for a planned send. `facts` may be passed when already computed for the run. */
export function composeEmail(send: Send, inputs: EmailInputs, options: ComposeOptions, facts: EmailFacts = buildFacts(inputs)): ComposedEmail {
  const view = viewFor(send, inputs, facts, options);
  return { to: send.to, ...renderEmail(view, options.htmlBudget) };
}

function viewFor(send: Send, inputs: EmailInputs, facts: EmailFacts, options: ComposeOptions): EmailView {
  const test = options.test === true;
  const link = options.spreadsheetUrl ? { url: options.spreadsheetUrl, label: 'Mở bảng tính đi cơ sở' } : null;
  switch (send.kind) {
    case 'province-summary':
      return { ...provinceView(send.quarter!, inputs, facts, test), link };
    case 'ban-summary': {
      const ban = facts.bans.find((b) => b.ban === send.ban)!;
      return { ...banView(send.quarter!, ban, send.toName, inputs, test), link };
    }
    case 'reminder':
      return { ...reminderView(send, inputs), link };
    case 'approval-reminder':
      return { ...approvalReminderView(send, inputs), link };
  }
}

type ViewBody = Omit<EmailView, 'link'>;

function formContext(inputs: EmailInputs, ban: string | null): FormContext {
  return formContextOf({ ...inputs, ban });
}

function short(value: GridValue, max: number): string {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The Ban's trips done in the quarter, as the results form lays them out (forms/mau3.ts): its rows between the caption
 * and the Tổng row, folded into six columns that fit a phone (content and detail together, time and place together).
 * Named mẫu 3 only under the document that has one (Tây Ninh 2023).
 */
function mau3Block(quarter: Quarter, inputs: EmailInputs, ban: string | null): { block: Block; summary: { cadres: number; trips: number; days: number } } {
  const { layout, summary } = buildMau3(formContext(inputs, ban), inputs.trips, inputs.policy, quarter);
  const header = layout.values.findIndex((r) => r[0] === MAU3_CAPTIONS[0] && r[1] === MAU3_CAPTIONS[1]);
  const total = layout.values.findIndex((r, i) => i > header && r[1] === 'Tổng');
  const rows: Cell[][] = [];
  for (const r of layout.values.slice(header + 2, total)) {
    if (r[1] !== '' && r[2] === '' && r[4] === '') {
      rows.push([{ text: short(r[1] ?? '', 200), colspan: 6, bold: ban === null }]);
      continue;
    }
    const content = [short(r[2] ?? '', 90), short(r[3] ?? '', 150)].filter(Boolean).join(' – ');
    const when = [compactWindow(short(r[5] ?? '', 60)), short(r[6] ?? '', 100)].filter(Boolean).join(', ');
    rows.push([short(r[0] ?? '', 6), short(r[1] ?? '', 80), content, short(r[4] ?? '', 6), when, short(r[7] ?? '', 160)]);
  }
  const totals = layout.values[total] ?? [];
  return {
    block: {
      kind: 'table',
      title: `${documentQuarterlyReport(inputs.policy, inputs.year, quarter)?.form === 'mau3' ? 'Mẫu 3 – k' : 'K'}ết quả đi cơ sở ${periodName({ quarter, year: inputs.year })}`,
      headers: ['STT', 'Họ và tên', 'Nội dung', 'Số ngày', 'Thời gian, địa điểm', 'Kết quả, đề xuất'],
      align: ['center', 'left', 'left', 'center', 'left', 'left'],
      rows,
      total: [{ text: 'Tổng', colspan: 2, bold: true }, String(totals[2] ?? ''), String(totals[4] ?? ''), '', ''],
    },
    summary,
  };
}

/** "Từ ngày 01/05/2023 đến ngày 05/05/2023" → "01/05–05/05/2023": the form's wording, shortened for a phone. */
export function compactWindow(text: string): string {
  const m = /^Từ ngày (\d\d\/\d\d)\/(\d{4}) đến ngày (\d\d\/\d\d)\/(\d{4})$/.exec(text);
  if (!m) return text;
  return m[2] === m[4] ? `${m[1]}–${m[3]}/${m[4]}` : `${m[1]}/${m[2]}–${m[3]}/${m[4]}`;
}

function behindBlock(behind: readonly CadreBehind[], withBan: boolean): Block {
  const headers = [...(withBan ? ['Ban'] : []), 'Họ và tên', 'Đã đi / yêu cầu', 'Dự kiến cuối kỳ (đã đi + đã đăng ký)', 'Kết luận'];
  return {
    kind: 'table',
    title: `Cán bộ chưa đủ yêu cầu (${behind.length})`,
    headers,
    align: [...(withBan ? (['left'] as const) : []), 'left', 'center', 'center', 'left'],
    rows: behind.map((c) => [
      ...(withBan ? [short(c.ban, 60)] : []),
      short(c.name, 80),
      `${c.daysDone}/${c.requiredDays} ngày`,
      `${c.daysProjected} ngày`,
      short(`${c.verdictLabel}. ${c.reasons.join(' ')}`.trim(), 300),
    ]),
    empty: 'Không có cán bộ nào chưa đủ yêu cầu.',
  };
}

/** "Hạn gửi báo cáo kết quả (mẫu 3): 27/06/2023." where the document has a quarterly report; nothing otherwise. */
function reportDeadlineSentence(quarter: Quarter, inputs: EmailInputs): string {
  const report = documentQuarterlyReport(inputs.policy, inputs.year, quarter);
  return report ? ` Hạn ${report.label.charAt(0).toLowerCase()}${report.label.slice(1)}: ngày ${formatDayFirst(report.date)}.` : '';
}

/** The verdicts the counts show now, with their words (verdict.ts): Đủ/Thiếu… during the period, the rating after. */
function countColumns(inputs: EmailInputs) {
  return verdictsOf(inputs.policy, isYearEnd(inputs.today, inputs.evaluation.period.end)).map((v) => ({ v, label: verdictGroupLabel(v, inputs.policy) }));
}

function asOf(inputs: EmailInputs): string {
  return (
    `Số liệu tính đến ngày ${formatDayFirst(inputs.today)} (${inputs.presetTitle}, tối thiểu ${inputs.policy.minDays} ngày` +
    (inputs.policy.rounds.count > 0 ? `, ${inputs.policy.rounds.count} đợt ${inputs.policy.rounds.label}` : '') +
    ').'
  );
}

function banView(quarter: Quarter, ban: BanFacts, toName: string, inputs: EmailInputs, test: boolean): ViewBody {
  const { block, summary } = mau3Block(quarter, inputs, ban.ban);
  const t = ban.totals;
  return {
    subject: summarySubject(quarter, inputs.year, ban.ban, test),
    test,
    heading: `Tổng hợp đi cơ sở ${periodName({ quarter, year: inputs.year })} – ${ban.ban}`,
    greeting: toName ? `Kính gửi đồng chí ${toName},` : `Kính gửi lãnh đạo ${ban.ban},`,
    intro: [
      `Tiện ích “1+2” gửi tổng hợp kết quả đi cơ sở ${periodName({ quarter, year: inputs.year })} của ${ban.ban}.${reportDeadlineSentence(quarter, inputs)}`,
      asOf(inputs),
    ],
    blocks: [
      {
        kind: 'facts',
        title: 'Tình hình của ban',
        items: [
          ['Số cán bộ', t.cadres],
          ...countColumns(inputs).map(({ v, label }): [string, number] => [label, t.counts[v]]),
          ['Trong quý', `${summary.cadres} cán bộ, ${summary.trips} đợt, ${summary.days} ngày`],
        ],
      },
      behindBlock(ban.behind, false),
      block,
    ],
    footer: FOOTER,
  };
}

function provinceView(quarter: Quarter, inputs: EmailInputs, facts: EmailFacts, test: boolean): ViewBody {
  const all = provinceCounts(inputs.evaluation.cadres);
  const { summary } = mau3Block(quarter, inputs, null);
  const behind = facts.bans.flatMap((b) => b.behind);
  const columns = countColumns(inputs);
  const row = (t: BanTotals): Cell[] => [short(t.ban, 60), t.cadres, ...columns.map(({ v }) => t.counts[v])];
  const noAddress = facts.bans.filter((b) => !b.leader.email).map((b) => b.ban);
  return {
    subject: summarySubject(quarter, inputs.year, PROVINCE_WIDE, test),
    test,
    heading: `Tổng hợp đi cơ sở ${periodName({ quarter, year: inputs.year })} – ${PROVINCE_WIDE}${inputs.province ? ` ${inputs.province}` : ''}`,
    greeting: `Kính gửi ${inputs.policy.compilingDepartment},`,
    intro: [
      `Tiện ích “1+2” gửi tổng hợp thực hiện chủ trương “1+2” ${periodName({ quarter, year: inputs.year })} của các ban. Trong quý: ${summary.cadres} cán bộ, ${summary.trips} đợt, ${summary.days} ngày đi cơ sở đã thực hiện.${reportDeadlineSentence(quarter, inputs)}`,
      asOf(inputs),
    ],
    blocks: [
      {
        kind: 'table',
        title: 'Tổng hợp theo ban',
        headers: ['Ban/Văn phòng', 'Cán bộ', ...columns.map((c) => c.label)],
        align: ['left', 'center', ...columns.map(() => 'center' as const)],
        rows: facts.bans.map((b) => row(b.totals)),
        total: row(all).map((c, i) => (i === 0 ? { text: c as string, bold: true } : c)),
      },
      behindBlock(behind, true),
      ...(noAddress.length > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: `Chưa có email lãnh đạo nên chưa gửi được báo cáo của ban: ${noAddress.join('; ')}. Thêm email ở tab Cán bộ hoặc trong Cài đặt.`,
            },
          ]
        : []),
    ],
    footer: FOOTER,
  };
}

function reminderView(send: Send, inputs: EmailInputs): ViewBody {
  const deadline = send.deadline!;
  const missing = send.missing!;
  const daysLeft = dayNumber(deadline.date) - dayNumber(inputs.today);
  const blocks: Block[] = [];
  if (missing.noTrip.length > 0) {
    blocks.push({
      kind: 'list',
      title: `Cán bộ chưa đăng ký đợt nào từ ${formatDayFirst(missing.coverage.start)} đến ${formatDayFirst(missing.coverage.end)} (${missing.noTrip.length})`,
      items: missing.noTrip.map((c) => short(c.name, 80)),
    });
  }
  if (missing.overdue.length > 0) {
    blocks.push({
      kind: 'list',
      title: `Đợt đã qua ngày kết thúc nhưng chưa đánh dấu “Đã thực hiện” (${missing.overdue.reduce((n, c) => n + c.trips, 0)})`,
      items: missing.overdue.map((c) => `${short(c.name, 80)}: ${c.trips} đợt`),
    });
  }
  if (missing.behind.length > 0) blocks.push(behindBlock(missing.behind, false));
  return {
    subject: reminderSubject(deadline.date, deadline.label, send.ban!),
    test: false,
    heading: `Nhắc hạn: ${deadline.label}`,
    greeting: send.toName ? `Kính gửi đồng chí ${send.toName},` : `Kính gửi lãnh đạo ${send.ban},`,
    intro: [
      `Hạn: ngày ${formatDayFirst(deadline.date)}${daysLeft > 0 ? ` (còn ${daysLeft} ngày)` : ' (hôm nay)'}. Dưới đây là những việc ${send.ban} còn thiếu theo bảng tính.`,
      asOf(inputs),
    ],
    blocks,
    footer: FOOTER,
  };
}

/** The registrations waiting for the person, deadline by deadline (approval-reminders.ts). */
function approvalReminderView(send: Send, inputs: EmailInputs): ViewBody {
  const holding = send.approvals!;
  const deadlines = [...holding.deadlines].sort((a, b) => (a.deadline.date < b.deadline.date ? -1 : a.deadline.date > b.deadline.date ? 1 : 0));
  const count = new Set(deadlines.flatMap((d) => d.registrations.map((r) => r.row))).size;
  const blocks: Block[] = deadlines.map(({ deadline, round, registrations }) => {
    const daysLeft = dayNumber(deadline.date) - dayNumber(inputs.today);
    return {
      kind: 'list',
      title: `${deadline.label} (${round}): hạn ${formatDayFirst(deadline.date)}${daysLeft > 0 ? `, còn ${daysLeft} ngày` : ', hôm nay'} (${registrations.length} đăng ký)`,
      items: registrations.map((r) => `${short(r.cadre, 80)} (${r.ban}, dòng ${r.row}): ${short(r.text, 200)}`),
    };
  });
  const step = holding.ban === null ? 'tổng hợp, phê duyệt' : 'lãnh đạo ban duyệt';
  return {
    subject: approvalReminderSubject(count, deadlines[0]!.deadline.date),
    test: false,
    heading: 'Đăng ký đi cơ sở đang chờ duyệt',
    greeting: send.toName ? `Kính gửi đồng chí ${send.toName},` : holding.ban ? `Kính gửi lãnh đạo ${holding.ban},` : 'Kính gửi đồng chí,',
    intro: [
      `Có ${count} đăng ký đi cơ sở đang chờ ${step} và sắp đến hạn. Anh/chị duyệt hoặc trả lại trong tiện ích: menu 1+2 Đi cơ sở → Duyệt đăng ký.`,
      asOf(inputs),
    ],
    blocks,
    footer: FOOTER,
  };
}
