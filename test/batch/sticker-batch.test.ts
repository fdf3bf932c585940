import { beforeAll, describe, expect, it } from 'vitest';
import { memorySink, type BatchSink } from '../../src/batch/batch.js';
import { stickerBatch } from '../../src/batch/sticker-batch.js';
import { loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { stickerReminder, type StickerSheetInput } from '../../src/products/sticker-sheet.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';

let unit: UnitContext;
let input: StickerSheetInput;

beforeAll(async () => {
  unit = await loadUnit(example('phuong-binh-thanh.yaml'));
  // One sticker a sheet: three sheets.
  const rows = ['Tòa A', 'Tòa B', 'Tòa A'].map((block, i) => ({ line: i + 2, block, url: i === 1 ? 'https://zalo.me/g/toab' : undefined }));
  input = { profile: unit.profile, rows, preset: loadSheetPreset('a6'), reminder: stickerReminder(unit.profile), dataFile: 'toa.csv' };
});

/** A memory sink that also lists what was written, in order. */
function recording() {
  const sink = memorySink();
  const written: string[] = [];
  const wrapped: BatchSink = {
    write: (name, data) => (written.push(name), sink.write(name, data)),
    stream: (name) => (written.push(name), sink.stream(name)),
  };
  return { sink, written, wrapped };
}

describe('the sticker batch', () => {
  it('writes exactly the files it planned, and reports sheets then pictures', async () => {
    const batch = await stickerBatch(input, unit, { pictures: true });
    expect(batch.files).toEqual(['tem-qr-a6.pdf', 'png/toa-a.png', 'png/toa-b.png', 'png/toa-a-2.png', 'manifest.csv']);
    expect(batch.steps).toBe(3 + 3);
    const { sink, written, wrapped } = recording();
    const said: string[] = [];
    expect(await batch.run(wrapped, { progress: (done, total, unit) => said.push(`${done}/${total} ${unit}`) })).toEqual({ stickers: 3, sheets: 3, notices: [] });
    expect([...written].sort()).toEqual([...batch.files].sort());
    expect(said.filter((s) => s.endsWith('tờ tem'))).toEqual(['0/3 tờ tem', '1/3 tờ tem', '2/3 tờ tem', '3/3 tờ tem']);
    expect(said.filter((s) => s.endsWith('ảnh tem'))).toHaveLength(4);
    expect(sink.file('manifest.csv').toString()).toContain('png/toa-a-2.png');
  });

  it('prints its codes without link annotations (label sheets are only printed), the same on every run', async () => {
    const runOnce = async () => {
      const sink = memorySink();
      await (await stickerBatch(input, unit, { pictures: false, date: new Date(1_700_000_000_000) })).run(sink);
      return sink.file('tem-qr-a6.pdf');
    };
    const pdf = await runOnce();
    expect(pdf.toString('latin1')).not.toMatch(/\/Annots|\/URI/);
    expect((await runOnce()).equals(pdf)).toBe(true);
  });

  it('stops between two sheets when asked, before any picture is drawn', async () => {
    const batch = await stickerBatch(input, unit, { pictures: true });
    const { written, wrapped } = recording();
    const stop = new Error('dừng');
    const checkStop = (done: number) => {
      if (done === 1) throw stop;
    };
    await expect(batch.run(wrapped, { checkStop })).rejects.toBe(stop);
    expect(written).toEqual(['tem-qr-a6.pdf']);
  });
});
