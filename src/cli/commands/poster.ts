import { findGuide } from '../../content/guides.js';
import { UserError } from '../../errors.js';
import { MM, type PosterSize } from '../../layout/page-sizes.js';
import type { TileSheet } from '../../layout/tiles.js';
import { checkOutFile } from '../../output/destination.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { fileNames } from '../../products/catalog.js';
import { layoutOneDocument } from '../../export/one-document.js';
import { exportDocument, type OutputFormat } from '../../export/render.js';
import { loadUnitFor, noteGuideNeeds, noteLayoutChoices } from '../unit.js';
import { checkDpi, resolveFormat, sourceDate } from '../output-options.js';

export interface PosterCommandOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  guide: string;
  size: PosterSize;
  landscape: boolean;
  bleed: number;
  tile?: TileSheet;
  cmyk: boolean;
  format?: OutputFormat;
  dpi: number;
  out?: string;
}

/** People stand about this far from a poster on a wall or a notice board. */
const VIEWING_DISTANCE_M = 3;

export async function posterCommand(o: PosterCommandOptions): Promise<number> {
  const format = resolveFormat(o.format, o.out);
  const dpi = checkDpi(o.dpi);
  if (!(o.bleed >= 0 && o.bleed <= 20)) throw new UserError({ field: '--bleed', message: `lề tràn ${o.bleed} mm không dùng được`, hint: 'ghi số mm từ 0 đến 20 (nhà in thường cần 3 mm)' });
  if (format !== 'pdf' && (o.tile || o.bleed || o.cmyk)) {
    throw new UserError({ field: '--format', message: '--tile, --bleed và --cmyk chỉ dùng cho tệp PDF', hint: 'bỏ --format hoặc ghi --format pdf' });
  }
  const date = sourceDate();
  const info = findGuide(o.guide);
  const request = { product: 'poster' as const, guide: info, size: o.size, landscape: o.landscape, bleedMm: o.bleed, tile: o.tile };
  const out = o.out ?? fileNames.poster(info.id, o.size, o.landscape, format, o.tile);
  await checkOutFile(out);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  noteGuideNeeds(info, unit.profile);
  const result = layoutOneDocument(request, unit);
  noteLayoutChoices(result.notices);
  const [file] = await exportDocument(result.doc, unit.fonts, out, { format, dpi, date, cmyk: o.cmyk });
  await writeFileAtomic(out, file!.bytes);

  const qrCm = result.qrSize! / MM / 10;
  const reach = (qrCm * 10) / 100;
  const lines = [`Đã tạo ${out} (áp phích ${o.size.toUpperCase()}${o.landscape ? ' ngang' : ''}${o.bleed ? `, tràn lề ${o.bleed} mm, có dấu cắt` : ''}${o.cmyk ? ', màu CMYK' : ''}).`];
  if (result.tiles) lines.push(`Chia thành ${result.tiles.rows * result.tiles.columns} tờ ${o.tile!.toUpperCase()} (${result.tiles.rows} hàng × ${result.tiles.columns} cột), chồng mép 10 mm.`);
  lines.push(`Mã QR in cạnh ${qrCm.toFixed(1).replace('.', ',')} cm: quét được từ khoảng ${reach.toFixed(1).replace('.', ',')} m.`);
  if (reach < VIEWING_DISTANCE_M) lines.push(`Lưu ý: chưa đủ để quét từ ${VIEWING_DISTANCE_M} m; khi treo xa người xem, hãy in khổ lớn hơn.`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
