import { UserError } from '../errors.js';

/**
 * Text files come as UTF-8 (with or without BOM) or, from Excel's "Unicode Text",
 * as UTF-16 with a BOM. Anything else is refused with how to re-save it.
 */
export function decodeTextFile(bytes: Buffer, file: string): { text: string; warnings: string[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), warnings: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    throw new UserError({
      file,
      line: text.slice(0, text.indexOf('\uFFFD')).split('\n').length,
      message: 'tệp không lưu theo bảng mã UTF-8 nên chữ tiếng Việt sẽ bị lỗi',
      hint: 'trong Excel chọn Lưu thành (Save As) > "CSV UTF-8 (Comma delimited)"; trong LibreOffice chọn bảng mã Unicode (UTF-8)',
    });
  }
}
