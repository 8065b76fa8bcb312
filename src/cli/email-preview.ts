import { UserError } from '../core/user-error';
import type { CommonFlags } from './args';

/** Filled in by the email issue: writes the quarterly emails as HTML files. */
export async function emailPreview(_file: string, _flags: CommonFlags, _now: Date): Promise<string[]> {
  throw new UserError('Lệnh email-preview chưa có trong phiên bản này.');
}
