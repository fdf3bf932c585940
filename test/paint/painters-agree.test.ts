import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGuide, renderGuide } from '../../src/content/guides.js';
import { renderDocument } from '../../src/export/render.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { example, tempDir } from '../helpers/cli.js';

const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;
if (!hasPdftoppm) console.warn('⚠ pdftoppm (poppler-utils) is not installed: the PDF-versus-PNG comparison is skipped');

/** Greyscale pixels, slightly blurred: poppler and librsvg anti-alias edges differently. */
async function grey(image: Buffer, width: number, height: number): Promise<Buffer> {
  return sharp(image).flatten({ background: '#FFFFFF' }).resize(width, height, { fit: 'fill' }).greyscale().blur(1.5).raw().toBuffer();
}

describe.skipIf(!hasPdftoppm)('one display list, two painters', () => {
  let unit: UnitContext;
  beforeAll(async () => {
    unit = await loadUnit(example('truong-thcs-tan-trung.yaml'));
  });

  it.each(['kich-hoat', 'muc-2'])('the PNG of %s looks like the PDF printed at the same resolution', async (guide) => {
    const dir = tempDir();
    const { doc } = layoutLeaflet({ profile: unit.profile, guide: renderGuide(findGuide(guide), unit.profile), paper: 'a5', logo: unit.logo }, unit.m);
    const [pdf] = await renderDocument(doc, unit.fonts, { format: 'pdf', dpi: 100 });
    const [ours] = await renderDocument(doc, unit.fonts, { format: 'png', dpi: 100 });
    writeFileSync(join(dir, 'a.pdf'), pdf!);
    // The front page, as poppler prints it.
    spawnSync('pdftoppm', ['-r', '100', '-png', '-singlefile', join(dir, 'a.pdf'), join(dir, 'poppler')]);
    const { width, height } = await sharp(ours!).metadata();
    const a = await grey(ours!, width!, height!);
    const b = await grey(readFileSync(join(dir, 'poppler.png')), width!, height!);
    let differing = 0;
    let total = 0;
    const w = width!;
    for (let i = 0; i < a.length; i++) {
      // The two rasterisers may put a baseline on neighbouring pixel rows: compare with the
      // best of the rows above, at and below, so only a real difference counts.
      const d = Math.min(Math.abs(a[i]! - (b[i - w] ?? 255)), Math.abs(a[i]! - b[i]!), Math.abs(a[i]! - (b[i + w] ?? 255)));
      total += d;
      if (d > 48) differing++;
    }
    // Measured: no pixel over 48 levels, mean 1.5 levels. A moved line or a missing word is far more.
    expect(differing / a.length).toBeLessThan(0.001);
    expect(total / a.length).toBeLessThan(4);
  });
});
