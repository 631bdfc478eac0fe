// Period insights over analysed posts: top posts, the best-times grid, breakout posts.
import type { AnalysedPost } from './posts.ts';

export function topPosts(posts: readonly AnalysedPost[], by: 'engagements' | 'er', limit: number, order: 'top' | 'bottom' = 'top'): AnalysedPost[] {
  const sign = order === 'top' ? -1 : 1;
  return posts
    .filter((p) => p[by] !== null)
    .sort((a, b) => sign * ((a[by] ?? 0) - (b[by] ?? 0)) || (a.publishedAt < b.publishedAt ? -1 : 1))
    .slice(0, limit);
}

export interface TimeCell {
  weekday: number;
  hour: number;
  posts: number;
  /** Mean ER of the posts of this cell that have one; null when none has. */
  mean_er: number | null;
}

/** 7 x 24 grid by local weekday (0 = Monday) and hour. */
export function bestTimes(posts: readonly AnalysedPost[]): TimeCell[][] {
  const grid = Array.from({ length: 7 }, (_, weekday) =>
    Array.from({ length: 24 }, (_, hour) => ({ weekday, hour, posts: 0, sum: 0, n: 0 })),
  );
  for (const p of posts) {
    const cell = grid[p.weekday]?.[p.hour];
    if (!cell) continue;
    cell.posts++;
    if (p.er !== null) {
      cell.sum += p.er;
      cell.n++;
    }
  }
  return grid.map((row) => row.map((c) => ({ weekday: c.weekday, hour: c.hour, posts: c.posts, mean_er: c.n ? c.sum / c.n : null })));
}

export interface Breakout {
  post: AnalysedPost;
  trailing_mean: number;
  trailing_sd: number;
  /** How many standard deviations above the trailing mean. */
  sigma: number;
}

const DAY = 86_400_000;

/**
 * Posts whose ER is more than `threshold` standard deviations above the mean ER of the same account's
 * posts in the `windowDays` before it (population sd). Needs at least `minHistory` earlier posts with
 * an ER, and sd > 0, to say anything. `posts` may include history before the period; only posts
 * from `fromInstant` on are judged.
 */
export function breakouts(
  posts: readonly AnalysedPost[],
  fromInstant: string,
  { threshold = 5, windowDays = 90, minHistory = 5 } = {},
): Breakout[] {
  const out: Breakout[] = [];
  const byAccount = new Map<string, AnalysedPost[]>();
  for (const p of posts) {
    if (p.er === null) continue;
    const key = `${p.platform}/${p.handle}`;
    const list = byAccount.get(key) ?? [];
    list.push(p);
    byAccount.set(key, list);
  }
  for (const list of byAccount.values()) {
    list.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
    // A sliding window with running sums keeps this linear in the number of posts.
    let lo = 0;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (!p || p.er === null) continue;
      const t = Date.parse(p.publishedAt);
      while (lo < i) {
        const old = list[lo];
        if (!old || Date.parse(old.publishedAt) >= t - windowDays * DAY) break;
        sum -= old.er ?? 0;
        sq -= (old.er ?? 0) ** 2;
        lo++;
      }
      const n = i - lo;
      if (p.publishedAt >= fromInstant && n >= minHistory) {
        const mean = sum / n;
        const sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
        if (sd > 1e-12 && p.er > mean + threshold * sd) out.push({ post: p, trailing_mean: mean, trailing_sd: sd, sigma: (p.er - mean) / sd });
      }
      sum += p.er;
      sq += p.er ** 2;
    }
  }
  return out.sort((a, b) => b.sigma - a.sigma);
}
