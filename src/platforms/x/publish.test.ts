import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutcomeUnknown, Rejected, type CallContext, type Variant, type VariantMedia } from '../types.ts';
import { XAdapter } from './adapter.ts';
import { FAKE_X_BEARER, FAKE_X_CLIENT, FakeX } from './fake.ts';

let fake: FakeX;
let x: XAdapter;
const me = { handle: 'example_std', externalId: '1234567890123456789' };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.grant().accessToken } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const file = (kind: VariantMedia['kind'], mime: string, size: number, alt?: string): VariantMedia => {
  const bytes = new Uint8Array(size).map((_, i) => (i * 7) % 256);
  return { kind, mime, bytes: size, read: (o, l) => Promise.resolve(bytes.subarray(o, o + l)), ...(alt ? { altText: alt } : {}) };
};
const tweet = (id: string) => fake.user('example_std')?.tweets.find((t) => t.id === id);

beforeAll(async () => {
  fake = await new FakeX().start();
  x = new XAdapter({ apiUrl: fake.url, authorizeUrl: `${fake.url}/i/oauth2/authorize`, client: FAKE_X_CLIENT, bearerToken: FAKE_X_BEARER, timeoutMs: 1000, pageSize: 5, media: { pollMs: 1, maxPolls: 5, chunkBytes: 1000 } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.server.clearFaults();
  fake.uploads.processingChecks = 1;
});

describe('X publishing with media against its fake', () => {
  it('uploads images in one request each, sets their alt text and posts with the media ids', async () => {
    const p = await x.publish(me, owner(), { text: 'Dua foto dari lapangan.', media: [file('image', 'image/jpeg', 1500, 'Petugas memeriksa helm'), file('image', 'image/png', 800)] });
    expect(tweet(p.postId)).toMatchObject({ text: 'Dua foto dari lapangan.', media: 'photo' });
    const used = [...fake.uploads.media.values()].filter((m) => m.usedBy === p.postId);
    expect(used.map((m) => [m.category, m.received, m.altText])).toEqual([['tweet_image', 1500, 'Petugas memeriksa helm'], ['tweet_image', 800, undefined]]);
  });

  it('uploads a video in segments (initialize, append, finalize), waits for processing, then posts', async () => {
    fake.uploads.processingChecks = 2;
    const p = await x.publish(me, owner(), { text: 'Video singkat.', media: [file('video', 'video/mp4', 2500)] });
    expect(tweet(p.postId)?.media).toBe('video');
    const v = [...fake.uploads.media.values()].find((m) => m.usedBy === p.postId);
    expect(v).toMatchObject({ category: 'tweet_video', segments: 3, received: 2500, state: 'succeeded' });
    const paths = fake.server.requests.filter((r) => r.path.startsWith('/2/media')).slice(-8).map((r) => `${r.method} ${r.path.replace(/\d{10,}/, '{id}')}`);
    expect(paths).toEqual(['POST /2/media/upload/initialize', 'POST /2/media/upload/{id}/append', 'POST /2/media/upload/{id}/append', 'POST /2/media/upload/{id}/append', 'POST /2/media/upload/{id}/finalize', 'GET /2/media/upload', 'GET /2/media/upload', 'GET /2/media/upload']);
  });

  it('refuses what X cannot take, before any upload', async () => {
    const before = fake.server.requests.length;
    const refuse = async (v: Variant, reason: RegExp) => {
      const e = await caught(x.publish(me, owner(), v));
      expect(e).toBeInstanceOf(Rejected);
      expect((e as Error).message).toMatch(reason);
    };
    await refuse({ text: 'five', media: Array.from({ length: 5 }, () => file('image', 'image/jpeg', 10)) }, /at most 4 images/);
    await refuse({ text: 'mixed', media: [file('image', 'image/jpeg', 10), file('gif', 'image/gif', 10)] }, /one video, or one GIF/);
    await refuse({ text: 'by url', media: [{ kind: 'image', mime: null, bytes: null, url: 'https://media.example/a.jpg' }] }, /media library/);
    await refuse({ text: 'big', media: [{ ...file('image', 'image/jpeg', 10), bytes: 6 * 1024 * 1024 }] }, /up to 5 MB/);
    expect(fake.server.requests.length).toBe(before);
  });

  it('a video X fails to process is Rejected, and nothing is posted', async () => {
    fake.uploads.processingChecks = -1;
    const count = fake.user('example_std')?.tweets.length;
    const e = await caught(x.publish(me, owner(), { text: 'codec', media: [file('video', 'video/mp4', 500)] }));
    expect(e).toBeInstanceOf(Rejected);
    expect((e as Error).message).toContain('Unsupported video codec');
    expect(fake.user('example_std')?.tweets.length).toBe(count);
  });

  it('a lost answer on the post is OutcomeUnknown (a lost upload is not); findPublished finds the post', async () => {
    fake.inject({ path: '/2/media/upload', method: 'POST', reset: true });
    expect(await caught(x.publish(me, owner(), { text: 'upload lost', media: [file('image', 'image/jpeg', 50)] }))).toMatchObject({ kind: 'temporary' });
    const since = new Date(Date.now() - 1000).toISOString();
    const v: Variant = { text: 'Jawaban hilang, pos tetap terbit.', media: [file('image', 'image/jpeg', 60)] };
    fake.inject({ path: '/2/tweets', method: 'POST', reset: true });
    expect(await caught(x.publish(me, owner(), v))).toBeInstanceOf(OutcomeUnknown);
    const made = fake.user('example_std')?.tweets.find((t) => t.text === v.text);
    expect(made?.media).toBe('photo');
    expect(await x.findPublished(me, owner(), v, since)).toEqual({ found: { postId: made?.id, permalink: `https://x.com/example_std/status/${made?.id ?? ''}` } });
  });
});
