import { describe, expect, it } from 'vitest';
import { buckets, bucketIndex } from './buckets.ts';
import { dataGaps } from './gaps.ts';
import { analysePosts } from './posts.ts';
import { bestTimes, breakouts, topPosts } from './insights.ts';
import { activitySeries, followerSeries, sumSeries } from './series.ts';

describe('buckets', () => {
  it('splits a period into ISO weeks (from Monday) and months, clipped to the period', () => {
    expect(buckets('2025-03-05', '2025-03-18', 'week')).toEqual([
      { start: '2025-03-05', end: '2025-03-09' },
      { start: '2025-03-10', end: '2025-03-16' },
      { start: '2025-03-17', end: '2025-03-18' },
    ]);
    expect(buckets('2024-12-15', '2025-02-10', 'month').map((b) => b.start)).toEqual(['2024-12-15', '2025-01-01', '2025-02-01']);
    const days = buckets('2025-01-01', '2025-01-31', 'day');
    expect(days).toHaveLength(31);
    expect(bucketIndex(days, '2025-01-17')).toBe(16);
    expect(bucketIndex(days, '2025-02-01')).toBe(-1);
  });
});

describe('series', () => {
  it('reads followers as of the end of each bucket and sums accounts, leaving unknowns out', () => {
    const months = buckets('2019-01-01', '2019-03-31', 'month');
    const a = followerSeries([{ date: '2019-01-15', followers: 100 }, { date: '2019-03-02', followers: 130 }], months);
    expect(a.map((p) => p.value)).toEqual([100, 100, 130]);
    const b = followerSeries([{ date: '2019-02-10', followers: 5 }], months);
    expect(sumSeries([a, b]).map((p) => p.value)).toEqual([100, 105, 135]);
  });
});

const account = { platform: 'instagram' as const, handle: 'bsn_sni', timezone: 'Asia/Jakarta', snapshots: [{ date: '2025-01-01', followers: 1000 }] };

function post(id: string, at: string, likes: number) {
  return { id, publishedAt: at, type: 'image' as const, text: null, permalink: null, counts: { likes, comments: 0 } };
}

describe('post insights', () => {
  it('places a post on its local weekday and hour and ranks top posts', () => {
    // 2025-03-01T18:30Z is Sunday 2 March 01:30 in Jakarta
    const [p] = analysePosts(account, [post('a', '2025-03-01T18:30:00Z', 10)]);
    expect(p).toMatchObject({ date: '2025-03-02', weekday: 6, hour: 1, er: 1 });
    const posts = analysePosts(account, [post('a', '2025-03-01T01:00:00Z', 10), post('b', '2025-03-02T01:00:00Z', 30), post('c', '2025-03-03T01:00:00Z', 20)]);
    expect(topPosts(posts, 'engagements', 2).map((x) => x.id)).toEqual(['b', 'c']);
    expect(topPosts(posts, 'er', 1, 'bottom').map((x) => x.id)).toEqual(['a']);
    const grid = bestTimes(posts);
    expect(grid).toHaveLength(7);
    expect(grid[0]).toHaveLength(24);
    expect(grid[5]?.[8]).toEqual({ weekday: 5, hour: 8, posts: 1, mean_er: 1 });
    expect(activitySeries(posts, buckets('2025-03-01', '2025-03-07', 'week')).map((a) => a.posts)).toEqual([2, 1]);
  });

  it('flags a post far above the trailing 90-day mean of its account', () => {
    const history = Array.from({ length: 20 }, (_, i) => post(`h${i}`, new Date(Date.UTC(2025, 0, 1 + i * 3)).toISOString(), 10 + (i % 3)));
    const spike = post('spike', '2025-03-10T05:00:00.000Z', 200);
    const normal = post('normal', '2025-03-11T05:00:00.000Z', 12);
    const found = breakouts(analysePosts(account, [...history, spike, normal]), '2025-03-01T00:00:00.000Z');
    expect(found.map((b) => b.post.id)).toEqual(['spike']);
    expect(found[0]?.sigma).toBeGreaterThan(5);
  });
});

describe('data gaps', () => {
  it('lists runs of dates without a snapshot', () => {
    expect(dataGaps(['2025-01-01', '2025-01-02', '2025-01-05', '2025-01-05'], '2025-01-01', '2025-01-08')).toEqual([
      { from: '2025-01-03', to: '2025-01-04', days: 2 },
      { from: '2025-01-06', to: '2025-01-08', days: 3 },
    ]);
    expect(dataGaps([], '2025-01-01', '2025-01-01')).toEqual([{ from: '2025-01-01', to: '2025-01-01', days: 1 }]);
  });
});
