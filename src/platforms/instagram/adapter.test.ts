import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_FB_APP } from '../facebook/fake.ts';
import { AuthExpired, RateLimited, Rejected, Temporary, type CallContext, type PlatformPost } from '../types.ts';
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
