/**
 * The largest text scale in [min, max] at which `heightAt(scale)` fits `available`,
 * by bisection (heights grow with scale). Undefined when even `min` overflows.
 */
export function fitScale(heightAt: (scale: number) => number, available: number, min: number, max: number): number | undefined {
  if (heightAt(min) > available) return undefined;
  if (heightAt(max) <= available) return max;
  let lo = min;
  let hi = max;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (heightAt(mid) <= available) lo = mid;
    else hi = mid;
  }
  return lo;
}
