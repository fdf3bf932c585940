import * as fontkit from 'fontkit';
import { platform } from '../platform/platform.js';
import { shareShaping } from './shaping.js';

/**
 * The one font family every product uses: Be Vietnam Pro (OFL), shipped by an npm
 * package so that no machine font is ever needed. Loaded once per process.
 */
export type FontId = 'regular' | 'semibold' | 'bold' | 'extrabold';

export interface FontFace {
  id: FontId;
  /** Parsed once; the layout measures with it and pdfkit embeds it. */
  font: fontkit.Font;
}

export interface FontSet {
  faces: Record<FontId, FontFace>;
  /** Characters of `text` that the font cannot draw (they would print as boxes). */
  missingGlyphs(text: string): string[];
}

const FACES: FontId[] = ['regular', 'semibold', 'bold', 'extrabold'];

let loaded: FontSet | undefined;

export function loadFonts(): FontSet {
  if (loaded) return loaded;
  const faces = {} as Record<FontId, FontFace>;
  for (const id of FACES) {
    // fontkit's types ask for a Buffer; it reads any Uint8Array (the browser has no Buffer).
    const font = fontkit.create(platform().assets.font(id) as Buffer) as fontkit.Font;
    shareShaping(font);
    faces[id] = { id, font };
  }
  const missingGlyphs = (text: string): string[] => {
    const missing = new Set<string>();
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 0x20) continue;
      if (!faces.regular.font.hasGlyphForCodePoint(cp) || !faces.bold.font.hasGlyphForCodePoint(cp)) missing.add(ch);
    }
    return [...missing];
  };
  loaded = { faces, missingGlyphs };
  return loaded;
}
