// The handout batch as the command line and the web page both make it: the
// same QR check, sheet count and title, so the two cannot drift apart.

import { UserError } from '../errors.js';
import type { Page } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import type { ClassRow } from '../products/data-rows.js';
import { HANDOUT } from '../products/scan-distance.js';
import { verifyQrCodes } from '../qr/verify.js';

/** Title of the one PDF that holds every class. */
export const ALL_CLASSES_TITLE = 'Tờ hướng dẫn phụ huynh – tất cả các lớp';

/** Sheets the print room needs for a class, one copy per pupil: two-up fits two copies on a sheet. */
export function handoutSheets(copies: number, twoUp: boolean): number {
  return twoUp ? Math.ceil(copies / 2) : copies;
}

/**
 * Reads back every QR code on a class's pages (the codes are on the back) as a
 * parent's phone about 40 cm away sees them, and stops the batch at the first
 * that does not scan: a long Zalo invite link makes a code too dense. `where` names the class's link as the
 * caller's user knows it (the table's column on the command line, the upload
 * field on the web page).
 */
export async function checkClassQrCodes(cls: ClassRow, pages: Page[], fonts: FontSet, proven: Set<string>, where: { file?: string; field: string }): Promise<void> {
  const failures = (await Promise.all(pages.map((page) => verifyQrCodes(page, fonts, HANDOUT, proven)))).flat();
  if (failures.length) {
    throw new UserError({ ...where, line: cls.line, message: `mã QR nhóm Zalo của lớp ${cls.name} không quét lại được`, hint: 'dùng đường link mời vào nhóm ngắn hơn' });
  }
}
