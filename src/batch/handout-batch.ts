// The handout batch as the command line and the web page both make it: the
// same layout options, QR check, sheet count, title and PDF options, so the
// print room's file is the same bytes from either.

import type { Guide } from '../content/guides.js';
import { grayscaleLogo, type LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { pageFileNames } from '../export/render.js';
import type { Page } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import type { Measurer } from '../layout/measure.js';
import { MM } from '../layout/page-sizes.js';
import { manifestCsv } from '../output/manifest.js';
import { makeSlugger } from '../output/slug.js';
import { openPdf, paintPdf } from '../paint/pdf.js';
import { sharedGlyphs } from '../paint/pdf-text.js';
import { paintRaster } from '../paint/raster.js';
import { PRODUCTS } from '../products/catalog.js';
import type { ClassRow } from '../products/data-rows.js';
import { layoutHandout, type HandoutOptions } from '../products/handout.js';
import { HANDOUT } from '../products/scan-distance.js';
import { verifyQrCodes } from '../qr/verify.js';
import { breathe, itemDone, type Batch } from './batch.js';

/** Title of the one PDF that holds every class. */
export const ALL_CLASSES_TITLE = 'Tờ hướng dẫn phụ huynh – tất cả các lớp';
/** The print room's file: every class, as many copies as asked. */
export const PRINT_ROOM_FILE = 'in-tat-ca-cac-lop.pdf';
/** Copies, sheets and file of each class, for the print room. */
export const PRINT_LIST_FILE = 'danh-sach-in.csv';

/** Sheets the print room needs for a class, one copy per pupil: two-up fits two copies on a sheet. */
export function handoutSheets(copies: number, twoUp: boolean): number {
  return twoUp ? Math.ceil(copies / 2) : copies;
}

/**
 * Reads back every QR code on a class's pages (the codes are on the back) as a
 * parent's phone about 40 cm away sees them, and stops the batch at the first
 * that does not scan: a long Zalo invite link makes a code too dense. The
 * problem names the class's row and its zalo column in the table.
 */
export async function checkClassQrCodes(cls: ClassRow, pages: Page[], fonts: FontSet, proven: Set<string>): Promise<void> {
  const failures = (await Promise.all(pages.map((page) => verifyQrCodes(page, fonts, HANDOUT, proven)))).flat();
  if (failures.length) {
    throw new UserError({ file: cls.dataFile, field: 'zalo', line: cls.line, message: `mã QR nhóm Zalo của lớp ${cls.name} không quét lại được`, hint: 'dùng đường link mời vào nhóm ngắn hơn' });
  }
}

/** How the handouts look, as either front end asks for them. */
export interface HandoutRequest {
  /** How to activate at home, filled in for the school. */
  guide: Guide;
  grayscale: boolean;
  twoUp: boolean;
  /** Body text of 14 pt or more, each copy on A4. */
  largePrint: boolean;
  /** Bleed for a print shop in mm (one copy a sheet), 0 for none. */
  bleedMm: number;
}

/** The layout options of a request: in grayscale the logo is grey too. One object per batch (layoutHandout remembers its step count). */
export async function handoutLayoutOptions(req: HandoutRequest, unit: { profile: UnitProfile; logo?: LogoImage }): Promise<HandoutOptions> {
  return {
    profile: unit.profile,
    logo: unit.logo && req.grayscale ? await grayscaleLogo(unit.logo) : unit.logo,
    guide: req.guide,
    palette: req.grayscale ? 'grayscale' : 'color',
    twoUp: req.twoUp,
    largePrint: req.largePrint,
    bleed: req.bleedMm * MM,
  };
}

export interface HandoutBatchOptions {
  /** Each class's own PDF and the print list beside the print room's file (the command line's folder). */
  classFiles: boolean;
  /** With the class files, both sides of each class as colour pictures, to post in its Zalo group. */
  pictures: boolean;
  /** The print room's file: as many copies as each class's students column says, or one of each class. */
  copies: 'students' | 'one';
  /** The PDFs' date (SOURCE_DATE_EPOCH), never the clock. */
  date?: Date;
}

export interface HandoutBatchResult {
  classes: number;
  /** Pages and sheets of paper in the print room's file. */
  pages: number;
  sheets: number;
}

/**
 * Parent handouts for every class: the print room's PDF, grown class by class,
 * and when asked each class's PDF, its pictures and the print list. Every class
 * is laid out here, before any file is planned, so a bad row stops the run
 * before anything is written.
 */
export async function handoutBatch(
  classes: ClassRow[],
  req: HandoutRequest,
  unit: { profile: UnitProfile; logo?: LogoImage; fonts: FontSet; m: Measurer },
  o: HandoutBatchOptions,
): Promise<Batch<HandoutBatchResult>> {
  const options = await handoutLayoutOptions(req, unit);
  // A class may not be named onto the print-room file or onto another class's back picture.
  const slug = makeSlugger('lop', { reserved: [PRINT_ROOM_FILE, PRINT_LIST_FILE].map((f) => f.replace(/\.[a-z]+$/, '')), companions: ['-mat-sau'] });
  const laidOut = classes.map((cls) => ({ cls, pages: layoutHandout(cls, options, unit.m), base: slug(cls.name) }));
  // Both sides of a class's sheet as pictures: the steps, then the codes and the class box.
  const pictures = (base: string) => (o.classFiles && o.pictures ? pageFileNames(`png/${base}.png`, 2) : []);
  const classFiles = (base: string) => (o.classFiles ? [`${base}.pdf`, ...pictures(base)] : []);
  const author = unit.profile.unit.name;
  return {
    files: [...laidOut.flatMap(({ base }) => classFiles(base)), PRINT_ROOM_FILE, ...(o.classFiles ? [PRINT_LIST_FILE] : [])],
    steps: laidOut.length,
    async run(sink, hooks = {}) {
      const proven = new Set<string>();
      const printRoomFile = await sink.stream(PRINT_ROOM_FILE);
      // Every PDF of the batch embeds the same subsets, and the print room's pages are the classes' own bytes.
      const pdfOptions = { date: o.date, glyphs: sharedGlyphs(laidOut.flatMap(({ pages }) => pages), unit.fonts) };
      const printRoom = openPdf({ title: ALL_CLASSES_TITLE, author }, unit.fonts, pdfOptions, (chunk) => printRoomFile.write(chunk));
      const list: Record<string, string | number>[] = [];
      const check = (i: number) => (i < laidOut.length ? checkClassQrCodes(laidOut[i]!.cls, laidOut[i]!.pages, unit.fonts, proven) : undefined);
      let checking = check(0);
      let writing: Promise<void> = Promise.resolve();
      hooks.progress?.(0, laidOut.length, 'lớp');
      try {
        for (const [i, { cls, pages, base }] of laidOut.entries()) {
          await checking;
          // The next class's codes are rendered (on libuv's threads) while this one is drawn;
          // a code that does not scan stops the batch at its own class, as before.
          checking = check(i + 1);
          checking?.catch(() => {});
          if (o.classFiles) {
            const pdf = await paintPdf({ title: `Lớp ${cls.name}`, author, pages }, unit.fonts, pdfOptions);
            // Written while the next class is drawn; a failure (a full disk) stops the batch at the next.
            await writing;
            writing = sink.write(`${base}.pdf`, pdf);
            writing.catch(() => {});
          }
          if (pictures(base).length) {
            // On a phone a single A5 side reads best, in colour whatever the printer is.
            const sides = layoutHandout(cls, { ...options, logo: unit.logo, palette: 'color', twoUp: false, largePrint: false, bleed: 0 }, unit.m);
            for (const [i, name] of pictures(base).entries()) await sink.write(name, await paintRaster(sides[i]!, unit.fonts, 'png', PRODUCTS.handout.dpi));
          }
          const sheets = o.copies === 'students' ? handoutSheets(cls.copies, options.twoUp) : 1;
          for (let i = 0; i < sheets; i++) {
            for (const page of pages) printRoom.addPage(page);
            // A class of 200 double-sided copies takes seconds: let signals in, so a second Ctrl-C stops at once.
            await printRoomFile.drained();
            await breathe();
          }
          list.push({ class: cls.name, teacher: cls.teacher ?? '', copies: cls.copies, sheets, pages: sheets * pages.length, file: `${base}.pdf`, png: pictures(base).join(' ') });
          await itemDone(hooks, list.length, laidOut.length, 'lớp');
        }
      } finally {
        // Nothing is still being checked or written when the batch ends, or is discarded.
        await checking?.catch(() => {});
        await writing.catch(() => {});
      }
      await writing;
      await printRoom.end();
      await printRoomFile.close();
      if (o.classFiles) await sink.write(PRINT_LIST_FILE, manifestCsv(['class', 'teacher', 'copies', 'sheets', 'pages', 'file', 'png'], list));
      const sheets = list.reduce((n, r) => n + Number(r.sheets), 0);
      return { classes: list.length, pages: list.reduce((n, r) => n + Number(r.pages), 0), sheets };
    },
  };
}
