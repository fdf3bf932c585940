import type { Measurer } from '../../layout/measure.js';
import type { Palette } from '../../layout/theme.js';

/** What every part needs: the measurer, the paper's scale against A5, and the colours. */
export interface PartContext {
  m: Measurer;
  /** 1 on A5; grows with the paper so a larger sheet keeps the same composition. */
  k: number;
  colors: Palette;
}
