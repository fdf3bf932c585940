import { UserError } from '../errors.js';
import { loadSharp } from '../paint/load-sharp.js';
import { readInputFile } from './read-input.js';

/** A unit's logo, re-encoded as a small PNG so every painter can embed it. */
export interface LogoImage {
  png: Buffer;
  width: number;
  height: number;
}

const MAX_BYTES = 5 * 1024 * 1024;
const MAX_INPUT_PIXELS = 25_000_000;
/** Enough for a 4 cm logo at 300 dpi. */
const MAX_SIDE = 600;

/** The logo a profile names, read from disk with the same bounds as every input. */
export async function loadLogo(path: string, profileFile: string): Promise<LogoImage> {
  const bytes = readInputFile(path, {
    what: 'tệp logo',
    field: 'unit.logo',
    namedIn: profileFile,
    maxBytes: MAX_BYTES,
    tooBigHint: 'dùng ảnh nhỏ hơn (khoảng 600 × 600 điểm ảnh là đủ)',
    notFoundHint: 'ghi đường dẫn tệp ảnh PNG hoặc JPG, tính từ thư mục chứa tệp hồ sơ',
  });
  return decodeLogo(bytes, profileFile);
}

/** A logo's bytes (PNG, JPG, SVG) as the small PNG every painter embeds; problems belong to the profile's unit.logo. */
export async function decodeLogo(bytes: Buffer, profileFile: string): Promise<LogoImage> {
  const fail = (message: string, hint: string) => new UserError({ file: profileFile, field: 'unit.logo', message, hint });
  const sharp = await loadSharp();
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  if (!meta?.width || !meta.height) throw fail('tệp logo không phải ảnh đọc được', 'dùng ảnh PNG, JPG hoặc SVG');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw fail(`ảnh logo quá lớn (${meta.width} × ${meta.height} điểm ảnh)`, 'thu nhỏ ảnh còn khoảng 600 × 600 điểm ảnh rồi dùng lại');
  }
  try {
    const { data, info: out } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: out.width, height: out.height };
  } catch {
    throw fail('tệp logo không phải ảnh đọc được', 'dùng ảnh PNG, JPG hoặc SVG');
  }
}

/** The logo in shades of grey, for black-and-white prints. */
export async function grayscaleLogo(logo: LogoImage): Promise<LogoImage> {
  const sharp = await loadSharp();
  return { ...logo, png: await sharp(logo.png).greyscale().png().toBuffer() };
}
