import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../time.ts';
import { audienceOverPeriod, followersAsOf, growthFigures, sortedByDate } from './audience.ts';
import { dailyFollowers, meanOfKnown, sumDaily } from './daily.ts';

const P = { from: '2025-03-01', to: '2025-03-14' };

describe('followersAsOf', () => {
  const snaps = [{ date: '2025-02-28', followers: 10 }, { date: '2025-03-05', followers: 20 }];
  it('takes the latest snapshot on or before the date', () => {
    expect(followersAsOf(snaps, '2025-02-27')).toBeNull();
    expect(followersAsOf(snaps, '2025-02-28')).toBe(10);
    expect(followersAsOf(snaps, '2025-03-04')).toBe(10);
    expect(followersAsOf(snaps, '2025-03-05')).toBe(20);
    expect(followersAsOf(snaps, '2026-01-01')).toBe(20);
  });
});

describe('growth', () => {
  it('compounds 500 -> 2000 over a 14-day span to 100 % a week', () => {
    const g = growthFigures(500, 2000, 14);
    expect(g.growth).toBe(1500);
    expect(g.growth_pct).toBe(300);
    expect(g.weekly_growth_pct).toBe(100);
  });

  it('is null where the definition divides by zero', () => {
    expect(growthFigures(0, 10, 7)).toEqual({ growth: 10, growth_pct: null, weekly_growth_pct: null });
    expect(growthFigures(10, 20, 0).weekly_growth_pct).toBeNull();
    expect(growthFigures(null, 20, 7)).toEqual({ growth: null, growth_pct: null, weekly_growth_pct: null });
  });
});

describe('audienceOverPeriod', () => {
  it('has a full baseline when a snapshot precedes the period', () => {
    const a = audienceOverPeriod([{ date: '2025-02-28', followers: 1000 }, { date: '2025-03-10', followers: 1200 }], P);
    expect(a).toMatchObject({ start: 1000, end: 1200, growth: 200, growth_pct: 20, baseline: 'full' });
    expect(a.weekly_growth_pct).toBeCloseTo((1.2 ** (7 / 13) - 1) * 100, 12);
  });

  it('starts at the earliest snapshot inside the period with a partial baseline', () => {
    const a = audienceOverPeriod([{ date: '2025-03-03', followers: 500 }, { date: '2025-03-10', followers: 600 }], P);
    expect(a).toMatchObject({ start: 500, end: 600, growth: 100, growth_pct: 20, baseline: 'partial' });
  });

  it('is all null with no snapshot up to the end of the period', () => {
    const a = audienceOverPeriod([{ date: '2025-04-01', followers: 5 }], P);
    expect(a).toEqual({ start: null, end: null, growth: null, growth_pct: null, weekly_growth_pct: null, baseline: 'full' });
  });
});

describe('dailyFollowers', () => {
  it('carries each snapshot forward to the next', () => {
    const d = dailyFollowers([{ date: '2025-02-01', followers: 1 }, { date: '2025-03-03', followers: 3 }, { date: '2025-03-05', followers: 5 }, { date: '2025-03-20', followers: 9 }], P);
    expect(d).toEqual([1, 1, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
  });

  it('is null before the first snapshot', () => {
    expect(dailyFollowers([{ date: '2025-03-13', followers: 7 }], P).slice(11)).toEqual([null, 7, 7]);
  });

  it('agrees with followersAsOf on every day', () => {
    const snapshot = fc.record({ offset: fc.integer({ min: -20, max: 40 }), followers: fc.nat(10_000) });
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 30 }), fc.integer({ min: 0, max: 20 }), (raw, len) => {
        const snaps = sortedByDate(raw.map((s) => ({ date: addDays('2025-03-01', s.offset), followers: s.followers })));
        const period = { from: '2025-03-01', to: addDays('2025-03-01', len) };
        const daily = dailyFollowers(snaps, period);
        expect(daily).toHaveLength(len + 1);
        daily.forEach((v, i) => expect(v).toBe(followersAsOf(snaps, addDays(period.from, i))));
      }),
    );
  });
});

describe('sumDaily and meanOfKnown', () => {
  it('leaves out unknown accounts per day and skips days where none is known', () => {
    const sum = sumDaily([[null, 1, 2], [null, null, 10]], 3);
    expect(sum).toEqual([null, 1, 12]);
    expect(meanOfKnown(sum)).toBe(6.5);
    expect(meanOfKnown([null, null])).toBeNull();
  });
});
