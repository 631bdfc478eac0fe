import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Deps } from './context.ts';
import { createOrganization } from './organizations.ts';
import { createAccount } from './accounts.ts';
import { addGroupMember, createGroup } from './groups.ts';
import { groupBenchmark, organizationMetricsReport } from './metrics.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { makeDeps } from './context.ts';
import { findAccount } from '../db/queries/accounts.ts';

let db: TestDb;
let deps: Deps;
let postSeq = 0;

async function snapshot(platform: string, handle: string, date: string, followers: number) {
  const a = await findAccount(db.kysely, platform, handle);
  if (!a) throw new Error('no account');
  await db.kysely.insertInto('audience_snapshots').values({ account_id: a.id, date, followers, following: null, posts_total: null, views_total: null, source: 'test', recorded_at: '2026-01-01T00:00:00.000Z' }).execute();
}

async function post(platform: string, handle: string, at: string, type: string, text: string, counts: { likes?: number; comments?: number }[]) {
  const a = await findAccount(db.kysely, platform, handle);
  if (!a) throw new Error('no account');
  const p = await db.kysely
    .insertInto('posts')
    .values({ account_id: a.id, platform, post_id: `p${++postSeq}`, published_at: at, type, text, media_count: 1, permalink: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  let t = Date.parse(at);
  for (const c of counts) {
    t += 86_400_000;
    await db.kysely.insertInto('post_metrics').values({ post_id: p.id, measured_at: new Date(t).toISOString(), likes: c.likes ?? null, comments: c.comments ?? null, shares: null, quotes: null, saves: null, views: null, impressions: null, reach: null }).execute();
  }
}

beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
  await createGroup(SYSTEM, { code: 'NET', name: 'Network', kind: 'network' }, deps);
  for (const [code, tz] of [['BSN', 'Asia/Jakarta'], ['AAA', 'Europe/Paris'], ['BBB', 'UTC']] as const) {
    await createOrganization(SYSTEM, { code, name: code, timezone: tz }, deps);
    await addGroupMember(SYSTEM, 'NET', code, deps);
    await createAccount(SYSTEM, { org: code, platform: 'instagram', handle: `${code.toLowerCase()}_ig` }, deps);
  }
  await snapshot('instagram', 'bsn_ig', '2018-12-20', 50000);
  await snapshot('instagram', 'bsn_ig', '2019-01-01', 52300);
  await snapshot('instagram', 'bsn_ig', '2019-08-09', 76670);
  // 2019-01-31T18:30Z is 1 February in Jakarta: outside a January period, inside February.
  await post('instagram', 'bsn_ig', '2019-01-31T18:30:00.000Z', 'image', 'Halo SNIzen! cc @isostandards', [{ likes: 100, comments: 5 }, { likes: 500, comments: 20 }]);
  await post('instagram', 'bsn_ig', '2019-01-10T03:00:00.000Z', 'text', 'mail info@bsn.go.id', [{ likes: 200 }]);
  await snapshot('instagram', 'aaa_ig', '2019-01-01', 1000);
  await snapshot('instagram', 'aaa_ig', '2019-01-31', 1100);
  await post('instagram', 'aaa_ig', '2019-01-15T10:00:00.000Z', 'reel', 'hello', [{ likes: 10, comments: 1 }]);
});
afterAll(async () => db.drop());

describe('organisation metrics from the database', () => {
  it('uses the latest snapshot on or before each end of the period', async () => {
    const r = await organizationMetricsReport(SYSTEM, { org: 'BSN', from: '2019-01-01', to: '2019-08-09' }, deps);
    expect(r.platforms.instagram).toMatchObject({ start: 52300, end: 76670, growth: 24370, baseline: 'full', posts: 2 });
    expect(r.accounts).toHaveLength(1);
    expect(r.accounts[0]).toMatchObject({ platform: 'instagram', handle: 'bsn_ig', start: 52300 });
  });

  it('places posts on local dates and uses each post latest measurement', async () => {
    const jan = await organizationMetricsReport(SYSTEM, { org: 'BSN', from: '2019-01-01', to: '2019-01-31' }, deps);
    expect(jan.platforms.instagram?.posts).toBe(1);
    expect(jan.platforms.instagram?.mention_share).toBe(0);
    const feb = await organizationMetricsReport(SYSTEM, { org: 'BSN', from: '2019-02-01', to: '2019-02-28' }, deps);
    const ig = feb.platforms.instagram;
    expect(ig?.posts).toBe(1);
    expect(ig?.engagements_per_post).toBe(520);
    expect(ig?.er).toBeCloseTo((520 / 52300) * 100, 12);
    expect(ig?.mention_share).toBe(100);
    expect(ig?.accounts_mentioned).toBe(1);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    await expect(organizationMetricsReport(SYSTEM, { org: 'BSN', from: '2019-02-01', to: '2019-01-01' }, deps)).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('group benchmark from the database', () => {
  it('ranks the members with values and leaves the others null', async () => {
    const r = await groupBenchmark(SYSTEM, { group: 'NET', platform: 'instagram', from: '2019-01-01', to: '2019-01-31' }, deps);
    expect(r.metrics).toEqual(['posts_per_week', 'visual_share', 'er', 'growth_pct', 'mention_share']);
    const byOrg = Object.fromEntries(r.organizations.map((o) => [o.org, o]));
    expect(byOrg.AAA?.values.growth_pct).toBeCloseTo(10, 12);
    expect(byOrg.BSN?.values.growth_pct).toBeCloseTo((0 / 52300) * 100, 12);
    expect(byOrg.BBB?.values.er).toBeNull();
    // an account without posts posts 0 a week: a value, ranked last
    expect(byOrg.BBB?.ranks).toEqual({ posts_per_week: 3 });
    expect(byOrg.AAA?.ranks.growth_pct).toBe(1);
    expect(r.stats.growth_pct?.n).toBe(2);
    expect(r.organizations[0]?.composite).not.toBeNull();
  });
});
