import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../core/user-error';
import { xlsxTexts } from '../texts';

/**
 * Writing a result file so that it is either the old file or the whole new one, never half of one:
 * - a lock file beside it (`<file>.lock`, made exclusively, holding our process id) refuses a second run writing the
 *   same file at the same time, rather than letting the two race; a lock left by a process that is gone is taken over;
 * - the content goes to a hidden temporary file in the same folder, is flushed to the disk (fsync), renamed over the
 *   file (atomic on one file system, POSIX rename(2)), and the folder is flushed so the rename itself survives a crash;
 * - the temporary file and the lock are removed on every way out: success, an error, Ctrl+C (SIGINT), SIGTERM, and
 *   the process ending. A run killed outright (SIGKILL) cannot clean up: the next run writing the same file removes
 *   what a dead process left there.
 */

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function writeSafely(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const folder = dirname(path);
  const name = basename(path);
  const lock = `${path}.lock`;
  removeLeftovers(folder, name, lock);
  takeLock(lock, name);
  const temporary = join(folder, `.${name}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const cleanUp = () => {
    removeQuietly(temporary);
    removeQuietly(lock);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    // Die of the signal, as the process would have without us: the shell then sees the usual exit status.
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', cleanUp);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    syncFolder(folder);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener('exit', cleanUp);
    removeQuietly(lock);
  }
}

function takeLock(lock: string, name: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (alive(ownerOf(lock))) throw new UserError(xlsxTexts.busy(name));
      removeQuietly(lock);
    }
  }
  throw new UserError(xlsxTexts.busy(name));
}

/** A lock or temporary file of ours beside `name` whose process is gone (a run killed outright) is removed. */
function removeLeftovers(folder: string, name: string, lock: string): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(entry.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) removeQuietly(join(folder, entry));
  }
  const owner = ownerOf(lock);
  if (owner !== null && !alive(owner)) removeQuietly(lock);
}

function ownerOf(lock: string): number | null {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number | null): boolean {
  if (pid === null) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    // fsync of a folder: where the system allows it (Linux, macOS); Windows cannot open a folder this way.
    fsyncSync(fd);
  } catch {
    // Not supported here: the rename is still atomic, only its durability across a power cut is not promised.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone.
  }
}
