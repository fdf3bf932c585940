import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openPdf } from '../../dist/paint/pdf.js';
import { openPdfOnThread } from '../../dist/paint/pdf-thread.js';
import { stickerReminder, stickerSheets } from '../../dist/products/sticker-sheet.js';
import { loadSheetPreset } from '../../dist/layout/sheet-preset.js';
import { loadUnit } from '../../dist/products/unit-context.js';
import { ROOT } from '../helpers/cli.js';

const meta = { title: 'Tem mã QR', author: 'Phường Bình Thạnh' };
const options = { date: new Date('2026-11-28T00:00:00Z'), links: false };

async function sheets() {
  const unit = await loadUnit(join(ROOT, 'examples/phuong-binh-thanh.yaml'));
  const rows = Array.from({ length: 20 }, (_, i) => ({ line: i + 2, block: `Tòa nhà số ${i + 1} – Khu Ngọc Lan`, address: `${i + 1} Nơ Trang Long` }));
  const input = { profile: unit.profile, rows, preset: loadSheetPreset('a4-2x4'), reminder: stickerReminder(unit.profile), dataFile: 'toa-nha.csv' };
  return { unit, pages: [...stickerSheets(input, unit.m)].map((s) => s.page) };
}

describe('a PDF drawn on another thread, page by page', () => {
  it('is the bytes openPdf writes here, in order, with a page or a few in flight', async () => {
    const { unit, pages } = await sheets();
    const here: Buffer[] = [];
    const local = openPdf(meta, unit.fonts, options, (c) => here.push(c));
    for (const page of pages) local.addPage(page);
    await local.end();

    const there: Buffer[] = [];
    const remote = openPdfOnThread(meta, options, (c) => there.push(c));
    for (const page of pages) {
      remote.addPage(page);
      await remote.room();
    }
    await remote.end();
    expect(Buffer.concat(there).equals(Buffer.concat(here))).toBe(true);
  });

  it('says what went wrong there, and can be abandoned halfway without keeping the process alive', async () => {
    const { pages } = await sheets();
    const broken = openPdfOnThread(meta, options, () => {});
    broken.addPage({ ...pages[0]!, items: [{ type: 'text', text: 'x', font: 'no-such-face', size: 10, x: 0, y: 0 } as never] });
    await expect(broken.end()).rejects.toThrow();

    const abandoned = openPdfOnThread(meta, options, () => {});
    abandoned.addPage(pages[0]!);
    await abandoned.abort();
    expect(() => abandoned.addPage(pages[1]!)).toThrow();
  });
});
