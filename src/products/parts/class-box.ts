import { row, stack, type Block } from '../../layout/block.js';
import { qrBlock } from '../../layout/qr-block.js';
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

/** The class's own box: class, homeroom teacher and phone, and the Zalo group's QR code. */
export function classBox(entry: ClassEntry, width: number, qrSize: number, c: PartContext): Block {
  const { k, m } = c;
  const pad = 6 * k;
  const qrW = entry.zalo ? qrSize + 6 * k : 0;
  const textW = width - 2 * pad - qrW;
  const lines: Block[] = [
    textBlock(`Lớp ${entry.name}`, textW, { size: 13 * k, font: 'extrabold', color: c.colors.primary, leading: LEADING.tight }, m),
  ];
  if (entry.teacher) lines.push(textBlock([{ text: 'Giáo viên chủ nhiệm: ', strong: false }, { text: entry.teacher, strong: true }], textW, { size: 10 * k, font: 'regular', color: c.colors.ink, leading: LEADING.body }, m));
  if (entry.phone) lines.push(textBlock([{ text: 'Điện thoại: ', strong: false }, { text: entry.phone, strong: true }], textW, { size: 10 * k, font: 'regular', color: c.colors.ink, leading: LEADING.body }, m));
  if (entry.zalo) lines.push(textBlock('Quét mã bên cạnh để vào nhóm Zalo phụ huynh của lớp.', textW, { size: 9 * k, font: 'regular', color: c.colors.muted, leading: LEADING.body }, m));
  const text = stack(lines, 3 * k);
  const code = entry.zalo ? zaloCode(entry, qrSize, c) : undefined;
  const inner = code ? row([text, code], 6 * k, 'middle') : text;
  const height = inner.height + 2 * pad;
  return {
    width,
    height,
    place: (x, y) => [{ type: 'rect', x, y, width, height, stroke: c.colors.primary, strokeWidth: 1.2 * k, radius: 4 * k }, ...inner.place(x + pad, y + pad)],
  };
}

function zaloCode(entry: ClassEntry, size: number, c: PartContext): Block {
  const label = textBlock(`Nhóm Zalo lớp ${entry.name}`, size, { size: 9 * c.k, font: 'bold', color: c.colors.ink, leading: LEADING.tight, align: 'center' }, c.m);
  return stack([qrBlock(entry.zalo!, size, c.colors.ink), label], 2 * c.k);
}
