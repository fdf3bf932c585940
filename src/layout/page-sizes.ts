/** Paper sizes in PDF points (1 pt = 1/72 inch), portrait. */
export const MM = 72 / 25.4;

export const PAPER = {
  a5: { width: 148 * MM, height: 210 * MM },
  a4: { width: 210 * MM, height: 297 * MM },
} as const;

export type PaperName = keyof typeof PAPER;

export const PAPER_NAMES = Object.keys(PAPER) as PaperName[];
