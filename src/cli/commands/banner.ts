import { cleanText } from '../../content/clean-text.js';
import { UserError } from '../../errors.js';
import { layoutOneDocument } from '../../export/one-document.js';
import { exportDocument } from '../../export/render.js';
import { checkOutFile } from '../../output/destination.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { DEFAULT_SLOGAN, parseBannerSize } from '../../products/banner.js';
import { loadUnitFor } from '../unit.js';
import { sourceDate } from '../output-options.js';

export async function bannerCommand(o: { allowScheme?: string[]; unit: string; text?: string; size: string; cmyk: boolean; out?: string }): Promise<number> {
  const size = parseBannerSize(o.size);
  if (!size) throw new UserError({ field: '--size', message: `không hiểu kích thước "${o.size}"`, hint: 'ghi dài x cao kèm đơn vị, ví dụ 500x80cm hoặc 3000x600mm' });
  const date = sourceDate();
  const out = o.out ?? 'bang-ron.pdf';
  await checkOutFile(out);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const slogan = cleanText(o.text ?? unit.profile.slogan ?? DEFAULT_SLOGAN);
  const missing = unit.fonts.missingGlyphs(slogan);
  if (!slogan) throw new UserError({ field: '--text', message: 'khẩu hiệu đang trống', hint: 'ghi khẩu hiệu trong ngoặc kép sau --text' });
  if (missing.length) throw new UserError({ field: '--text', message: `khẩu hiệu có ký tự không in được: ${missing.map((ch) => `"${ch}"`).join(', ')}`, hint: 'xoá hoặc thay ký tự đó' });
  const { doc, dpi } = layoutOneDocument({ product: 'banner', slogan, ...size, label: o.size }, unit);
  const [file] = await exportDocument(doc, unit.fonts, out, { format: 'pdf', dpi, date, cmyk: o.cmyk });
  await writeFileAtomic(out, file!.bytes);
  process.stdout.write(`Đã tạo ${out} (băng rôn ${o.size}, đúng kích thước thật)\n`);
  return 0;
}
