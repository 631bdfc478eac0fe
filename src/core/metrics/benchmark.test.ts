import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { benchmark, type BenchmarkEntry } from './benchmark.ts';

const entries: BenchmarkEntry[] = [
  { org: 'BSN', values: { posts_per_week: 9.5, visual_share: 80, er: 2, growth_pct: null, mention_share: 10 } },
  { org: 'DIN', values: { posts_per_week: 3, visual_share: 80, er: 1, growth_pct: 5, mention_share: 10 } },
  { org: 'AFNOR', values: { posts_per_week: 3, visual_share: 40, er: null, growth_pct: 1, mention_share: 20 } },
  { org: 'SNV', values: {} },
];

describe('benchmark', () => {
  const r = benchmark(entries);

  it('ranks each metric among its own participants', () => {
    const bsn = r.organizations[0];
    expect(bsn?.values).toEqual({ posts_per_week: 9.5, visual_share: 80, er: 2, growth_pct: null, mention_share: 10 });
    expect(bsn?.ranks).toEqual({ posts_per_week: 1, visual_share: 1, er: 1, mention_share: 2 });
    // er has two participants: BSN above DIN.
    expect(bsn?.percentiles).toEqual({ posts_per_week: (2 + 0.5) / 3 * 100, visual_share: (1 + 1) / 3 * 100, er: 75, mention_share: (0 + 1) / 3 * 100 });
    expect(r.organizations[1]?.ranks.posts_per_week).toBe(2);
    expect(r.organizations[2]?.ranks.posts_per_week).toBe(2);
  });

  it('gives an organisation without a value null, and no rank, percentile or z', () => {
    const snv = r.organizations[3];
    expect(snv?.values.er).toBeNull();
    expect(snv?.ranks).toEqual({});
    expect(snv?.percentiles).toEqual({});
    expect(snv?.z).toEqual({});
    expect(snv?.composite).toBeNull();
    expect(r.organizations[0]?.z).not.toHaveProperty('growth_pct');
  });

  it('composes the index from the pillars the organisation has', () => {
    const bsn = r.organizations[0];
    expect(bsn?.composite).toBeCloseTo(((2.5 / 3) * 100 + (2 / 3) * 100 + 75 + (1 / 3) * 100) / 4, 12);
  });

  it('reports group statistics for the listed metrics only', () => {
    expect(Object.keys(r.stats)).toEqual(['posts_per_week', 'visual_share', 'er', 'growth_pct', 'mention_share']);
    expect(r.stats.er).toMatchObject({ n: 2, min: 1, max: 2, median: 1.5, mean: 1.5, sd: 0.5 });
  });

  it('computes the composite from the five pillars whichever metrics are listed', () => {
    const only = benchmark(entries, ['followers', 'er']);
    expect(only.metrics).toEqual(['followers', 'er']);
    expect(only.organizations[0]?.values).toEqual({ followers: null, er: 2 });
    expect(only.organizations[0]?.composite).toBe(r.organizations[0]?.composite);
    expect(only.stats.followers?.n).toBe(0);
  });

  it('keeps every composite within [0, 100]', () => {
    const value = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null });
    const entry = fc.record({ posts_per_week: value, visual_share: value, er: value, growth_pct: value, mention_share: value });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (vals) => {
        const res = benchmark(vals.map((values, i) => ({ org: `O${i}`, values })));
        for (const o of res.organizations) {
          if (o.composite === null) continue;
          expect(o.composite).toBeGreaterThan(0);
          expect(o.composite).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
