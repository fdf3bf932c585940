import { UserError } from '../errors.js';
import type { FontSet } from '../layout/fonts.js';
import type { Measurer } from '../layout/measure.js';
import type { PdfWriter } from '../paint/pdf.js';
import { stickerSheets, type PlacedSticker, type StickerSheetInput } from '../products/sticker-sheet.js';
import { STICKER } from '../products/scan-distance.js';
import { verifyQrCodes } from '../qr/verify.js';

/**
 * Lays out, checks and draws the sticker sheets one at a time: every QR code is
 * read back as a phone 30 cm away sees it (qr/verify.ts) before the sheet goes
 * into the PDF. The command line and the web page both print stickers through this.
 */
export async function drawStickerSheets(
  input: StickerSheetInput,
  tools: { fonts: FontSet; m: Measurer },
  writer: PdfWriter,
  afterSheet: (placed: PlacedSticker[]) => Promise<void> | void,
): Promise<void> {
  const proven = new Set<string>();
  for (const { page, placed } of stickerSheets(input, tools.m)) {
    const failures = await verifyQrCodes(page, tools.fonts, STICKER, proven);
    if (failures.length) throw unreadable(input.dataFile, placed, failures[0]!.qr.url);
    writer.addPage(page);
    await afterSheet(placed);
  }
}

function unreadable(file: string, placed: PlacedSticker[], url: string): UserError {
  const row = placed.find((p) => p.row.url === url)?.row ?? placed[0]?.row;
  return new UserError({
    file,
    line: row?.line,
    field: row?.url === url ? 'url' : undefined,
    message: `mã QR cho "${url}" không quét lại được ở cỡ in này`,
    hint: 'dùng đường link ngắn hơn, hoặc nhãn lớn hơn để mã QR được in to hơn',
  });
}
