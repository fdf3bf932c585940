// Redraws the README's pictures from the example units: `npm run docs:images`.
// Look at every picture after running it; they are what a clerk sees first.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { findGuide, renderGuide } from '../dist/content/guides.js';
import { todayFrom } from '../dist/content/deadline.js';
import { loadSheetPreset } from '../dist/layout/sheet-preset.js';
import { layoutHandout } from '../dist/products/handout.js';
import { layoutLeaflet } from '../dist/products/leaflet.js';
import { layoutPoster } from '../dist/products/poster.js';
import { renderDocument } from '../dist/export/render.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../dist/products/screen-image.js';
import { layoutStickerSheets, stickerReminder } from '../dist/products/sticker-sheet.js';
import { loadUnit } from '../dist/products/unit-context.js';

const today = todayFrom(process.env, new Date());
const ward = await loadUnit('examples/phuong-binh-thanh.yaml', { today });
const school = await loadUnit('examples/truong-thcs-tan-trung.yaml', { today });
const png = async (unit, pages, dpi) => renderDocument({ title: '', author: '', pages }, unit.fonts, { format: 'png', dpi });
const guide = (unit, id) => renderGuide(findGuide(id), unit.profile);

// The leaflet, front and back side by side.
const leaflet = layoutLeaflet({ profile: ward.profile, guide: guide(ward, 'kich-hoat'), paper: 'a5', logo: ward.logo }, ward.m).doc;
const sides = await png(ward, leaflet.pages, 110);
const side = await sharp(sides[0]).metadata();
const gap = 24;
await sharp({ create: { width: side.width * sides.length + gap * (sides.length - 1), height: side.height, channels: 3, background: '#ffffff' } })
  .composite(sides.map((input, i) => ({ input, left: i * (side.width + gap), top: 0 })))
  .png()
  .toFile('docs/to-roi-kich-hoat.png');

// Large print: the front of the A4 leaflet, for readers with weak sight.
const large = layoutLeaflet({ profile: ward.profile, guide: guide(ward, 'kich-hoat'), paper: 'a4', largePrint: true, logo: ward.logo }, ward.m).doc;
await sharp((await png(ward, large.pages.slice(0, 1), 60))[0]).toFile('docs/to-roi-chu-to.png');

const poster = layoutPoster({ profile: ward.profile, guide: guide(ward, 'kich-hoat'), logo: ward.logo }, { size: 'a2', landscape: false, bleed: 0 }, ward.m).doc;
await sharp((await png(ward, poster.pages, 24))[0]).toFile('docs/ap-phich-a2.png');

const square = layoutScreenImage({ profile: ward.profile, guide: guide(ward, 'kich-hoat'), logo: ward.logo }, IMAGE_PRESETS['social-square'], ward.m).doc;
await sharp((await png(ward, square.pages, 96))[0]).resize(540).toFile('docs/anh-social-square.png');

const rows = readFileSync('examples/toa-nha-phuong-13.csv', 'utf8').trim().split('\n').slice(1, 9).map((line, i) => {
  const [block, address, url] = line.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
  return { line: i + 2, block, address: address || undefined, url: url || undefined };
});
const stickers = layoutStickerSheets({ profile: ward.profile, rows, preset: loadSheetPreset('a4-2x4'), reminder: stickerReminder(ward.profile), dataFile: 'toa-nha.csv' }, ward.m).doc;
await sharp((await png(ward, stickers.pages.slice(0, 1), 60))[0]).toFile('docs/tem-qr-a4-2x4.png');

const handout = layoutHandout(
  { name: '6A1', teacher: 'Cô Nguyễn Thị Hoa', phone: '0907 028 318', zalo: 'https://zalo.me/g/thcstantrung6a1', line: 2, dataFile: 'cac-lop.csv' },
  { profile: school.profile, logo: school.logo, guide: guide(school, 'kich-hoat'), palette: 'grayscale', twoUp: true },
  school.m,
);
await sharp((await png(school, handout.slice(0, 1), 60))[0]).toFile('docs/to-phu-huynh-two-up.png');
console.log('docs/*.png redrawn: look at each before committing');
