import type { Flags, OptionName } from './options';

/** What a command writes to and reads from: the terminal, the environment, the clock (tests give their own). */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  now: () => Date;
}

/**
 * One `dicoso` command, declared once: the parser checks its files and options against this, and `--help` and the
 * usage text show it from this.
 */
export interface CommandSpec {
  name: string;
  /** What it does, in one line. */
  summary: string;
  /** Its file arguments as the usage shows them; `many` for a list. */
  files: { shown: string; many: boolean };
  /** The options it takes, each optional or required. */
  options: Partial<Record<Exclude<OptionName, 'help'>, 'optional' | 'required'>>;
  /** Why it takes none of the others, said when one is given. */
  unusedReason?: string;
  /** Runs it; returns the exit code (0 done, 2 the person's to fix: a UserError thrown is shown and gives 2). */
  run(files: string[], flags: Flags, io: Io): Promise<number>;
}

export function command(spec: CommandSpec): CommandSpec {
  return spec;
}
