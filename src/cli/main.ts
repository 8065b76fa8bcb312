import { isUserError } from '../core/user-error';
import { isOsError, osErrorMessage } from '../xlsx/os-errors';
import { parseCommand } from './args';
import type { Io } from './command';
import { COMMANDS } from './commands/index';
import { cliTexts } from './texts';
import { helpText } from './usage';

export type { Io } from './command';

/** Runs the `dicoso` command; returns the exit code (0 ran, 2 usage or unreadable input, 1 a bug). */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (!('spec' in command)) {
      io.stdout(`${helpText(COMMANDS, command.command)}\n`);
      return 0;
    }
    return await command.spec.run(command.files, command.flags, io);
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`${cliTexts.error(error.message)}\n`);
      return 2;
    }
    // A refusal by the system that no command turned into its own message yet: still the person's to fix.
    if (isOsError(error)) {
      io.stderr(`${cliTexts.error(osErrorMessage(error.code, error.path ?? '?', 'access'))}\n`);
      return 2;
    }
    io.stderr(`${cliTexts.bug((error as Error)?.message ?? String(error))}\n`);
    if (io.env.DICOSO_DEBUG) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    now: () => new Date(),
  }).then((code) => {
    process.exitCode = code;
  });
}
