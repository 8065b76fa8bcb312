import { isUserError } from '../core/user-error';
import { parseCommand } from './args';
import { USAGE } from './texts';
import { yearOf } from '../core/calendar-date';
import { todayInVietnam } from '../core/date-parse';
import { checkWorkbook } from './check';
import { initWorkbook } from './init';
import { isOsError, osErrorMessage } from './os-errors';
import { summaryText } from './summary';
import { colorWanted, paint } from './terminal';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  now: () => Date;
}

/** Runs the `dicoso` command; returns the exit code (0 ran, 2 usage or unreadable input, 1 a bug). */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const command = parseCommand(argv);
    const p = paint(colorWanted({ isTTY: io.isTTY }, io.env));
    switch (command.kind) {
      case 'help':
        io.stdout(`dicoso: kiểm tra và tổng hợp chủ trương “1+2” đi cơ sở trên tệp Excel.\n\n${USAGE}\n`);
        return 0;
      case 'check': {
        const outcome = await checkWorkbook(command.file, command.flags, io.now(), (warning) => io.stderr(`${p.yellow(warning)}\n`));
        const written = outcome.outPath === null ? [] : [`Đã ghi ${outcome.outPath} (tab ${outcome.tabsWritten.join(', ')}).`];
        if (command.flags.json) io.stdout(`${JSON.stringify(outcome.report, null, 2)}\n`);
        else io.stdout(`${summaryText(outcome.analysis, p, written, outcome.ban)}\n`);
        return 0;
      }
      case 'init': {
        const year = command.flags.year ?? yearOf(todayInVietnam(io.now()));
        await initWorkbook(command.file, command.flags, year);
        io.stdout(`Đã tạo ${command.file}: tab Cán bộ, Đi cơ sở, Cài đặt (năm ${year}).\n`);
        return 0;
      }
      case 'tong-hop': {
        const { rollUp } = await import('./tong-hop');
        const { rollupText } = await import('./summary');
        const outcome = await rollUp(command.files, command.flags, io.now(), (file, i) => {
          if (io.isTTY) io.stderr(p.grey(`Đang đọc ${i + 1}/${command.files.length}: ${file}\n`));
        });
        io.stdout(`${rollupText(outcome.provinces, p, [`Đã ghi ${outcome.outPath} (tab ${outcome.tabs.join(', ')}).`])}\n`);
        for (const s of outcome.skipped) io.stderr(`${p.yellow(`Bỏ qua: ${s.reason}`)}\n`);
        // Some provinces are missing from the roll-up: a script must be able to tell.
        return outcome.skipped.length > 0 ? 2 : 0;
      }
      case 'email-preview': {
        const { emailPreview } = await import('./email-preview');
        const files = await emailPreview(command.file, command.flags, io.now());
        io.stdout(`Đã ghi ${files.length} thư vào ${command.flags.out}:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
        return 0;
      }
    }
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`Lỗi: ${error.message}\n`);
      return 2;
    }
    // A refusal by the system that no command turned into its own message yet: still the person's to fix.
    if (isOsError(error)) {
      io.stderr(`Lỗi: ${osErrorMessage(error.code, error.path ?? '?', 'access')}\n`);
      return 2;
    }
    io.stderr(
      `Lỗi ngoài dự kiến (lỗi của chương trình, không phải của dữ liệu): ${(error as Error)?.message ?? String(error)}\nHãy báo lại kèm tệp đã dùng.\n`,
    );
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
