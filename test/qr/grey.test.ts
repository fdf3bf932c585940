import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../src/platform/node.js';

/**
 * The render the read-back photographs (the Node platform's grey): libvips's own
 * flatten-on-white and greyscale of the drawing, byte for byte, though the
 * platform draws RGBA and looks each colour's grey up.
 */
describe('the grey render', () => {
  it('is libvips’s grey of the drawing, colours, see-through ink and soft edges alike', async () => {
    const svg = (shift: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="203" height="157" viewBox="0 0 100 80">` +
      `<rect x="-1" y="-1" width="102" height="82" fill="#FFF7D6"/>` +
      `<rect x="${5 + shift}" y="5" width="40" height="30" fill="#C8102E"/>` +
      `<rect x="20.3" y="${18 + shift}" width="50" height="27.7" fill="#1B1F24" fill-opacity="0.55"/>` +
      `<circle cx="${70 + shift}" cy="50" r="19.3" fill="#0B6E4F"/>` +
      `<path d="M3 70h30v3.3h-30z M40.2 66.1h12.57v12.57h-12.57z" fill="#1B1F24" shape-rendering="crispEdges"/>` +
      `<line x1="0" y1="0" x2="100" y2="${77 - shift}" stroke="#2F6FD6" stroke-width="0.8" stroke-opacity="0.7"/>` +
      `</svg>`;
    const platform = nodePlatform();
    // A second drawing brings colours the first did not: both the lookup and the learning are checked.
    for (const shift of [0, 0.37]) {
      const ours = await platform.raster.grey(svg(shift));
      const { data, info } = await sharp(Buffer.from(svg(shift))).flatten({ background: '#FFFFFF' }).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect([ours.width, ours.height, info.channels]).toEqual([203, 157, 1]);
      expect(Buffer.compare(Buffer.from(ours.data), data)).toBe(0);
    }
  });

  it('is libvips’s grey of a drawing of more colours than it keeps, drawn with others at once', async () => {
    const gradients = (hue: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">` +
      `<defs><linearGradient id="a"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="${hue}"/></linearGradient>` +
      `<linearGradient id="b" x2="0" y2="1"><stop offset="0" stop-color="#FFF" stop-opacity="0"/><stop offset="1" stop-color="#1B1F24"/></linearGradient></defs>` +
      `<rect width="300" height="300" fill="url(#a)"/><rect width="300" height="300" fill="url(#b)" fill-opacity="0.8"/></svg>`;
    const svgs = ['#FF2200', '#00E5A0', '#7A3CFF'].map(gradients);
    const platform = nodePlatform();
    const ours = await Promise.all(svgs.map((svg) => platform.raster.grey(svg)));
    for (const [i, svg] of svgs.entries()) {
      const theirs = await sharp(Buffer.from(svg)).flatten({ background: '#FFFFFF' }).greyscale().raw().toBuffer();
      expect(Buffer.compare(Buffer.from(ours[i]!.data), theirs), svg).toBe(0);
    }
  });
});
