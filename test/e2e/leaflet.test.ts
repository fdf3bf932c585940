import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGuide, renderGuide } from '../../src/content/guides.js';
import { OFFICIAL_STORE_LINKS } from '../../src/content/profile-schema.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example, runCli, runHere, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { readQrCodes } from '../helpers/qr-read.js';

const UNIT = example('phuong-binh-thanh.yaml');
const A5 = { width: 419.53, height: 595.28 };
const A4 = { width: 595.28, height: 841.89 };

describe('leaflet as PDF', () => {
  let dir: string;
  let text: string;
  let pages: Awaited<ReturnType<typeof readPdf>>;

  beforeAll(async () => {
    dir = tempDir();
    const r = runCli(['leaflet', '--unit', UNIT, '--guide', 'kich-hoat', '--out', join(dir, 'to-roi.pdf')]);
    // At 10 pt the guide takes both sides, and the user is told what went to the back.
    expect(r.stderr).toMatch(/^Lưu ý: hướng dẫn "kich-hoat" dài hơn một mặt A5 với cỡ chữ dễ đọc: .+ được in ở mặt sau \(trang 2\); hãy in hai mặt\n$/);
    expect(r.code).toBe(0);
    pages = await readPdf(readFileSync(join(dir, 'to-roi.pdf')));
    text = pages.map((p) => p.text).join(' ');
  });

  it('is an A5 sheet, 419.53 × 595.28 pt, with the steps in front and the notes on the back', () => {
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A5.width, 1);
      expect(page.height).toBeCloseTo(A5.height, 1);
    }
    expect(pages[0]!.text).toContain('Cài ứng dụng VNeID');
    expect(text).toContain('Cảnh giác lừa đảo');
    expect(pages[1]!.text).toContain('Không có điện thoại thông minh?');
    // Both sides carry the contact band.
    for (const page of pages) expect(page.text).toContain('ĐT 0907 028 318');
  });

  it('shows the unit, the guide title and every step in exact Vietnamese', () => {
    expect(text).toContain('Ủy ban nhân dân phường Bình Thạnh');
    expect(text).toContain('BAN CHỈ ĐẠO ĐỀ ÁN 06 THÀNH PHỐ HỒ CHÍ MINH');
    expect(text).toContain('Tự kích hoạt tài khoản định danh điện tử tại nhà');
    for (const step of ['Cài ứng dụng VNeID', 'Đặt mật khẩu', 'Đặt passcode 6 chữ số', 'Chọn 2 câu hỏi bảo mật', 'Đăng nhập']) {
      expect(text).toContain(step);
    }
    expect(text).toContain('8 đến 20 ký tự');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('numbers the steps 1 to 7, each number with its own step, in order', () => {
    const steps = ['Cài ứng dụng VNeID', 'Chọn Kích hoạt', 'Gửi yêu cầu, nhập mã OTP', 'Đặt mật khẩu', 'Đặt passcode 6 chữ số', 'Chọn 2 câu hỏi bảo mật', 'Đăng nhập'];
    const at = steps.map((step, i) => text.search(new RegExp(`(^|\\s)${i + 1}\\s+${step.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    expect(at.every((p) => p >= 0), `not found: ${steps.filter((_, i) => at[i]! < 0).join(', ')}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('carries the contact officer with the phone grouped, the deadline and the venues', () => {
    expect(text).toContain('Trần Văn An');
    expect(text).toContain('ĐT 0907 028 318');
    expect(text).toContain('Đợt vận động đến hết ngày 31/3/2027');
    expect(text).toContain('Công an phường Bình Thạnh');
    expect(text).toContain('18:30–19:30');
  });

  it('labels the two store QR codes', () => {
    expect(text).toContain('iPhone App Store');
    expect(text).toContain('Android CH Play');
  });

  it('embeds the fonts, so it prints the same on any machine', () => {
    const raw = readFileSync(join(dir, 'to-roi.pdf')).toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/BeVietnamPro-Bold/);
  });

  it('gives byte-identical files for the same input, in another process', async () => {
    const again = join(dir, 'again.pdf');
    expect((await runHere(['leaflet', '--unit', UNIT, '--guide', 'kich-hoat', '--out', again])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(join(dir, 'to-roi.pdf')))).toBe(true);
  });

  it('honours SOURCE_DATE_EPOCH for the PDF date, and stays reproducible', async () => {
    const a = join(dir, 'dated-a.pdf');
    const b = join(dir, 'dated-b.pdf');
    await runHere(['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--out', a], { env: { SOURCE_DATE_EPOCH: '1682640000' } });
    await runHere(['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--out', b], { env: { SOURCE_DATE_EPOCH: '1682640000' } });
    expect(readFileSync(a).toString('latin1')).toMatch(/\(D:20230428\d*Z\)/);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('prints on A4 at 595.28 × 841.89 pt with --size a4', async () => {
    const out = join(dir, 'a4.pdf');
    expect((await runHere(['leaflet', '--unit', UNIT, '--guide', 'muc-2', '--size', 'a4', '--out', out])).code).toBe(0);
    const [page] = await readPdf(readFileSync(out));
    expect(page!.width).toBeCloseTo(A4.width, 1);
    expect(page!.height).toBeCloseTo(A4.height, 1);
    expect(page!.text).toContain('Đăng ký tài khoản định danh điện tử mức 2');
  });
});

describe('leaflet as an image', () => {
  it('is a PNG of the A5 page at the asked dpi, and both QR codes scan to the store links', async () => {
    const dir = tempDir();
    const out = join(dir, 'to-roi.png');
    const r = await runHere(['leaflet', '--unit', UNIT, '--guide', 'kich-hoat', '--format', 'png', '--dpi', '150', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const png = readFileSync(out);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([Math.round((A5.width / 72) * 150), Math.round((A5.height / 72) * 150)]);

    const unit = await loadUnit(UNIT);
    const { doc } = layoutLeaflet({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile), paper: 'a5' }, unit.m);
    // The back of a two-sided leaflet is its own picture; the codes are on one side or the other.
    const pictures = [png, readFileSync(join(dir, 'to-roi-mat-sau.png'))];
    expect((await sharp(pictures[1]!).metadata()).height).toBe(meta.height);
    const side = doc.pages.findIndex((p) => p.items.some((i) => i.type === 'qr'));
    expect(await readQrCodes(pictures[side]!, doc.pages[side]!)).toEqual([OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android]);
  });

  it('takes the format from the file name, and makes JPEG and WebP too', async () => {
    const dir = tempDir();
    for (const ext of ['jpg', 'webp'] as const) {
      const out = join(dir, `to-roi.${ext}`);
      expect((await runHere(['leaflet', '--unit', UNIT, '--guide', 'tien-ich', '--dpi', '96', '--out', out])).code).toBe(0);
      expect((await sharp(readFileSync(out)).metadata()).format).toBe(ext === 'jpg' ? 'jpeg' : 'webp');
    }
  });

  it('is byte-identical for the same input, from the bin and in another process', async () => {
    const dir = tempDir();
    expect(runCli(['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--dpi', '96', '--out', join(dir, 'a.png')]).code).toBe(0);
    expect((await runHere(['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--dpi', '96', '--out', join(dir, 'b.png')])).code).toBe(0);
    expect(readFileSync(join(dir, 'a.png')).equals(readFileSync(join(dir, 'b.png')))).toBe(true);
  });
});

describe('a profile typed in decomposed Unicode (NFD)', () => {
  it('prints the same NFC Vietnamese as one typed in NFC', async () => {
    const dir = tempDir();
    const nfd = join(dir, 'nfd.yaml');
    writeFileSync(nfd, readFileSync(UNIT, 'utf8').normalize('NFD'));
    expect(readFileSync(nfd, 'utf8')).not.toContain('Ủy ban nhân dân phường Bình Thạnh');
    const out = join(dir, 'nfd.pdf');
    expect((await runHere(['leaflet', '--unit', nfd, '--guide', 'kich-hoat', '--out', out])).code).toBe(0);
    const [page] = await readPdf(readFileSync(out));
    expect(page!.text).toContain('Ủy ban nhân dân phường Bình Thạnh');
    expect(page!.text).toContain('Trần Văn An');
    expect(page!.text).toBe(page!.text.normalize('NFC'));
  });
});

describe('a leaflet for a print shop', () => {
  it('--bleed runs the colour past the trim on both sides, with crop marks and PDF boxes; a picture cannot have it', async () => {
    const dir = tempDir();
    const out = join(dir, 'in.pdf');
    const r = await runHere(['leaflet', '--unit', UNIT, '--guide', 'kich-hoat', '--bleed', '3', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const raw = readFileSync(out).toString('latin1');
    expect(raw.match(/\/TrimBox/g)?.length).toBe((await readPdf(readFileSync(out))).length);
    expect(raw).toMatch(/\/BleedBox/);
    const png = await runHere(['leaflet', '--unit', UNIT, '--guide', 'kich-hoat', '--bleed', '3', '--out', join(dir, 'x.png')]);
    expect(png.code).toBe(2);
    expect(png.stderr).toContain('mục --bleed');
  });
});
