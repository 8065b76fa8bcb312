import { parseArgs } from 'node:util';
import { daysInMonth, isCalendarDate, type CalendarDate, type Quarter } from '../core/calendar-date';
import { PRESET_IDS, type PresetId } from '../core/presets';
import { UserError } from '../core/user-error';
import { cliTexts } from './texts';

export interface CommonFlags {
  preset?: PresetId;
  year?: number;
  today?: CalendarDate;
  quarter?: Quarter;
  ban?: string;
  /** mẫu 1 for this cadre (by name) or every cadre of this Ban. */
  mau1?: string;
  out?: string;
  json: boolean;
  province?: string;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'check'; file: string; flags: CommonFlags }
  | { kind: 'init'; file: string; flags: CommonFlags }
  | { kind: 'email-preview'; file: string; flags: CommonFlags }
  | { kind: 'tong-hop'; files: string[]; flags: CommonFlags };

/** Parses the command line; throws UserError (exit 2) with a Vietnamese message naming the bad argument. */
export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        year: { type: 'string' },
        today: { type: 'string' },
        quarter: { type: 'string' },
        ban: { type: 'string' },
        mau1: { type: 'string' },
        out: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        province: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // "Option '-o, --out <value>' argument missing", "Option '--out' argument is ambiguous" (followed by another option).
    const missing = (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /--[\w-]+/.exec((error as Error).message)?.[0];
    if (missing) throw new UserError(cliTexts.args.missingValue(missing));
    const option = /'(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
    throw new UserError(cliTexts.args.badOption(option));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === 'help') return { kind: 'help' };
  const [command, file, ...rest] = positionals;
  if (command !== 'check' && command !== 'init' && command !== 'email-preview' && command !== 'tong-hop') {
    throw new UserError(cliTexts.args.noCommand(String(command)));
  }
  if (!file) throw new UserError(cliTexts.args.noFile(command));
  if (rest.length > 0 && command !== 'tong-hop') throw new UserError(cliTexts.args.extra(rest));

  const flags: CommonFlags = { json: values.json ?? false };
  if (values.preset !== undefined) {
    if (!(PRESET_IDS as readonly string[]).includes(values.preset)) {
      throw new UserError(cliTexts.args.badPreset(values.preset));
    }
    flags.preset = values.preset as PresetId;
  }
  if (values.year !== undefined) {
    const year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) throw new UserError(cliTexts.args.badYear(values.year));
    flags.year = year;
  }
  if (values.today !== undefined) {
    flags.today = todayFlag(values.today);
  }
  if (values.quarter !== undefined) {
    if (!/^[1-4]$/.test(values.quarter)) throw new UserError(cliTexts.args.badQuarter(values.quarter));
    flags.quarter = Number(values.quarter) as Quarter;
  }
  if (values.ban !== undefined) flags.ban = values.ban;
  if (values.mau1 !== undefined) {
    if (values.mau1.trim() === '') throw new UserError(cliTexts.args.missingValue('--mau1'));
    flags.mau1 = values.mau1;
  }
  if (values.out !== undefined) flags.out = values.out;
  if (values.province !== undefined) flags.province = values.province;
  if (command === 'email-preview' && (!flags.quarter || !flags.out)) throw new UserError(cliTexts.args.emailPreviewNeeds);
  if (command === 'tong-hop') {
    if (!flags.out) throw new UserError(cliTexts.args.rollupNeedsOut);
    const unused = [...(['ban', 'quarter', 'province'] as const).filter((k) => flags[k] !== undefined), ...(flags.json ? ['json'] : [])];
    if (unused.length > 0) throw new UserError(cliTexts.args.rollupUnused(unused));
    return { kind: 'tong-hop', files: [file, ...rest], flags };
  }
  return { kind: command, file, flags };
}

/** --today: a date written YYYY-MM-DD that exists (2023-02-30 is told it does not, not that its form is wrong). */
function todayFlag(value: string): CalendarDate {
  if (isCalendarDate(value)) return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new UserError(cliTexts.args.badDateFormat(value));
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) throw new UserError(cliTexts.args.noSuchMonth(value, month));
  if (year < 1900) throw new UserError(cliTexts.args.yearOutOfRange(value));
  throw new UserError(cliTexts.args.noSuchDay(value, year, month, daysInMonth(year, month)));
}
