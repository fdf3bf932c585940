import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitScale, type ScaleMemo } from '../../src/products/fit-scale.js';

/** Content 100 pt tall at scale 1, growing with it; counts how often it is measured. */
function content() {
  const c = { calls: 0, heightAt: (scale: number) => (c.calls++, 100 * scale) };
  return c;
}

describe('the largest scale that fits', () => {
  it('is taken from a ladder of 64 steps between min and max: 250 pt hold 2.5 (step 24 of 1…5)', () => {
    expect(fitScale(content().heightAt, 250, 1, 5)).toBe(2.5);
    // 260 pt would hold 2.6, which is no step: 2.5625 (step 25) is the largest that fits.
    expect(fitScale(content().heightAt, 260, 1, 5)).toBe(1 + (4 * 25) / 64);
  });

  it('is max when max fits, and undefined when even min does not', () => {
    expect(fitScale(content().heightAt, 1000, 1, 5)).toBe(5);
    expect(fitScale(content().heightAt, 99, 1, 5)).toBeUndefined();
  });

  it('remembers where it ended: the next label, alike, is measured twice instead of searched', () => {
    const memo: ScaleMemo = {};
    expect(fitScale(content().heightAt, 250, 1, 5, memo)).toBe(2.5);
    expect(memo.step).toBe(24);
    const next = content();
    expect(fitScale(next.heightAt, 250, 1, 5, memo)).toBe(2.5);
    expect(next.calls).toBe(2);
  });

  it('never depends on where the search started', () => {
    fc.assert(
      fc.property(fc.double({ min: 50, max: 600, noNaN: true }), fc.integer({ min: 0, max: 64 }), (available, hint) => {
        const fresh = fitScale(content().heightAt, available, 1, 5);
        const memo: ScaleMemo = { step: hint };
        expect(fitScale(content().heightAt, available, 1, 5, memo)).toBe(fresh);
        if (fresh !== undefined) expect(100 * fresh).toBeLessThanOrEqual(available);
      }),
      { numRuns: 300 },
    );
  });
});
