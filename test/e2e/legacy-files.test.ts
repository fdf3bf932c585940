import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runHere, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { writeXlsx } from '../helpers/spreadsheet.js';

const UNIT = example('phuong-binh-thanh.yaml');
/** Typed with the ABC fonts (.VnTime): TCVN3 bytes, as Windows-1252 reads them. */
const TCVN3_ROWS = [
  ['Tßa nhµ Ngäc Lan', '125 N¬ Trang Long, Ph\u00ADêng 13'],
  ['Chung c\u00AD Bé ®éi Biªn phßng', '12 N¬ Trang Long'],
];
const UNICODE_ROWS = [
  ['Tòa nhà Ngọc Lan', '125 Nơ Trang Long, Phường 13'],
  ['Chung cư Bộ đội Biên phòng', '12 Nơ Trang Long'],
];

async function stickerText(dir: string, data: string): Promise<{ text: string; stderr: string }> {
  const r = await runHere(['stickers', '--unit', UNIT, '--data', data, '--out', join(dir, 'tem'), '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  const pages = await readPdf(readFileSync(join(dir, 'tem', 'tem-qr-a4-2x4.pdf')));
  return { text: pages.map((p) => p.text).join(' '), stderr: r.stderr };
}

describe('old Vietnamese spreadsheets', () => {
  it('a CSV saved with TCVN3 (ABC) bytes is converted to Unicode, with a warning', async () => {
    const dir = tempDir();
    const csv = join(dir, 'toa-nha.csv');
    writeFileSync(csv, Buffer.from(['block,address', ...TCVN3_ROWS.map((r) => `"${r[0]}","${r[1]}"`)].join('\r\n'), 'latin1'));
    const { text, stderr } = await stickerText(dir, csv);
    for (const [block, address] of UNICODE_ROWS) {
      expect(text).toContain(block);
      expect(text).toContain(address);
    }
    expect(stderr).toContain('bảng mã cũ TCVN3 (ABC); đã tự chuyển sang Unicode');
  });

  it('an .xlsx whose cells hold TCVN3 text is converted too', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'toa-nha.xlsx');
    await writeXlsx(xlsx, [['block', 'address'], ...TCVN3_ROWS]);
    const { text, stderr } = await stickerText(dir, xlsx);
    expect(text).toContain('Chung cư Bộ đội Biên phòng');
    expect(stderr).toContain('TCVN3');
  });

  it('an Excel "Unicode Text" file (UTF-16 with BOM, tab-separated) is read as it is', async () => {
    const dir = tempDir();
    const txt = join(dir, 'toa-nha.txt');
    const body = ['block\taddress', ...UNICODE_ROWS.map((r) => r.join('\t'))].join('\r\n');
    writeFileSync(txt, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
    const { text, stderr } = await stickerText(dir, txt);
    expect(text).toContain('Tòa nhà Ngọc Lan');
    expect(text).toContain('125 Nơ Trang Long, Phường 13');
    expect(stderr).toBe('');
  });
});
