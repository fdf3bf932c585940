import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/cli/report.js';
import { stageOutput } from '../../src/output/staged-output.js';
import { tempDir } from '../helpers/cli.js';

// A disk that fills up between two renames, which no check beforehand can foresee.
const renameFails = vi.hoisted(() => ({ after: Infinity }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return { ...fs, rename: (from: string, to: string) => (renameFails.after-- > 0 ? fs.rename(from, to) : Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }))) };
});

describe('a batch moved into place', () => {
  it('all at once; or, when the disk fails half-way, says exactly which files exist and which do not', async () => {
    const out = join(tempDir(), 'ket-qua');
    const names = ['a.pdf', 'png/b.png', 'c.csv'];
    const whole = await stageOutput(out, names);
    for (const n of names) await whole.write(n, n);
    expect(await whole.commit()).toEqual(names.map((n) => join(out, n)));
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(['a.pdf', 'c.csv', 'png', 'png/b.png']);

    const half = await stageOutput(out, names);
    for (const n of names) await half.write(n, `${n} mới`);
    renameFails.after = 1;
    const err = await half.commit().catch((e: unknown) => e);
    renameFails.after = Infinity;
    const said: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => said.push(String(text)) > 0);
    expect(reportError(err)).toBe(2);
    vi.mocked(process.stderr.write).mockRestore();
    expect(said.join('')).toBe(
      `Lỗi:\n• tệp ${join(out, 'png/b.png')}, mục --out: ổ đĩa đầy, không ghi hết được tệp\n  → xoá bớt tệp không cần trên ổ đĩa đó, hoặc ghi kết quả vào ổ khác, rồi chạy lại lệnh\n` +
        `Chỉ ghi xong 1 tệp (trọn vẹn, của lần chạy này):\n  ${join(out, 'a.pdf')}\nChưa ghi được 2 tệp:\n  ${join(out, 'png/b.png')}\n  ${join(out, 'c.csv')}\n`,
    );
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('a.pdf mới');
    expect(readFileSync(join(out, 'c.csv'), 'utf8')).toBe('c.csv'); // the last run's, whole
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
