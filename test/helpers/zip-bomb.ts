import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip: its bytes repeated, and the size its headers claim. */
export interface CraftedEntry {
  name: string;
  chunk: Buffer;
  /** How many times `chunk` is repeated (so gigabytes never sit in memory). */
  times?: number;
  /** The uncompressed size written in the headers; the real size unless the header should lie. */
  declaredSize?: number;
}

/**
 * A zip archive written by hand, because no zip library will write a header that
 * lies about its size: the hostile .xlsx files the guard must refuse. Sizes must
 * stay under 4 GB (no zip64).
 */
export async function craftZip(entries: CraftedEntry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const { data, size, crc } = await deflateRepeated(e.chunk, e.times ?? 1);
    const name = Buffer.from(e.name);
    const header = (signature: number, central: boolean) => {
      const h = Buffer.alloc(central ? 46 : 30);
      let p = 0;
      h.writeUInt32LE(signature, p);
      p += 4;
      if (central) h.writeUInt16LE(20, (p += 2) - 2); // made by
      h.writeUInt16LE(20, p); // needed to extract
      h.writeUInt16LE(0, p + 2); // flags
      h.writeUInt16LE(8, p + 4); // deflate
      h.writeUInt32LE(0, p + 6); // time, date
      h.writeUInt32LE(crc, p + 10);
      h.writeUInt32LE(data.length, p + 14);
      h.writeUInt32LE(e.declaredSize ?? size, p + 18);
      h.writeUInt16LE(name.length, p + 22);
      if (central) h.writeUInt32LE(offset, 42);
      return Buffer.concat([h, name]);
    };
    central.push(header(0x02014b50, true));
    const local = Buffer.concat([header(0x04034b50, false), data]);
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * `chunk` deflated once and its compressed bytes repeated: each copy ends at a
 * full flush (byte-aligned, no reference to what came before), so the copies
 * chain into one valid stream, closed by an empty final block. Gigabytes cost
 * what one chunk costs, and their CRC is combined, not computed over them.
 */
async function deflateRepeated(chunk: Buffer, times: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const once = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: times }, () => once), Buffer.from([0x03, 0x00])]);
  const one = crc32(chunk);
  let crc = 0;
  for (let i = 0; i < times; i++) crc = crc32Combine(crc, one, chunk.length);
  return { data, size: chunk.length * times, crc };
}

/** The CRC-32 of A followed by B, from theirs and B's length (zlib's crc32_combine). */
function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  const times = (matrix: Uint32Array, vector: number) => {
    let sum = 0;
    for (let i = 0; vector; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
    return sum >>> 0;
  };
  const square = (into: Uint32Array, matrix: Uint32Array) => {
    for (let n = 0; n < 32; n++) into[n] = times(matrix, matrix[n]!);
  };
  if (lengthB <= 0) return crcA;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the CRC-32 polynomial, reflected
  for (let n = 1; n < 32; n++) odd[n] = 1 << (n - 1);
  square(even, odd); // two zero bits
  square(odd, even); // four
  let crc = crcA;
  let n = lengthB;
  for (;;) {
    square(even, odd);
    if (n & 1) crc = times(even, crc);
    n = Math.floor(n / 2);
    if (!n) break;
    square(odd, even);
    if (n & 1) crc = times(odd, crc);
    n = Math.floor(n / 2);
    if (!n) break;
  }
  return (crc ^ crcB) >>> 0;
}
