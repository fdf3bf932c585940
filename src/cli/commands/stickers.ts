import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDataTable } from '../../content/data-table.js';
import { renderGuide } from '../../content/guides.js';
import { UserError } from '../../errors.js';
import { loadSheetPreset } from '../../layout/sheet-preset.js';
import { manifestCsv } from '../../output/manifest.js';
import { makeSlugger } from '../../output/slug.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { paintPdf } from '../../paint/pdf.js';
import { paintRaster } from '../../paint/raster.js';
import { verifyQrCodes } from '../../qr/verify.js';
import { layoutStickerSheets, type StickerRow } from '../../products/sticker-sheet.js';
import { loadUnit } from '../../products/unit-context.js';
import { allowedSchemes, sourceDate } from '../output-options.js';
import { watchInterrupt } from '../interrupt.js';
import { startProgress } from '../progress.js';

export interface StickersOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  data: string;
  sheet: string;
  out: string;
  png: boolean;
  quiet: boolean;
}

const REMINDER = fileURLToPath(new URL('../../../templates/stickers/nhac-viec.hbs', import.meta.url));
/** Per-block images at print resolution. */
const PNG_DPI = 300;

/** One QR sticker per apartment block, on label sheets; every code read back before success. */
export async function stickersCommand(o: StickersOptions): Promise<number> {
  const date = sourceDate();
  const unit = await loadUnit(o.unit, { allowSchemes: allowedSchemes(o.allowScheme) });
  const preset = loadSheetPreset(o.sheet);
  const table = await readDataTable(o.data, { required: ['block'], optional: ['address', 'url', 'url_label'], links: ['url'], allowSchemes: allowedSchemes(o.allowScheme), missingGlyphs: unit.fonts.missingGlyphs });
  for (const w of table.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  const rows: StickerRow[] = table.rows.map((r) => ({
    line: r.line,
    block: r.values.block!,
    address: r.values.address || undefined,
    url: r.values.url || undefined,
    urlLabel: r.values.url_label || undefined,
  }));
  const reminder = renderGuide({ id: 'nhac-viec', title: '', summary: '', file: REMINDER }, unit.profile);
  const { doc, placed } = layoutStickerSheets({ profile: unit.profile, rows, preset, reminder, dataFile: o.data }, unit.m);

  const progress = startProgress('Đang làm tem', doc.pages.length + (o.png ? placed.length : 0), o.quiet);
  const interrupt = watchInterrupt();
  try {
    const proven = new Set<string>();
    for (const [i, page] of doc.pages.entries()) {
      const failures = await verifyQrCodes(page, unit.fonts, proven);
      if (failures.length) throw unreadable(o.data, placed.filter((p) => p.page === i + 1).map((p) => p.row), failures[0]!.qr.url);
      progress.tick();
    }
    const pdf = await paintPdf(doc, unit.fonts, { date });
    const pdfName = `tem-qr-${preset.name}.pdf`;
    const slug = makeSlugger('toa-nha');
    const manifest: Record<string, string | number>[] = [];
    for (const [i, p] of placed.entries()) {
      const file = o.png ? join('png', `${slug(p.row.block)}.png`) : '';
      if (o.png) {
        interrupt.check(i, placed.length, 'ảnh tem');
        await writeFileAtomic(join(o.out, file), await paintRaster(p.single(), unit.fonts, 'png', PNG_DPI));
        progress.tick();
      }
      manifest.push({ block: p.row.block, line: p.row.line, page: p.page, row: p.sheetRow, column: p.sheetColumn, png: file });
    }
    await writeFileAtomic(join(o.out, pdfName), pdf);
    await writeFileAtomic(join(o.out, 'manifest.csv'), manifestCsv(['block', 'line', 'page', 'row', 'column', 'png'], manifest));
    progress.stop();
    process.stdout.write(
      `Đã tạo ${join(o.out, pdfName)}: ${placed.length} tem trên ${doc.pages.length} tờ (${preset.title}); mọi mã QR đã được quét thử.\n` +
        `Danh sách tem: ${join(o.out, 'manifest.csv')}${o.png ? `; ảnh từng tem trong ${join(o.out, 'png')}` : ''}\n`,
    );
    return 0;
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

function unreadable(file: string, rows: StickerRow[], url: string): UserError {
  const row = rows.find((r) => r.url === url) ?? rows[0];
  return new UserError({
    file,
    line: row?.line,
    field: row?.url === url ? 'url' : undefined,
    message: `mã QR cho "${url}" không quét lại được ở cỡ in này`,
    hint: 'dùng đường link ngắn hơn, hoặc nhãn lớn hơn để mã QR được in to hơn',
  });
}
