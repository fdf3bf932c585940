import { qrModules } from '../qr/matrix.js';
import type { Block } from './block.js';
import type { Color } from './display-list.js';

/** Quiet zone in modules (white, on its own square): 3 keeps labels set close below from confusing a scanner. */
const QUIET = 3;

/** A QR code of side `size` points (quiet zone included) on a white square. */
export function qrBlock(url: string, size: number, color: Color): Block {
  const modules = qrModules(url);
  return {
    width: size,
    height: size,
    place: (x, y) => [
      { type: 'rect', x, y, width: size, height: size, fill: '#FFFFFF' },
      { type: 'qr', x, y, size, modules, margin: QUIET, color, url },
    ],
  };
}
