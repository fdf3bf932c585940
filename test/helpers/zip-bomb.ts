import { crc32, createDeflateRaw } from 'node:zlib';

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

async function deflateRepeated(chunk: Buffer, times: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let i = 0; i < times; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), size: chunk.length * times, crc };
}
