// The files the library reads from disk on Node, bundled into the page's
// engine by scripts/build-web.mjs (the virtual module 'vneid:assets'): the four
// faces of Be Vietnam Pro as they ship, the guide templates, the sticker
// reminder and the label sheets.

import { fonts, guides, reminder, sheets } from 'vneid:assets';
import type { Assets } from '../platform/platform.js';

export const bundledAssets: Assets = {
  font: (id) => fonts[id],
  guides: () => guides,
  stickerReminder: () => reminder,
  sheets: () => sheets,
};
