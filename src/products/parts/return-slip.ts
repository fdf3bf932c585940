import type { Block } from '../../layout/block.js';
import type { Item } from '../../layout/display-list.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING, SAFE_EDGE } from '../../layout/theme.js';
import { MM } from '../../layout/page-sizes.js';
import type { PartContext } from './part-context.js';

/**
 * The tear-off slip the pupil brings back: below a dashed cut line, the pupil's
 * name, class, whether the parent's level-2 account is activated, and a signature.
 */
export function returnSlip(className: string, pageWidth: number, margin: number, c: PartContext): Block {
  const { k, m } = c;
  const size = 10 * k;
  // 10 mm between the slip's lines: room to write a name and to sign.
  const lineGap = 10 * MM * k;
  const inner = pageWidth - 2 * margin;
  const title = textBlock('PHIẾU XÁC NHẬN (học sinh nộp lại cho giáo viên chủ nhiệm)', inner, { size: 10 * k, font: 'bold', color: c.colors.ink, leading: LEADING.tight }, m);
  const cutNote = 'cắt theo đường này';
  // The cut line sits in white space below whatever is above the slip.
  const lineY = 8 * k;
  const question = 'Tài khoản định danh điện tử mức 2 của cha/mẹ:';
  const answers = ['Đã kích hoạt', 'Chưa kích hoạt'];
  const answersW = answers.reduce((w, a) => w + 11 * k + m.width(a, 'regular', size) + 12 * k, 0);
  // The boxes go on their own line when the question and both answers do not fit one.
  const ownLine = m.width(question, 'regular', size) + 8 * k + answersW > inner;
  const rows = ownLine ? 4 : 3;
  const height = lineY + 14 * k + title.height + rows * lineGap - 4 * k + SAFE_EDGE * k;

  const label = (text: string, x: number, baseline: number): Item => ({ type: 'text', x, y: baseline, text, font: 'regular', size, color: c.colors.ink, width: m.width(text, 'regular', size) });
  const dotted = (x1: number, x2: number, baseline: number): Item => ({ type: 'line', x1, y1: baseline + 1.5 * k, x2, y2: baseline + 1.5 * k, color: c.colors.muted, width: 0.6 * k, dash: [1 * k, 2 * k] });
  const box = (x: number, baseline: number): Item => ({ type: 'rect', x, y: baseline - 7.5 * k, width: 8 * k, height: 8 * k, stroke: c.colors.ink, strokeWidth: 0.8 * k });

  return {
    width: pageWidth,
    height,
    place(x, top) {
      const y = top + lineY;
      const noteSize = 9 * k;
      const noteW = m.width(cutNote, 'regular', noteSize);
      const mid = x + pageWidth / 2;
      const items: Item[] = [
        { type: 'line', x1: x, y1: y, x2: mid - noteW / 2 - 4 * k, y2: y, color: c.colors.muted, width: 0.8 * k, dash: [4 * k, 3 * k] },
        { type: 'line', x1: mid + noteW / 2 + 4 * k, y1: y, x2: x + pageWidth, y2: y, color: c.colors.muted, width: 0.8 * k, dash: [4 * k, 3 * k] },
        { type: 'text', x: mid - noteW / 2, y: y + noteSize * 0.35, text: cutNote, font: 'regular', size: noteSize, color: c.colors.muted, width: noteW },
      ];
      const left = x + margin;
      const right = x + pageWidth - margin;
      let baseline = y + 12 * k;
      items.push(...title.place(left, baseline));
      baseline += title.height + lineGap - 4 * k;

      const nameLabel = 'Họ và tên học sinh:';
      const classLabel = `Lớp: ${className}`;
      const classW = m.width(classLabel, 'regular', size);
      items.push(label(nameLabel, left, baseline), dotted(left + m.width(nameLabel, 'regular', size) + 4 * k, right - classW - 12 * k, baseline), label(classLabel, right - classW, baseline));
      baseline += lineGap;

      items.push(label(question, left, baseline));
      let cx = left + m.width(question, 'regular', size) + 8 * k;
      if (ownLine) {
        baseline += lineGap * 0.7;
        cx = left + 12 * k;
      }
      for (const answer of answers) {
        items.push(box(cx, baseline), label(answer, cx + 11 * k, baseline));
        cx += 11 * k + m.width(answer, 'regular', size) + 12 * k;
      }
      baseline += lineGap;

      const signLabel = 'Chữ ký của phụ huynh:';
      items.push(label(signLabel, left, baseline), dotted(left + m.width(signLabel, 'regular', size) + 4 * k, right, baseline));
      return items;
    },
  };
}
