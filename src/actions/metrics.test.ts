import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM, type Deps } from './context.ts';
import { groupBenchmark, organizationMetricsReport } from './metrics.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { makeDeps } from './context.ts';
import { seedSmallNetwork } from '../testing/fixtures.ts';

let db: TestDb;
let deps: Deps;

beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
  await seedSmallNetwork(deps);
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
