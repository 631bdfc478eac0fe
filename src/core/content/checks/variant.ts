// The composer's platform check: one entry point that runs every text and media rule of a platform.
import { z } from 'zod';
import { extractMentions } from '../../metrics/mentions.ts';
import type { Platform } from '../../platforms.ts';
import type { Finding } from '../findings.ts';
import { codePointLength, findHashtags, findUrls, utf8Bytes } from '../text.ts';
import { INSTAGRAM_HASHTAGS_ADVISED, INSTAGRAM_HASHTAGS_MAX, PLATFORM_LIMITS, YOUTUBE_TITLE_MAX, type TextLimit } from './limits.ts';
import { checkMedia } from './media.ts';
import { X_TEXT, xWeightedLength } from './x-length.ts';

export const mediaSchema = z.object({
  kind: z.enum(['image', 'video', 'gif']),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  durationSec: z.number().nonnegative().optional(),
  altText: z.string().optional(),
});

/** One platform's version of a content item. */
export const variantSchema = z.object({
  text: z.string(),
  title: z.string().optional(),
  media: z.array(mediaSchema),
  link: z.string().optional(),
  firstComment: z.string().optional(),
});
export type Variant = z.infer<typeof variantSchema>;

export interface CheckOptions {
  /** X accounts with Premium may post 25,000 weighted characters. */
  xMaxWeightedLength?: number;
  /** Instagram's hashtag limit; the API documents 30. */
  instagramHashtagLimit?: number;
}

/** Every finding for one variant on one platform; any `error` blocks approval. */
export function checkVariant(platform: Platform, variant: Variant, options: CheckOptions = {}): Finding[] {
  const limits = PLATFORM_LIMITS[platform];
  const text = platform === 'x' ? withLink(variant.text, variant.link) : variant.text;
  const out: Finding[] = [];
  const textLimit = platform === 'x' ? { ...limits.text, max: options.xMaxWeightedLength ?? X_TEXT.maxWeightedLength } : limits.text;

  if (limits.needsTextOrMedia && !text.trim() && variant.media.length === 0 && !variant.link) {
    out.push({ rule: `${platform}.text.empty`, severity: 'error', field: 'text', message: 'Write some text or add media.' });
  }
  // Positions stay inside the text as written, even when the appended link is what overflows.
  out.push(...checkLength(platform, 'text', text, textLimit).map((f) => clampTo(f, variant.text.length)));
  if (platform === 'instagram') out.push(...instagramText('text', text, options));
  if (platform === 'youtube') {
    out.push(...noAngleBrackets('youtube.description.angle_brackets', 'text', 'description', text));
    out.push(...youtubeTitle(variant.title));
  }
  if (variant.firstComment !== undefined && (platform === 'x' || platform === 'instagram')) {
    out.push(...checkLength(platform, 'firstComment', variant.firstComment, textLimit));
    if (platform === 'instagram') out.push(...instagramText('firstComment', variant.firstComment, options));
  }
  if (variant.link !== undefined) out.push(...checkLink(platform, variant.link));
  out.push(...checkMedia(platform, variant.media));
  return out;
}

function clampTo(f: Finding, length: number): Finding {
  if (!f.position) return f;
  return { ...f, position: { start: Math.min(f.position.start, length), end: Math.min(f.position.end, length) } };
}

/** X has no link field: the publisher appends the link to the text unless it is already there. */
function withLink(text: string, link: string | undefined): string {
  if (!link || text.includes(link)) return text;
  return text ? `${text} ${link}` : link;
}

function measure(text: string, limit: TextLimit): { length: number; overflowStart: number | null } {
  if (limit.unit === 'x-weighted') {
    const r = xWeightedLength(text, limit.max);
    return { length: r.weightedLength, overflowStart: r.overflowStart };
  }
  const length = limit.unit === 'code-points' ? codePointLength(text) : limit.unit === 'utf8-bytes' ? utf8Bytes(text) : text.length;
  return { length, overflowStart: length > limit.max ? overflowIndex(text, limit) : null };
}

/** The string index of the first character past the limit. */
function overflowIndex(text: string, limit: TextLimit): number {
  if (limit.unit === 'utf16') return limit.max;
  let used = 0;
  let index = 0;
  for (const ch of text) {
    used += limit.unit === 'utf8-bytes' ? utf8Bytes(ch) : 1;
    if (used > limit.max) return index;
    index += ch.length;
  }
  return text.length;
}

const UNIT_WORDS: Record<TextLimit['unit'], string> = {
  'x-weighted': 'weighted characters (links count 23, emoji and CJK characters 2)',
  'code-points': 'characters',
  utf16: 'characters',
  'utf8-bytes': 'bytes (UTF-8)',
};

function checkLength(platform: Platform, field: string, text: string, limit: TextLimit): Finding[] {
  const { length, overflowStart } = measure(text, limit);
  if (length <= limit.max) return [];
  const what = platform === 'youtube' ? 'The description' : field === 'firstComment' ? 'The first comment' : 'The text';
  return [{
    rule: `${platform}.${field === 'firstComment' ? 'first_comment' : 'text'}.too_long`,
    severity: 'error',
    field,
    message: `${what} is ${length} ${UNIT_WORDS[limit.unit]}; the limit is ${limit.max}. Cut ${length - limit.max}.`,
    position: { start: overflowStart ?? 0, end: text.length },
    limit: limit.max,
    actual: length,
  }];
}

function instagramText(field: string, text: string, options: CheckOptions): Finding[] {
  const out: Finding[] = [];
  const hashtags = findHashtags(text);
  const max = options.instagramHashtagLimit ?? INSTAGRAM_HASHTAGS_MAX;
  const excess = hashtags[max];
  if (excess) {
    const last = hashtags[hashtags.length - 1] ?? excess;
    out.push({ rule: 'instagram.hashtags.too_many', severity: 'error', field, message: `${hashtags.length} hashtags; Instagram takes at most ${max}.`, position: { start: excess.start, end: last.end }, limit: max, actual: hashtags.length });
  } else if (hashtags.length > INSTAGRAM_HASHTAGS_ADVISED && max > INSTAGRAM_HASHTAGS_ADVISED) {
    out.push({ rule: 'instagram.hashtags.many', severity: 'warning', field, message: `${hashtags.length} hashtags; the Instagram app now allows ${INSTAGRAM_HASHTAGS_ADVISED} per post and may drop the rest.`, limit: INSTAGRAM_HASHTAGS_ADVISED, actual: hashtags.length });
  }
  const mentions = extractMentions(text, 'instagram').length;
  const mentionsMax = PLATFORM_LIMITS.instagram.mentionsMax ?? Number.POSITIVE_INFINITY;
  if (mentions > mentionsMax) {
    out.push({ rule: 'instagram.mentions.too_many', severity: 'error', field, message: `${mentions} accounts mentioned; Instagram takes at most ${mentionsMax}.`, limit: mentionsMax, actual: mentions });
  }
  if (field === 'text' && findUrls(text).length > 0) {
    out.push({ rule: 'instagram.text.link', severity: 'warning', field, message: 'Links in an Instagram caption cannot be tapped; point to the link in the bio instead.' });
  }
  return out;
}

function noAngleBrackets(rule: string, field: string, what: string, text: string): Finding[] {
  const at = text.search(/[<>]/);
  if (at < 0) return [];
  return [{ rule, severity: 'error', field, message: `YouTube refuses < and > in the ${what}; remove them.`, position: { start: at, end: at + 1 } }];
}

function youtubeTitle(title: string | undefined): Finding[] {
  if (!title?.trim()) {
    return [{ rule: 'youtube.title.required', severity: 'error', field: 'title', message: 'A YouTube video needs a title.' }];
  }
  const out = noAngleBrackets('youtube.title.angle_brackets', 'title', 'title', title);
  const length = codePointLength(title);
  if (length > YOUTUBE_TITLE_MAX) {
    out.push({ rule: 'youtube.title.too_long', severity: 'error', field: 'title', message: `The title is ${length} characters; YouTube takes at most ${YOUTUBE_TITLE_MAX}.`, position: { start: overflowIndex(title, { max: YOUTUBE_TITLE_MAX, unit: 'code-points' }), end: title.length }, limit: YOUTUBE_TITLE_MAX, actual: length });
  }
  return out;
}

function checkLink(platform: Platform, link: string): Finding[] {
  let ok = false;
  try {
    const u = new URL(link);
    ok = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    ok = false;
  }
  return ok ? [] : [{ rule: `${platform}.link.invalid`, severity: 'error', field: 'link', message: 'The link must be a full web address starting with https://.' }];
}
