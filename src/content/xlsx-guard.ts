import { Inflate, zipSync } from 'fflate';
import { UserError } from '../errors.js';
import { formatBytes } from './read-input.js';

/**
 * The most the parts of an .xlsx that hold the table may unpack to. A table of
 * 20,000 rows with cells of 200 characters stays under 20 MB of XML.
 */
export const MAX_XLSX_UNPACKED = 50 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const OLD_EXCEL = [0xd0, 0xcf, 0x11, 0xe0];
/** Compressed bytes inflated at a time: at most about 16 MB come out of one before the count is checked. */
const STEP = 16 * 1024;

/**
 * An .xlsx is a zip archive, and a few kilobytes of zip can unpack to gigabytes.
 * This unpacks the parts read-excel-file reads (*.xml, *.xml.rels) itself: their
 * sizes as the archive's directory declares them must add up to at most
 * MAX_XLSX_UNPACKED before any is unpacked, and a part whose data runs past its
 * declared size (a lying header) is stopped there. Only these checked parts,
 * packed again without compression, go on to the reader. Pure JavaScript, so the
 * web page checks a spreadsheet exactly as the command line does.
 */
export async function checkedXlsx(bytes: Uint8Array, file: string): Promise<Buffer> {
  const fail = (message: string) => new UserError({ file, message, hint: 'mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx' });
  if (OLD_EXCEL.every((b, i) => bytes[i] === b)) throw fail('tệp này là Excel đời cũ (.xls) dù mang đuôi .xlsx');
  const broken = () => fail('tệp .xlsx bị hỏng hoặc không phải tệp Excel');
  const directory = readDirectory(bytes);
  if (!directory) throw broken();
  if (directory.count > MAX_ENTRIES) throw fail(`tệp .xlsx chứa ${directory.count} phần, nhiều bất thường`);
  const entries = directory.entries();
  if (!entries) throw broken();
  const parts = entries.filter((e) => e.name.endsWith('.xml') || e.name.endsWith('.xml.rels'));
  const declared = parts.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_XLSX_UNPACKED) {
    throw new UserError({
      file,
      message: `tệp .xlsx khi giải nén ra nặng ${formatBytes(declared)}, quá mức ${formatBytes(MAX_XLSX_UNPACKED)} (tệp nén bất thường)`,
      hint: 'mở tệp bằng Excel, xoá các trang tính không dùng rồi lưu lại, hoặc lưu thành CSV UTF-8',
    });
  }
  const unpacked: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const entry of parts) {
    const data = unpack(bytes, entry);
    if (data === 'broken') throw broken();
    if (!data) throw fail(`tệp .xlsx bị hỏng: phần "${entry.name}" giải nén không khớp kích thước ghi trong tệp`);
    unpacked[entry.name] = [data, { level: 0 }];
  }
  const repacked = zipSync(unpacked);
  return Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength);
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  /** Compressed and uncompressed size, as the central directory declares them. */
  packed: number;
  size: number;
  local: number;
}

/** The archive's central directory (no zip64: an .xlsx under the upload limits never needs it). */
function readDirectory(b: Uint8Array): { count: number; entries(): Entry[] | undefined } | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = -1;
  for (let at = b.length - 22; at >= 0 && at >= b.length - 22 - 0xffff; at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = u16(end + 10);
  const start = u32(end + 16);
  if (count === 0xffff || start === 0xffffffff) return undefined;
  return {
    count,
    entries() {
      const entries: Entry[] = [];
      const names = new TextDecoder();
      for (let i = 0, at = start; i < count; i++) {
        if (at + 46 > b.length || u32(at) !== 0x02014b50) return undefined;
        const nameLength = u16(at + 28);
        if (at + 46 + nameLength > b.length) return undefined;
        entries.push({ flags: u16(at + 8), method: u16(at + 10), packed: u32(at + 20), size: u32(at + 24), local: u32(at + 42), name: names.decode(b.subarray(at + 46, at + 46 + nameLength)) });
        at += 46 + nameLength + u16(at + 30) + u16(at + 32);
      }
      return entries;
    },
  };
}

/** One part's bytes; undefined when they do not come to the declared size, 'broken' when they cannot be read. */
function unpack(b: Uint8Array, e: Entry): Uint8Array | undefined | 'broken' {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.flags & 1 || e.local + 30 > b.length || view.getUint32(e.local, true) !== 0x04034b50) return 'broken';
  const from = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  if (from + e.packed > b.length) return 'broken';
  const packed = b.subarray(from, from + e.packed);
  if (e.method === 0) return packed.length === e.size ? packed : undefined;
  if (e.method !== 8) return 'broken';
  const out = new Uint8Array(e.size);
  let size = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    if (over || size + chunk.length > e.size) over = true;
    else out.set(chunk, size);
    size += chunk.length;
  });
  try {
    for (let at = 0; at < packed.length && !over; at += STEP) inflate.push(packed.subarray(at, at + STEP), at + STEP >= packed.length);
  } catch {
    return undefined;
  }
  return !over && size === e.size ? out : undefined;
}
