// Media rules per platform: required media, kinds, counts, size, duration, aspect ratio and alt text.
import type { Platform } from '../../platforms.ts';
import type { Finding } from '../findings.ts';
import { codePointLength } from '../text.ts';
import { PLATFORM_LIMITS, type MediaKind } from './limits.ts';

export interface Media {
  kind: MediaKind;
  bytes: number;
  width: number;
  height: number;
  durationSec?: number | undefined;
  altText?: string | undefined;
}

const NAMES: Record<Platform, string> = {
  x: 'X', instagram: 'Instagram', facebook: 'Facebook', youtube: 'YouTube', tiktok: 'TikTok', linkedin: 'LinkedIn',
};

function mb(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return `${v >= 1024 ? `${Math.round(v / 1024)} GB` : `${Math.round(v * 10) / 10} MB`}`;
}

function needsAltText(m: Media): boolean {
  return m.kind === 'image' || m.kind === 'gif';
}

/** Findings about the media of one variant; `field` is `media` for the set, `media.N` for item N. */
export function checkMedia(platform: Platform, media: readonly Media[]): Finding[] {
  const rules = PLATFORM_LIMITS[platform].media;
  const name = NAMES[platform];
  const out: Finding[] = [];
  const videos = media.filter((m) => m.kind === 'video').length;

  if (rules.required === 'any' && media.length === 0) {
    out.push({ rule: `${platform}.media.required`, severity: 'error', field: 'media', message: `${name} posts need at least one image or video.`, limit: 1, actual: 0 });
  }
  if (rules.required === 'video' && (videos !== 1 || media.length !== 1)) {
    out.push({ rule: `${platform}.media.video_required`, severity: 'error', field: 'media', message: `${name} needs exactly one video and nothing else.`, limit: 1, actual: videos });
  }
  if (media.length > rules.maxItems) {
    out.push({ rule: `${platform}.media.too_many`, severity: 'error', field: 'media', message: `${name} takes at most ${rules.maxItems} media items in one post.`, limit: rules.maxItems, actual: media.length });
  }
  if (rules.minItemsWhenMany !== undefined && media.length > 1 && media.length < rules.minItemsWhenMany) {
    out.push({ rule: `${platform}.media.too_few`, severity: 'error', field: 'media', message: `A ${name} carousel needs at least ${rules.minItemsWhenMany} items.`, limit: rules.minItemsWhenMany, actual: media.length });
  }
  if (rules.videoOrGifAlone && media.length > 1 && media.some((m) => m.kind !== 'image')) {
    out.push({ rule: `${platform}.media.mixed`, severity: 'error', field: 'media', message: `${name} takes up to ${rules.maxItems} images, or one video, or one GIF, not a mix.` });
  }
  if (platform === 'facebook' && videos > 0 && media.length > 1) {
    // Multi-photo posts attach photos only; a video is its own post (POST /{page-id}/videos).
    out.push({ rule: 'facebook.media.mixed', severity: 'error', field: 'media', message: 'A Facebook post holds photos or one video, not both; post the video separately.' });
  }
  if (platform === 'instagram' && media.length > 1) out.push(...carouselRatios(media));

  media.forEach((m, i) => out.push(...checkItem(platform, name, m, i, media.length)));
  return out;
}

function checkItem(platform: Platform, name: string, m: Media, i: number, count: number): Finding[] {
  const rules = PLATFORM_LIMITS[platform].media;
  const field = `media.${i}`;
  const out: Finding[] = [];
  const item = `Item ${i + 1} (${m.kind})`;
  if (!(m.bytes > 0) || !(m.width > 0) || !(m.height > 0)) {
    out.push({ rule: 'media.unreadable', severity: 'error', field, message: `${item}: size or dimensions are missing; upload it again.` });
    return out;
  }
  if (needsAltText(m) && !m.altText?.trim()) {
    out.push({ rule: 'media.alt_text.missing', severity: 'error', field, message: `${item} has no alt text; describe it for people who cannot see it.` });
  }
  if (rules.altTextMax !== undefined && m.kind === 'image' && m.altText !== undefined && codePointLength(m.altText) > rules.altTextMax) {
    out.push({ rule: `${platform}.media.alt_text.too_long`, severity: 'error', field, message: `${item}: ${name} alt text is at most ${rules.altTextMax} characters.`, limit: rules.altTextMax, actual: codePointLength(m.altText) });
  }
  if (!rules.kinds.includes(m.kind)) {
    const hint = platform === 'instagram' && m.kind === 'gif' ? ' Instagram takes JPEG images; turn the GIF into a video or a JPEG.' : '';
    out.push({ rule: `${platform}.media.kind`, severity: 'error', field, message: `${item}: ${name} does not take a ${m.kind} here.${hint}` });
    return out;
  }
  const maxBytes = rules.maxBytes[m.kind];
  if (maxBytes !== undefined && m.bytes > maxBytes) {
    out.push({ rule: `${platform}.media.too_large`, severity: 'error', field, message: `${item} is ${mb(m.bytes)}; ${name} takes at most ${mb(maxBytes)}.`, limit: maxBytes, actual: m.bytes });
  }
  if (m.kind === 'video') out.push(...checkDuration(platform, name, m, item, field));
  const ratio = m.width / m.height;
  const aspect = rules.imageAspect;
  if (aspect && m.kind === 'image' && (ratio < aspect.min - 0.005 || ratio > aspect.max + 0.005)) {
    out.push({ rule: `${platform}.media.aspect_ratio`, severity: 'error', field, message: `${item} is ${m.width}×${m.height} (${ratio.toFixed(2)}:1); ${name} takes 4:5 (0.8:1) to 1.91:1.`, limit: ratio < aspect.min ? aspect.min : aspect.max, actual: ratio });
  }
  const hint = rules.videoAspectHint;
  if (hint && m.kind === 'video' && count === 1 && (ratio < hint.min || ratio > hint.max)) {
    out.push({ rule: `${platform}.media.video_aspect_ratio`, severity: 'warning', field, message: `${item} is ${m.width}×${m.height}; ${name} recommends vertical ${hint.label} video.`, actual: ratio });
  }
  return out;
}

function checkDuration(platform: Platform, name: string, m: Media, item: string, field: string): Finding[] {
  const limits = PLATFORM_LIMITS[platform].media.videoDurationSec;
  if (!limits) return [];
  if (m.durationSec === undefined) {
    return [{ rule: 'media.duration.unknown', severity: 'warning', field, message: `${item}: its length is unknown, so ${name}'s duration limits were not checked.` }];
  }
  const d = m.durationSec;
  if (limits.min !== undefined && d < limits.min) {
    return [{ rule: `${platform}.media.too_short`, severity: 'error', field, message: `${item} lasts ${d} s; ${name} needs at least ${limits.min} s.`, limit: limits.min, actual: d }];
  }
  if (limits.max !== undefined && d > limits.max) {
    return [{ rule: `${platform}.media.too_long`, severity: 'error', field, message: `${item} lasts ${d} s; ${name} takes at most ${limits.max} s.`, limit: limits.max, actual: d }];
  }
  if (limits.warnAbove !== undefined && d > limits.warnAbove) {
    return [{ rule: `${platform}.media.long_video`, severity: 'warning', field, message: `${item} is longer than ${limits.warnAbove / 60} minutes; ${name} accepts it only from a verified account.`, limit: limits.warnAbove, actual: d }];
  }
  return [];
}

/** Instagram crops every carousel item to the first item's ratio. */
function carouselRatios(media: readonly Media[]): Finding[] {
  const first = media[0];
  if (!first || !(first.height > 0)) return [];
  const base = first.width / first.height;
  const differs = media.some((m) => m.height > 0 && Math.abs(m.width / m.height - base) > 0.01);
  return differs
    ? [{ rule: 'instagram.media.carousel_ratio', severity: 'warning', field: 'media', message: 'Instagram crops every carousel item to the first item’s aspect ratio; some items will be cut.' }]
    : [];
}
