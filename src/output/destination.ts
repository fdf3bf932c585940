import type { Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { diskError } from './disk-errors.js';

// Checks made before anything is drawn, so that a run stops on a bad destination
// before it has spent time or written a byte.

/** The destination of a command that makes one file: a file name we may replace, in a folder we can make. */
export async function checkOutFile(path: string): Promise<void> {
  if (!path) throw new UserError({ field: 'out', message: 'chưa ghi tên tệp kết quả', hint: 'ghi tên tệp kết quả, ví dụ to-roi.pdf' });
  if (path.endsWith('/') || path.endsWith(sep)) {
    throw new UserError({ file: path, field: 'out', message: 'đây là tên một thư mục (có dấu / ở cuối), không phải tên tệp', hint: `ghi cả tên tệp, ví dụ ${path}to-roi.pdf` });
  }
  const problem = replaceable(path, await lstatOrNone(path));
  if (problem) throw new UserError({ ...problem, hint: 'ghi tên một tệp mới, ví dụ to-roi.pdf' });
  await checkAncestors(path);
}

/** The destination of a batch: a folder, or a name where one can be made. */
export async function checkOutFolder(dir: string): Promise<void> {
  if (!dir) throw new UserError({ field: 'out', message: 'chưa ghi tên thư mục kết quả', hint: 'ghi tên thư mục kết quả, ví dụ ket-qua' });
  const info = await statOrNone(dir);
  if (info && !info.isDirectory()) throw notAFolder(dir);
  if (!info) await checkAncestors(dir);
}

/**
 * Every file a batch will write into `out` (names relative to it) can be
 * replaced: none is a folder or a link, and no folder on the way is a link (a
 * link would send the files elsewhere). All problems are listed at once.
 */
export async function checkDestinations(out: string, names: readonly string[]): Promise<void> {
  const seen = new Map<string, Promise<Problem | undefined>>();
  const check = (path: string, folder: boolean) => {
    if (!seen.has(path)) seen.set(path, lstatOrNone(path).then((info) => (folder ? folderProblem(path, info) : replaceable(path, info))));
    return seen.get(path)!;
  };
  const problems = await Promise.all(
    names.flatMap((name) => {
      const parts = name.split('/');
      return parts.map((_, i) => check(join(out, ...parts.slice(0, i + 1)), i < parts.length - 1));
    }),
  );
  const found = [...new Set(problems.filter((p): p is Problem => !!p))];
  if (found.length) throw new UserError(found.map((p) => ({ ...p, hint: 'xoá hoặc đổi tên nó, hoặc chọn thư mục kết quả khác' })));
}

function replaceable(path: string, info: Stats | undefined): Problem | undefined {
  if (!info || info.isFile()) return undefined;
  const message = info.isSymbolicLink()
    ? 'đây là một liên kết (symlink) trỏ tới chỗ khác, không ghi đè lên nó'
    : info.isDirectory()
      ? 'đây là một thư mục, không phải tên tệp'
      : 'chỗ này không phải tệp thường, không ghi đè được';
  return { file: path, field: 'out', message };
}

function folderProblem(path: string, info: Stats | undefined): Problem | undefined {
  if (!info || (info.isDirectory() && !info.isSymbolicLink())) return undefined;
  return { file: path, field: 'out', message: info.isSymbolicLink() ? 'thư mục này là một liên kết (symlink) trỏ tới chỗ khác, không ghi vào đó' : 'đây là một tệp, nhưng cần một thư mục ở chỗ này' };
}

/** The nearest folder that exists on the way to `path` must be a folder, not a file. */
async function checkAncestors(path: string): Promise<void> {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const info = await statOrNone(dir);
    if (info) {
      if (!info.isDirectory()) throw notAFolder(dir);
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

function notAFolder(path: string): UserError {
  return new UserError({ file: path, field: 'out', message: 'đây là một tệp, không phải thư mục', hint: 'chọn một thư mục (mới hoặc có sẵn) để ghi kết quả, hoặc đổi tên tệp đang trùng tên' });
}

const lstatOrNone = (path: string) => lstat(path).catch(absent(path));
const statOrNone = (path: string) => stat(path).catch(absent(path));

/** Not there yet (or behind a file, which checkAncestors names): fine. Anything else is said. */
function absent(path: string) {
  return (err: NodeJS.ErrnoException): undefined => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw diskError(err, path);
  };
}
