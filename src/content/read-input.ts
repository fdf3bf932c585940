import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { quoteForMessage, UserError } from '../errors.js';

export interface InputFile {
  /** What the file is, as the clerk knows it: "tệp hồ sơ", "tệp dữ liệu". */
  what: string;
  /** Which input this is, as a neutral key (unitFile, dataFile) or a profile field (unit.logo); front ends word it. */
  field: string;
  maxBytes: number;
  /** What to do when the file is too large. */
  tooBigHint: string;
  /** What to do when there is no such file; by default, check the path after `field`. */
  notFoundHint?: string;
  /** The file that names this one (a logo is named in the profile); problems are reported there. */
  namedIn?: string;
}

const CHUNK = 64 * 1024;

/**
 * Reads a file the user named, refusing anything that is not a regular file
 * (a folder, a FIFO, /dev/zero) before a byte is read, and never reading more
 * than maxBytes + 1 bytes, so no input can hang the run or fill the memory.
 */
export function readInputFile(path: string, o: InputFile): Buffer {
  const shown = o.namedIn ? `${o.what} ${quoteForMessage(path)}` : o.what;
  const fail = (message: string, hint: string) => new UserError({ file: o.namedIn ?? path, field: o.field, message, hint });
  const tooBig = (size: string) => fail(`${shown} nặng ${size}, quá mức ${formatBytes(o.maxBytes)}`, o.tooBigHint);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO that nobody writes to would otherwise wait forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw openProblem((err as NodeJS.ErrnoException).code, shown, o, fail);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw fail(`${shown} là ${kindOf(info)}, không phải một tệp`, o.notFoundHint ?? 'chọn đúng một tệp (không phải thư mục hay thiết bị)');
    if (info.size > o.maxBytes) throw tooBig(formatBytes(info.size));
    // The size on disk can be 0 (files under /proc) or grow while reading: count what arrives.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > o.maxBytes) throw tooBig(`hơn ${formatBytes(o.maxBytes)}`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function openProblem(code: string | undefined, shown: string, o: InputFile, fail: (message: string, hint: string) => UserError): UserError {
  const where = o.notFoundHint ?? 'kiểm tra lại tên và đường dẫn tệp';
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail(`không tìm thấy ${shown}`, where);
  if (code === 'EISDIR') return fail(`${shown} là một thư mục, không phải một tệp`, where);
  if (code === 'EACCES' || code === 'EPERM') return fail(`không có quyền đọc ${shown}`, 'chép tệp vào thư mục của bạn rồi dùng bản chép');
  return fail(`không mở được ${shown} (${code ?? 'lỗi không rõ'})`, where);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'một thư mục';
  if (info.isFIFO()) return 'một ống dẫn (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'một thiết bị';
  if (info.isSocket()) return 'một socket';
  return 'một mục đặc biệt';
}

/**
 * 165888 → "162 KB", 1.2e9 → "1,2 GB", written the Vietnamese way. Sizes are
 * rounded up, so a file over a limit never reads as equal to it.
 */
export function formatBytes(n: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = unit > 0 && value < 10 ? Math.ceil(value * 10) / 10 : Math.ceil(value);
  return `${String(rounded).replace('.', ',')} ${units[unit]}`;
}
