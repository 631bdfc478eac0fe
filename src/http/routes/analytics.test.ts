import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { seedSmallNetwork } from '../../testing/fixtures.ts';

describe('analytics API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSmallNetwork(t.deps);
  });
  afterAll(async () => t.close());

  it('answers an organisation metrics over a period', async () => {
    const r = await t.request('GET', '/api/organizations/BSN/metrics?from=2019-01-01&to=2019-08-09');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ org: 'BSN', er_method: 'mean', platforms: { instagram: { start: 52300, end: 76670, growth: 24370 } } });
    const bad = await t.request('GET', '/api/organizations/BSN/metrics?from=2019-13-01&to=2019-08-09');
    expect(bad.status).toBe(400);
  });

  it('gives follower series per month as of the end of each month', async () => {
    const r = await t.request('GET', '/api/organizations/BSN/series/followers?from=2019-01-01&to=2019-03-31&interval=month');
    const body = r.json as { platforms: { instagram: { end: string; value: number }[] }; total: { value: number }[] };
    expect(body.platforms.instagram.map((p) => [p.end, p.value])).toEqual([['2019-01-31', 52300], ['2019-02-28', 52300], ['2019-03-31', 52300]]);
    expect(body.total.map((p) => p.value)).toEqual([52300, 52300, 52300]);
  });

  it('lists top posts, the best-times grid, activity and data gaps', async () => {
    const top = (await t.request('GET', '/api/organizations/BSN/posts/top?from=2019-01-01&to=2019-02-28&by=engagements&limit=1')).json as { posts: { engagements: number; date: string }[] };
    expect(top.posts).toEqual([expect.objectContaining({ engagements: 520, date: '2019-02-01' })]);
    const grid = (await t.request('GET', '/api/organizations/BSN/best-times?from=2019-01-01&to=2019-02-28')).json as { grid: { posts: number }[][]; timezone: string };
    expect(grid.timezone).toBe('Asia/Jakarta');
    expect(grid.grid.flat().reduce((n, c) => n + c.posts, 0)).toBe(2);
    const act = (await t.request('GET', '/api/organizations/BSN/series/activity?from=2019-01-01&to=2019-02-28&interval=month')).json as { platforms: { instagram: { posts: number }[] } };
    expect(act.platforms.instagram.map((p) => p.posts)).toEqual([1, 1]);
    const gaps = (await t.request('GET', '/api/organizations/AAA/gaps?from=2019-01-01&to=2019-01-31')).json as { accounts: { missing_days: number }[] };
    expect(gaps.accounts[0]?.missing_days).toBe(29);
    const br = await t.request('GET', '/api/organizations/BSN/breakouts?from=2019-01-01&to=2019-02-28');
    expect(br.json).toMatchObject({ breakouts: [] });
  });

  it('benchmarks a group on one platform and across platforms', async () => {
    const r = await t.request('GET', '/api/groups/NET/benchmark?platform=instagram&from=2019-01-01&to=2019-01-31&metrics=growth_pct,posts');
    expect(r.status).toBe(200);
    const body = r.json as { metrics: string[]; organizations: { org: string; ranks: Record<string, number> }[] };
    expect(body.metrics).toEqual(['growth_pct', 'posts']);
    expect(body.organizations.find((o) => o.org === 'AAA')?.ranks.growth_pct).toBe(1);
    const comp = (await t.request('GET', '/api/groups/NET/composite?from=2019-01-01&to=2019-01-31')).json as { platforms: string[]; organizations: { org: string; composite: number | null }[] };
    expect(comp.platforms).toEqual(['instagram']);
    expect(comp.organizations).toHaveLength(3);
  });
});
