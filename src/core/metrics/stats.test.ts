import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { groupStats, quantile } from './stats.ts';

describe('groupStats', () => {
  it('interpolates quartiles at (n - 1) * q like R, NumPy and spreadsheets', () => {
    expect(groupStats([4, null, 1, 3, 2])).toEqual({
      n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, mean: 2.5, sd: Math.sqrt(1.25),
    });
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
  });

  it('has sd exactly 0 for equal values and nothing but n for an empty group', () => {
    expect(groupStats([0.1, 0.1, 0.1]).sd).toBe(0);
    expect(groupStats([null])).toEqual({ n: 0, min: null, q1: null, median: null, q3: null, max: null, mean: null, sd: null });
  });

  it('refuses values that are not finite', () => {
    expect(() => groupStats([1, Number.NaN])).toThrow(/finite/);
  });

  it('keeps quartiles ordered between min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const s = groupStats(values);
        const chain = [s.min, s.q1, s.median, s.q3, s.max].map((v) => v ?? Number.NaN);
        for (let i = 1; i < chain.length; i++) expect(chain[i]).toBeGreaterThanOrEqual(chain[i - 1] ?? Number.NaN);
        expect(s.n).toBe(values.length);
      }),
    );
  });
});
