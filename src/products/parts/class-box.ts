import type { RichText } from '../../content/rich-text.js';
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
  const pad = 3.5 * k;
  const textW = width - 2 * pad;
  const lines: Block[] = [
    textBlock(`Lớp ${entry.name}`, textW, { size: 13 * k, font: 'extrabold', color: c.colors.primary, leading: LEADING.tight }, m),
  ];
  // Teacher and phone share a line (room on the back goes to the codes); a long name wraps.
  const who: RichText = [
    ...(entry.teacher ? [{ text: 'Giáo viên chủ nhiệm: ', strong: false }, { text: entry.teacher, strong: true }] : []),
    ...(entry.teacher && entry.phone ? [{ text: ' · ', strong: false }] : []),
    ...(entry.phone ? [{ text: 'Điện thoại: ', strong: false }, { text: entry.phone, strong: true }] : []),
  ];
  if (who.length) lines.push(textBlock(who, textW, { size: 10 * k, font: 'regular', color: c.colors.ink, leading: LEADING.body }, m));
  const inner = stack(lines, 2 * k);
  const height = inner.height + 2 * pad;
  return {
    width,
    height,
    place: (x, y) => [{ type: 'rect', x, y, width, height, stroke: c.colors.primary, strokeWidth: 1.2 * k, radius: 4 * k }, ...inner.place(x + pad, y + pad)],
  };
}
