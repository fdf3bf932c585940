import { describe, expect, it } from 'vitest';
import { cropMarks } from '../../src/layout/crop-marks.js';

describe('crop marks', () => {
  it('two at each corner, along the edges and outside the box, a gap away from it', () => {
    const marks = cropMarks(10, 20, 100, 50, { offset: 2, length: 5 });
    expect(marks).toHaveLength(8);
    expect(marks.map((l) => [l.x1, l.y1, l.x2, l.y2])).toEqual([
      [8, 20, 3, 20], // top left, across
      [10, 18, 10, 13], // top left, down
      [8, 70, 3, 70], // bottom left
      [10, 72, 10, 77],
      [112, 20, 117, 20], // top right
      [110, 18, 110, 13],
      [112, 70, 117, 70], // bottom right
      [110, 72, 110, 77],
    ]);
    expect(marks.every((l) => l.color === '#000000' && l.width === 0.25)).toBe(true);
  });
});
