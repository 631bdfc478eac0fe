import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { POST_TYPES } from '../platforms.ts';
import { addDays } from '../time.ts';
import { accountMetrics } from './account.ts';
import { organizationMetrics } from './organization.ts';
import { ER_METHODS, type AccountInput } from './types.ts';

const P = { from: '2025-01-01', to: '2025-01-10' };

const isostandards: AccountInput = {
  handle: 'isostandards',
  platform: 'x',
  timezone: 'UTC',
  snapshots: [{ date: '2024-12-31', followers: 1000 }, { date: '2025-01-06', followers: 1100 }],
  posts: [
    // On x a dot ends a handle: this mentions isoconsumers and iso.
    { publishedAt: '2025-01-02T10:00:00Z', type: 'text', counts: { likes: 10, comments: 2, shares: 3, quotes: 5 }, text: 'hi @isoconsumers and @iso.org' },
    { publishedAt: '2025-01-07T10:00:00Z', type: 'image', counts: { likes: 100 } },
  ],
};
const isoconsumers: AccountInput = {
  handle: 'isoconsumers',
  platform: 'x',
  timezone: 'UTC',
  // First snapshot inside the period: a partial baseline.
  snapshots: [{ date: '2025-01-04', followers: 200 }, { date: '2025-01-08', followers: 300 }],
  posts: [
    { publishedAt: '2025-01-03T10:00:00Z', type: 'video', counts: { likes: 5 }, text: '@isostandards' },
    { publishedAt: '2025-01-09T10:00:00Z', type: 'image', counts: { likes: 30, shares: 0 }, text: '@IsoConsumers self' },
  ],
};

// Summed daily followers: 3 days 1000, 2 days 1200, 2 days 1300, 3 days 1400.
const MEAN_FOLLOWERS = (3 * 1000 + 2 * 1200 + 2 * 1300 + 3 * 1400) / 10;

describe('organizationMetrics with two accounts on one platform', () => {
  const m = organizationMetrics([isostandards, isoconsumers], P);

  it('sums audience figures and derives growth rates from the sums', () => {
    expect(m).toMatchObject({ start: 1200, end: 1400, followers: 1400, growth: 200, baseline: 'partial' });
    expect(m.growth_pct).toBeCloseTo((200 / 1200) * 100, 12);
    expect(m.weekly_growth_pct).toBeCloseTo(((1400 / 1200) ** (7 / 9) - 1) * 100, 12);
  });

  it('pools posts for counts and shares', () => {
    expect(m.posts).toBe(4);
    expect(m.posts_per_week).toBeCloseTo(2.8, 12);
    expect(m.visual_share).toBe(75);
    expect(m.video_share).toBe(25);
    expect(m.mention_share).toBe(50);
    // isoconsumers, iso and isostandards: a sister account counts, a post's own handle does not.
    expect(m.accounts_mentioned).toBe(3);
    expect(m.engagements_per_post).toBe(155 / 4);
  });

  it('er mean uses each post its own account followers', () => {
    // 20/1000, 100/1100, 30/300; the video predates isoconsumers' first snapshot.
    expect(m.er).toBeCloseTo((2 + (100 / 1100) * 100 + 10) / 3, 12);
  });

  it('er ratio divides by the mean of summed daily followers', () => {
    expect(organizationMetrics([isostandards, isoconsumers], P, 'ratio').er).toBeCloseTo((155 / 4 / MEAN_FOLLOWERS) * 100, 12);
  });

  it('leaves an account without followers out of the sums', () => {
    const silent: AccountInput = { ...isoconsumers, handle: 'isosilent', snapshots: [], posts: [] };
    const r = organizationMetrics([isostandards, silent], P);
    expect(r).toMatchObject({ start: 1000, end: 1100, growth: 100, baseline: 'full', posts: 2 });
  });

  it('is all null without accounts and refuses mixed platforms', () => {
    expect(organizationMetrics([], P)).toMatchObject({ posts: null, er: null, followers: null });
    expect(() => organizationMetrics([isostandards, { ...isoconsumers, platform: 'instagram' }], P)).toThrow(/platform/);
  });
});

describe('organizationMetrics with one account', () => {
  it('equals accountMetrics for any account and method', () => {
    const snapshot = fc.record({ offset: fc.integer({ min: -10, max: 40 }), followers: fc.nat(5000) });
    const count = fc.option(fc.nat(500), { nil: null });
    const post = fc.record({
      minutes: fc.integer({ min: -2000, max: 50 * 1440 }),
      type: fc.constantFrom(...POST_TYPES),
      text: fc.constantFrom(null, '@me', 'hi @you.', 'a@b.c', '@Other and @ME'),
      likes: count, comments: count, reach: count, views: count,
    });
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 10 }), fc.array(post, { maxLength: 15 }), fc.constantFrom(...ER_METHODS), (snaps, posts, method) => {
        const account: AccountInput = {
          handle: 'me', platform: 'instagram', timezone: 'Asia/Jakarta',
          snapshots: snaps.map((s) => ({ date: addDays('2025-01-01', s.offset), followers: s.followers })),
          posts: posts.map((p) => ({
            publishedAt: new Date(Date.parse('2025-01-01T00:00:00Z') + p.minutes * 60_000).toISOString(),
            type: p.type, text: p.text,
            counts: { likes: p.likes, comments: p.comments, reach: p.reach, views: p.views },
          })),
        };
        const period = { from: '2025-01-01', to: '2025-01-31' };
        expect(organizationMetrics([account], period, method)).toEqual(accountMetrics(account, period, method));
      }),
    );
  });
});
