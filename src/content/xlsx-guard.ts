import type { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import yauzl from 'yauzl';
import { UserError } from '../errors.js';
import { formatBytes } from './read-input.js';

/**
 * The most the parts of an .xlsx that hold the table may unpack to. A table of
 * 20,000 rows with cells of 200 characters stays under 20 MB of XML.
 */
export const MAX_XLSX_UNPACKED = 50 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const OLD_EXCEL = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * An .xlsx is a zip archive, and a few kilobytes of zip can unpack to gigabytes.
 * This unpacks the parts read-excel-file reads (*.xml, *.xml.rels) itself: their
 * sizes as the archive declares them must add up to at most MAX_XLSX_UNPACKED
 * before any is unpacked, and yauzl stops a part whose data runs past its
 * declared size (a lying header). Only these checked parts, packed again
 * without compression, go on to the reader.
 */
export async function checkedXlsx(bytes: Buffer, file: string): Promise<Buffer> {
  const fail = (message: string) => new UserError({ file, message, hint: 'mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx' });
  if (bytes.subarray(0, 4).equals(OLD_EXCEL)) throw fail('tệp này là Excel đời cũ (.xls) dù mang đuôi .xlsx');
  const broken = () => fail('tệp .xlsx bị hỏng hoặc không phải tệp Excel');
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  } catch {
    throw broken();
  }
  if (zip.entryCount > MAX_ENTRIES) throw fail(`tệp .xlsx chứa ${zip.entryCount} phần, nhiều bất thường`);
  const entries = await readEntries(zip).catch(() => {
    throw broken();
  });
  const parts = entries.filter((e) => e.fileName.endsWith('.xml') || e.fileName.endsWith('.xml.rels'));
  const declared = parts.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_XLSX_UNPACKED) {
    throw new UserError({
      file,
      message: `tệp .xlsx khi giải nén ra nặng ${formatBytes(declared)}, quá mức ${formatBytes(MAX_XLSX_UNPACKED)} (tệp nén bất thường)`,
      hint: 'mở tệp bằng Excel, xoá các trang tính không dùng rồi lưu lại, hoặc lưu thành CSV UTF-8',
    });
  }
  const unpacked: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const entry of parts) {
    try {
      unpacked[entry.fileName] = [await readAll(await zip.openReadStreamPromise(entry)), { level: 0 }];
    } catch {
      throw fail(`tệp .xlsx bị hỏng: phần "${entry.fileName}" giải nén không khớp kích thước ghi trong tệp`);
    }
  }
  const repacked = zipSync(unpacked);
  return Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength);
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
