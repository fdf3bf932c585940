import { UserError } from '../../errors.js';
import { join } from 'node:path';
import { ALL_CLASSES_TITLE, checkClassQrCodes, handoutSheets } from '../../batch/handout-batch.js';
import { readDataTable } from '../../content/data-table.js';
import { grayscaleLogo } from '../../content/logo.js';
import { findGuide, renderGuide } from '../../content/guides.js';
import type { LaidOutDocument, Page } from '../../layout/display-list.js';
import { manifestCsv } from '../../output/manifest.js';
import { makeSlugger } from '../../output/slug.js';
import { stageOutput } from '../../output/staged-output.js';
import { pageFileNames } from '../../export/render.js';
import { openPdf, paintPdf } from '../../paint/pdf.js';
import { paintRaster } from '../../paint/raster.js';
import { CLASS_COLUMNS, classRows, type ClassRow } from '../../products/data-rows.js';
import { layoutHandout } from '../../products/handout.js';
import { loadUnitFor } from '../unit.js';
import { allowedSchemes, checkBleed, sourceDate } from '../output-options.js';
import { MM } from '../../layout/page-sizes.js';
import { watchInterrupt } from '../interrupt.js';
import { startProgress } from '../progress.js';

export interface HandoutCommandOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  data: string;
  out: string;
  guide: string;
  twoUp: boolean;
  /** Body text of 14 pt or more, each copy on A4. */
  largePrint?: boolean;
  /** Bleed for a print shop, mm (0 for none). */
  bleed?: number;
  grayscale: boolean;
  /** Also one colour image per class, to post in the class's Zalo group. */
  png: boolean;
  quiet: boolean;
}

/** Parent handouts, one PDF per class and one for the print room with every copy. */
export async function handoutCommand(o: HandoutCommandOptions): Promise<number> {
  const date = sourceDate();
  if (o.largePrint && o.twoUp) throw new UserError({ field: '--two-up', message: 'chữ to in mỗi bản trên một tờ A4, không ghép hai bản', hint: 'bỏ --two-up hoặc bỏ --large-print' });
  const bleed = checkBleed(o.bleed ?? 0, 'pdf');
  if (bleed && o.twoUp) throw new UserError({ field: '--bleed', message: 'tràn lề cho nhà in dùng khi mỗi bản một tờ, không ghép hai bản', hint: 'bỏ --two-up hoặc bỏ --bleed' });
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const guideInfo = findGuide(o.guide);
  const classes = await readClasses(o.data, unit.fonts.missingGlyphs, allowedSchemes(o.allowScheme));
  const logo = unit.logo && o.grayscale ? await grayscaleLogo(unit.logo) : unit.logo;
  const options = {
    profile: unit.profile,
    logo,
    guide: renderGuide(guideInfo, unit.profile),
    palette: o.grayscale ? ('grayscale' as const) : ('color' as const),
    twoUp: o.twoUp,
    largePrint: o.largePrint,
    bleed: bleed * MM,
  };
  // Lay out every class first, so a bad row stops the run before any file is written.
  // A class may not be named onto the print-room file or onto another class's back picture.
  const slug = makeSlugger('lop', { reserved: ['in-tat-ca-cac-lop', 'danh-sach-in'], companions: ['-mat-sau'] });
  const laidOut = classes.map((cls) => ({ cls, pages: layoutHandout(cls, options, unit.m), base: slug(cls.name) }));
  // Both sides of a class's sheet as pictures: the steps, then the codes and the class box.
  const images = (base: string) => (o.png ? pageFileNames(`png/${base}.png`, 2) : []);
  const combinedName = 'in-tat-ca-cac-lop.pdf';
  const staged = await stageOutput(o.out, [...laidOut.flatMap(({ base }) => [`${base}.pdf`, ...images(base)]), combinedName, 'danh-sach-in.csv']);

  const progress = startProgress('Đang làm tờ phát tay', laidOut.length, o.quiet);
  const interrupt = watchInterrupt();
  try {
    const proven = new Set<string>();
    // The print room's PDF grows class by class, as the class files are written.
    const combined = await staged.stream(combinedName);
    const printRoom = openPdf({ title: ALL_CLASSES_TITLE, author: unit.profile.unit.name }, unit.fonts, { date }, (chunk) => combined.write(chunk));
    let printRoomPages = 0;
    const manifest: Record<string, string | number>[] = [];
    for (const { cls, pages, base } of laidOut) {
      await checkClassQrCodes(cls, pages, unit.fonts, proven, { file: o.data, field: 'zalo' });
      await staged.write(`${base}.pdf`, await paintPdf(document(`Lớp ${cls.name}`, unit.profile.unit.name, pages), unit.fonts, { date }));
      if (o.png) {
        // On a phone a single A5 side reads best, in colour whatever the printer is.
        const sides = layoutHandout(cls, { ...options, logo: unit.logo, palette: 'color', twoUp: false, largePrint: false, bleed: 0 }, unit.m);
        for (const [i, name] of images(base).entries()) await staged.write(name, await paintRaster(sides[i]!, unit.fonts, 'png', 200));
      }
      const sheets = handoutSheets(cls.copies, o.twoUp);
      for (let i = 0; i < sheets; i++) {
        for (const page of pages) printRoom.addPage(page);
        // A class of 200 double-sided copies takes seconds: let signals in, so a second Ctrl-C stops at once.
        await combined.drained();
        await new Promise((resolve) => setImmediate(resolve));
      }
      printRoomPages += sheets * pages.length;
      manifest.push({ class: cls.name, teacher: cls.teacher ?? '', copies: cls.copies, sheets, pages: sheets * pages.length, file: `${base}.pdf`, png: images(base).join(' ') });
      progress.tick();
      interrupt.check(manifest.length, laidOut.length, 'lớp');
    }
    await printRoom.end();
    await combined.close();
    await staged.write('danh-sach-in.csv', manifestCsv(['class', 'teacher', 'copies', 'sheets', 'pages', 'file', 'png'], manifest));
    await staged.commit();
    progress.stop();
    const totalSheets = manifest.reduce((n, r) => n + Number(r.sheets), 0);
    process.stdout.write(
      `Đã tạo ${laidOut.length} tệp${o.png ? ' PDF và ảnh PNG' : ''} cho từng lớp và ${join(o.out, combinedName)} (${printRoomPages} trang, ${totalSheets} tờ${o.twoUp ? ' A4, mỗi tờ hai bản A5' : o.largePrint ? ' A4 chữ to' : ' A5'}).\n` +
        `In hai mặt, ${o.twoUp ? 'chọn "lật theo cạnh ngắn" (flip on short edge)' : 'chọn "lật theo cạnh dài" (flip on long edge)'}: trang lẻ là mặt trước, trang chẵn là mặt sau; phiếu xác nhận ở chân mặt trước, phía sau phiếu để trống.\n` +
        `Số bản mỗi lớp: ${join(o.out, 'danh-sach-in.csv')}\n`,
    );
    return 0;
  } catch (err) {
    await staged.discard();
    throw err;
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

function document(title: string, author: string, pages: Page[]): LaidOutDocument {
  return { title, author, pages };
}

async function readClasses(file: string, missingGlyphs: (t: string) => string[], allowSchemes: string[]): Promise<ClassRow[]> {
  const table = await readDataTable(file, { ...CLASS_COLUMNS, allowSchemes, missingGlyphs });
  for (const w of table.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  // Without pupil counts the print room gets one copy a class: say so, it is rarely what was meant.
  if (table.rows.length && table.rows.every((r) => !r.values.students)) {
    process.stderr.write(`Lưu ý: tệp ${file} không ghi số học sinh (cột students): mỗi lớp chỉ in 1 bản; thêm cột students để in đủ cho cả lớp\n`);
  }
  return classRows(table.rows, file);
}
