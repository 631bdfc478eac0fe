// Each platform's text and media limits, from /shared/platforms/*.md ([C] confirmed, [I] inferred there).
import type { Platform } from '../../platforms.ts';

export type MediaKind = 'image' | 'video' | 'gif';

const MB = 1024 * 1024;

/** How a platform counts a text's length. */
export type LengthUnit = 'x-weighted' | 'code-points' | 'utf16' | 'utf8-bytes';

export interface TextLimit {
  max: number;
  unit: LengthUnit;
}

export interface MediaLimits {
  /** `any`: at least one item; `video`: exactly one video. */
  required: 'none' | 'any' | 'video';
  kinds: readonly MediaKind[];
  /** The most items in one post; a second number for the least when there is more than one (carousel). */
  maxItems: number;
  minItemsWhenMany?: number;
  /** X: 1-4 images, or one video, or one GIF. Facebook: photos, or one video. */
  videoOrGifAlone: boolean;
  maxBytes: Partial<Record<MediaKind, number>>;
  videoDurationSec?: { min?: number; max?: number; warnAbove?: number };
  /** Width / height, inclusive. */
  imageAspect?: { min: number; max: number };
  /** Recommended for a single video; outside it is a warning. */
  videoAspectHint?: { min: number; max: number; label: string };
  altTextMax?: number;
}

export interface PlatformLimits {
  text: TextLimit;
  /** Whether a post needs text or media at all (YouTube and TikTok need their video instead). */
  needsTextOrMedia: boolean;
  mentionsMax?: number;
  media: MediaLimits;
}

export const PLATFORM_LIMITS: Record<Platform, PlatformLimits> = {
  x: {
    text: { max: 280, unit: 'x-weighted' }, // [C]
    needsTextOrMedia: true, // [C] text required unless media
    media: {
      required: 'none',
      kinds: ['image', 'gif', 'video'],
      maxItems: 4, // [C] 1-4 images, or 1 video, or 1 GIF
      videoOrGifAlone: true,
      maxBytes: { image: 5 * MB, gif: 15 * MB, video: 512 * MB }, // [I]
      videoDurationSec: { max: 140 }, // [I] for most accounts
    },
  },
  instagram: {
    text: { max: 2_200, unit: 'code-points' }, // [C] limit, [I] unit
    needsTextOrMedia: true,
    mentionsMax: 20, // [C]
    media: {
      required: 'any',
      kinds: ['image', 'video'], // [C] images are JPEG only: a GIF is refused
      maxItems: 10, // [C] carousel 2-10
      minItemsWhenMany: 2,
      videoOrGifAlone: false,
      maxBytes: { image: 8 * MB, video: 300 * MB }, // [C]
      videoDurationSec: { min: 3, max: 15 * 60 }, // [C] Reels
      imageAspect: { min: 4 / 5, max: 1.91 }, // [C]
      videoAspectHint: { min: 0.5, max: 0.6, label: '9:16' }, // [C] recommended
      altTextMax: 1_000, // [C]
    },
  },
  facebook: {
    text: { max: 63_206, unit: 'utf16' }, // [O]/[I]
    needsTextOrMedia: true,
    media: {
      required: 'none',
      kinds: ['image', 'gif', 'video'], // [I] JPEG, BMP, PNG, GIF, TIFF
      maxItems: Number.POSITIVE_INFINITY, // no documented cap on a multi-photo post
      videoOrGifAlone: false,
      maxBytes: { image: 4 * MB, gif: 4 * MB }, // [I]
    },
  },
  youtube: {
    text: { max: 5_000, unit: 'utf8-bytes' }, // [C] description
    needsTextOrMedia: false,
    media: {
      required: 'video',
      kinds: ['video'],
      maxItems: 1,
      videoOrGifAlone: true,
      maxBytes: { video: 256 * 1024 * MB }, // [I] 256 GB
      videoDurationSec: { max: 12 * 3600, warnAbove: 15 * 60 }, // [I] 12 h; over 15 min needs a verified account
    },
  },
  tiktok: {
    text: { max: 2_200, unit: 'utf16' }, // [I] caption
    needsTextOrMedia: false,
    media: { required: 'video', kinds: ['video'], maxItems: 1, videoOrGifAlone: true, maxBytes: {} },
  },
  linkedin: {
    text: { max: 3_000, unit: 'utf16' }, // [I] commentary
    needsTextOrMedia: true,
    media: { required: 'none', kinds: ['image', 'gif', 'video'], maxItems: Number.POSITIVE_INFINITY, videoOrGifAlone: false, maxBytes: {} },
  },
};

export const YOUTUBE_TITLE_MAX = 100; // [C] characters, not empty, no < or >
export const INSTAGRAM_HASHTAGS_MAX = 30; // [C] API limit
/** Instagram announced 5 hashtags per post in the app (December 2025); the API still says 30. */
export const INSTAGRAM_HASHTAGS_ADVISED = 5;
