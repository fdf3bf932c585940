import type { Measurer } from '../../layout/measure.js';

/** What every part needs: the measurer, and the paper's scale against A5. */
export interface PartContext {
  m: Measurer;
  /** 1 on A5; grows with the paper so a larger sheet keeps the same composition. */
  k: number;
}
