// Post counts, cadence, content shares and interaction over pooled posts (METRICS.md, Activity and Interaction).
import type { PostType } from '../platforms.ts';
import { engagementsPerPost, periodEr } from './er.ts';
import type { PeriodPost } from './posts.ts';
import type { ErMethod } from './types.ts';

export const VISUAL_TYPES: ReadonlySet<PostType> = new Set(['image', 'carousel', 'video', 'reel', 'short', 'story', 'live']);
export const VIDEO_TYPES: ReadonlySet<PostType> = new Set(['video', 'reel', 'short', 'live']);

export interface PostFigures {
  posts: number;
  posts_per_week: number;
  engagements_per_post: number | null;
  er: number | null;
  visual_share: number | null;
  video_share: number | null;
  mention_share: number | null;
  accounts_mentioned: number;
}

function share(part: number, total: number): number | null {
  return total === 0 ? null : (100 * part) / total;
}

/** Figures over the posts of P (of one account, or pooled over an organisation's accounts). */
export function postFigures(posts: readonly PeriodPost[], days: number, method: ErMethod, meanFollowers: number | null): PostFigures {
  let visual = 0;
  let video = 0;
  let mentioning = 0;
  const mentioned = new Set<string>();
  for (const p of posts) {
    if (VISUAL_TYPES.has(p.type)) visual++;
    if (VIDEO_TYPES.has(p.type)) video++;
    if (p.mentioned.length > 0) mentioning++;
    for (const h of p.mentioned) mentioned.add(h);
  }
  const n = posts.length;
  return {
    posts: n,
    posts_per_week: (n / days) * 7,
    engagements_per_post: engagementsPerPost(posts),
    er: periodEr(posts, method, meanFollowers),
    visual_share: share(visual, n),
    video_share: share(video, n),
    mention_share: share(mentioning, n),
    accounts_mentioned: mentioned.size,
  };
}
