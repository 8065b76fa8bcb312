import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAppsScriptEnvironment, FakeSpreadsheet, UiRecorder } from './index';

describe('AuthMode.NONE: only menus', () => {
  const env = () => createAppsScriptEnvironment({ authMode: 'NONE' });
  const refusals: [string, (e: ReturnType<typeof env>) => unknown, string][] = [
    [
      'the spreadsheet',
      (e) => e.globals.SpreadsheetApp.getActiveSpreadsheet(),
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    ],
    ['document properties', (e) => e.globals.PropertiesService.getDocumentProperties(), 'Authorization is required to perform that action.'],
    ['a lock', (e) => e.globals.LockService.getDocumentLock(), 'Authorization is required to perform that action.'],
    [
      'mail',
      (e) => e.globals.MailApp.getRemainingDailyQuota(),
      'You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    ],
    [
      'triggers',
      (e) => e.globals.ScriptApp.getProjectTriggers(),
      'You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    ],
  ];
  it.each(refusals)('refuses %s', (_name, call, message) => {
    expect(() => call(env())).toThrowError(message);
  });

  it('builds the add-on menu', () => {
    const e = env();
    e.globals.SpreadsheetApp.getUi().createAddonMenu().addItem('Mở bảng điều khiển', 'showSidebar').addSeparator().addToUi();
    expect(e.ui.addonMenu()?.entries).toEqual([{ kind: 'item', caption: 'Mở bảng điều khiển', functionName: 'showSidebar' }, { kind: 'separator' }]);
    expect(UiRecorder.items(e.ui.addonMenu())).toEqual([{ caption: 'Mở bảng điều khiển', functionName: 'showSidebar' }]);
  });

  it('LIMITED opens the document but sends no mail', () => {
    const e = createAppsScriptEnvironment({ authMode: 'LIMITED' });
    expect(e.globals.SpreadsheetApp.getActive()).toBe(e.spreadsheet);
    e.globals.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(() => e.globals.MailApp.sendEmail('a@b.vn', 's', 'b')).toThrowError(/permission to call MailApp.sendEmail/);
  });
});

describe('properties', () => {
  it('keep strings, return copies, and enforce 9 KB per value and 500 KB per store', () => {
    const env = createAppsScriptEnvironment();
    const props = env.globals.PropertiesService.getDocumentProperties();
    props.setProperty('n', 5 as never);
    expect(props.getProperty('n')).toBe('5');
    expect(props.getProperty('missing')).toBeNull();
    const all = props.getProperties();
    all.n = 'changed';
    expect(props.getProperty('n')).toBe('5');
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrowError('Argument too large: value');
    expect(() => props.setProperty('big', 'ệ'.repeat(3100))).toThrowError('Argument too large: value'); // bytes, not chars
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    let i = 0;
    expect(() => {
      for (;;) props.setProperty(`k${i++}`, 'y'.repeat(9000));
    }).toThrowError('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(i).toBeGreaterThan(50);
    expect(i).toBeLessThan(60);
    props.setProperties({ settings: '{}' }, true);
    expect(props.getKeys()).toEqual(['settings']);
  });

  it('the three stores are separate', () => {
    const env = createAppsScriptEnvironment();
    env.globals.PropertiesService.getUserProperties().setProperty('k', 'user');
    expect(env.globals.PropertiesService.getDocumentProperties().getProperty('k')).toBeNull();
    expect(env.properties.user.toObject()).toEqual({ k: 'user' });
  });
});

describe('locks', () => {
  it('another execution holding the lock: tryLock false after waiting, waitLock throws', () => {
    const env = createAppsScriptEnvironment({ now: () => new Date('2024-01-01T00:00:00Z') });
    env.holdLockElsewhere('document');
    const lock = env.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(env.clock.nowMs()).toBe(Date.parse('2024-01-01T00:00:05Z'));
    expect(() => lock.waitLock(1000)).toThrowError('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);
  });

  it('a holder that finishes in time lets us in', () => {
    const env = createAppsScriptEnvironment();
    env.holdLockElsewhere('script', { releaseAfterMs: 2000 });
    const lock = env.globals.LockService.getScriptLock();
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(env.locks.holder('script')).toBe('none');
  });
});

describe('triggers (Editor add-on rules)', () => {
  const daily = (env: ReturnType<typeof createAppsScriptEnvironment>) =>
    env.globals.ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).inTimezone('Asia/Ho_Chi_Minh').create();

  it('one time-based trigger per user per document', () => {
    const env = createAppsScriptEnvironment();
    const t = daily(env);
    expect(t.getHandlerFunction()).toBe('dailyRun');
    expect(t.getEventType()).toBe(env.globals.ScriptApp.EventType.CLOCK);
    expect(() => daily(env)).toThrowError('This add-on has created too many time-based triggers in this document for this Google user account.');
    env.globals.ScriptApp.deleteTrigger(t);
    expect(daily(env).getUniqueId()).not.toBe(t.getUniqueId());
    // another user of the same file has their own allowance
    env.setUser('other@example.com');
    expect(() => daily(env)).not.toThrow();
    expect(env.globals.ScriptApp.getUserTriggers(env.spreadsheet)).toHaveLength(1);
  });

  const refused: [string, (env: ReturnType<typeof createAppsScriptEnvironment>) => unknown, RegExp][] = [
    ['every 30 minutes', (e) => e.globals.ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create(), /at most once per hour/],
    ['every 3 hours', (e) => e.globals.ScriptApp.newTrigger('f').timeBased().everyHours(3), /Invalid argument/],
    ['hour 24', (e) => e.globals.ScriptApp.newTrigger('f').timeBased().atHour(24), /Invalid argument/],
    ['no schedule', (e) => e.globals.ScriptApp.newTrigger('f').timeBased().create(), /needs a schedule/],
    [
      'in LIMITED mode',
      (e) => {
        e.setAuthMode('LIMITED');
        return daily(e);
      },
      /permission to call ClockTriggerBuilder.create/,
    ],
  ];
  it.each(refused)('refuses %s', (_name, call, message) => {
    expect(() => call(createAppsScriptEnvironment())).toThrowError(message);
  });

  it('fires when the clock passes 07:00 in Hà Nội, and not once disabled', () => {
    const env = createAppsScriptEnvironment({ now: () => new Date('2024-03-01T00:00:00Z') }); // 07:00 +07 already past
    const t = daily(env);
    const seen: unknown[] = [];
    const runs = env.triggers.advanceClock(2 * 86_400_000, { dailyRun: (e) => seen.push(e) });
    expect(runs.map((r) => r.at.toISOString())).toEqual(['2024-03-02T00:00:00.000Z', '2024-03-03T00:00:00.000Z']);
    expect(seen).toHaveLength(2);
    env.triggers.disable(t.getUniqueId());
    expect(env.triggers.advanceClock(86_400_000, { dailyRun: () => undefined })).toEqual([]);
  });

  it('a handler missing from the bundle is recorded as Google records it', () => {
    const env = createAppsScriptEnvironment({ now: () => new Date('2024-03-01T00:00:00Z') });
    daily(env);
    const [run] = env.triggers.advanceClock(86_400_000);
    expect(run?.error).toBe('Script function not found: dailyRun');
  });

  it('installable onEdit triggers: one per user per document too', () => {
    const env = createAppsScriptEnvironment();
    const make = () => env.globals.ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(env.spreadsheet).onEdit().create();
    expect(make().getTriggerSourceId()).toBe(env.spreadsheet.id);
    expect(make).toThrowError(/too many edit triggers/);
  });
});

describe('mail', () => {
  it('counts recipients against the quota and keeps an outbox', () => {
    const env = createAppsScriptEnvironment({ mailQuota: 3 });
    const { MailApp } = env.globals;
    MailApp.sendEmail({ to: 'a@x.vn, b@x.vn', subject: 'Nhắc', body: 'Nội dung', name: 'dicoso' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail('c@x.vn', 'S', 'B', { cc: 'd@x.vn' })).toThrowError('Service invoked too many times for one day: email.');
    MailApp.sendEmail('c@x.vn', 'S', 'B');
    expect(env.mail.outbox.map((m) => m.to)).toEqual([['a@x.vn', 'b@x.vn'], ['c@x.vn']]);
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
  });

  const refused: [string, () => void, string][] = [
    ['an invalid address', () => createAppsScriptEnvironment().globals.MailApp.sendEmail('khong-phai-email', 's', 'b'), 'Invalid email: khong-phai-email'],
    [
      '51 recipients',
      () =>
        createAppsScriptEnvironment({ mailQuota: 1500 }).globals.MailApp.sendEmail({
          to: Array.from({ length: 51 }, (_, i) => `u${i}@x.vn`).join(','),
          subject: 's',
          body: 'b',
        }),
      'Limit Exceeded: Email Recipients Per Message.',
    ],
    ['no recipient', () => createAppsScriptEnvironment().globals.MailApp.sendEmail({ to: '', subject: 's', body: 'b' }), 'Failed to send email: no recipient'],
    [
      'a body over 200 KB',
      () => createAppsScriptEnvironment().globals.MailApp.sendEmail({ to: 'a@x.vn', subject: 's', body: 'x'.repeat(200 * 1024 + 1) }),
      'Limit Exceeded: Email Body Size.',
    ],
  ];
  it.each(refused)('refuses %s', (_name, call, message) => {
    expect(call).toThrowError(message);
  });

  it('refuses, as scripted, an address that looks valid, quoting it as given', () => {
    const env = createAppsScriptEnvironment();
    env.mail.refused.add('quota.tg@x.vn');
    expect(() => env.globals.MailApp.sendEmail('quota.tg@x.vn', 's', 'b')).toThrowError('Invalid email: quota.tg@x.vn');
    expect(env.globals.MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('an outage fails the next sends with the service error, then mail goes again', () => {
    const env = createAppsScriptEnvironment();
    env.mail.outage(2);
    for (let i = 0; i < 2; i++) expect(() => env.globals.MailApp.sendEmail('a@x.vn', 's', 'b')).toThrowError('Service error: Mail');
    env.globals.MailApp.sendEmail('a@x.vn', 's', 'b');
    expect(env.mail.outbox).toHaveLength(1);
  });

  it('a killed execution reaches no service any more, until the execution ends', () => {
    const env = createAppsScriptEnvironment();
    const { MailApp, PropertiesService } = env.globals;
    env.mail.killExecutionAfter(1);
    MailApp.sendEmail('a@x.vn', 's', 'b');
    expect(() => MailApp.sendEmail('b@x.vn', 's', 'b')).toThrowError('Exceeded maximum execution time');
    expect(() => PropertiesService.getDocumentProperties().setProperty('k', 'v')).toThrowError('Exceeded maximum execution time');
    env.locks.endExecution();
    PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(env.mail.outbox.map((m) => m.to)).toEqual([['a@x.vn']]);
  });
});

describe('ui and html', () => {
  it('alerts answer as scripted, default to the first button, and are recorded', () => {
    const env = createAppsScriptEnvironment();
    const ui = env.globals.SpreadsheetApp.getUi();
    env.ui.answerAlerts('NO');
    expect(ui.alert('Xoá?', 'Xoá bảng cũ?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Xong')).toBe(ui.Button.OK);
    env.ui.answerAlerts('YES');
    expect(() => ui.alert('Chỉ có OK')).toThrowError(/not a button of ButtonSet.OK/);
    env.ui.answerPrompt('2024', 'OK');
    const p = ui.prompt('Năm?', ui.ButtonSet.OK_CANCEL);
    expect([p.getResponseText(), p.getSelectedButton()]).toEqual(['2024', ui.Button.OK]);
    expect(env.ui.alerts.map((a) => [a.title, a.prompt, a.response])).toEqual([
      ['Xoá?', 'Xoá bảng cũ?', 'NO'],
      [null, 'Xong', 'OK'],
    ]);
  });

  it('sidebars come from the project’s HTML files; a missing file is Google’s error', () => {
    const env = createAppsScriptEnvironment({ htmlFiles: { Sidebar: '<h1>dicoso</h1>' } });
    const { HtmlService, SpreadsheetApp } = env.globals;
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Đi cơ sở').setWidth(500));
    expect(env.ui.sidebars).toEqual([{ kind: 'sidebar', title: 'Đi cơ sở', content: '<h1>dicoso</h1>', width: 300, height: null }]);
    expect(() => HtmlService.createHtmlOutputFromFile('Settings')).toThrowError('No HTML file named Settings was found.');
  });

  it('no UI in a time-driven run', () => {
    const env = createAppsScriptEnvironment({ uiAvailable: false });
    expect(() => env.globals.SpreadsheetApp.getUi()).toThrowError('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('Utilities and Session', () => {
  const d = new Date('2024-02-29T17:30:05Z');
  const cases: [string, string, string][] = [
    ['Asia/Ho_Chi_Minh', 'dd/MM/yyyy', '01/03/2024'],
    ['Asia/Ho_Chi_Minh', 'yyyy-MM-dd HH:mm:ss', '2024-03-01 00:30:05'],
    ['UTC', "EEE, d MMM yyyy 'lúc' HH:mm", 'Thu, 29 Feb 2024 lúc 17:30'],
    ['America/New_York', "yyyy-MM-dd'T'HH:mmXXX", '2024-02-29T12:30-05:00'],
  ];
  it.each(cases)('formatDate in %s with %s', (zone, pattern, expected) => {
    expect(createAppsScriptEnvironment().globals.Utilities.formatDate(d, zone, pattern)).toBe(expected);
  });

  it('sleep moves the fake clock; Session reports the user and script zone', () => {
    const env = createAppsScriptEnvironment({ now: () => new Date(0), user: 'bithu@doan.vn' });
    env.globals.Utilities.sleep(1500);
    expect(env.clock.nowMs()).toBe(1500);
    expect(env.globals.Session.getActiveUser().getEmail()).toBe('bithu@doan.vn');
    expect(env.globals.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
  });
});

describe('call counting', () => {
  function annotate(rows: number) {
    const data = Array.from({ length: rows }, (_, i) => [`Cán bộ ${i}`, i]);
    const env = createAppsScriptEnvironment({ spreadsheet: FakeSpreadsheet.fromTabs({ 'Cán bộ': data }) });
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!;
    const range = sheet.getDataRange();
    const values = range.getValues();
    range.setBackgrounds(values.map((r) => r.map(() => null)));
    range.setNotes(values.map((r) => r.map(() => '')));
    env.globals.PropertiesService.getDocumentProperties().getProperty('settings');
    return env.calls;
  }

  it('a batched action makes the same number of Spreadsheet calls for 10 and 2,000 rows', () => {
    const small = annotate(10);
    const large = annotate(2000);
    expect(large.spreadsheet()).toBe(small.spreadsheet());
    expect(large.byMethod()).toEqual(small.byMethod());
    expect(small.spreadsheet()).toBe(6);
    expect(small.others()).toBe(2);
    expect(large.count('Range.')).toBe(3);
    expect(large.cellsRead).toBe(4000);
    expect(large.cellsWritten).toBe(8000);
  });

  it('per-cell access shows up', () => {
    const env = createAppsScriptEnvironment();
    const sheet = env.globals.SpreadsheetApp.getActiveSheet();
    for (let r = 1; r <= 5; r++) sheet.getRange(r, 1).getValue();
    expect(env.calls.count('Sheet.getRange')).toBe(5);
    expect(env.calls.count('Range.getValue')).toBe(5);
    env.calls.reset();
    expect(env.calls.total()).toBe(0);
  });
});

describe('globals in a vm sandbox', () => {
  it('run a bundled script with its own Date', () => {
    const env = createAppsScriptEnvironment({ spreadsheet: FakeSpreadsheet.fromTabs({ T: [[new Date('2024-01-02T05:00:00Z')]] }) });
    const context = vm.createContext(env.globals);
    env.useDateConstructor(vm.runInContext('Date', context) as DateConstructor);
    vm.runInContext(
      `function readIt() {
         var v = SpreadsheetApp.getActive().getSheetByName('T').getRange('A1').getValue();
         SpreadsheetApp.getActive().getSheetByName('T').getRange('B1').setValue(new Date(2024, 0, 3));
         return v instanceof Date;
       }`,
      context,
    );
    expect(vm.runInContext('readIt()', context)).toBe(true);
    expect(Object.prototype.toString.call(env.spreadsheet.tab('T').getRange('B1').getValue())).toBe('[object Date]');
    expect(typeof env.globals.readIt).toBe('function');
  });
});
