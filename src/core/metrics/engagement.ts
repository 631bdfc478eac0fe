// Per-post engagement counts and rates (METRICS.md, Engagement).
import type { Platform } from '../platforms.ts';
import type { CountName, PostCounts } from './types.ts';

/** Public counts only, so every organisation is measured alike, whatever access it granted us. */
export const ENGAGEMENT_FORMULA: Record<Platform, readonly CountName[]> = {
  facebook: ['likes', 'comments', 'shares'],
  instagram: ['likes', 'comments'],
  x: ['likes', 'comments', 'shares', 'quotes'],
  youtube: ['likes', 'comments'],
  tiktok: ['likes', 'comments', 'shares', 'saves'],
  linkedin: ['likes', 'comments', 'shares'],
};

/** Sum of the platform's formula counts; a missing count is 0, but all missing is null (no data, not zero engagement). */
export function engagements(platform: Platform, counts: PostCounts): number | null {
  let sum = 0;
  let known = false;
  for (const name of ENGAGEMENT_FORMULA[platform]) {
    const value = counts[name];
    if (value === null || value === undefined) continue;
    sum += value;
    known = true;
  }
  return known ? sum : null;
}

/**
 * engagements / denominator * 100, where the denominator is followers on the post's date, or its
 * reach, impressions or views; null when either is unknown or the denominator is not above 0.
 */
export function erPost(engagementCount: number | null, denominator: number | null | undefined): number | null {
  if (engagementCount === null || denominator === null || denominator === undefined || !(denominator > 0)) return null;
  return (engagementCount / denominator) * 100;
}
