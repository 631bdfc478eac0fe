// The platforms socialbench knows, their names over time, and how handles are written and compared.
export const PLATFORMS = ['facebook', 'instagram', 'x', 'youtube', 'tiktok', 'linkedin'] as const;
export type Platform = (typeof PLATFORMS)[number];

const ALIASES: Record<string, Platform> = { twitter: 'x' };

/** Accepts a platform name or alias in any case; undefined when unknown. */
export function parsePlatform(value: string): Platform | undefined {
  const v = value.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(v)) return v as Platform;
  return ALIASES[v];
}

export const POST_TYPES = ['text', 'link', 'image', 'carousel', 'video', 'reel', 'short', 'story', 'live'] as const;
export type PostType = (typeof POST_TYPES)[number];

/** Handles are stored without a leading @ and compared without case. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '');
}
export function handleKey(handle: string): string {
  return normalizeHandle(handle).toLowerCase();
}

/** X was "Twitter" until 2023-07-23 and "X" from 2023-07-24 (METRICS.md, names over time). */
export function platformDisplayName(platform: Platform, asOf: string): string {
  switch (platform) {
    case 'facebook': return 'Facebook';
    case 'instagram': return 'Instagram';
    case 'x': return asOf <= '2023-07-23' ? 'Twitter' : 'X';
    case 'youtube': return 'YouTube';
    case 'tiktok': return 'TikTok';
    case 'linkedin': return 'LinkedIn';
  }
}
