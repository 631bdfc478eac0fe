// YouTube Data API quota: units per call as documented (2026 buckets) and the day, which ends at midnight Pacific time.
import { addDays, localDate } from '../../core/time.ts';

export const QUOTA_ZONE = 'America/Los_Angeles';

/** Cost of each call we make, and the bucket it is charged to (search and insert have their own since 2026-06-01). */
export const COSTS = {
  'channels.list': { bucket: 'default', units: 1 },
  'playlistItems.list': { bucket: 'default', units: 1 },
  'videos.list': { bucket: 'default', units: 1 },
  'search.list': { bucket: 'search', units: 1 },
  'videos.insert': { bucket: 'videos.insert', units: 1 },
  'commentThreads.list': { bucket: 'default', units: 1 },
  'comments.list': { bucket: 'default', units: 1 },
  'comments.insert': { bucket: 'default', units: 50 },
} as const;

export type YoutubeCall = keyof typeof COSTS;

/** The quota day (a Pacific-time date) an instant falls in. */
export function quotaDay(now: number): string {
  return localDate(new Date(now), QUOTA_ZONE);
}

const hourFormat = new Intl.DateTimeFormat('en-US', { timeZone: QUOTA_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The instant the quota resets next: the coming midnight in Los Angeles (UTC-8 or UTC-7). */
export function nextQuotaReset(now: number): string {
  const next = addDays(quotaDay(now), 1);
  for (const offset of [7, 8]) {
    const t = Date.parse(`${next}T00:00:00Z`) + offset * 3_600_000;
    if (hourFormat.format(new Date(t)) === '00:00') return new Date(t).toISOString();
  }
  return new Date(Date.parse(`${next}T08:00:00Z`)).toISOString();
}
