// Which adapter serves which platform, built from the configured base URLs and app credentials.
import type { PlatformSettings } from '../config.ts';
import type { Platform } from '../core/platforms.ts';
import { FacebookAdapter } from './facebook/adapter.ts';
import { InstagramAdapter } from './instagram/adapter.ts';
import { LinkedinAdapter } from './linkedin/adapter.ts';
import { TiktokAdapter } from './tiktok/adapter.ts';
import type { PlatformAdapter } from './types.ts';
import { XAdapter } from './x/adapter.ts';
import { YoutubeAdapter } from './youtube/adapter.ts';

export interface Connectors {
  adapter(platform: Platform): PlatformAdapter | undefined;
  /** Where the platform sends the browser back after consent. */
  redirectUri(platform: Platform): string;
  /** YouTube's daily units for the default bucket (other platforms: undefined). */
  dailyQuota(platform: Platform): number | undefined;
  /** PUBLIC_URL when set: the base of signed media links platforms download (undefined: none can be given). */
  publicMediaBase?: string | undefined;
}

/** Page sizes may be lowered (tests exercise paging with them). */
export function connectorsFromSettings(s: PlatformSettings, pageSize?: number): Connectors {
  const size = pageSize === undefined ? {} : { pageSize };
  const adapters: Partial<Record<Platform, PlatformAdapter>> = {
    facebook: new FacebookAdapter({ ...s.facebook, timeoutMs: s.timeoutMs, ...size }),
    instagram: new InstagramAdapter({ graphUrl: s.instagram.graphUrl, dialogUrl: s.facebook.dialogUrl, version: s.facebook.version, app: s.facebook.app, timeoutMs: s.timeoutMs, ...size }),
    x: new XAdapter({ ...s.x, timeoutMs: s.timeoutMs, ...(pageSize === undefined ? {} : { pageSize: Math.max(5, pageSize) }) }),
    youtube: new YoutubeAdapter({ ...s.youtube, timeoutMs: s.timeoutMs, ...size }),
    tiktok: new TiktokAdapter({ ...s.tiktok, timeoutMs: s.timeoutMs, ...size }),
    linkedin: new LinkedinAdapter({ ...s.linkedin, timeoutMs: s.timeoutMs, ...size }),
  };
  return {
    adapter: (p) => adapters[p],
    redirectUri: (p) => `${s.publicUrl}/api/connections/${p}/callback`,
    dailyQuota: (p) => (p === 'youtube' ? s.youtube.dailyQuota : undefined),
    publicMediaBase: s.publicMediaBase,
  };
}
