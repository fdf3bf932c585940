import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGuide, renderGuide } from '../../dist/content/guides.js';
import { openPdfPool } from '../../dist/paint/pdf-pool.js';
import { paintPdf } from '../../dist/paint/pdf.js';
import { layoutHandout } from '../../dist/products/handout.js';
import { loadUnit } from '../../dist/products/unit-context.js';
import { ROOT } from '../helpers/cli.js';

describe('PDFs drawn on other cores', () => {
  it('give the bytes paintPdf gives here, whichever worker draws them and in whatever order they finish (class handouts with the school logo)', async () => {
    const unit = await loadUnit(join(ROOT, 'examples/truong-thcs-tan-trung.yaml'));
    const options = { profile: unit.profile, logo: unit.logo, guide: renderGuide(findGuide('kich-hoat'), unit.profile), palette: 'color' as const, twoUp: false };
    const docs = Array.from({ length: 6 }, (_, i) => ({
      title: `Lớp 6A${i + 1}`,
      author: unit.profile.unit.name,
      pages: layoutHandout({ name: `6A${i + 1}`, teacher: 'Cô Nguyễn Thị Hoa', phone: '0907 028 318', zalo: `https://zalo.me/g/lop6a${i + 1}`, line: i + 2, dataFile: 'x.csv' }, options, unit.m),
    }));
    const date = new Date('2026-11-28T00:00:00Z');
    const pool = openPdfPool(2);
    try {
      const drawn: Promise<Buffer>[] = [];
      for (const doc of docs) {
        await pool.room();
        drawn.push(pool.paint(doc, { date }));
      }
      const there = await Promise.all(drawn);
      for (const [i, doc] of docs.entries()) expect(there[i]!.equals(await paintPdf(doc, unit.fonts, { date })), doc.title).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
