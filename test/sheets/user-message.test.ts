import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageTexts } from '../../src/sheets/pages/texts';
import { errorCode, platformMessage, userMessage } from '../../src/sheets/user-message';

/**
 * Apps Script's failures as Google words them (issue 20: each class with advice that fits it). A daily quota resets
 * 24 hours after the first request (developers.google.com/apps-script/guides/services/quotas): "wait a moment" is
 * wrong advice. A scope the person never granted is not a missing edit right.
 */
describe('platformMessage: each class of Apps Script failure with the advice that fits it', () => {
  it.each<[string, string, string]>([
    ['the daily mail quota', 'Service invoked too many times for one day: email.', pageTexts.platform.quota],
    ['the daily trigger run time', 'Service using too much computer time for one day', pageTexts.platform.quota],
    [
      'a busy service (not a daily quota)',
      'Service invoked too many times in a short time: exec qps. Try Utilities.sleep(1000) between calls.',
      pageTexts.platform.retry,
    ],
    [
      'a trigger without its scope',
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      pageTexts.platform.authorize,
    ],
    ['consent withdrawn', 'Authorization is required to perform that action.', pageTexts.platform.authorize],
    ['no edit right on the file', 'You do not have permission to access the requested document.', pageTexts.platform.permission],
    ['six minutes', 'Exceeded maximum execution time', pageTexts.platform.timeLimit],
    ['a Spreadsheets time-out', 'Service Spreadsheets timed out while accessing document with id 1AbC.', pageTexts.platform.retry],
    ['the network', 'NetworkError: Connection failure due to HTTP 0', pageTexts.platform.connection],
    ['a new version', 'Script function not found: getProgress', pageTexts.platform.reload],
  ])('%s', (_, english, advice) => {
    expect(platformMessage(english)).toBe(advice);
  });

  it('the quota advice says tomorrow, not “a moment”', () => {
    expect(pageTexts.platform.quota).toMatch(/ngày mai/);
    expect(pageTexts.platform.quota).not.toMatch(/một lát/);
  });

  it('something unforeseen is not a class', () => {
    expect(platformMessage('We are sorry, something odd happened.')).toBeNull();
  });
});

describe('errorCode: a short code instead of Google’s English', () => {
  it('is short, the same for the same text, different for another', () => {
    const code = errorCode('We are sorry, something odd happened.');
    expect(code).toMatch(/^G-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(errorCode(' We are sorry, something odd happened. ')).toBe(code);
    expect(errorCode('We are sorry, something else happened.')).not.toBe(code);
  });
});

describe('userMessage: a bug reads as an apology with its code, the English only in the log', () => {
  let logged: unknown[][] = [];
  beforeEach(() => {
    logged = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  });
  afterEach(() => vi.restoreAllMocks());

  it('names the code in the message and beside the English in the log', () => {
    const message = userMessage(new TypeError("Cannot read properties of undefined (reading 'ban')"), 'Tải tiến độ cán bộ');
    const code = errorCode("Cannot read properties of undefined (reading 'ban')");
    expect(message).toContain(`mã lỗi ${code}`);
    expect(message).not.toMatch(/Cannot read/);
    expect(String(logged[0]![0])).toContain(code);
    expect(String(logged[0]![0])).toContain('Cannot read properties');
  });
});
