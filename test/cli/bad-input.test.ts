import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, filesIn, runCli, tempDir } from '../helpers/cli.js';
import { craftZip } from '../helpers/zip-bomb.js';

/**
 * Real runs of the bin for bad input: exit code 2, the message, "Chưa tạo tệp
 * nào." and nothing written, and no read that hangs (a FIFO, a device). The
 * messages themselves, case by case, are checked in process in corpus.test.ts.
 */
const UNIT = example('phuong-binh-thanh.yaml');
const GOOD = readFileSync(UNIT, 'utf8');
/** A hanging read would stop here instead of the test run. */
const AT_ONCE = 20_000;

function expectRefused(r: ReturnType<typeof runCli>, dir: string, before: string[], ...says: string[]) {
  expect(r.code, r.stderr).toBe(2);
  for (const s of says) expect(r.stderr).toContain(s);
  expect(r.stderr).toContain('Chưa tạo tệp nào.');
  expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
  expect(r.stdout).toBe('');
  expect(filesIn(dir).sort()).toEqual(before.sort());
}

describe('bad input on the command line: exit 2, what to do, and no file written', () => {
  it('a wrong phone in the profile', () => {
    const dir = tempDir();
    const unit = join(dir, 'don-vi.yaml');
    writeFileSync(unit, GOOD.replace('phone: "0907028318"', 'phone: "0123"'));
    const r = runCli(['leaflet', '--unit', unit, '--guide', 'kich-hoat', '--out', join(dir, 'OUT', 'to-roi.pdf')]);
    expectRefused(r, dir, ['don-vi.yaml'], `tệp ${unit}, dòng 10, mục contact.phone`, 'không phải số điện thoại Việt Nam');
  });

  it.each([
    { input: '--unit', make: (dir: string) => ['leaflet', '--unit', join(dir, 'f.yaml'), '--guide', 'muc-1', '--out', join(dir, 'o.pdf')], fifo: 'f.yaml', says: 'tệp hồ sơ là một ống dẫn (FIFO)' },
    { input: '--data', make: (dir: string) => ['stickers', '--unit', UNIT, '--data', join(dir, 'f.csv'), '--out', join(dir, 'o')], fifo: 'f.csv', says: 'tệp dữ liệu là một ống dẫn (FIFO)' },
    { input: '--sheet', make: (dir: string) => ['stickers', '--unit', UNIT, '--data', example('toa-nha-phuong-13.csv'), '--sheet', join(dir, 'f.json'), '--out', join(dir, 'o')], fifo: 'f.json', says: 'tệp khổ giấy là một ống dẫn (FIFO)' },
    {
      input: 'unit.logo',
      make: (dir: string) => {
        writeFileSync(join(dir, 'don-vi.yaml'), GOOD.replace('  parent:', '  logo: f.png\n  parent:'));
        return ['leaflet', '--unit', join(dir, 'don-vi.yaml'), '--guide', 'muc-1', '--out', join(dir, 'o.pdf')];
      },
      fifo: 'f.png',
      says: 'là một ống dẫn (FIFO)',
    },
  ])('a FIFO as $input ends at once', ({ make, fifo, says }) => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, fifo)]);
    const args = make(dir);
    const before = filesIn(dir);
    expectRefused(runCli(args, { timeoutMs: AT_ONCE }), dir, before, says);
  });

  it.each([
    { input: '--unit', make: (dir: string) => ['validate', '--unit', join(dir, 'z.yaml')], link: 'z.yaml', says: 'tệp hồ sơ là một thiết bị' },
    { input: '--data', make: (dir: string) => ['handout', '--unit', UNIT, '--data', join(dir, 'z.csv'), '--out', join(dir, 'o')], link: 'z.csv', says: 'tệp dữ liệu là một thiết bị' },
  ])('/dev/zero as $input ends at once', ({ make, link, says }) => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, link));
    const before = filesIn(dir);
    expectRefused(runCli(make(dir), { timeoutMs: AT_ONCE }), dir, before, says);
  });

  it('an .xlsx zip bomb as --data', async () => {
    const dir = tempDir();
    const data = join(dir, 'toa-nha.xlsx');
    writeFileSync(data, await craftZip([{ name: 'xl/worksheets/sheet1.xml', chunk: Buffer.alloc(1 << 20, 0x20), times: 200 }]));
    const r = runCli(['stickers', '--unit', UNIT, '--data', data, '--out', join(dir, 'tem')], { timeoutMs: AT_ONCE });
    expectRefused(r, dir, ['toa-nha.xlsx'], `tệp ${data}`, 'giải nén ra nặng 200 MB, quá mức 50 MB');
  });
});
