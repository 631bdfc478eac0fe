// Every platform export socialbench recognises, in the order they are tried (most specific first).
import type { PlatformKind } from './common.ts';
import { facebookLegacyPage, facebookLegacyPosts, facebookPosts, instagramPosts, metaDailyMetric } from './meta.ts';
import { linkedinFollowerBreakdown, linkedinMetrics, linkedinNewFollowers, linkedinPosts } from './linkedin.ts';
import { tiktokContent, tiktokFollowers, tiktokOverview } from './tiktok.ts';
import { xContent, xLegacy, xOverview } from './x.ts';
import { youtubeChart, youtubeTable, youtubeTotals } from './youtube.ts';

export const PLATFORM_KINDS: readonly PlatformKind[] = [
  facebookPosts, instagramPosts, facebookLegacyPosts, facebookLegacyPage, metaDailyMetric,
  youtubeTable, youtubeChart, youtubeTotals,
  xLegacy, xContent, xOverview,
  tiktokContent, tiktokFollowers, tiktokOverview,
  linkedinPosts, linkedinMetrics, linkedinNewFollowers, linkedinFollowerBreakdown,
];

export type { MapContext, PlatformKind } from './common.ts';
