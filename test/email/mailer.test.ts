import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyMailError, MailAppMailer } from '../../src/gas/mailer';
import { MailRejected, type OutgoingMessage, type RejectionKind } from '../../src/sheets/email-send';
import { createAppsScriptEnvironment, gasError, MESSAGES } from '../fakes';

/**
 * How a MailApp failure is read: by its kind (Google's whole message once the address is taken out, and the quota
 * MailApp reports), never by words the address may hold.
 */

const message = (to: string, htmlBody = '<p>Báo cáo</p>'): OutgoingMessage => ({
  to,
  subject: '[1+2] Tổng hợp đi cơ sở quý I năm 2023',
  htmlBody,
  body: 'Báo cáo',
  name: 'Tiện ích 1+2 Tỉnh đoàn',
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MailAppMailer over the MailApp fake', () => {
  const CASES: {
    name: string;
    to: string;
    setup: (mail: ReturnType<typeof createAppsScriptEnvironment>['mail']) => void;
    body?: string;
    kind: RejectionKind;
    detail: string;
  }[] = [
    {
      name: 'hết hạn mức gửi email trong ngày',
      to: 'tg@tinhdoan.example.vn',
      setup: (mail) => (mail.remaining = 0),
      kind: 'quota',
      detail: 'Service invoked too many times for one day: email.',
    },
    {
      name: 'Google từ chối một địa chỉ có chữ “quota”: chỉ thư đó bị từ chối, không phải hết hạn mức',
      to: 'quota.tg@tinhdoan.example.vn',
      setup: (mail) => mail.refused.add('quota.tg@tinhdoan.example.vn'),
      kind: 'address',
      detail: 'Invalid email: [địa chỉ]',
    },
    {
      name: 'địa chỉ “hết-quota-roi@…” sai định dạng theo Google, tài khoản vẫn còn hạn mức',
      to: 'het-quota-roi@tinhdoan',
      setup: () => undefined,
      kind: 'address',
      detail: 'Invalid email: [địa chỉ]',
    },
    {
      name: 'thư quá lớn',
      to: 'pt@tinhdoan.example.vn',
      setup: () => undefined,
      body: 'x'.repeat(201 * 1024),
      kind: 'too-large',
      detail: 'Limit Exceeded: Email Body Size.',
    },
    {
      name: 'dịch vụ gửi thư của Google đang lỗi',
      to: 'pt@tinhdoan.example.vn',
      setup: (mail) => mail.outage(1),
      kind: 'service',
      detail: 'Service error: Mail',
    },
  ];

  it.each(CASES)('$name', ({ to, setup, body, kind, detail }) => {
    const env = createAppsScriptEnvironment();
    setup(env.mail);
    vi.stubGlobal('MailApp', env.globals.MailApp);
    let thrown: unknown;
    try {
      new MailAppMailer().send(message(to, body));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MailRejected);
    expect(thrown).toMatchObject({ kind, message: detail });
    expect(env.mail.outbox).toEqual([]);
  });

  it('gửi được thì không có lỗi, trừ hạn mức đi một', () => {
    const env = createAppsScriptEnvironment({ mailQuota: 3 });
    vi.stubGlobal('MailApp', env.globals.MailApp);
    const mailer = new MailAppMailer();
    mailer.send(message('quota@tinhdoan.example.vn'));
    expect(mailer.remainingQuota()).toBe(2);
    expect(env.mail.outbox.map((m) => m.to)).toEqual([['quota@tinhdoan.example.vn']]);
  });
});

describe('classifyMailError: messages the fake does not produce', () => {
  const CASES: { name: string; error: unknown; to: string; remaining: number | 'throws'; kind: RejectionKind; detail: string }[] = [
    {
      name: 'thông báo hết hạn mức bằng tiếng Việt (Google dịch theo ngôn ngữ người dùng), MailApp báo còn -1',
      error: gasError('Dịch vụ bị gọi quá nhiều lần trong một ngày: email.'),
      to: 'pt@tinhdoan.example.vn',
      remaining: -1,
      kind: 'quota',
      detail: 'Dịch vụ bị gọi quá nhiều lần trong một ngày: email.',
    },
    {
      name: 'thông báo lạ có chữ quota trong địa chỉ, tài khoản vẫn còn hạn mức',
      error: gasError('Mailbox unavailable: quota-exceeded@tinhdoan.example.vn'),
      to: 'quota-exceeded@tinhdoan.example.vn',
      remaining: 57,
      kind: 'service',
      detail: 'Mailbox unavailable: [địa chỉ]',
    },
    {
      name: 'địa chỉ viết hoa khác trong thông báo vẫn được che',
      error: gasError('Invalid email: Quota@TinhDoan.example.vn'),
      to: 'quota@tinhdoan.example.vn',
      remaining: 57,
      kind: 'address',
      detail: 'Invalid email: [địa chỉ]',
    },
    {
      name: 'thông báo đã có tiền tố “Exception: ”',
      error: 'Exception: Limit Exceeded: Email Recipients Per Message.',
      to: 'pt@tinhdoan.example.vn',
      remaining: 57,
      kind: 'refused',
      detail: 'Limit Exceeded: Email Recipients Per Message.',
    },
    {
      name: 'không đọc được hạn mức còn lại: coi là lỗi dịch vụ của thư này',
      error: gasError(MESSAGES.mailServiceError),
      to: 'pt@tinhdoan.example.vn',
      remaining: 'throws',
      kind: 'service',
      detail: 'Service error: Mail',
    },
    {
      name: 'đúng thông báo hết hạn mức của Google dù MailApp còn báo 1',
      error: gasError(MESSAGES.mailQuota),
      to: 'pt@tinhdoan.example.vn',
      remaining: 1,
      kind: 'quota',
      detail: 'Service invoked too many times for one day: email.',
    },
  ];

  it.each(CASES)('$name', ({ error, to, remaining, kind, detail }) => {
    const quota = () => {
      if (remaining === 'throws') throw gasError(MESSAGES.mailServiceError);
      return remaining;
    };
    expect(classifyMailError(error, to, quota)).toMatchObject({ kind, message: detail });
  });
});
