import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_FB_APP } from '../facebook/fake.ts';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, Temporary, type CallContext, type InboxEntry, type PlatformPost } from '../types.ts';
import { InstagramAdapter } from './adapter.ts';
import { FakeInstagram } from './fake.ts';

let fake: FakeInstagram;
let ig: InstagramAdapter;
const own = { handle: 'example_standards', externalId: '17841405822304914' };
const peer = { handle: 'peer_standards_body', externalId: null };
const owner = (): CallContext => ({ access: { kind: 'owner', accessToken: fake.pageToken() } });
const via = (): CallContext => ({ access: { kind: 'peer', accessToken: fake.pageToken(), viaExternalId: own.externalId } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

async function all(target: typeof own | typeof peer, ctx: CallContext): Promise<PlatformPost[]> {
  const out: PlatformPost[] = [];
  let next: string | null = null;
  do {
    const p = await ig.posts(target, ctx, next);
    out.push(...p.items);
    next = p.next;
  } while (next);
  return out;
}

beforeAll(async () => {
  fake = await new FakeInstagram().start();
  ig = new InstagramAdapter({ graphUrl: fake.url, dialogUrl: fake.url, version: 'v27.0', app: FAKE_FB_APP, timeoutMs: 400, pageSize: 2 });
});
afterAll(() => fake.close());

describe('Instagram adapter against its fake', () => {
  it('connects through Facebook Login and finds the IG account linked to a Page', async () => {
    const url = new URL(ig.authorizeUrl({ state: 's', redirectUri: 'http://localhost/cb', codeChallenge: 'unused' }));
    expect(url.searchParams.get('scope')).toContain('instagram_basic');
    const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '').searchParams.get('code') ?? '';
    const r = await ig.exchangeCode(code, 'http://localhost/cb', '', { handle: 'Example_Standards', externalId: null });
    expect(r.externalId).toBe('17841405822304914');
    expect(r.tokens.expiresAt).toBeNull();
  });

  it('reads own counts and every medium across pages', async () => {
    expect(await ig.profile(own, owner())).toEqual({ externalId: '17841405822304914', handle: 'example_standards', displayName: 'Example Standards Agency', followers: 76670, following: 412, postsTotal: 1893, viewsTotal: null });
    const media = await all(own, owner());
    expect(media.map((x) => x.type)).toEqual(['carousel', 'reel', 'image', 'image', 'image']);
    expect(media[0]).toMatchObject({ publishedAt: '2026-11-26T03:01:12.000Z', counts: { likes: 2140, comments: 87 } });
    expect(media[4]?.text).toBeNull();
  });

  it("reads a peer's public figures and media through Business Discovery (cursor-only paging)", async () => {
    expect(await ig.profile(peer, via())).toMatchObject({ externalId: '17841401441775531', followers: 267793, postsTotal: 1205 });
    const media = await all(peer, via());
    expect(media).toHaveLength(4);
    expect(media[3]?.counts.likes).toBeNull(); // hidden like count: unknown, not 0
    expect(fake.server.requests.filter((r) => (r.query.get('fields') ?? '').includes('media.after(')).length).toBeGreaterThan(0);
  });

  it('an unknown or personal peer (110 / 2207013) is Rejected; a rate limit is RateLimited; 5xx Temporary', async () => {
    expect(await caught(ig.profile({ handle: 'someone_personal', externalId: null }, via()))).toBeInstanceOf(Rejected);
    fake.inject({ status: 400, body: { error: { message: '(#80002) There have been too many calls to this Instagram account.', type: 'OAuthException', code: 80002 } } });
    expect(await caught(ig.profile(own, owner()))).toBeInstanceOf(RateLimited);
    fake.inject({ status: 500 });
    expect(await caught(ig.posts(own, owner(), null))).toBeInstanceOf(Temporary);
  });

  it('a public read is refused (no app-only access) and an expired token is AuthExpired', async () => {
    expect(await caught(ig.profile(own, { access: { kind: 'public' } }))).toBeInstanceOf(Rejected);
    const t = fake.pageToken();
    fake.tokens.expire('access', t);
    expect(await caught(ig.profile(own, { access: { kind: 'owner', accessToken: t } }))).toBeInstanceOf(AuthExpired);
  });
});

async function thread(postId: string, ctx = owner()): Promise<{ items: InboxEntry[]; calls: number }> {
  const items: InboxEntry[] = [];
  let next: string | null = null;
  let calls = 0;
  do {
    const p = await ig.comments(own, ctx, postId, next);
    calls++;
    items.push(...p.items);
    next = p.next;
  } while (next);
  return { items, calls };
}

describe('Instagram inbox against its fake', () => {
  it('reads comments with their replies, one call per page, following a long thread through its replies edge', async () => {
    const before = fake.server.requests.length;
    const { items, calls } = await thread('18123456789012345');
    // Top-level page (2 comments, 2 of 3 replies nested), then the third reply through /{comment}/replies.
    expect(calls).toBe(2);
    expect(fake.server.requests.length - before).toBe(2);
    expect(fake.server.requests.at(-1)?.path).toBe('/v27.0/17900000000000006/replies');
    expect(items.map((e) => [e.id, e.kind, e.parentId, e.author])).toEqual([
      ['17900000000000005', 'comment', null, 'helm_aman'],
      ['17900000000000006', 'comment', null, 'ojol_jkt'],
      ['17900000000000007', 'reply', '17900000000000006', 'rina.w'],
      ['17900000000000008', 'reply', '17900000000000006', 'dimas_p'],
      ['17900000000000009', 'reply', '17900000000000006', 'agus.k'],
    ]);
    expect(items[0]).toMatchObject({ postId: '18123456789012345', text: 'Helm saya sudah ber-SNI 👍', createdAt: '2026-11-24T11:00:00.000Z', authorId: expect.any(String) });
  });

  it("marks the account's own answers with its own id, and a medium without comments is one empty page", async () => {
    const { items } = await thread('18034567890123456');
    expect(items.find((e) => e.id === '17900000000000002')).toMatchObject({ kind: 'reply', parentId: '17900000000000001', author: 'example_standards', authorId: own.externalId });
    expect(await ig.comments(own, owner(), '17887766554433221', null)).toEqual({ items: [], next: null });
  });

  it('an unreadable page token starts the medium again', async () => {
    expect((await ig.comments(own, owner(), '18034567890123456', 'garbage')).items[0]?.id).toBe('17900000000000001');
  });

  it('reads the media the account is tagged in as mentions, newest first, across pages', async () => {
    const first = await ig.mentions(own, owner(), null);
    expect(first.items).toEqual([
      { id: 'mention:17999100000000001', kind: 'mention', postId: null, parentId: null, author: 'umkm_batik', authorName: null, authorId: null, text: 'Produk kami resmi ber-SNI! Terima kasih @example_standards 🙏', createdAt: '2026-11-25T09:00:00.000Z' },
      expect.objectContaining({ id: 'mention:17999100000000002', author: 'fotografer_id' }),
    ]);
    expect(first.next).toBeNull();
    expect(fake.server.requests.at(-1)?.query.get('fields')).toContain('caption');
  });

  it('answers a comment under it, a reply under its top-level comment, and a caption mention on that medium', async () => {
    const ctx = owner();
    const a = await ig.reply(own, ctx, '17900000000000005', 'Mantap, terima kasih!');
    const b = await ig.reply(own, ctx, '17900000000000008', 'Cek di laman resmi kami ya.');
    const reel = fake.users[0]?.media[1]?.comments ?? [];
    expect(reel.find((x) => x.id === a.postId)).toMatchObject({ parent_id: '17900000000000005', from_id: own.externalId, text: 'Mantap, terima kasih!' });
    expect(reel.find((x) => x.id === b.postId)).toMatchObject({ parent_id: '17900000000000006' });
    const m = await ig.reply(own, ctx, 'mention:17999100000000001', 'Terima kasih sudah ber-SNI!');
    expect(fake.users[0]?.tagged?.[0]?.comments.map((x) => [x.id, x.text])).toEqual([[m.postId, 'Terima kasih sudah ber-SNI!']]);
    const posted = fake.server.requests.at(-1);
    expect([posted?.method, posted?.path]).toEqual(['POST', '/v27.0/17841405822304914/mentions']);
  });

  it('a tag without a caption mention cannot be answered (Rejected); neither can a comment with a foreign token', async () => {
    expect(await caught(ig.reply(own, owner(), 'mention:17999100000000002', 'Halo'))).toBeInstanceOf(Rejected);
    const foreign: CallContext = { access: { kind: 'owner', accessToken: fake.pageToken('109999999999999') } };
    expect(await caught(ig.comments(own, foreign, '18034567890123456', null))).toBeInstanceOf(Rejected);
    expect(await caught(ig.reply(own, foreign, '17900000000000001', 'Halo'))).toBeInstanceOf(Rejected);
  });

  it('a lost answer to a reply is OutcomeUnknown and the reply exists; a 5xx on a reply too; on a read it is Temporary', async () => {
    const reel = () => fake.users[0]?.media[1]?.comments ?? [];
    const before = reel().length;
    fake.inject({ reset: true, path: '/replies', method: 'POST' });
    expect(await caught(ig.reply(own, owner(), '17900000000000005', 'hilang'))).toBeInstanceOf(OutcomeUnknown);
    expect(reel().length).toBe(before + 1);
    fake.inject({ status: 500, path: '/replies', method: 'POST' });
    expect(await caught(ig.reply(own, owner(), '17900000000000005', 'lima ratus'))).toBeInstanceOf(OutcomeUnknown);
    fake.inject({ delayMs: 900, path: '/comments' });
    expect(await caught(ig.comments(own, owner(), '18034567890123456', null))).toBeInstanceOf(Temporary);
  });

  it("the account's limit (80002) waits for estimated_time_to_regain_access; an expired token is AuthExpired", async () => {
    const u = fake.users[0];
    if (u) u.throttledFor = 12;
    const e = await caught(ig.comments(own, owner(), '18034567890123456', null));
    if (u) u.throttledFor = 0;
    expect(e).toBeInstanceOf(RateLimited);
    expect(Date.parse((e as RateLimited).retryAt) - Date.now()).toBeGreaterThan(11 * 60_000);
    const t = fake.pageToken();
    fake.tokens.expire('access', t);
    expect(await caught(ig.mentions(own, { access: { kind: 'owner', accessToken: t } }, null))).toBeInstanceOf(AuthExpired);
  });
});
