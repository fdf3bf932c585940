import { fileURLToPath } from 'node:url';
import { guideFromFile, renderGuide, type Guide } from '../content/guides.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { cropMarks } from '../layout/crop-marks.js';
import type { LaidOutDocument, Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PALETTES } from '../layout/theme.js';
import { MM } from '../layout/page-sizes.js';
import { labelSlots, type SheetPreset } from '../layout/sheet-preset.js';
import type { PartContext } from './parts/part-context.js';
import { stickerLabel, type StickerEntry } from './parts/sticker-label.js';

export interface StickerRow extends StickerEntry {
  /** The data file's line, for messages and the manifest. */
  line: number;
}

export interface StickerSheetInput {
  profile: UnitProfile;
  rows: StickerRow[];
  preset: SheetPreset;
  /** The call to action and three-step reminder (templates/stickers). */
  reminder: Guide;
  /** The data file, for messages. */
  dataFile: string;
}

export interface PlacedSticker {
  row: StickerRow;
  page: number;
  sheetRow: number;
  sheetColumn: number;
  /** The sticker alone, on a page of the label's size (for per-block images). */
  single: () => Page;
}

/** Lays stickers out on label sheets, in data order, with crop marks where the preset asks. */
export function layoutStickerSheets(input: StickerSheetInput, m: Measurer): { doc: LaidOutDocument; placed: PlacedSticker[] } {
  const pages: Page[] = [];
  const placed: PlacedSticker[] = [];
  for (const sheet of stickerSheets(input, m)) {
    pages.push(sheet.page);
    placed.push(...sheet.placed);
  }
  return { doc: { title: stickerTitle(input), author: input.profile.unit.name, pages }, placed };
}

export const stickerTitle = (input: StickerSheetInput) => `Tem QR VNeID – ${input.profile.unit.name}`;

const REMINDER = fileURLToPath(new URL('../../templates/stickers/nhac-viec.hbs', import.meta.url));

/** The call to action and three-step reminder every sticker carries, filled in for the unit. */
export function stickerReminder(profile: UnitProfile): Guide {
  return renderGuide(guideFromFile(REMINDER), profile);
}

/** How many sheets the rows fill, for progress and the summary before any is laid out. */
export function stickerSheetCount(rows: number, preset: SheetPreset): number {
  return Math.ceil(rows / (preset.columns * preset.rows));
}

/** The same, one sheet at a time, so a batch of thousands never sits in memory. */
export function* stickerSheets(input: StickerSheetInput, m: Measurer): Generator<{ page: Page; placed: PlacedSticker[] }> {
  const { preset } = input;
  const slots = labelSlots(preset);
  const c: PartContext = { m, k: 1, colors: PALETTES.color };
  for (let start = 0, sheet = 1; start < input.rows.length; start += slots.length, sheet++) {
    const page: Page = { width: preset.paper.width, height: preset.paper.height, items: [{ type: 'rect', x: 0, y: 0, width: preset.paper.width, height: preset.paper.height, fill: '#FFFFFF' }] };
    const placed: PlacedSticker[] = [];
    input.rows.slice(start, start + slots.length).forEach((row, i) => {
      const label = stickerLabel(row, input.reminder, input.profile, preset.label.width, preset.label.height, c);
      if (!label) throw tooSmall(input, row);
      const slot = slots[i]!;
      page.items.push(...label.place(slot.x, slot.y));
      if (preset.marks === 'crop') page.items.push(...cropMarks(slot.x, slot.y, preset.label.width, preset.label.height, { length: 3 * MM, offset: 1 * MM }));
      placed.push({ row, page: sheet, sheetRow: slot.row, sheetColumn: slot.column, single: () => ({ width: preset.label.width, height: preset.label.height, items: label.place(0, 0) }) });
    });
    yield { page, placed };
  }
}

function tooSmall(input: StickerSheetInput, row: StickerRow): UserError {
  const { preset } = input;
  return new UserError({
    file: input.dataFile,
    line: row.line,
    field: 'block',
    message: `tem cho "${row.block}" không vừa nhãn ${(preset.label.width / MM).toFixed(0)} × ${(preset.label.height / MM).toFixed(0)} mm mà chữ vẫn đọc được`,
    hint: row.url
      ? 'nhãn này không đủ chỗ cho mã QR thứ ba (cột url): bỏ link ở dòng này, hoặc chọn nhãn lớn hơn (khổ a4-2x4, a4-4xa6 hoặc a6)'
      : 'rút gọn tên tòa nhà hoặc địa chỉ, hoặc chọn nhãn lớn hơn (khổ a4-2x4, a4-4xa6 hoặc a6)',
  });
}
