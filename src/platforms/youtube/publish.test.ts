import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutcomeUnknown, Rejected, type CallContext, type Variant, type VariantMedia } from '../types.ts';
import { YoutubeAdapter } from './adapter.ts';
import { UPLOAD_CHUNK } from './publish.ts';
import { FAKE_GOOGLE_CLIENT, FAKE_YT_KEY, FakeYoutube } from './fake.ts';

let fake: FakeYoutube;
let yt: YoutubeAdapter;
const own = { handle: 'examplestandards', externalId: 'UCx1ExampleStdAgency000A' };
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const bytes = new Uint8Array(4096).map((_, i) => i % 251);
const video = (): VariantMedia => ({ kind: 'video', mime: 'video/mp4', bytes: bytes.length, read: (o, l) => Promise.resolve(bytes.subarray(o, o + l)) });
let units: [string, number][] = [];
const owner = (scope?: string): CallContext => ({ access: { kind: 'owner', accessToken: fake.grant(undefined, 3599, scope).accessToken }, onCost: (b, n) => units.push([b, n]) });
const uploads = () => fake.channels[0]?.videos ?? [];

beforeAll(async () => {
  fake = await new FakeYoutube().start();
  yt = new YoutubeAdapter({ apiUrl: `${fake.url}/youtube/v3`, authUrl: `${fake.url}/o/oauth2/v2/auth`, tokenUrl: `${fake.url}/token`, client: FAKE_GOOGLE_CLIENT, apiKey: FAKE_YT_KEY, timeoutMs: 1000, pageSize: 3, privacyStatus: 'unlisted' });
});
afterAll(() => fake.close());
beforeEach(() => {
  units = [];
  fake.server.clearFaults();
  fake.uploads.uploadsLeft = 100;
});

describe('YouTube publishing against its fake', () => {
  it('uploads the file through a resumable session with the title, description and privacy, charging videos.insert', async () => {
    const v: Variant = { title: 'Webinar SNI 2026', text: 'Rekaman webinar mutu.', link: 'https://bsn.example/webinar', media: [video()] };
    const p = await yt.publish(own, owner(), v);
    expect(p.permalink).toBe(`https://www.youtube.com/watch?v=${p.postId}`);
    expect(uploads()[0]).toMatchObject({ id: p.postId, title: 'Webinar SNI 2026' });
    const s = [...fake.uploads.sessions.values()].at(-1);
    expect(s).toMatchObject({ description: 'Rekaman webinar mutu.\n\nhttps://bsn.example/webinar', privacyStatus: 'unlisted', declaredBytes: 4096, receivedBytes: 4096, contentType: 'video/mp4' });
    expect(units).toEqual([['videos.insert', 1]]);
    const calls = fake.server.requests.slice(-2).map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual(['POST /upload/youtube/v3/videos', 'PUT /upload/youtube/v3/videos']);
  });

  it('sends a large video in chunks, never the whole file at once', async () => {
    const big = new Uint8Array(UPLOAD_CHUNK * 2 + 1000).map((_, i) => i % 253);
    const reads: number[] = [];
    const media: VariantMedia = { kind: 'video', mime: 'video/mp4', bytes: big.length, read: (o, l) => (reads.push(l), Promise.resolve(big.subarray(o, o + l))) };
    const p = await yt.publish(own, owner(), { title: 'Webinar panjang', text: 'x', media: [media] });
    expect(uploads()[0]).toMatchObject({ id: p.postId });
    expect(reads).toEqual([UPLOAD_CHUNK, UPLOAD_CHUNK, 1000]);
    expect([...fake.uploads.sessions.values()].at(-1)).toMatchObject({ declaredBytes: big.length, receivedBytes: big.length });
    expect(fake.server.requests.slice(-3).map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
  });

  it('takes the first line of the text as title when the variant has none', async () => {
    const p = await yt.publish(own, owner(), { text: 'Judul dari baris pertama\nlalu deskripsi', media: [video()] });
    expect(uploads().find((x) => x.id === p.postId)?.title).toBe('Judul dari baris pertama');
  });

  it('refuses what YouTube cannot take, before any call or unit', async () => {
    const before = fake.server.requests.length;
    const refuse = async (v: Variant, reason: RegExp) => {
      const e = await caught(yt.publish(own, owner(), v));
      expect(e).toBeInstanceOf(Rejected);
      expect((e as Error).message).toMatch(reason);
    };
    await refuse({ text: 'text only' }, /exactly one video/);
    await refuse({ text: 'picture', media: [{ kind: 'image', mime: 'image/jpeg', bytes: 10, url: 'https://x.example/a.jpg' }] }, /exactly one video/);
    await refuse({ text: 'by url', media: [{ kind: 'video', mime: null, bytes: null, url: 'https://x.example/a.mp4' }] }, /media library/);
    await refuse({ text: 'a <b>bold</b> title', media: [video()] }, /< or >/);
    await refuse({ text: 'long', description: undefined, title: 'ok', media: [video()], link: 'x'.repeat(5001) } as Variant, /5,000 bytes/);
    expect(fake.server.requests.length).toBe(before);
    expect(units).toEqual([]);
  });

  it("the platform's refusals are Rejected: no upload scope, the daily upload cap", async () => {
    expect(await caught(yt.publish(own, owner('https://www.googleapis.com/auth/youtube.readonly'), { text: 'no scope', media: [video()] }))).toMatchObject({ kind: 'rejected', info: { code: 'insufficientPermissions' } });
    fake.uploads.uploadsLeft = 0;
    const e = await caught(yt.publish(own, owner(), { text: 'capped', media: [video()] }));
    expect(e).toBeInstanceOf(Rejected);
    expect((e as Error).message).toContain('exceeded the number of videos');
  });

  it('a lost answer after the bytes were sent is OutcomeUnknown; findPublished finds the video by title and time', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const v: Variant = { title: 'Video yang jawabannya hilang', text: 'deskripsi', media: [video()] };
    fake.inject({ path: '/upload/youtube/v3/videos', method: 'PUT', reset: true });
    expect(await caught(yt.publish(own, owner(), v))).toBeInstanceOf(OutcomeUnknown);
    const made = uploads().find((x) => x.title === v.title);
    expect(made).toBeDefined();
    expect(await yt.findPublished(own, owner(), v, since)).toEqual({ found: { postId: made?.id, permalink: `https://www.youtube.com/watch?v=${made?.id ?? ''}` } });
    expect(await yt.findPublished(own, owner(), { ...v, title: 'Tidak pernah diunggah' }, since)).toEqual({ found: null, complete: true });
  });

  it('a lost answer on the metadata POST (nothing uploaded yet) is not OutcomeUnknown', async () => {
    fake.inject({ path: '/upload/youtube/v3/videos', method: 'POST', reset: true });
    expect(await caught(yt.publish(own, owner(), { text: 'session lost', media: [video()] }))).toMatchObject({ kind: 'temporary' });
  });
});
