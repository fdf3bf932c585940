import type { LineItem } from './display-list.js';
import { MM } from './page-sizes.js';

/** Corner marks just outside a trimmed box, so a cutter knows where to cut. */
export function cropMarks(x: number, y: number, width: number, height: number, o: { length?: number; offset?: number } = {}): LineItem[] {
  const len = o.length ?? 4 * MM;
  const off = o.offset ?? 1 * MM;
  const line = (x1: number, y1: number, x2: number, y2: number): LineItem => ({ type: 'line', x1, y1, x2, y2, color: '#000000', width: 0.25 });
  const marks: LineItem[] = [];
  for (const cx of [x, x + width]) {
    for (const cy of [y, y + height]) {
      const sx = cx === x ? -1 : 1;
      const sy = cy === y ? -1 : 1;
      marks.push(line(cx + sx * off, cy, cx + sx * (off + len), cy), line(cx, cy + sy * off, cx, cy + sy * (off + len)));
    }
  }
  return marks;
}
