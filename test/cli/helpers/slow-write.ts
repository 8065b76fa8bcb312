import { writeSafely } from '../../../src/xlsx/write/safe-file';

/**
 * A run caught in the middle of writing its result (test/cli/safe-write.test.ts starts it and kills it): it writes
 * half a file, says so on stdout, and waits.
 */
const [file] = process.argv.slice(2);
await writeSafely(file!, async (handle) => {
  await handle.write('la moitié');
  process.stdout.write('writing\n');
  await new Promise((resolve) => setTimeout(resolve, 60_000));
});
