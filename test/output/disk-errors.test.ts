import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { diskError } from '../../src/output/disk-errors.js';

const errno = (code: string) => Object.assign(new Error(`${code}: raw English`), { code });

describe('write errors in the user’s words', () => {
  it.each([
    ['ENOSPC', 'ổ đĩa đầy'],
    ['EDQUOT', 'ổ đĩa đầy'],
    ['EROFS', 'ổ đĩa này chỉ đọc'],
    ['EACCES', 'không có quyền ghi'],
    ['EPERM', 'không có quyền ghi'],
    ['ENAMETOOLONG', 'tên tệp quá dài'],
    ['ENOTDIR', 'một tệp trùng tên với thư mục'],
    ['EBUSY', 'chương trình khác mở'],
    ['EIO', 'ổ đĩa báo lỗi'],
  ])('%s: a problem with the file, --out and what to do', (code, says) => {
    const err = diskError(errno(code), 'ket-qua/to-roi.pdf');
    expect(err).toBeInstanceOf(UserError);
    const [p] = (err as UserError).problems;
    expect(p).toMatchObject({ file: 'ket-qua/to-roi.pdf', field: 'out', hint: expect.any(String) });
    expect(p!.message).toContain(says);
  });

  it('anything else is ours to fix: passed on as it is (exit 1)', () => {
    const err = errno('EMFILE');
    expect(diskError(err, 'a.pdf')).toBe(err);
    expect(diskError(new TypeError('x'), 'a.pdf')).toBeInstanceOf(TypeError);
  });
});
