import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MM } from '../../src/layout/page-sizes.js';
import { labelSlots, listSheetPresets, loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { tempDir } from '../helpers/cli.js';
import { refusal } from '../helpers/refusal.js';

/**
 * Label papers are data (assets/sheets/*.json, in mm). What a wrong file says,
 * case by case, is in test/cli/corpus.test.ts.
 */
const A4 = { width: 210 * MM, height: 297 * MM };
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('label papers shipped', () => {
  it('are the five there are, in order', () => {
    expect(listSheetPresets()).toEqual(['a4-2x4', 'a4-3x8', 'a4-4xa6', 'a5', 'a6']);
  });

  it('a4-2x4: 8 labels of 99.1 × 67.7 mm on A4, read from mm into points', () => {
    const p = loadSheetPreset('a4-2x4');
    expect(p).toMatchObject({ name: 'a4-2x4', columns: 2, rows: 4, marks: 'none' });
    expect(close(p.paper.width, A4.width) && close(p.paper.height, A4.height)).toBe(true);
    expect(close(p.label.width, 99.1 * MM) && close(p.label.height, 67.7 * MM)).toBe(true);
    expect(close(p.origin.left, 4.65 * MM) && close(p.origin.top, 13.1 * MM) && close(p.gap.x, 2.5 * MM) && p.gap.y === 0).toBe(true);
  });

  it.each(['a4-2x4', 'a4-3x8', 'a4-4xa6', 'a5', 'a6'])('%s: every label lies on the paper, none over another', (name) => {
    const p = loadSheetPreset(name);
    const slots = labelSlots(p);
    expect(slots).toHaveLength(p.columns * p.rows);
    for (const s of slots) {
      expect(s.x).toBeGreaterThanOrEqual(-1e-9);
      expect(s.y).toBeGreaterThanOrEqual(-1e-9);
      expect(s.x + p.label.width).toBeLessThanOrEqual(p.paper.width + 0.5);
      expect(s.y + p.label.height).toBeLessThanOrEqual(p.paper.height + 0.5);
    }
    for (const [i, a] of slots.entries()) {
      for (const b of slots.slice(i + 1)) {
        const apart = a.x + p.label.width <= b.x + 1e-9 || b.x + p.label.width <= a.x + 1e-9 || a.y + p.label.height <= b.y + 1e-9 || b.y + p.label.height <= a.y + 1e-9;
        expect(apart, `${name}: ${a.row},${a.column} and ${b.row},${b.column}`).toBe(true);
      }
    }
  });

  it('an unknown name is refused with the names there are', () => {
    const err = refusal(() => loadSheetPreset('a4-9x9'));
    expect(err.problems[0]).toMatchObject({ field: 'sheet' });
    expect(err.problems[0]!.hint).toContain('a4-2x4, a4-3x8, a4-4xa6, a5, a6');
  });
});

describe('where the labels sit', () => {
  it('in reading order: left to right, then the next row, a gap apart', () => {
    const p = loadSheetPreset('a4-4xa6');
    const slots = labelSlots(p).map((s) => ({ ...s, x: +(s.x / MM).toFixed(6), y: +(s.y / MM).toFixed(6) }));
    // 4 mm in, 98 mm labels, 6 mm apart; 7.5 mm down, 138 mm labels, 6 mm apart.
    expect(slots).toEqual([
      { row: 1, column: 1, x: 4, y: 7.5 },
      { row: 1, column: 2, x: 108, y: 7.5 },
      { row: 2, column: 1, x: 4, y: 151.5 },
      { row: 2, column: 2, x: 108, y: 151.5 },
    ]);
  });
});

describe('a label paper of your own', () => {
  const own = (preset: object, name = 'nhan-90x60.json', text = JSON.stringify(preset)) => {
    const file = join(tempDir(), name);
    writeFileSync(file, text);
    return file;
  };
  const PRESET = { title: 'Nhãn 90 × 60 mm', paper: { width: 210, height: 297 }, label: { width: 90, height: 60 }, grid: { columns: 2, rows: 4 }, origin: { left: 10, top: 20 }, gap: { x: 10, y: 5 }, marks: 'crop' };

  it('is named after its file, and read like the shipped ones, a byte-order mark and all', () => {
    const p = loadSheetPreset(own(PRESET, 'nhan-90x60.json', `\uFEFF${JSON.stringify(PRESET, null, 2)}`));
    expect(p).toMatchObject({ name: 'nhan-90x60', title: 'Nhãn 90 × 60 mm', columns: 2, rows: 4, marks: 'crop' });
    expect(close(p.label.width, 90 * MM)).toBe(true);
  });

  it('may end flush with the paper, half a point over at most', () => {
    // 2 × 100 + 10 = 210 mm: flush. 2 × 100.1 + 10 = 210.2 mm: 0.57 pt over.
    expect(() => loadSheetPreset(own({ ...PRESET, label: { width: 100, height: 60 }, origin: { left: 0, top: 20 } }))).not.toThrow();
    const err = refusal(() => loadSheetPreset(own({ ...PRESET, label: { width: 100.1, height: 60 }, origin: { left: 0, top: 20 } })));
    expect(err.problems[0]).toMatchObject({ field: 'grid', message: 'các nhãn vượt ra ngoài tờ giấy' });
  });
});
