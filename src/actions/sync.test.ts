import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { findAccount } from '../db/queries/accounts.ts';
import { accountIdOf, connectAccount } from '../testing/connections.ts';
import { findConnection } from '../db/queries/connections.ts';
import { claimCursor, cursorsOf, ensureCursors, scheduleNow } from '../db/queries/sync.ts';
import { startFakes, type Fakes } from '../platforms/fakes.ts';
import { connectorsFromSettings } from '../platforms/registry.ts';
import { open, tokenKey } from '../platforms/secrets.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { createAccount } from './accounts.ts';
import { listConnections } from './connections.ts';
import { makeDeps, SYSTEM, type Deps } from './context.ts';
import { createOrganization } from './organizations.ts';
import { syncAccount, syncDue } from './sync.ts';

const SECRET = 'f'.repeat(64);
const NOW = '2026-11-27T06:00:00.000Z';
let db: TestDb;
let fakes: Fakes;
let deps: Deps;

const accountId = (platform: string, handle: string): Promise<number> => accountIdOf(db, platform, handle);

/** A connection as a finished OAuth flow would have left it. */
const connect = (platform: string, handle: string, t: { accessToken: string; refreshToken?: string | null; expiresAt?: string | null }): Promise<void> =>
  connectAccount(db, SECRET, NOW, platform, handle, t);

async function counts(): Promise<{ snapshots: number; posts: number; metrics: number }> {
  const one = async (table: 'audience_snapshots' | 'posts' | 'post_metrics') => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { snapshots: await one('audience_snapshots'), posts: await one('posts'), metrics: await one('post_metrics') };
}

async function dueAll(): Promise<void> {
  const ids = await db.kysely.selectFrom('accounts').select('id').execute();
  for (const { id } of ids) await scheduleNow(db.kysely, id, NOW, false);
}

beforeAll(async () => {
  db = await createTestDb();
  fakes = await startFakes({ timeoutMs: 1000 });
  deps = { ...makeDeps(db, { secretKey: SECRET, connectors: connectorsFromSettings(fakes.settings, 2) }), now: () => NOW };
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  await createOrganization(SYSTEM, { code: 'PEER', name: 'Peer Standards Body', timezone: 'Europe/Zurich' }, deps);
  for (const [org, platform, handle, owned, external_id] of [
    ['BSN', 'facebook', 'examplestandards', true, '104512345678901'], ['BSN', 'instagram', 'example_standards', true, '17841405822304914'],
    ['BSN', 'x', 'example_std', true, '1234567890123456789'], ['BSN', 'youtube', 'examplestandards', true, 'UCx1ExampleStdAgency000A'],
    ['PEER', 'instagram', 'peer_standards_body', false, null], ['PEER', 'x', 'peer_std', false, null], ['PEER', 'youtube', 'peerbody', false, null],
    ['PEER', 'tiktok', 'peer_tt', false, null],
  ] as const) await createAccount(SYSTEM, { org, platform, handle, owned, external_id }, deps);
  await connect('facebook', 'examplestandards', { accessToken: fakes.facebook.pageToken() });
  await connect('instagram', 'example_standards', { accessToken: fakes.instagram.pageToken() });
  const xg = fakes.x.grant();
  await connect('x', 'example_std', { ...xg, expiresAt: new Date(Date.now() + 7200_000).toISOString() });
  const yg = fakes.youtube.grant();
  await connect('youtube', 'examplestandards', { ...yg, expiresAt: new Date(Date.now() + 3599_000).toISOString() });
});
afterAll(async () => {
  await fakes.close();
  await db.drop();
});

describe('sync', () => {
  it('backfills owned accounts through their tokens and peers through public access', async () => {
    const reports = await syncDue(deps, 'w1');
    // A TikTok peer cannot be read: TikTok has no public reads, only the account's own connection.
    const peerTt = await accountId('tiktok', 'peer_tt');
    const notDone = reports.filter((r) => r.status !== 'done').map((r) => [r.account_id, r.stream, r.error_kind]);
    expect(notDone.sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([[peerTt, 'posts', 'no_access'], [peerTt, 'profile', 'no_access']]);
    const snaps = await db.kysely.selectFrom('audience_snapshots as s').innerJoin('accounts as a', 'a.id', 's.account_id').select(['a.platform', 'a.handle', 's.date', 's.followers', 's.posts_total', 's.source']).orderBy('a.id').execute();
    expect(snaps).toEqual([
      { platform: 'facebook', handle: 'examplestandards', date: '2026-11-27', followers: 8912, posts_total: null, source: 'api' },
      { platform: 'instagram', handle: 'example_standards', date: '2026-11-27', followers: 76670, posts_total: 1893, source: 'api' },
      { platform: 'x', handle: 'example_std', date: '2026-11-27', followers: 13300, posts_total: 20311, source: 'api' },
      { platform: 'youtube', handle: 'examplestandards', date: '2026-11-27', followers: 905, posts_total: 312, source: 'api' },
      { platform: 'instagram', handle: 'peer_standards_body', date: '2026-11-27', followers: 267793, posts_total: 1205, source: 'api' },
      { platform: 'x', handle: 'peer_std', date: '2026-11-27', followers: 58210, posts_total: 9120, source: 'api' },
      { platform: 'youtube', handle: 'peerbody', date: '2026-11-27', followers: 123000, posts_total: 1044, source: 'api' },
    ]);
    const perAccount = await db.kysely.selectFrom('posts').select(['platform', (eb) => eb.fn.countAll().as('n')]).groupBy('platform').orderBy('platform').execute();
    expect(perAccount.map((r) => [r.platform, Number(r.n)])).toEqual([['facebook', 5], ['instagram', 9], ['x', 5], ['youtube', 4]]);
    const post = await db.kysely.selectFrom('posts as p').innerJoin('post_metrics as m', 'm.post_id', 'p.id').selectAll('m').where('p.post_id', '=', '1993871234567890123').execute();
    expect(post).toEqual([{ post_id: expect.any(Number), measured_at: NOW, likes: 188, comments: 6, shares: 41, quotes: 3, saves: 12, views: null, impressions: 9321, reach: null }]);
    expect((await findAccount(db.kysely, 'x', 'peer_std'))?.external_id).toBe('98765432');
    // YouTube's units were counted per call
    const quota = await db.kysely.withTables<{ platform_quota: { platform: string; units: number } }>().selectFrom('platform_quota').select('units').where('platform', '=', 'youtube').executeTakeFirst();
    expect(Number(quota?.units)).toBeGreaterThanOrEqual(8);
  });

  it('a second sync with the same answers writes nothing new', async () => {
    const before = await counts();
    await dueAll();
    const reports = await syncDue(deps, 'w2');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.posts_added + r.measurements_added + r.measurements_updated === 0)).toBe(true);
    expect(reports.filter((r) => r.stream === 'profile' && r.error_kind !== 'no_access').map((r) => r.snapshot)).toEqual(Array(7).fill('unchanged'));
    expect(await counts()).toEqual(before);
  });

  it('a token expiring mid-sync is refreshed and the walk goes on', async () => {
    fakes.x.users[0]?.tweets.push({ id: '1989000000000000001', text: 'page two', created_at: '2026-11-10T00:00:00.000Z', metrics: { retweet_count: 0, reply_count: 0, like_count: 1, quote_count: 0, bookmark_count: 0, impression_count: 9 } });
    const id = await accountId('x', 'example_std');
    const key = tokenKey(SECRET);
    const oldAccess = open((await findConnection(db.kysely, id))?.access_token ?? '', key, `connections:${id}:access_token`);
    fakes.x.inject({ path: '/tweets', skip: 1, status: 401 });
    const r = await syncAccount(SYSTEM, 'x', 'example_std', deps);
    expect(r.streams.map((s) => s.status)).toEqual(['done', 'done']);
    expect(r.streams[1]?.posts_added).toBe(1);
    const c = await findConnection(db.kysely, id);
    expect(c?.status).toBe('active');
    expect(open(c?.access_token ?? '', key, `connections:${id}:access_token`)).not.toBe(oldAccess);
    expect(c?.access_token).not.toContain(oldAccess.slice(0, 10));
  });

  it('a temporary failure of the token endpoint is not a dead token', async () => {
    const id = await accountId('x', 'example_std');
    fakes.x.inject({ path: '/users/', status: 401 });
    fakes.x.inject({ path: '/oauth2/token', status: 503 });
    const r = await syncAccount(SYSTEM, 'x', 'example_std', deps);
    expect(r.streams[0]).toMatchObject({ status: 'failed', error_kind: 'temporary' });
    expect((await findConnection(db.kysely, id))?.status).toBe('active');
  });

  it('a dead refresh token flags the connection; it is listed as expired, and public reads take over', async () => {
    const id = await accountId('x', 'example_std');
    fakes.x.tokens.expire('access');
    fakes.x.tokens.expire('refresh');
    const r = await syncAccount(SYSTEM, 'x', 'example_std', deps);
    expect(r.streams[0]).toMatchObject({ status: 'failed', error_kind: 'auth_expired' });
    const c = await findConnection(db.kysely, id);
    expect(c).toMatchObject({ status: 'expired', flagged_at: NOW });
    const listed = await listConnections(SYSTEM, { status: 'expired' }, deps);
    expect(listed.items.map((i) => `${i.platform}/${i.handle}`)).toEqual(['x/example_std']);
    expect(JSON.stringify(listed)).not.toMatch(/access_token|refresh_token|v1\./);
    const again = await syncAccount(SYSTEM, 'x', 'example_std', deps);
    expect(again.streams.map((s) => s.status)).toEqual(['done', 'done']);
  });

  it('a rate limit moves the stream to the time the platform names', async () => {
    fakes.facebook.inject({ status: 429, retryAfter: 120 });
    const r = await syncAccount(SYSTEM, 'facebook', 'examplestandards', deps);
    expect(r.streams[0]).toMatchObject({ status: 'failed', error_kind: 'rate_limited' });
    const wait = Date.parse(r.streams[0]?.next_run_at ?? '') - Date.now();
    expect(wait).toBeGreaterThan(100_000);
    expect(wait).toBeLessThanOrEqual(120_000);
    const cur = (await cursorsOf(db.kysely, await accountId('facebook', 'examplestandards'))).find((c) => c.stream === 'profile');
    expect(cur).toMatchObject({ next_run_at: r.streams[0]?.next_run_at, claimed_by: null });
  });

  it("keeps within YouTube's daily units: a run that would not fit waits for midnight Pacific", async () => {
    const tight = { ...deps, connectors: connectorsFromSettings({ ...fakes.settings, youtube: { ...fakes.settings.youtube, dailyQuota: 1 } }, 2) };
    const r = await syncAccount(SYSTEM, 'youtube', 'peerbody', tight);
    expect(r.streams.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(new Date(r.streams[0]?.next_run_at ?? '').getUTCHours()).toBeOneOf([7, 8]);
  });

  it('of two claimers of one stream exactly one wins, until the claim expires', async () => {
    const id = await accountId('youtube', 'peerbody');
    await ensureCursors(db.kysely, ['profile'], id);
    const until = '2026-11-27T06:10:00.000Z';
    // Two processes: two separate connection pools on the same database, racing.
    const other = openDatabase(db.target);
    try {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => claimCursor((i % 2 ? other : db).kysely, id, 'profile', `w${i}`, until, NOW)));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.close();
    }
    expect(await claimCursor(db.kysely, id, 'profile', 'late', '2026-11-27T06:30:00.000Z', '2026-11-27T06:11:00.000Z')).toBe(true);
  });
});
