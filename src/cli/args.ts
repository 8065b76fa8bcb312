import { parseArgs } from 'node:util';
import { UserError } from '../core/user-error';
import type { CommandSpec } from './command';
import { COMMANDS } from './commands/index';
import { OPTIONS, type Flags, type OptionName } from './options';
import { cliTexts } from './texts';
import { usageText } from './usage';

export type Command = { kind: 'help'; command: CommandSpec | null } | { kind: string; spec: CommandSpec; files: string[]; flags: Flags };

const NAMES = Object.keys(OPTIONS) as OptionName[];

/** Parses the command line against the declarations; throws UserError (exit 2) with a Vietnamese message naming the bad argument. */
export function parseCommand(argv: string[]): Command {
  const usage = () => usageText(COMMANDS);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries(
        NAMES.map((name) => {
          const spec = OPTIONS[name];
          // Every option as `multiple`, so that one given twice is seen (parseArgs would keep the last silently).
          return [
            name,
            { type: 'value' in spec ? ('string' as const) : ('boolean' as const), multiple: true, ...('short' in spec ? { short: spec.short } : {}) },
          ];
        }),
      ),
    });
  } catch (error) {
    // "Option '-o, --out <value>' argument missing", "Option '--out' argument is ambiguous" (followed by another option).
    const missing = (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /--([\w-]+)/.exec((error as Error).message)?.[1];
    if (missing && missing in OPTIONS) throw new UserError(cliTexts.args.missingValue(`--${missing}`, needsOf(missing as OptionName)));
    const option = /'(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
    throw new UserError(cliTexts.args.badOption(option, usage()));
  }
  const { values, positionals } = parsed;
  const [name, ...files] = positionals;
  const spec = COMMANDS.find((c) => c.name === name) ?? null;
  if (values.help?.length || positionals.length === 0 || name === 'help') return { kind: 'help', command: spec };
  if (!spec) throw new UserError(cliTexts.args.noCommand(String(name), usage()));
  if (files.length === 0) throw new UserError(cliTexts.args.noFile(spec.name, usage()));
  if (files.length > 1 && !spec.files.many) throw new UserError(cliTexts.args.extra(files.slice(1), usage()));

  const given = NAMES.filter((n) => n !== 'help' && values[n] !== undefined);
  const unused = given.filter((n) => !(n in spec.options));
  if (unused.length > 0) throw new UserError(cliTexts.args.unused(spec.name, unused, spec.unusedReason, usage()));
  const required = (Object.entries(spec.options) as [OptionName, string][]).filter(([n, need]) => need === 'required' && values[n] === undefined);
  if (required.length > 0)
    throw new UserError(
      cliTexts.args.needs(
        spec.name,
        required.map(([n]) => n),
        usage(),
      ),
    );

  const twice = given.filter((n) => !('many' in OPTIONS[n]) && (values[n] as unknown[]).length > 1);
  if (twice.length > 0) throw new UserError(cliTexts.args.twice(twice.map((n) => `--${n}`)));
  const flags: Record<string, unknown> = {};
  for (const n of given) {
    const parsed = (values[n] as (string | boolean)[]).map((raw) => (typeof raw === 'string' ? OPTIONS[n].parse(raw) : raw));
    flags[n] = 'many' in OPTIONS[n] ? parsed : parsed[0];
  }
  return { kind: spec.name, spec, files, flags: flags as Flags };
}

function needsOf(name: OptionName): string | undefined {
  const spec = OPTIONS[name];
  return 'needs' in spec ? spec.needs : undefined;
}
