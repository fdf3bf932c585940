import { UserError } from '../errors.js';
import { convertLegacyVietnamese, detectLegacyVietnamese, type LegacyEncoding } from './legacy-encoding.js';

const LEGACY_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

/**
 * Text files come as UTF-8 (with or without BOM) or, from Excel's "Unicode Text",
 * as UTF-16 with a BOM. Old files typed with TCVN3 (ABC) or VNI fonts — as raw
 * 8-bit bytes, or as mojibake pasted into a UTF-8 file — are converted with a
 * warning. Anything else is refused with how to re-save it.
 */
export function decodeTextFile(bytes: Buffer, file: string): { text: string; warnings: string[] } {
  if (looksBinary(bytes)) {
    throw new UserError({ file, message: 'tệp này không phải tệp chữ (có thể là ảnh, tệp Word hoặc tệp nén)', hint: 'kiểm tra xem có chọn nhầm tệp không' });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    utf8 = undefined;
  }
  if (utf8 !== undefined) return fromLegacy(utf8, file) ?? { text: utf8, warnings: [] };

  // Legacy font encodings are single-byte: read the bytes as Windows-1252, the
  // way those fonts were laid out, and keep them only if they look Vietnamese.
  // (Not TextDecoder: Node 20's reads 'windows-1252' as Latin-1, turning
  // 0x80–0x9F such as the en dash 0x96 into control characters.)
  const legacy = fromLegacy(decodeWindows1252(bytes), file);
  if (legacy) return legacy;
  const text = new TextDecoder('utf-8').decode(bytes);
  throw new UserError({
    file,
    line: text.slice(0, text.indexOf('\uFFFD')).split('\n').length,
    message: 'tệp không lưu theo bảng mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi',
    hint: 'trong Excel chọn Lưu thành (Save As) > "CSV UTF-8 (Comma delimited)"; trong LibreOffice chọn bảng mã Unicode (UTF-8)',
  });
}

/** Windows-1252's characters for 0x80–0x9F (five bytes it leaves undefined read as U+FFFD); the rest is Latin-1. */
const CP1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

/** Bytes as Windows-1252 text, as iconv-lite reads them, in a few lines rather than a library of every encoding. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)));
    text += chunk.join('');
  }
  return text;
}

/** A NUL byte near the start, outside UTF-16, is how git tells a binary file; text never has one. */
function looksBinary(bytes: Buffer): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && bytes.subarray(0, 8000).includes(0);
}

function fromLegacy(text: string, file: string): { text: string; warnings: string[] } | undefined {
  const enc = detectLegacyVietnamese(text);
  if (!enc) return undefined;
  return {
    text: convertLegacyVietnamese(text, enc),
    warnings: [legacyWarning(file, enc)],
  };
}

export function legacyWarning(file: string, enc: LegacyEncoding): string {
  return `tệp ${file} có chữ theo bảng mã cũ ${LEGACY_NAMES[enc]}; đã tự chuyển sang Unicode. Hãy kiểm tra lại chữ trên bản in.`;
}
