import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontId } from '../../src/layout/fonts.js';
import { FONT_FILES } from '../../src/platform/node.js';

const require = createRequire(import.meta.url);

/** A face as fontkit alone opens and shapes it: a font of its own, not the one layout shares (shaping.ts). */
export const ownFont = (id: FontId): fontkit.Font => fontkit.create(readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${FONT_FILES[id]}`))) as fontkit.Font;
