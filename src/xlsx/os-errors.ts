import { statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/user-error';

/**
 * Errors the operating system raises on files and folders (Node's `code`: ENOENT, EACCES, ENOSPC, …), told to the
 * person in Vietnamese: which path, what went wrong, what to do. They are never bugs of the program (exit code 2).
 */

/** What the command was doing with the path when the system refused ('access': not known, e.g. a late safety net). */
export type FileAction = 'read' | 'write' | 'make-folder' | 'access';

/** A file or folder operation the system refused; `message` is Vietnamese. */
export class FileSystemError extends UserError {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** An error raised by a system call (it has an errno code such as 'ENOENT'), as opposed to a bug. */
export function isOsError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!);
}

const LEAD: Record<FileAction, (target: string) => string> = {
  read: (target) => `Không đọc được tệp '${target}'`,
  write: (target) => `Không ghi được tệp '${target}'`,
  'make-folder': (target) => `Không tạo được thư mục '${target}'`,
  access: (target) => `Không đọc hay ghi được '${target}'`,
};

const folderOf = (target: string) => path.dirname(target);

/** The reason and what to do, per errno code; `target` is the path as the person gave it. */
const REASONS: Record<string, (target: string, action: FileAction) => string> = {
  ENOENT: (target, action) =>
    action === 'access'
      ? 'không tìm thấy đường dẫn này. Hãy kiểm tra lại tên tệp và thư mục.'
      : `thư mục '${folderOf(target)}' không có. Hãy tạo thư mục đó hoặc chọn chỗ khác.`,
  EACCES: (target, action) => {
    if (action === 'read') return 'không có quyền đọc tệp này. Hãy chép tệp vào thư mục của anh/chị hoặc xin quyền đọc, rồi chạy lại.';
    if (action === 'write' && exists(target)) {
      return 'không có quyền ghi đè tệp này (tệp chỉ cho đọc, hoặc đang mở ở chương trình khác). Hãy đóng tệp hoặc chọn tên khác.';
    }
    return `không có quyền ghi vào thư mục '${existingFolderOf(target)}'. Hãy chọn thư mục khác, ví dụ thư mục của anh/chị, hoặc xin quyền ghi.`;
  },
  EROFS: () => 'ổ đĩa hoặc thư mục này chỉ cho đọc (ví dụ đĩa CD, thẻ nhớ đã khóa ghi). Hãy ghi ra thư mục khác.',
  ENOSPC: () => 'ổ đĩa đã đầy. Hãy xóa bớt tệp hoặc ghi ra ổ đĩa khác, rồi chạy lại.',
  EDQUOT: () => 'đã hết dung lượng được cấp cho tài khoản trên ổ đĩa này. Hãy xóa bớt tệp hoặc ghi ra ổ đĩa khác, rồi chạy lại.',
  EFBIG: () => 'tệp lớn hơn cỡ tệp mà ổ đĩa hoặc hệ thống cho phép. Hãy ghi ra ổ đĩa khác.',
  ENOTDIR: (target) => {
    const file = fileInPath(target);
    return `${file ? `'${file}'` : 'một phần của đường dẫn'} là một tệp, không phải thư mục. Hãy chọn đường dẫn khác.`;
  },
  EISDIR: (target, action) =>
    action === 'read'
      ? 'đây là một thư mục, không phải tệp Excel (.xlsx). Hãy ghi cả tên tệp, ví dụ thư-mục/bang-tinh.xlsx.'
      : `'${target}' là một thư mục. Hãy ghi cả tên tệp, ví dụ '${path.join(target, 'ket-qua.xlsx')}'.`,
  EEXIST: (target, action) => (action === 'make-folder' ? 'đã có một tệp cùng tên ở đó. Hãy chọn tên thư mục khác.' : 'tệp đã có. Hãy chọn tên khác.'),
  EBUSY: () => 'tệp đang được mở ở chương trình khác (Excel?). Hãy đóng tệp rồi chạy lại.',
  ETXTBSY: () => 'tệp đang được chương trình khác dùng. Hãy đóng chương trình đó rồi chạy lại.',
  EMFILE: () => 'máy đang mở quá nhiều tệp. Hãy đóng bớt chương trình rồi chạy lại.',
  ENFILE: () => 'máy đang mở quá nhiều tệp. Hãy đóng bớt chương trình rồi chạy lại.',
  ENAMETOOLONG: () => 'tên hoặc đường dẫn quá dài. Hãy chọn tên ngắn hơn, hoặc thư mục gần gốc ổ đĩa hơn.',
  ELOOP: () => 'đường dẫn có liên kết tắt (symlink) trỏ vòng quanh. Hãy kiểm tra lại đường dẫn.',
  EIO: () => 'lỗi đọc/ghi ổ đĩa (ổ hỏng, bị rút ra hoặc mất kết nối mạng). Hãy kiểm tra ổ đĩa rồi chạy lại.',
  EINVAL: () => 'tên tệp có ký tự không được phép (Windows không nhận < > : " | ? *). Hãy đổi tên.',
};
REASONS.EPERM = REASONS.EACCES!;

/** The Vietnamese message for a refused file operation. */
export function osErrorMessage(code: string, target: string, action: FileAction): string {
  if (code === 'ENOENT' && action === 'read') return `Không tìm thấy tệp '${target}'. Hãy kiểm tra lại tên và thư mục của tệp.`;
  const reason = REASONS[code];
  return `${LEAD[action](target)}: ${reason ? reason(target, action) : `hệ thống báo lỗi ${code}. Hãy kiểm tra đường dẫn và ổ đĩa rồi chạy lại.`}`;
}

/** `error` as a FileSystemError when the system raised it; anything else (a bug) is returned unchanged. */
export function fileSystemError(error: unknown, target: string, action: FileAction): unknown {
  if (!isOsError(error)) return error;
  return new FileSystemError(osErrorMessage(error.code, target, action), target, error.code, error);
}

/** Runs a synchronous file operation; a refusal by the system becomes a FileSystemError naming `target`. */
export function onFile<T>(target: string, action: FileAction, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw fileSystemError(error, target, action);
  }
}

function exists(target: string): boolean {
  try {
    statSync(target);
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder above `target` that exists: where a new file or folder would have gone. */
function existingFolderOf(target: string): string {
  let dir = folderOf(target);
  while (!exists(dir) && folderOf(dir) !== dir) dir = folderOf(dir);
  return dir;
}

/** The part of `target`'s folders that exists as a file (ENOTDIR: "out.xlsx/ket-qua.xlsx" names "out.xlsx"). */
function fileInPath(target: string): string | null {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) return dir;
    } catch {
      // Not there (yet): look further up.
    }
    if (path.dirname(dir) === dir) return null;
  }
}
