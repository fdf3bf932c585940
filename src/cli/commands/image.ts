import { findGuide } from '../../content/guides.js';
import { UserError } from '../../errors.js';
import { checkOutFile } from '../../output/destination.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { exportDocument, type OutputFormat } from '../../export/render.js';
import { layoutOneDocument } from '../../export/one-document.js';
import { fileNames } from '../../products/catalog.js';
import { IMAGE_PRESETS, type ImagePreset } from '../../products/screen-image.js';
import { loadUnitFor, noteGuideNeeds, noteLayoutChoices } from '../unit.js';
import { resolveFormat } from '../output-options.js';

export interface ImageCommandOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  guide: string;
  preset?: ImagePreset;
  width?: number;
  height?: number;
  format?: OutputFormat;
  out?: string;
}

export async function imageCommand(o: ImageCommandOptions): Promise<number> {
  const format = resolveFormat(o.format, o.out);
  if (format === 'pdf') throw new UserError({ field: '--format', message: 'ảnh màn hình chỉ xuất PNG, JPEG hoặc WebP', hint: 'ghi --format png (hoặc jpg, webp), hoặc tên tệp --out có đuôi .png' });
  const px = pixelSize(o);
  const info = findGuide(o.guide);
  const out = o.out ?? fileNames.image(info.id, o.preset ?? `${px.width}x${px.height}`, format);
  await checkOutFile(out);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  noteGuideNeeds(info, unit.profile);
  const { doc, dpi, notices } = layoutOneDocument({ product: 'image', guide: info, px, preset: o.preset }, unit);
  noteLayoutChoices(notices);
  const [file] = await exportDocument(doc, unit.fonts, out, { format, dpi });
  await writeFileAtomic(out, file!.bytes);
  process.stdout.write(`Đã tạo ${out} (${px.width} × ${px.height} điểm ảnh)\n`);
  return 0;
}

function pixelSize(o: ImageCommandOptions): { width: number; height: number } {
  if (o.preset && (o.width || o.height)) throw new UserError({ field: '--preset', message: 'chỉ dùng một trong hai: --preset, hoặc --width và --height', hint: 'bỏ bớt một cách ghi kích thước' });
  if (o.preset) return IMAGE_PRESETS[o.preset];
  if (o.width === undefined || o.height === undefined) {
    throw new UserError({ field: '--preset', message: 'chưa có kích thước ảnh', hint: `ghi --preset (${Object.keys(IMAGE_PRESETS).join(', ')}) hoặc cả --width và --height (điểm ảnh)` });
  }
  for (const [name, v] of [['--width', o.width], ['--height', o.height]] as const) {
    if (!Number.isInteger(v) || v < 320 || v > 8000) throw new UserError({ field: name, message: `${v} điểm ảnh không dùng được`, hint: 'ghi số nguyên từ 320 đến 8000' });
  }
  return { width: o.width, height: o.height };
}
