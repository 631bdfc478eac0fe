import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OutcomeUnknown, Rejected, type CallContext, type Variant, type VariantMedia } from '../types.ts';
import { FacebookAdapter } from './adapter.ts';
import { FAKE_FB_APP, FakeFacebook } from './fake.ts';

let fake: FakeFacebook;
let fb: FacebookAdapter;
const page = { handle: 'examplestandards', externalId: '104512345678901' };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.pageToken() } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const img = (n: number, alt?: string): VariantMedia => ({ kind: 'image', mime: 'image/jpeg', bytes: 3, url: `https://media.example/${n}.jpg`, ...(alt ? { altText: alt } : {}) });
const posts = () => fake.pages[0]?.posts ?? [];

beforeAll(async () => {
  fake = await new FakeFacebook().start();
  fb = new FacebookAdapter({ graphUrl: fake.url, dialogUrl: fake.url, version: 'v27.0', app: FAKE_FB_APP, timeoutMs: 400, pageSize: 5 });
  fake.mediaPosts.fetchMedia = (url) => Promise.resolve(
    url.endsWith('.jpg') ? new Response(new Uint8Array([0xff, 0xd8, 0xff]), { headers: { 'content-type': 'image/jpeg' } })
      : url.endsWith('.mp4') ? new Response(new Uint8Array([0, 0, 0, 0x18]), { headers: { 'content-type': 'video/mp4' } })
        : new Response('gone', { status: 404 }),
  );
});
afterAll(() => fake.close());
beforeEach(() => fake.server.clearFaults());

describe('Facebook publishing with media against its fake', () => {
  it('posts one image as a photo by its URL, with caption and alt text', async () => {
    const p = await fb.publish(page, owner(), { text: 'Foto kegiatan hari ini.', link: 'https://bsn.example/a', media: [img(1, 'Peserta pelatihan')] });
    expect(posts()[0]).toMatchObject({ id: p.postId, message: 'Foto kegiatan hari ini.\n\nhttps://bsn.example/a', status_type: 'added_photos' });
    const photo = [...fake.mediaPosts.media.values()].at(-1);
    expect(photo).toMatchObject({ kind: 'photo', url: 'https://media.example/1.jpg', published: true, altText: 'Peserta pelatihan', postId: p.postId });
    expect(p.permalink).toMatch(/^https:\/\/www\.facebook\.com\/104512345678901\/posts\//);
  });

  it('posts several images as unpublished photos attached to one feed post', async () => {
    const p = await fb.publish(page, owner(), { text: 'Tiga foto.', media: [img(2), img(3), img(4)] });
    const attached = [...fake.mediaPosts.media.values()].filter((m) => m.postId === p.postId);
    expect(attached.map((m) => m.url)).toEqual(['https://media.example/2.jpg', 'https://media.example/3.jpg', 'https://media.example/4.jpg']);
    expect(posts()[0]).toMatchObject({ id: p.postId, message: 'Tiga foto.', status_type: 'added_photos' });
    const photoCalls = fake.server.requests.filter((r) => r.path.endsWith('/photos')).slice(-3);
    expect(photoCalls.every((r) => new URLSearchParams(r.body).get('published') === 'false')).toBe(true);
  });

  it('posts one video through /videos with file_url', async () => {
    const p = await fb.publish(page, owner(), { text: 'Video profil.', title: 'Profil', media: [{ kind: 'video', mime: 'video/mp4', bytes: 4, url: 'https://media.example/5.mp4' }] });
    expect(p.permalink).toBe(`https://www.facebook.com/104512345678901/videos/${p.postId}`);
    expect(posts()[0]).toMatchObject({ message: 'Video profil.', status_type: 'added_video' });
  });

  it('refuses what it cannot send with a reason: no PUBLIC_URL, a video with images, more than 10 images', async () => {
    const before = fake.server.requests.length;
    const refuse = async (v: Variant, reason: RegExp) => {
      const e = await caught(fb.publish(page, owner(), v));
      expect(e).toBeInstanceOf(Rejected);
      expect((e as Error).message).toMatch(reason);
    };
    await refuse({ text: 'no url', media: [{ kind: 'image', mime: 'image/jpeg', bytes: 3 }] }, /PUBLIC_URL/);
    await refuse({ text: 'mixed', media: [img(6), { kind: 'video', mime: 'video/mp4', bytes: 4, url: 'https://media.example/7.mp4' }] }, /one video on its own/);
    await refuse({ text: 'many', media: Array.from({ length: 11 }, (_, n) => img(10 + n)) }, /at most 10 images/);
    expect(fake.server.requests.length).toBe(before);
    expect(await caught(fb.publish(page, owner(), { text: 'missing file', media: [{ kind: 'image', mime: null, bytes: null, url: 'https://media.example/missing' }] }))).toMatchObject({ kind: 'rejected', info: { code: 324 } });
  });

  it('a lost answer on the photo post is OutcomeUnknown; findPublished finds it by its text', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const v: Variant = { text: 'Jawaban hilang, foto tetap terbit.', media: [img(30)] };
    fake.inject({ path: '/photos', method: 'POST', reset: true });
    expect(await caught(fb.publish(page, owner(), v))).toBeInstanceOf(OutcomeUnknown);
    const made = posts().find((x) => x.message === v.text);
    expect(made).toBeDefined();
    expect(await fb.findPublished(page, owner(), v, since)).toEqual({ found: { postId: made?.id, permalink: `https://www.facebook.com/104512345678901/posts/${made?.id.split('_')[1] ?? ''}` } });
  });

  it('a lost answer on an unpublished photo (nothing public yet) is not OutcomeUnknown', async () => {
    fake.inject({ path: '/photos', method: 'POST', reset: true });
    expect(await caught(fb.publish(page, owner(), { text: 'two photos', media: [img(40), img(41)] }))).toMatchObject({ kind: 'temporary' });
  });
});
