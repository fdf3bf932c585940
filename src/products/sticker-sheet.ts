import { guideFromSource, renderGuide, type Guide } from '../content/guides.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { cropMarks } from '../layout/crop-marks.js';
import type { LaidOutDocument, Page } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { PALETTES } from '../layout/theme.js';
import { MM } from '../layout/page-sizes.js';
import { platform } from '../platform/platform.js';
import { labelSlots, listSheetPresets, loadSheetPreset, type SheetPreset } from '../layout/sheet-preset.js';
import type { PartContext } from './parts/part-context.js';
import { stickerCodes, stickerLabels, type StickerEntry, type StickerPart } from './parts/sticker-label.js';
import { distanceForMessage, sizeForMessage, STICKER, type QrLevel } from './scan-distance.js';

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
  /** Error correction of each of the sticker's codes, in order (M or Q). */
  levels: QrLevel[];
  /** What this sticker does not print for want of room (sticker-label.ts). */
  leftOut: StickerPart[];
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

/** The call to action and three-step reminder every sticker carries, filled in for the unit. */
export function stickerReminder(profile: UnitProfile): Guide {
  const { file, text, compiled } = platform().assets.stickerReminder();
  return renderGuide({ ...guideFromSource(text, file), ...(compiled ? { compiled } : {}) }, profile);
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
  const stickerLabel = stickerLabels(input.reminder, input.profile, preset.label.width, preset.label.height, c);
  if (input.rows.length) checkHoldsCodes(input, stickerLabel, c);
  for (let start = 0, sheet = 1; start < input.rows.length; start += slots.length, sheet++) {
    const page: Page = { width: preset.paper.width, height: preset.paper.height, items: [{ type: 'rect', x: 0, y: 0, width: preset.paper.width, height: preset.paper.height, fill: '#FFFFFF' }] };
    const placed: PlacedSticker[] = [];
    input.rows.slice(start, start + slots.length).forEach((row, i) => {
      const label = stickerLabel(row);
      if (!label) throw tooSmall(input, row, c);
      const slot = slots[i]!;
      page.items.push(...label.place(slot.x, slot.y));
      if (preset.marks === 'crop') page.items.push(...cropMarks(slot.x, slot.y, preset.label.width, preset.label.height, { length: 3 * MM, offset: 1 * MM }));
      placed.push({ row, page: sheet, sheetRow: slot.row, sheetColumn: slot.column, levels: label.levels, leftOut: label.leftOut, single: () => ({ width: preset.label.width, height: preset.label.height, items: label.place(0, 0) }) });
    });
    yield { page, placed };
  }
}

const labelSize = (p: SheetPreset) => `${(p.label.width / MM).toFixed(0)} × ${(p.label.height / MM).toFixed(0)} mm`;

/**
 * A label too small for the store codes at the size their distance asks for is
 * refused before any sticker is laid out: codes never shrink to fit. The message
 * names the label papers that do hold them.
 */
function checkHoldsCodes(input: StickerSheetInput, stickerLabel: (entry: StickerEntry) => unknown, c: PartContext): void {
  const probe: StickerEntry = { block: 'A' };
  const { preset } = input;
  if (stickerLabel(probe)) return;
  const side = stickerCodes(probe, input.profile, 'M')[0]!.spec.side;
  throw new UserError({
    field: 'sheet',
    message: `nhãn ${labelSize(preset)} (${preset.name}) không đủ chỗ cho hai mã QR cạnh ${sizeForMessage(side)} (cỡ nhỏ nhất quét chắc chắn từ ${distanceForMessage(STICKER.distance)}) cùng lề trắng quanh mã và khoảng cách giữa hai mã`,
    hint: `chọn khổ nhãn lớn hơn: ${holding(probe, input, c).join(', ')}`,
  });
}

/** The built-in label papers a sticker like `entry` fits, largest labels last. */
function holding(entry: StickerEntry, input: StickerSheetInput, c: PartContext): string[] {
  return listSheetPresets()
    .map(loadSheetPreset)
    .filter((p) => p.name !== input.preset.name && stickerLabels(input.reminder, input.profile, p.label.width, p.label.height, c)(entry))
    .sort((a, b) => a.label.width * a.label.height - b.label.width * b.label.height)
    .map((p) => p.name);
}

function tooSmall(input: StickerSheetInput, row: StickerRow, c: PartContext): UserError {
  const { preset } = input;
  const fits = holding({ ...row, block: 'A', address: undefined }, input, c);
  const bigger = fits.length ? `chọn nhãn lớn hơn (khổ ${fits.join(', ')})` : 'chọn khổ nhãn riêng lớn hơn (không khổ có sẵn nào đủ chỗ)';
  return new UserError({
    file: input.dataFile,
    line: row.line,
    field: 'block',
    message: `tem cho "${row.block}" không vừa nhãn ${labelSize(preset)} mà chữ vẫn đọc được`,
    hint: row.url
      ? `nhãn này không đủ chỗ cho mã QR thứ ba (cột đường link) ở cỡ quét được: bỏ link ở dòng này, hoặc ${bigger}`
      : `rút gọn tên tòa nhà hoặc địa chỉ, hoặc ${bigger}`,
  });
}

const PART_NAMES: Record<StickerPart, string> = {
  warning: 'lời cảnh báo không đưa mã OTP cho ai',
  steps: 'các bước nhắc việc',
  address: 'địa chỉ tòa nhà',
};

/** Lines of a table, shortened: "dòng 3, 5, 9 và 12 dòng khác". */
function linesForMessage(lines: number[]): string {
  const shown = lines.slice(0, 8).join(', ');
  return lines.length > 8 ? `dòng ${shown} và ${lines.length - 8} dòng khác` : `dòng ${shown}`;
}

/** The table lines of stickers that left each part out: numbers only, so a batch of any size holds little. */
export type LeftOutLines = Map<StickerPart, number[]>;

/** Notes which parts these stickers left out, by their table lines. */
export function noteLeftOut(placed: Iterable<Pick<PlacedSticker, 'row' | 'leftOut'>>, lines: LeftOutLines): LeftOutLines {
  for (const p of placed) {
    for (const part of p.leftOut) {
      const at = lines.get(part) ?? [];
      at.push(p.row.line);
      lines.set(part, at);
    }
  }
  return lines;
}

/**
 * What the user hears about stickers that left something out for want of room,
 * one notice for each part, naming the table's lines.
 */
export function leftOutNotices(lines: LeftOutLines, preset: SheetPreset): string[] {
  return (['warning', 'steps', 'address'] as const)
    .filter((part) => lines.has(part))
    .map((part) => {
      const at = lines.get(part)!;
      return `${at.length} tem không in ${PART_NAMES[part]} (${linesForMessage(at)}): nhãn ${labelSize(preset)} không đủ chỗ với chữ đọc được; muốn in đủ, rút gọn tên, bỏ đường link riêng của tòa nhà, hoặc chọn nhãn lớn hơn`;
    });
}

