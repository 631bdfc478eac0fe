import { describe, expect, it } from 'vitest';
import { comparableText, scanForPost } from './lookup.ts';
import type { PlatformPost, PostsPage } from './types.ts';

const post = (postId: string, publishedAt: string, text: string | null): PlatformPost => ({
  postId, publishedAt, text, type: 'text', mediaCount: null, permalink: `https://example.org/${postId}`,
  counts: { likes: null, comments: null, shares: null, quotes: null, saves: null, views: null, impressions: null, reach: null },
});

/** A timeline served `size` posts a page, newest first, counting the pages asked for. */
function timeline(posts: PlatformPost[], size: number) {
  const asked: (string | null)[] = [];
  const list = async (page: string | null): Promise<PostsPage> => {
    asked.push(page);
    const start = Number(page ?? 0);
    return { items: posts.slice(start, start + size), next: start + size < posts.length ? String(start + size) : null };
  };
  return { list, asked };
}

const SINCE = '2026-11-27T06:00:00.000Z';

describe('comparableText', () => {
  it('ignores links (X rewrites them), spacing and Unicode composition', () => {
    expect(comparableText('Daftar  webinar: https://bsn.go.id/w \n sekarang')).toBe(comparableText('Daftar webinar: https://t.co/AbC sekarang'));
    expect(comparableText('Cafe\u0301')).toBe(comparableText('Café'));
    expect(comparableText('SNI baru')).not.toBe(comparableText('SNI lama'));
  });
});

describe('scanForPost', () => {
  it('finds the post by its text among those since the attempt', async () => {
    const t = timeline([post('3', '2026-11-27T06:00:01.000Z', 'Lain.'), post('2', '2026-11-27T06:00:00.500Z', 'Kabar mutu https://t.co/x'), post('1', '2026-11-26T00:00:00.000Z', 'Lama.')], 1);
    expect(await scanForPost(t.list, 'Kabar mutu https://bsn.go.id/k', SINCE)).toEqual({ found: { postId: '2', permalink: 'https://example.org/2' } });
    expect(t.asked).toEqual([null, '1']);
  });

  it('is sure it is absent once the listing reaches back before the attempt', async () => {
    const t = timeline([post('2', '2026-11-27T06:00:01.000Z', 'Lain.'), post('1', '2026-11-27T05:00:00.000Z', 'Kabar mutu')], 1);
    expect(await scanForPost(t.list, 'Kabar mutu', SINCE)).toEqual({ found: null, complete: true });
    // The same text posted an hour before the attempt is not this publication's post.
  });

  it('is sure at the end of the timeline, and unsure when it stops early', async () => {
    expect(await scanForPost(timeline([], 5).list, 'Kabar', SINCE)).toEqual({ found: null, complete: true });
    const busy = Array.from({ length: 10 }, (_, i) => post(String(i), '2026-11-27T06:01:00.000Z', `Ramai ${i}`));
    expect(await scanForPost(timeline(busy, 2).list, 'Kabar', SINCE, 3)).toEqual({ found: null, complete: false });
  });
});
