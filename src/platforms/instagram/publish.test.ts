import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_FB_APP } from '../facebook/fake.ts';
import { OutcomeUnknown, RateLimited, Rejected, Temporary, type CallContext, type Variant, type VariantMedia } from '../types.ts';
import { InstagramAdapter } from './adapter.ts';
import { FakeInstagram } from './fake.ts';

let fake: FakeInstagram;
let ig: InstagramAdapter;
const own = { handle: 'example_standards', externalId: '17841405822304914' };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.pageToken() } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const jpeg = (n: number, alt?: string): VariantMedia => ({ kind: 'image', mime: 'image/jpeg', bytes: 3, url: `https://media.example/${n}.jpg`, ...(alt ? { altText: alt } : {}) });
const since = () => new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  fake = await new FakeInstagram().start();
  ig = new InstagramAdapter({ graphUrl: fake.url, dialogUrl: fake.url, version: 'v27.0', app: FAKE_FB_APP, timeoutMs: 400, pageSize: 5, poll: { pollMs: 1, maxPolls: 4 } });
  // The media "server": JPEG for .jpg, PNG for .png, 404 for anything else.
  fake.publishing.fetchMedia = (url) => Promise.resolve(
    url.endsWith('.jpg') ? new Response(new Uint8Array([0xff, 0xd8, 0xff]), { headers: { 'content-type': 'image/jpeg' } })
      : url.endsWith('.png') ? new Response(new Uint8Array([0x89, 0x50]), { headers: { 'content-type': 'image/png' } })
        : url.endsWith('.mp4') ? new Response(new Uint8Array([0, 0, 0, 0x18]), { headers: { 'content-type': 'video/mp4' } })
          : new Response('no', { status: 404 }),
  );
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.server.clearFaults();
  fake.publishing.pollsUntilFinished = 0;
  fake.publishing.endWith = undefined;
  fake.publishing.quotaTotal = 100;
  fake.server.requests.length = 0;
});

describe('Instagram publishing against its fake', () => {
  it('creates a container from the image URL, polls it to FINISHED, publishes once and reads the permalink', async () => {
    fake.publishing.pollsUntilFinished = 2;
    const p = await ig.publish(own, owner(), { text: 'Hari Standar Dunia 🌏', media: [jpeg(1, 'Poster of the day')] });
    expect(p.permalink).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    expect(fake.publishing.published().map((m) => [m.id, m.caption, m.media_type])).toEqual([[p.postId, 'Hari Standar Dunia 🌏', 'IMAGE']]);
    const container = [...fake.publishing.containers.values()].at(-1);
    expect(container).toMatchObject({ kind: 'IMAGE', url: 'https://media.example/1.jpg', altText: 'Poster of the day', status: 'PUBLISHED' });
    const calls = fake.server.requests.map((r) => `${r.method} ${r.path.replace(/^\/v27\.0\//, '').replace(/^\d+$/, '{id}')}`);
    expect(calls).toEqual([
      `GET ${own.externalId}/content_publishing_limit`, `POST ${own.externalId}/media`, 'GET {id}', 'GET {id}', 'GET {id}', `POST ${own.externalId}/media_publish`, 'GET {id}',
    ]);
    expect(fake.publishing.fetched.at(-1)).toMatchObject({ status: 200, contentType: 'image/jpeg' });
  });

  it('publishes a carousel of child containers and a Reel', async () => {
    const c = await ig.publish(own, owner(), { text: 'Two pictures', media: [jpeg(2), jpeg(3)] });
    const reel = await ig.publish(own, owner(), { text: 'A short film', media: [{ kind: 'video', mime: 'video/mp4', bytes: 4, url: 'https://media.example/4.mp4' }] });
    const byId = new Map(fake.publishing.published().map((m) => [m.id, m]));
    expect(byId.get(c.postId)).toMatchObject({ media_type: 'CAROUSEL_ALBUM', caption: 'Two pictures' });
    expect(byId.get(reel.postId)).toMatchObject({ media_type: 'VIDEO', media_product_type: 'REELS' });
    const parent = [...fake.publishing.containers.values()].find((x) => x.kind === 'CAROUSEL');
    expect(parent?.children).toHaveLength(2);
  });

  it('refuses media it cannot send with a reason, before any call', async () => {
    const refuse = async (v: Variant, reason: RegExp) => {
      const e = await caught(ig.publish(own, owner(), v));
      expect(e).toBeInstanceOf(Rejected);
      expect((e as Error).message).toMatch(reason);
    };
    await refuse({ text: 'no picture' }, /needs an image or a video/);
    await refuse({ text: 'no url', media: [{ kind: 'image', mime: 'image/jpeg', bytes: 3 }] }, /PUBLIC_URL/);
    await refuse({ text: 'png', media: [{ kind: 'image', mime: 'image/png', bytes: 3, url: 'https://media.example/5.png' }] }, /JPEG images only/);
    await refuse({ text: 'gif', media: [{ kind: 'gif', mime: 'image/gif', bytes: 3, url: 'https://media.example/6.gif' }] }, /GIF/);
    await refuse({ text: 'x'.repeat(2201), media: [jpeg(7)] }, /2200 characters/);
    expect(fake.server.requests).toHaveLength(0);
  });

  it("the platform's refusals are Rejected: a PNG behind a URL, an unreachable URL, a container in ERROR", async () => {
    const hand = (url: string): Variant => ({ text: 'by hand', media: [{ kind: 'image', mime: null, bytes: null, url }] });
    expect(await caught(ig.publish(own, owner(), hand('https://media.example/8.png')))).toMatchObject({ kind: 'rejected', info: { code: 36001, subcode: 2207005 } });
    expect(await caught(ig.publish(own, owner(), hand('https://media.example/missing')))).toMatchObject({ kind: 'rejected', info: { code: 9004, subcode: 2207052 } });
    fake.publishing.endWith = 'ERROR';
    const e = await caught(ig.publish(own, owner(), { text: 'broken', media: [jpeg(9)] }));
    expect(e).toBeInstanceOf(Rejected);
    expect((e as Error).message).toContain('2207026');
  });

  it('a container still IN_PROGRESS after the last poll, or EXPIRED, is Temporary; nothing was published', async () => {
    fake.publishing.pollsUntilFinished = 10;
    expect(await caught(ig.publish(own, owner(), { text: 'slow', media: [jpeg(10)] }))).toBeInstanceOf(Temporary);
    fake.publishing.pollsUntilFinished = 0;
    fake.publishing.endWith = 'EXPIRED';
    expect(await caught(ig.publish(own, owner(), { text: 'late', media: [jpeg(11)] }))).toBeInstanceOf(Temporary);
    expect(fake.server.requests.some((r) => r.path.endsWith('/media_publish'))).toBe(false);
  });

  it('the 24-hour publishing cap is RateLimited before any container is made; 9/2207042 on publish too', async () => {
    fake.publishing.quotaTotal = fake.publishing.publishedAt.get(own.externalId)?.length ?? 0;
    const e = await caught(ig.publish(own, owner(), { text: 'one too many', media: [jpeg(12)] }));
    expect(e).toBeInstanceOf(RateLimited);
    expect(fake.server.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    fake.publishing.quotaTotal = 100;
    fake.inject({ path: '/media_publish', status: 400, body: { error: { message: 'limit', type: 'OAuthException', code: 9, error_subcode: 2207042 } } });
    expect(await caught(ig.publish(own, owner(), { text: 'capped', media: [jpeg(13)] }))).toBeInstanceOf(RateLimited);
  });

  it('a lost answer on media_publish is OutcomeUnknown; findPublished then finds the post by its caption', async () => {
    const v: Variant = { text: 'Lost answer, published anyway', media: [jpeg(14)] };
    const from = since();
    fake.inject({ path: '/media_publish', reset: true });
    expect(await caught(ig.publish(own, owner(), v))).toBeInstanceOf(OutcomeUnknown);
    const made = fake.publishing.published().at(-1);
    expect(made?.caption).toBe(v.text);
    expect(await ig.findPublished(own, owner(), v, from)).toEqual({ found: { postId: made?.id, permalink: `https://www.instagram.com/p/${made?.id.slice(-6) ?? ''}/` } });
    expect(await ig.findPublished(own, owner(), { text: 'never sent', media: [jpeg(15)] }, from)).toEqual({ found: null, complete: true });
  });

  it('a lost answer on the container (nothing public yet) stays Temporary', async () => {
    fake.inject({ path: `/${own.externalId}/media`, method: 'POST', reset: true });
    expect(await caught(ig.publish(own, owner(), { text: 'container lost', media: [jpeg(16)] }))).toBeInstanceOf(Temporary);
  });
});
