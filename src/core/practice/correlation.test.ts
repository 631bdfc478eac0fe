// Tests of Spearman with ties (worked by hand) and of the seeded bootstrap.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { averageRanks, bootstrapSpearman, pearson, spearman } from './correlation.ts';

describe('spearman', () => {
  // Levels and outcomes with ties on both sides, worked by hand:
  //   ranks of x: 1, 2.5, 2.5, 4, 5.5, 5.5     ranks of y: 1, 3, 2, 4.5, 4.5, 6     (both means 3.5)
  //   sum dx*dy = 6.25 + 0.5 + 1.5 + 0.5 + 2 + 5 = 15.75; sum dx^2 = 16.5; sum dy^2 = 17
  //   rho = 15.75 / sqrt(16.5 * 17) = 0.94040...
  // (The shortcut 1 - 6 sum d^2 / (n (n^2 - 1)) would give 1 - 12 / 210 = 0.94286: wrong with ties.)
  const x = [0, 1, 1, 2, 3, 3];
  const y = [10, 30, 20, 40, 40, 60];

  it('averages the ranks of ties', () => {
    expect(averageRanks(x)).toEqual([1, 2.5, 2.5, 4, 5.5, 5.5]);
    expect(averageRanks(y)).toEqual([1, 3, 2, 4.5, 4.5, 6]);
  });

  it('matches the hand computation with ties, and Pearson on the ranks', () => {
    const rho = spearman(x, y);
    expect(rho).toBeCloseTo(15.75 / Math.sqrt(16.5 * 17), 14);
    expect(rho).toBeCloseTo(0.9404, 4);
    expect(rho).toBe(pearson([1, 2.5, 2.5, 4, 5.5, 5.5], [1, 3, 2, 4.5, 4.5, 6]));
  });

  it('is 1 for a monotone relation and -1 for a reversed one, whatever the spacing', () => {
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 8, 16, 1000])).toBe(1);
    expect(spearman([1, 2, 3, 4, 5], [1000, 16, 8, 4, 2])).toBe(-1);
  });

  it('has no value when one side does not vary', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('stays within [-1, 1] and equals Pearson on average ranks', () => {
    const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(pairs, (ps) => {
        const xs = ps.map((p) => p[0]);
        const ys = ps.map((p) => p[1]);
        const rho = spearman(xs, ys);
        if (rho === null) return;
        expect(rho).toBeGreaterThanOrEqual(-1);
        expect(rho).toBeLessThanOrEqual(1);
        expect(rho).toBeCloseTo(pearson(averageRanks(xs), averageRanks(ys)) ?? Number.NaN, 12);
      }),
    );
  });
});

describe('bootstrapSpearman', () => {
  // 20 members, outcome rising with level plus a small wobble: a clear positive relation.
  const levels = Array.from({ length: 20 }, (_, i) => Math.floor(i / 5));
  const outcomes = levels.map((l, i) => l * 10 + ((i * 7) % 5) * 3);

  it('gives the same interval for the same seed and another for another seed', () => {
    const a = bootstrapSpearman(levels, outcomes, { seed: 42 });
    expect(bootstrapSpearman(levels, outcomes, { seed: 42 })).toEqual(a);
    expect(bootstrapSpearman(levels, outcomes, { seed: 43 })).not.toEqual(a);
    expect(a?.resamples).toBe(2000);
    expect(a?.confidence).toBe(0.95);
  });

  it('holds the point estimate and stays above 0 for a clear case', () => {
    const rho = spearman(levels, outcomes) ?? Number.NaN;
    const ci = bootstrapSpearman(levels, outcomes);
    expect(rho).toBeGreaterThan(0.8);
    expect(ci).not.toBeNull();
    if (!ci) return;
    expect(ci.low).toBeLessThanOrEqual(rho);
    expect(ci.high).toBeGreaterThanOrEqual(rho);
    expect(ci.low).toBeGreaterThan(0.5);
    expect(ci.high).toBeLessThanOrEqual(1);
    expect(ci.resamplesUsed).toBe(2000);
  });

  it('refuses a confidence outside (0, 1) and a resample count below 1', () => {
    expect(() => bootstrapSpearman(levels, outcomes, { confidence: 1 })).toThrow(/confidence/);
    expect(() => bootstrapSpearman(levels, outcomes, { resamples: 0 })).toThrow(/resamples/);
  });
});
