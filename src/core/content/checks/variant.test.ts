import { describe, expect, it } from 'vitest';
import type { Finding } from '../findings.ts';
import { checkVariant, type Variant } from './variant.ts';

type Media = Variant['media'][number];
const photo = (over: Partial<Media> = {}): Media => ({ kind: 'image', bytes: 500_000, width: 1080, height: 1350, altText: 'Infografis tanda SNI pada helm', ...over });
const video = (over: Partial<Media> = {}): Media => ({ kind: 'video', bytes: 50_000_000, width: 1080, height: 1920, durationSec: 45, ...over });
const rules = (f: Finding[]): string[] => f.map((x) => x.rule);
const MB = 1024 * 1024;

describe('checkVariant: X', () => {
  it('flags a text over 280 weighted characters with its position, limit and count', () => {
    const [f] = checkVariant('x', { text: 'a'.repeat(281), media: [] });
    expect(f).toMatchObject({ rule: 'x.text.too_long', severity: 'error', field: 'text', position: { start: 280, end: 281 }, limit: 280, actual: 281 });
    expect(checkVariant('x', { text: 'a'.repeat(280), media: [] })).toEqual([]);
  });

  it('counts a link that the publisher appends', () => {
    expect(checkVariant('x', { text: 'a'.repeat(256), link: 'https://bsn.go.id/berita/1', media: [] })).toEqual([]);
    const [f] = checkVariant('x', { text: 'a'.repeat(257), link: 'https://bsn.go.id/berita/1', media: [] });
    expect(f).toMatchObject({ rule: 'x.text.too_long', actual: 281, position: { start: 257, end: 257 } });
  });

  it('takes 1-4 images, or one video, or one GIF', () => {
    expect(checkVariant('x', { text: 'hi', media: [photo(), photo(), photo(), photo()] })).toEqual([]);
    expect(rules(checkVariant('x', { text: 'hi', media: [photo(), photo(), photo(), photo(), photo()] }))).toEqual(['x.media.too_many']);
    expect(rules(checkVariant('x', { text: 'hi', media: [photo(), video()] }))).toEqual(['x.media.mixed']);
    expect(rules(checkVariant('x', { text: 'hi', media: [photo({ bytes: 6 * MB })] }))).toEqual(['x.media.too_large']);
    expect(rules(checkVariant('x', { text: '', media: [] }))).toEqual(['x.text.empty']);
  });
});

describe('checkVariant: Instagram', () => {
  const caption = 'Halo SNIzen! #SNI';
  it('needs media and takes carousels of 2 to 10', () => {
    expect(rules(checkVariant('instagram', { text: caption, media: [] }))).toEqual(['instagram.media.required']);
    expect(checkVariant('instagram', { text: caption, media: Array.from({ length: 10 }, () => photo()) })).toEqual([]);
    expect(rules(checkVariant('instagram', { text: caption, media: Array.from({ length: 11 }, () => photo()) }))).toEqual(['instagram.media.too_many']);
  });

  it('limits the caption to 2,200 characters, 30 hashtags (configurable) and 20 mentions', () => {
    const long = checkVariant('instagram', { text: 'a'.repeat(2_201), media: [photo()] });
    expect(long).toMatchObject([{ rule: 'instagram.text.too_long', limit: 2_200, actual: 2_201, position: { start: 2_200, end: 2_201 } }]);
    expect(checkVariant('instagram', { text: '😀'.repeat(2_200), media: [photo()] })).toEqual([]); // code points, not UTF-16 units

    const tags = (n: number): string => Array.from({ length: n }, (_, i) => `#tag${i}`).join(' ');
    expect(rules(checkVariant('instagram', { text: tags(5), media: [photo()] }))).toEqual([]);
    expect(rules(checkVariant('instagram', { text: tags(30), media: [photo()] }))).toEqual(['instagram.hashtags.many']);
    const over = checkVariant('instagram', { text: tags(31), media: [photo()] })[0];
    expect(over).toMatchObject({ rule: 'instagram.hashtags.too_many', severity: 'error', limit: 30, actual: 31 });
    expect(rules(checkVariant('instagram', { text: tags(6), media: [photo()] }, { instagramHashtagLimit: 5 }))).toEqual(['instagram.hashtags.too_many']);

    const mentions = (n: number): string => Array.from({ length: n }, (_, i) => `@akun${i}`).join(' ');
    expect(checkVariant('instagram', { text: mentions(20), media: [photo()] })).toEqual([]);
    expect(checkVariant('instagram', { text: mentions(21), media: [photo()] })).toMatchObject([{ rule: 'instagram.mentions.too_many', limit: 20, actual: 21 }]);
  });

  it('checks the first comment with the caption rules', () => {
    expect(rules(checkVariant('instagram', { text: caption, firstComment: 'b'.repeat(2_201), media: [photo()] }))).toEqual(['instagram.first_comment.too_long']);
  });

  it('takes JPEG-style images of 4:5 to 1.91:1 up to 8 MiB, and Reels of 3 s to 15 min', () => {
    expect(rules(checkVariant('instagram', { text: caption, media: [photo({ width: 1080, height: 1920 })] }))).toEqual(['instagram.media.aspect_ratio']);
    expect(rules(checkVariant('instagram', { text: caption, media: [photo({ width: 1910, height: 1000 })] }))).toEqual([]);
    expect(rules(checkVariant('instagram', { text: caption, media: [photo({ bytes: 9 * MB })] }))).toEqual(['instagram.media.too_large']);
    expect(rules(checkVariant('instagram', { text: caption, media: [photo({ kind: 'gif' })] }))).toEqual(['instagram.media.kind']);
    expect(rules(checkVariant('instagram', { text: caption, media: [video({ durationSec: 2 })] }))).toEqual(['instagram.media.too_short']);
    expect(rules(checkVariant('instagram', { text: caption, media: [video({ durationSec: 901 })] }))).toEqual(['instagram.media.too_long']);
    expect(rules(checkVariant('instagram', { text: caption, media: [video({ width: 1920, height: 1080 })] }))).toEqual(['instagram.media.video_aspect_ratio']);
    expect(rules(checkVariant('instagram', { text: caption, media: [photo(), photo({ width: 1080, height: 1080 })] }))).toEqual(['instagram.media.carousel_ratio']);
  });
});

describe('checkVariant: YouTube', () => {
  const base = { text: 'Penjelasan SNI helm.', media: [video({ width: 1920, height: 1080 })] };
  it('needs a title of at most 100 characters without < or >', () => {
    expect(checkVariant('youtube', { ...base, title: 'SNI Helm: kenapa penting?' })).toEqual([]);
    expect(rules(checkVariant('youtube', base))).toEqual(['youtube.title.required']);
    expect(rules(checkVariant('youtube', { ...base, title: '   ' }))).toEqual(['youtube.title.required']);
    expect(checkVariant('youtube', { ...base, title: 'a'.repeat(101) })).toMatchObject([{ rule: 'youtube.title.too_long', field: 'title', limit: 100, actual: 101, position: { start: 100, end: 101 } }]);
    expect(checkVariant('youtube', { ...base, title: 'SNI <baru>' })).toMatchObject([{ rule: 'youtube.title.angle_brackets', position: { start: 4, end: 5 } }]);
  });

  it('needs exactly one video and a description under 5,000 bytes', () => {
    expect(rules(checkVariant('youtube', { ...base, title: 't', media: [] }))).toEqual(['youtube.media.video_required']);
    expect(rules(checkVariant('youtube', { ...base, title: 't', media: [photo()] }))).toEqual(['youtube.media.video_required', 'youtube.media.kind']);
    expect(rules(checkVariant('youtube', { ...base, title: 't', text: '標'.repeat(1_667) }))).toEqual(['youtube.text.too_long']);
    expect(rules(checkVariant('youtube', { ...base, title: 't', media: [video({ durationSec: 20 * 60 })] }))).toEqual(['youtube.media.long_video']);
  });
});

describe('checkVariant: other platforms and accessibility', () => {
  it('requires alt text on every image and GIF', () => {
    const f = checkVariant('facebook', { text: 'Halo', media: [photo({ altText: undefined }), photo({ kind: 'gif', altText: '  ' })] });
    expect(f).toMatchObject([
      { rule: 'media.alt_text.missing', severity: 'error', field: 'media.0' },
      { rule: 'media.alt_text.missing', severity: 'error', field: 'media.1' },
    ]);
    expect(checkVariant('facebook', { text: 'Halo', media: [video({ altText: undefined })] })).toEqual([]);
  });

  it('applies the Facebook, LinkedIn and TikTok text limits', () => {
    expect(rules(checkVariant('facebook', { text: 'a'.repeat(63_207), media: [] }))).toEqual(['facebook.text.too_long']);
    expect(rules(checkVariant('facebook', { text: 'a'.repeat(63_206), media: [] }))).toEqual([]);
    expect(rules(checkVariant('linkedin', { text: 'a'.repeat(3_001), media: [] }))).toEqual(['linkedin.text.too_long']);
    expect(rules(checkVariant('tiktok', { text: 'a'.repeat(2_201), media: [video()] }))).toEqual(['tiktok.text.too_long']);
    expect(rules(checkVariant('tiktok', { text: 'a', media: [] }))).toEqual(['tiktok.media.video_required']);
    expect(rules(checkVariant('facebook', { text: 'a', media: [photo(), video()] }))).toEqual(['facebook.media.mixed']);
  });

  it('refuses a link that is not a web address', () => {
    expect(rules(checkVariant('facebook', { text: 'a', link: 'bsn.go.id', media: [] }))).toEqual(['facebook.link.invalid']);
    expect(checkVariant('facebook', { text: 'a', link: 'https://bsn.go.id', media: [] })).toEqual([]);
  });
});
