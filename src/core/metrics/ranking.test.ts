import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { standings } from './ranking.ts';

describe('standings', () => {
  const s = standings([8, 10, null, 5, 8]);

  it('ranks highest first with ties sharing the lowest rank (1, 2, 2, 4)', () => {
    expect(s.map((x) => x?.rank ?? null)).toEqual([2, 1, null, 4, 2]);
  });

  it('gives percentiles counting half of the equal values, itself included', () => {
    expect(s.map((x) => x?.percentile ?? null)).toEqual([50, 87.5, null, 12.5, 50]);
  });

  it('gives z with the population sd', () => {
    const sd = Math.sqrt(12.75 / 4);
    expect(s[1]?.z).toBeCloseTo((10 - 7.75) / sd, 12);
    expect(standings([3, 3]).map((x) => x?.z)).toEqual([null, null]);
  });

  const values = fc.array(fc.option(fc.integer({ min: -5, max: 5 }).map((v) => v / 4), { nil: null, freq: 4 }), { maxLength: 40 });

  it('keeps percentiles in (0, 100] and ranks consistent with value order', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const st = standings(vs);
        vs.forEach((a, i) => {
          const sa = st[i];
          if (a === null) return expect(sa).toBeNull();
          expect(sa?.percentile).toBeGreaterThan(0);
          expect(sa?.percentile).toBeLessThanOrEqual(100);
          expect(sa?.rank).toBe(1 + vs.filter((b) => b !== null && b > a).length);
          vs.forEach((b, j) => {
            const sb = st[j];
            if (b === null || !sa || !sb) return;
            if (a > b) {
              expect(sa.rank).toBeLessThan(sb.rank);
              expect(sa.percentile).toBeGreaterThan(sb.percentile);
            }
            if (a === b) expect(sa.rank).toBe(sb.rank);
          });
        });
      }),
    );
  });

  it('has percentiles averaging 50', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ps = standings(vs).flatMap((x) => (x ? [x.percentile] : []));
        if (ps.length > 0) expect(ps.reduce((a, b) => a + b, 0) / ps.length).toBeCloseTo(50, 9);
      }),
    );
  });
});
