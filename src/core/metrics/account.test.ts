import { describe, it, expect } from 'vitest';
import { accountMetrics } from './account.ts';
import type { AccountInput, PostInput } from './types.ts';

function post(publishedAt: string, type: PostInput['type'], counts: PostInput['counts'], text: string | null = null): PostInput {
  return { publishedAt, type, counts, text };
}

// Jakarta is UTC+7: the first post below is published on 2025-03-01 UTC but belongs to 2025-03-02.
const bsn: AccountInput = {
  handle: 'bsn_sni',
  platform: 'instagram',
  timezone: 'Asia/Jakarta',
  snapshots: [
    { date: '2025-02-28', followers: 1000 },
    { date: '2025-03-05', followers: 1100 },
    { date: '2025-03-10', followers: 1200 },
  ],
  posts: [
    post('2025-03-01T18:30:00Z', 'image', { likes: 40, comments: 10, reach: 500 }, 'thanks @isostandards.'),
    post('2025-03-05T03:00:00Z', 'video', { likes: 100, comments: null, reach: 0, impressions: 2000 }, 'mail info@bsn.go.id'),
    post('2025-03-11T00:00:00Z', 'text', { likes: null, reach: 100 }, '@BSN_SNI with @ISOstandards'),
    post('2025-02-28T17:00:00Z', 'reel', { likes: 9, comments: 1, reach: 200 }),
    post('2025-03-14T17:00:00Z', 'image', { likes: 999 }), // 2025-03-15 in Jakarta: after the period
    post('2025-02-28T16:59:59Z', 'image', { likes: 999 }), // 2025-02-28 in Jakarta: before it
  ],
};
const P = { from: '2025-03-01', to: '2025-03-14' };

// er_post with followers on the post's local date: 50/1000, 100/1100, 10/1000 (the text post has no engagements).
const ER_POSTS = [5, (100 / 1100) * 100, 1];
// Daily followers: 4 days at 1000, 5 at 1100, 5 at 1200.
const MEAN_FOLLOWERS = (4 * 1000 + 5 * 1100 + 5 * 1200) / 14;

describe('accountMetrics', () => {
  const m = accountMetrics(bsn, P);

  it('counts posts by their local date in the organisation zone', () => {
    expect(m.posts).toBe(4);
    expect(m.posts_per_week).toBe(2);
  });

  it('puts 2025-03-01T18:30:00Z on 2025-03-02 in Asia/Jakarta', () => {
    const day = { from: '2025-03-02', to: '2025-03-02' };
    expect(accountMetrics({ ...bsn, posts: bsn.posts.slice(0, 1) }, day).posts).toBe(1);
    expect(accountMetrics({ ...bsn, posts: bsn.posts.slice(0, 1) }, { from: '2025-03-01', to: '2025-03-01' }).posts).toBe(0);
  });

  it('computes audience figures', () => {
    expect(m).toMatchObject({ start: 1000, end: 1200, followers: 1200, growth: 200, growth_pct: 20, baseline: 'full' });
    expect(m.weekly_growth_pct).toBeCloseTo((1.2 ** (7 / 13) - 1) * 100, 12);
  });

  it('computes content and interaction shares', () => {
    expect(m.visual_share).toBe(75);
    expect(m.video_share).toBe(50);
    // The own handle and the e-mail address are no mention of another account.
    expect(m.mention_share).toBe(50);
    expect(m.accounts_mentioned).toBe(1);
  });

  it('averages engagements over posts with known engagements only', () => {
    expect(m.engagements_per_post).toBeCloseTo(160 / 3, 12);
  });

  it('er mean: the mean of er_post by followers on each post date', () => {
    expect(m.er).toBeCloseTo(ER_POSTS.reduce((a, b) => a + b, 0) / 3, 12);
  });

  it('er ratio: engagements per post over mean daily followers', () => {
    expect(accountMetrics(bsn, P, 'ratio').er).toBeCloseTo((160 / 3 / MEAN_FOLLOWERS) * 100, 12);
  });

  it('er reach, impressions, views: only posts with that count above 0', () => {
    expect(accountMetrics(bsn, P, 'reach').er).toBeCloseTo((10 + 5) / 2, 12);
    expect(accountMetrics(bsn, P, 'impressions').er).toBe(5);
    expect(accountMetrics(bsn, P, 'views').er).toBeNull();
  });

  it('carries a partial baseline and rates before the first snapshot as unknown', () => {
    const late = { ...bsn, snapshots: [{ date: '2025-03-05', followers: 1100 }, { date: '2025-03-10', followers: 1200 }] };
    const r = accountMetrics(late, P);
    expect(r).toMatchObject({ start: 1100, end: 1200, growth: 100, baseline: 'partial' });
    expect(r.er).toBeCloseTo((100 / 1100) * 100, 12);
    expect(accountMetrics(late, P, 'ratio').er).toBeCloseTo((160 / 3 / ((5 * 1100 + 5 * 1200) / 10)) * 100, 12);
  });

  it('gives null shares and rates but zero counts when the period holds no post', () => {
    const r = accountMetrics({ ...bsn, posts: [] }, P);
    expect(r).toMatchObject({
      posts: 0, posts_per_week: 0, engagements_per_post: null, er: null,
      visual_share: null, video_share: null, mention_share: null, accounts_mentioned: 0,
    });
  });

  it('sorts snapshots given out of order', () => {
    expect(accountMetrics({ ...bsn, snapshots: [...bsn.snapshots].reverse() }, P)).toEqual(m);
  });

  it('rejects a reversed or malformed period', () => {
    expect(() => accountMetrics(bsn, { from: '2025-03-14', to: '2025-03-01' })).toThrow(/after/);
    expect(() => accountMetrics(bsn, { from: '2025-02-30', to: '2025-03-01' })).toThrow(/YYYY-MM-DD/);
  });
});
