import { stack, type Block } from '../../layout/block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import type { PartContext } from './part-context.js';

/** One class of a school, from the clerk's spreadsheet. */
export interface ClassEntry {
  name: string;
  teacher?: string;
  /** Already grouped for printing. */
  phone?: string;
  /** The class's parent Zalo group. */
  zalo?: string;
}

/**
 * The class's own box: class, homeroom teacher and phone. The class's Zalo group
 * is the first code of the row under the box, labelled with the class (handout.ts).
 */
export function classBox(entry: ClassEntry, width: number, c: PartContext): Block {
  const { k, m } = c;
  const pad = 6 * k;
  const textW = width - 2 * pad;
  const lines: Block[] = [
    textBlock(`Lớp ${entry.name}`, textW, { size: 13 * k, font: 'extrabold', color: c.colors.primary, leading: LEADING.tight }, m),
  ];
  if (entry.teacher) lines.push(textBlock([{ text: 'Giáo viên chủ nhiệm: ', strong: false }, { text: entry.teacher, strong: true }], textW, { size: 10 * k, font: 'regular', color: c.colors.ink, leading: LEADING.body }, m));
  if (entry.phone) lines.push(textBlock([{ text: 'Điện thoại: ', strong: false }, { text: entry.phone, strong: true }], textW, { size: 10 * k, font: 'regular', color: c.colors.ink, leading: LEADING.body }, m));
  const inner = stack(lines, 3 * k);
  const height = inner.height + 2 * pad;
  return {
    width,
    height,
    place: (x, y) => [{ type: 'rect', x, y, width, height, stroke: c.colors.primary, strokeWidth: 1.2 * k, radius: 4 * k }, ...inner.place(x + pad, y + pad)],
  };
}
