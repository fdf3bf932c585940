import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readDataTable } from '../../src/content/data-table.js';
import { findGuide, renderGuide } from '../../src/content/guides.js';
import { parseProfile } from '../../src/content/profile.js';
import { UserError } from '../../src/errors.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { tempDir } from '../helpers/cli.js';
import { textOutside } from '../helpers/ink.js';

const fonts = loadFonts();
const m = createMeasurer(fonts);
const checks = { missingGlyphs: fonts.missingGlyphs };

/** Anything a person might paste: any code point, Vietnamese with its marks, odd spaces. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.stringMatching(/^[A-Za-zÀ-ỹĐđ0-9 ,.–\-()\u00A0\u200B\u0300-\u0323]{0,140}$/),
);

const letters = [...'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ'];
const chars = [...letters, ...letters.map((l) => l.toLocaleUpperCase('vi')), ...'bcdghklmnpqrstvx0123456789 ,.–()'];
/** Vietnamese the font draws, of any length the profile allows. */
const drawable = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 119 }).filter((t) => t.trim().length > 0);
/** Mostly drawable, sometimes anything: so both outcomes occur. */
const field = fc.oneof({ weight: 6, arbitrary: drawable }, { weight: 1, arbitrary: anyText });

/** The outcome a user may see: a document, or a clean message (exit 2). Anything else is a bug. */
function expectDocumentOrUserError(run: () => { pages: { width: number; height: number; items: unknown[] }[] } | undefined): 'document' | 'error' {
  try {
    const doc = run();
    for (const page of doc?.pages ?? []) expect(textOutside(page as never, 0, 0, page.width, page.height)).toEqual([]);
    return 'document';
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) expect(p.message.length).toBeGreaterThan(0);
    return 'error';
  }
}

describe('any text in any profile field', () => {
  it('gives a leaflet with all text on the page, or a clean error', () => {
    const guide = findGuide('kich-hoat');
    const outcomes = { document: 0, error: 0 };
    fc.assert(
      fc.property(field, field, field, field, field, field, (name, parent, contact, title, venue, address) => {
        const source = stringify({ unit: { name, parent }, contact: { name: contact, title, phone: '0907028318' }, venues: [{ name: venue, address, hours: address }] });
        const outcome = expectDocumentOrUserError(() => {
          const profile = parseProfile(source, 'don-vi.yaml', checks);
          return layoutLeaflet({ profile, guide: renderGuide(guide, profile), paper: 'a5' }, m).doc;
        });
        outcomes[outcome]++;
      }),
      { numRuns: 60 },
    );
    // The property must have exercised both paths, or it proves little.
    expect(outcomes.document).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
  });

  it('drawable Vietnamese of any length always lays out, or fails only for lack of room', () => {
    const guide = findGuide('muc-2');
    fc.assert(
      fc.property(drawable, drawable, drawable, (name, venue, address) => {
        const source = stringify({ unit: { name }, venues: [{ name: venue, address }] });
        try {
          const profile = parseProfile(source, 'don-vi.yaml', checks);
          const { doc } = layoutLeaflet({ profile, guide: renderGuide(guide, profile), paper: 'a5' }, m);
          for (const page of doc.pages) expect(textOutside(page, 0, 0, page.width, page.height)).toEqual([]);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          expect(err.problems[0]!.message).toMatch(/quá dài|không vừa/);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('any YAML text at all gives a profile or a clean error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (source) => {
        try {
          parseProfile(source, 'don-vi.yaml', checks);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });
});

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
