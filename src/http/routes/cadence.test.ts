import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addPost, seedSmallNetwork } from '../../testing/fixtures.ts';

// Tuesday 5 May 2026, 10:00 in Jakarta.
const NOW = '2026-05-05T03:00:00.000Z';

interface Week {
  start: string;
  planned: number;
  scheduled: number;
  published_items: number;
  published_posts: number;
  covered: number;
  target: number | null;
  gap: number;
  state: string;
  past: boolean;
}
interface Report {
  weeks: { start: string; end: string }[];
  today: string;
  accounts: { platform: string; handle: string; posts_per_week: number | null; gap_weeks: number; weeks: Week[] }[];
  posts?: { handle: string; local: string; text: string | null }[];
  posts_truncated?: boolean;
}

describe('cadence API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.deps.now = () => NOW;
    await seedSmallNetwork(t.deps);
  });
  afterAll(async () => t.close());

  it('sets, reads and removes an account target', async () => {
    expect((await t.request('GET', '/api/accounts/instagram/bsn_ig/cadence')).json).toEqual({ org: 'BSN', platform: 'instagram', handle: 'bsn_ig', posts_per_week: null, updated_at: null });
    const put = await t.request('PUT', '/api/accounts/instagram/@BSN_IG/cadence', { posts_per_week: 3 });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toMatchObject({ posts_per_week: 3, updated_at: NOW });
    expect((await t.request('PUT', '/api/accounts/instagram/bsn_ig/cadence', { posts_per_week: -1 })).status).toBe(400);
    expect((await t.request('PUT', '/api/accounts/instagram/nobody/cadence', { posts_per_week: 2 })).status).toBe(404);
    expect((await t.request('PUT', '/api/accounts/instagram/aaa_ig/cadence', { posts_per_week: 2 })).status).toBe(200);
    expect((await t.request('PUT', '/api/accounts/instagram/aaa_ig/cadence', { posts_per_week: null })).json).toMatchObject({ posts_per_week: null, updated_at: null });
  });

  it('compares planned, scheduled and published per week with the target, in local weeks', async () => {
    const create = async (title: string, extra: Record<string, unknown>) => {
      const r = await t.request('POST', '/api/organizations/BSN/content', {
        title, status: 'draft', accounts: [{ platform: 'instagram', handle: 'bsn_ig' }],
        variants: [{ platform: 'instagram', text: 'Halo SNIzen! Cek helm ber-SNI. #SNI', media: [{ kind: 'image', url: 'https://example.org/a.jpg', width: 1080, height: 1080, bytes: 1000, altText: 'helm' }] }],
        ...extra,
      });
      expect(r.status, r.text).toBe(201);
      return (r.json as { id: number }).id;
    };
    await create('draft this week', { due_date: '2026-05-08' });
    await create('draft last week', { due_date: '2026-04-29' });
    const sched = await create('scheduled next week', { due_date: '2026-05-11' });
    for (const to of ['in_review', 'approved']) expect((await t.request('POST', `/api/content/${sched}/transitions`, { to })).status).toBe(200);
    // 23:30 UTC on Sunday 10 May is Monday 11 May in Jakarta.
    expect((await t.request('POST', `/api/content/${sched}/transitions`, { to: 'scheduled', scheduled_at: '2026-05-10T23:30:00Z' })).status).toBe(200);
    await addPost(t.deps, 'instagram', 'bsn_ig', '2026-04-28T02:00:00.000Z', 'image', 'Halo SNIzen', []);
    // Sunday 3 May 17:30 UTC = Monday 4 May 00:30 in Jakarta: this week.
    await addPost(t.deps, 'instagram', 'bsn_ig', '2026-05-03T17:30:00.000Z', 'reel', 'Senin pagi', []);

    const r = await t.request('GET', '/api/organizations/BSN/cadence?from=2026-04-29&to=2026-05-12&posts=true');
    expect(r.status, r.text).toBe(200);
    const report = r.json as Report;
    expect(report.today).toBe('2026-05-05');
    expect(report.weeks).toEqual([
      { start: '2026-04-27', end: '2026-05-03' },
      { start: '2026-05-04', end: '2026-05-10' },
      { start: '2026-05-11', end: '2026-05-17' },
    ]);
    const ig = report.accounts.find((a) => a.handle === 'bsn_ig');
    expect(ig).toMatchObject({ platform: 'instagram', posts_per_week: 3, gap_weeks: 3 });
    expect(ig?.weeks.map((w) => [w.planned, w.scheduled, w.published_posts, w.covered, w.gap, w.state, w.past])).toEqual([
      [1, 0, 1, 1, 2, 'gap', true],
      [1, 0, 1, 2, 1, 'gap', false],
      [0, 1, 0, 1, 2, 'gap', false],
    ]);
    expect(report.posts?.map((p) => [p.handle, p.local, p.text])).toEqual([
      ['bsn_ig', '2026-04-28 09:00', 'Halo SNIzen'],
      ['bsn_ig', '2026-05-04 00:30', 'Senin pagi'],
    ]);
    expect(report.posts_truncated).toBe(false);
    // Without posts=true the list is left out; another organisation's accounts do not mix in.
    const aaa = (await t.request('GET', '/api/organizations/AAA/cadence?from=2026-05-04&to=2026-05-10')).json as Report;
    expect(aaa.posts).toBeUndefined();
    expect(aaa.accounts).toEqual([{ platform: 'instagram', handle: 'aaa_ig', posts_per_week: null, gap_weeks: 0, weeks: [expect.objectContaining({ covered: 0, state: 'no_target' })] }]);
  });

  it('refuses a reversed or overlong period and an unknown organisation', async () => {
    expect((await t.request('GET', '/api/organizations/BSN/cadence?from=2026-05-10&to=2026-05-01')).status).toBe(400);
    expect((await t.request('GET', '/api/organizations/BSN/cadence?from=2025-01-01&to=2026-05-01')).status).toBe(400);
    expect((await t.request('GET', '/api/organizations/BSN/cadence?from=2026-13-01&to=2026-05-01')).status).toBe(400);
    expect((await t.request('GET', '/api/organizations/NOPE/cadence?from=2026-05-01&to=2026-05-02')).status).toBe(404);
  });
});
