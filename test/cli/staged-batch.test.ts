import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStaged } from '../../src/cli/staged-batch.js';
import { tempDir } from '../helpers/cli.js';

describe('a batch run into --out by the command line', () => {
  it('moves every file into place at the end and says where', async () => {
    const out = join(tempDir(), 'ket-qua');
    const { result, paths } = await runStaged(out, ['a.pdf', 'png/b.png'], undefined, async (sink) => {
      await sink.write('png/b.png', 'b');
      const a = await sink.stream('a.pdf');
      a.write(Buffer.from('a'));
      await a.close();
      return 7;
    });
    expect(result).toBe(7);
    expect(paths).toEqual([join(out, 'a.pdf'), join(out, 'png/b.png')]);
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('a');
  });

  it('leaves --out as it was when the batch fails or is stopped half-way', async () => {
    const dir = tempDir();
    const out = join(dir, 'ket-qua');
    const stop = new Error('dừng');
    const run = runStaged(out, ['a.pdf', 'b.pdf'], undefined, async (sink, hooks) => {
      await sink.write('a.pdf', 'a');
      hooks.checkStop?.(1, 2, 'tệp');
      throw stop;
    });
    await expect(run).rejects.toBe(stop);
    expect(readdirSync(dir)).toEqual([]);
  });
});
