import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/user-error';
import { writeSafely } from '../../src/xlsx/write/safe-file';
import { ROOT } from '../support/bundle';

/**
 * The result file is written whole or not at all: through a temporary file beside it, removed on every way out of
 * the process (Ctrl+C, SIGTERM); one left by a run killed outright is cleared by the next run; and a second run
 * writing the same file while the first still is, is refused rather than racing it.
 */

const SLOW = path.join(ROOT, 'test/cli/helpers/slow-write.ts');
const CLI = path.join(ROOT, 'dist/cli/dicoso.cjs');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dicoso-safe-'));
});

/** A run writing `file` slowly, once it has begun writing. */
async function writingRun(file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SLOW, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('writing') && resolve());
    child.once('exit', (code) => reject(new Error(`the writing run ended early (${code})`)));
  });
  return child;
}

const ended = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

describe('ghi tệp kết quả an toàn', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s giữa lúc ghi: không để lại tệp tạm, tệp khóa hay nửa tệp kết quả', async (signal) => {
    const out = path.join(dir, 'ket-qua.xlsx');
    const child = await writingRun(out);
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    child.kill(signal);
    expect(await ended(child)).toEqual({ code: null, signal });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('bị giết hẳn (SIGKILL): lần chạy sau dọn tệp tạm và tệp khóa còn sót, rồi ghi được', async () => {
    const out = path.join(dir, 'ket-qua.xlsx');
    const child = await writingRun(out);
    child.kill('SIGKILL');
    await ended(child);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^\.ket-qua\.xlsx\.\d+\.\w+\.tmp$/), 'ket-qua.xlsx.lock']);
    await writeSafely(out, async (handle) => void (await handle.write('trọn vẹn')));
    expect(readdirSync(dir)).toEqual(['ket-qua.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('trọn vẹn');
  });

  it('hai lần chạy cùng ghi một tệp: lần sau bị từ chối với lời báo, tệp của lần trước không bị đụng', async () => {
    const out = path.join(dir, 'ket-qua.xlsx');
    writeFileSync(out, 'bản cũ');
    const child = await writingRun(out);
    try {
      const error = await writeSafely(out, async (handle) => void (await handle.write('chen ngang'))).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isUserError(error)).toBe(true);
      expect((error as Error).message).toContain("Tệp 'ket-qua.xlsx' đang được một lần chạy dicoso khác ghi");
      expect(readFileSync(out, 'utf8')).toBe('bản cũ');
    } finally {
      child.kill('SIGTERM');
      await ended(child);
    }
    expect(readdirSync(dir)).toEqual(['ket-qua.xlsx']);
  });

  it('lệnh dicoso check gặp tệp kết quả đang bị khóa bởi lần chạy khác: mã 2, nói rõ, không ghi', () => {
    copyFileSync(path.join(ROOT, 'samples/tinh-doan-mau.xlsx'), path.join(dir, 'mau.xlsx'));
    // The lock of a run that is still going: this test's own process.
    writeFileSync(path.join(dir, 'kq.xlsx.lock'), String(process.pid));
    const run = spawnSync(process.execPath, [CLI, 'check', 'mau.xlsx', '--today', '2023-11-15', '--out', 'kq.xlsx'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Lỗi: Tệp 'kq.xlsx' đang được một lần chạy dicoso khác ghi");
    expect(existsSync(path.join(dir, 'kq.xlsx'))).toBe(false);
  });

  it('lỗi giữa lúc ghi: tệp cũ còn nguyên, tệp tạm bị xóa', async () => {
    const out = path.join(dir, 'ket-qua.xlsx');
    writeFileSync(out, 'bản cũ');
    await expect(
      writeSafely(out, async (handle) => {
        await handle.write('nửa chừng');
        throw new Error('hỏng giữa chừng');
      }),
    ).rejects.toThrow('hỏng giữa chừng');
    expect(readdirSync(dir)).toEqual(['ket-qua.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('bản cũ');
  });
});
