/** Paper sizes in PDF points (1 pt = 1/72 inch), portrait. */
export const MM = 72 / 25.4;

export const PAPER = {
  a5: { width: 148 * MM, height: 210 * MM },
  a4: { width: 210 * MM, height: 297 * MM },
} as const;

export type PaperName = keyof typeof PAPER;

export const PAPER_NAMES = Object.keys(PAPER) as PaperName[];

/** Poster sizes, portrait, in points. */
export const POSTER_PAPER = {
  a4: PAPER.a4,
  a3: { width: 297 * MM, height: 420 * MM },
  a2: { width: 420 * MM, height: 594 * MM },
  a1: { width: 594 * MM, height: 841 * MM },
  a0: { width: 841 * MM, height: 1189 * MM },
} as const;

export type PosterSize = keyof typeof POSTER_PAPER;
