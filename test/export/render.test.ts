import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportDocument, pageFileNames } from '../../src/export/render.js';
import type { LaidOutDocument } from '../../src/layout/display-list.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { pixelSize } from '../../src/paint/raster.js';

/** Two small pages, each a coloured square: enough to count files and pixels. */
const DOC: LaidOutDocument = {
  title: 'Thử',
  author: 'Thử',
  pages: [0, 1].map(() => ({ width: 72, height: 144, items: [{ type: 'rect' as const, x: 0, y: 0, width: 72, height: 144, fill: '#C8102E' as const }] })),
};

describe('file names of a document as pictures', () => {
  it.each([
    ['to-roi.png', 1, ['to-roi.png']],
    ['to-roi.png', 2, ['to-roi.png', 'to-roi-mat-sau.png']],
    ['ghep.webp', 4, ['ghep.webp', 'ghep-mat-sau.webp', 'ghep-trang-3.webp', 'ghep-trang-4.webp']],
    ['ket-qua/anh', 2, ['ket-qua/anh', 'ket-qua/anh-mat-sau']],
  ] as const)('%s, %i page(s)', (name, pages, names) => {
    expect(pageFileNames(name, pages)).toEqual(names);
  });
});

describe('a document as the files a user gets', () => {
  const fonts = loadFonts();

  it('one PDF holding every page', async () => {
    const files = await exportDocument(DOC, fonts, 'a.pdf', { format: 'pdf', dpi: 72 });
    expect(files.map((f) => f.name)).toEqual(['a.pdf']);
    expect(files[0]!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(files[0]!.bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it('one picture a page, at the size its dpi gives', async () => {
    expect(pixelSize(DOC.pages[0]!, 150)).toEqual({ width: 150, height: 300 });
    const files = await exportDocument(DOC, fonts, 'a.jpg', { format: 'jpg', dpi: 150 });
    expect(files.map((f) => f.name)).toEqual(['a.jpg', 'a-mat-sau.jpg']);
    for (const f of files) expect(await sharp(f.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 150, height: 300 });
  });
});
