import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compositeIndex, crossPlatformComposite, PILLARS } from './composite.ts';

describe('compositeIndex', () => {
  it('averages the pillars present with equal default weights', () => {
    expect(compositeIndex({ posts_per_week: 90, visual_share: 60, er: null, growth_pct: 30 })).toBe(60);
    expect(compositeIndex({})).toBeNull();
  });

  it('normalises custom weights over the pillars present', () => {
    // mention_share is missing, so its weight is not spread: (2 * 90 + 1 * 30) / 3.
    expect(compositeIndex({ er: 90, growth_pct: 30 }, { er: 2, growth_pct: 1, mention_share: 7 })).toBe(70);
    expect(compositeIndex({ er: 90, growth_pct: 30 }, { er: 0, growth_pct: 0 })).toBeNull();
    expect(() => compositeIndex({ er: 90 }, { er: -1 })).toThrow(/weight/);
  });

  it('stays within [0, 100]', () => {
    const pct = fc.option(fc.double({ min: Number.MIN_VALUE, max: 100, noNaN: true }), { nil: null });
    const weight = fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(fc.tuple(pct, pct, pct, pct, pct), fc.tuple(weight, weight, weight, weight, weight), (ps, ws) => {
        const percentiles = Object.fromEntries(PILLARS.map((p, i) => [p, ps[i] ?? null]));
        const weights = Object.fromEntries(PILLARS.flatMap((p, i) => (ws[i] === undefined ? [] : [[p, ws[i]]])));
        for (const c of [compositeIndex(percentiles), compositeIndex(percentiles, weights)]) {
          if (c === null) continue;
          expect(c).toBeGreaterThanOrEqual(0);
          expect(c).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('crossPlatformComposite', () => {
  it('is the mean of the platform composites that exist', () => {
    expect(crossPlatformComposite([80, null, 40])).toBe(60);
    expect(crossPlatformComposite([null])).toBeNull();
  });
});
