import { describe, expect, it } from 'vitest';
import { loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { layoutStickerSheets, leftOutNotices, noteLeftOut, stickerReminder, type StickerRow } from '../../src/products/sticker-sheet.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';

describe('a sticker that leaves something out says so', () => {
  it('names the part and the table lines: a third code on a 99 × 68 mm label costs the reminder steps', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
    const preset = loadSheetPreset('a4-2x4');
    const rows: StickerRow[] = [
      { line: 2, block: 'Tòa B', address: '14 Nơ Trang Long' },
      { line: 3, block: 'Tòa C', address: '16 Nơ Trang Long', url: 'https://zalo.me/g/abcdef123' },
    ];
    const { placed } = layoutStickerSheets({ profile: unit.profile, rows, preset, reminder: stickerReminder(unit.profile), dataFile: 't.csv' }, unit.m);
    expect(placed.map((p) => p.leftOut)).toEqual([[], ['steps']]);
    expect(leftOutNotices(noteLeftOut(placed, new Map()), preset)).toEqual([expect.stringMatching(/^1 tem không in các bước nhắc việc \(dòng 3\): nhãn 99 × 68 mm/)]);
  });

  it('shortens a long list of lines', () => {
    const placed = Array.from({ length: 12 }, (_, i) => ({ row: { line: i + 2, block: `Tòa ${i}` }, leftOut: ['address' as const] }));
    expect(leftOutNotices(noteLeftOut(placed, new Map()), loadSheetPreset('a4-2x4'))[0]).toContain('12 tem không in địa chỉ tòa nhà (dòng 2, 3, 4, 5, 6, 7, 8, 9 và 4 dòng khác)');
  });
});

describe('a batch of stickers', () => {
  it('lays each sticker out as it would be alone: what the batch keeps (codes, steps, bands) belongs to the sticker it was made for', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
    const preset = loadSheetPreset('a4-2x4');
    const reminder = stickerReminder(unit.profile);
    const rows: StickerRow[] = [
      { line: 2, block: 'Tòa nhà số 7 – Khu đô thị Ngọc Lan', address: '7 Nơ Trang Long, Phường 13' },
      { line: 3, block: 'Tòa C', address: '16 Nơ Trang Long', url: 'https://zalo.me/g/abcdef123' },
      { line: 4, block: 'Tòa D', url: 'https://zalo.me/g/abcdef123', urlLabel: 'Nhóm Zalo' },
      { line: 5, block: 'Tòa E', url: 'https://example.com/toa-e' },
      { line: 6, block: 'Chung cư Ngọc Lan – Tòa B2' },
      { line: 7, block: 'Tòa nhà số 137 – Khu đô thị Ngọc Lan', address: '137 Nơ Trang Long, Phường 13' },
    ];
    const layout = (rs: StickerRow[]) => layoutStickerSheets({ profile: unit.profile, rows: rs, preset, reminder, dataFile: 't.csv' }, unit.m).placed.map((p) => ({ items: p.single().items, levels: p.levels, leftOut: p.leftOut }));
    expect(layout(rows)).toEqual(rows.flatMap((row) => layout([row])));
  });
});
