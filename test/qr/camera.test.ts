import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MM } from '../../src/layout/page-sizes.js';
import { photograph, type Scene } from '../../src/qr/camera.js';
import { qrModules } from '../../src/qr/matrix.js';

/**
 * The imitated preview makes the frames it always made: the same bytes, so a
 * code the read-back passed still passes and one it failed still fails, down to
 * the margin where the noise decides (another seed turns about one verdict in
 * twenty there). The digest is of frames made by the camera before its loops
 * were rearranged (and before its noise was, for a while, taken from tables:
 * 738dd02 went back to the plain formula).
 */
describe('the camera', () => {
  it('makes the frames it made before, at four distances and four seeds', () => {
    const modules = qrModules('https://zalo.me/g/thcstantrung6a1', 'M');
    const quiet = 4;
    const per = 10;
    const side = (modules.length + 2 * quiet) * per;
    const data = new Uint8ClampedArray(side * side).fill(255);
    modules.forEach((row, y) =>
      row.forEach((dark, x) => {
        for (let j = 0; dark && j < per; j++) {
          const start = ((y + quiet) * per + j) * side + (x + quiet) * per;
          data.fill(27, start, start + per);
        }
      }),
    );
    const size = 95;
    const scene: Scene = { image: { data, width: side, height: side }, box: { x: 12.5, y: 30, width: size, height: size } };
    const digest = createHash('sha1');
    for (const mm of [150, 300, 400, 600]) {
      for (const seed of [1, 2, 3, 0xdeadbeef]) digest.update(photograph(scene, { cx: 12.5 + size / 2 + 0.3, cy: 30 + size / 2 - 0.2, view: size * 0.97 }, mm * MM, seed).data);
    }
    expect(digest.digest('hex')).toBe('ab8d1876b8467eb51d8e268ae584a503424ff7fe');
  });
});
