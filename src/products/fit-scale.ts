/** Scales are chosen from a fixed ladder of this many steps between min and max. */
const STEPS = 64;

/** Remembers where the last search ended: a batch of similar labels starts there. */
export interface ScaleMemo {
  step?: number;
}

/**
 * The largest text scale in [min, max] at which `heightAt(scale)` fits `available`
 * (heights grow with scale), taken from a fixed ladder of steps so the answer
 * never depends on where the search started. Undefined when even `min` overflows.
 */
export function fitScale(heightAt: (scale: number) => number, available: number, min: number, max: number, memo?: ScaleMemo): number | undefined {
  const at = (step: number) => min + ((max - min) * step) / STEPS;
  const fits = (step: number) => heightAt(at(step)) <= available;
  // A neighbour's answer is right again if it fits and the next step up does not.
  const hint = memo?.step;
  if (hint !== undefined && fits(hint) && (hint === STEPS || !fits(hint + 1))) return at(hint);
  if (!fits(0)) return undefined;
  let lo = 0;
  let hi = STEPS + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (mid <= STEPS && fits(mid)) lo = mid;
    else hi = mid;
  }
  if (memo) memo.step = lo;
  return at(lo);
}
