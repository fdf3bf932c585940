import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataTable } from '../../src/content/data-table.js';
import { UserError } from '../../src/errors.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { tempDir } from '../helpers/cli.js';

const fonts = loadFonts();

/** Anything a person might paste: any code point, Vietnamese with its marks, odd spaces. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.stringMatching(/^[A-Za-zÀ-ỹĐđ0-9 ,.–\-()\u00A0\u200B\u0300-\u0323]{0,140}$/),
);

describe('any CSV shape', () => {
  it('gives rows or a clean error naming the file', async () => {
    const dir = tempDir();
    let n = 0;
    // Each cell with whether to quote it even when it need not be: drawn by fast-check, so a failure replays.
    const cell = fc.tuple(fc.oneof(anyText, fc.constantFrom('', '"', '""', ',', ';', '\n', '\r\n', 'Tòa "A", tầng 2')), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), async (rows, delimiter, bom) => {
        const quote = ([v, always]: [string, boolean]) => (/[",;\t\r\n]/.test(v) || always ? `"${v.replace(/"/g, '""')}"` : v);
        const header: [string, boolean][] = [['block', false], ['address', false], ['url', false]];
        const body = [header, ...rows].map((r) => r.map(quote).join(delimiter)).join('\r\n');
        const file = join(dir, `d${n++}.csv`);
        writeFileSync(file, (bom ? '\uFEFF' : '') + body);
        try {
          const table = await readDataTable(file, { required: ['block'], optional: ['address', 'url'], links: ['url'], missingGlyphs: fonts.missingGlyphs });
          for (const r of table.rows) expect(r.values.block).toBeTruthy();
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          expect(err.problems.every((p) => p.file === file)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
