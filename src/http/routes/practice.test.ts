import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../../core/practice/index.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addSnapshot, seedSmallNetwork } from '../../testing/fixtures.ts';

type Json = Record<string, unknown>;
const ids = DEFAULT_FRAMEWORK.practices.map((p) => p.id);
const all = (level: number) => Object.fromEntries(ids.map((id) => [id, { level }]));

describe('practice benchmark API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSmallNetwork(t.deps);
    await t.request('POST', '/api/groups', { code: 'NET-A', name: 'Peers A', parent: 'NET' });
    await t.request('PUT', '/api/groups/NET-A/members/BSN');
    await t.request('PUT', '/api/groups/NET-A/members/AAA');
  });
  afterAll(async () => t.close());

  it('serves the default framework until one is stored, then bumps its version', async () => {
    const got = await t.request('GET', '/api/groups/NET/practice-framework');
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ group: 'NET', stored: false, framework: { id: 'socialbench-default', version: 1 } });
    const edited = { ...DEFAULT_FRAMEWORK, name: { id: 'Kerangka NET', en: 'NET framework' } };
    const put = await t.request('PUT', '/api/groups/NET/practice-framework', edited);
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ stored: true, framework: { version: 2, name: { en: 'NET framework' } } });
    expect((await t.request('GET', '/api/groups/NET/practice-framework')).json).toMatchObject({ stored: true, framework: { version: 2 } });
    const broken = { ...edited, practices: [{ ...DEFAULT_FRAMEWORK.practices[0], levels: [{ level: 0, description: { id: 'a', en: 'a' } }, { level: 2, description: { id: 'b', en: 'b' } }] }] };
    const bad = await t.request('PUT', '/api/groups/NET/practice-framework', broken);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('practices.0.levels.1.level');
    expect((await t.request('PUT', '/api/groups/NET-A/practice-framework', edited)).status).toBe(400);
  });

  it('saves an assessment as versions and keeps the history', async () => {
    const first = await t.request('PUT', '/api/organizations/BSN/practice-assessments/2026', { answers: all(2) });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ org: 'BSN', period: '2026', version: 1, network: 'NET', framework: { version: 2 }, maturity: { answered: 11, stage: 'order' } });
    expect(((first.json as Json).maturity as Json).score).toBeCloseTo(66.667, 2);
    const answers = { ...all(3), team_ownership: { level: 2, note: 'team of four', link: 'https://example.org/sk' } };
    const second = await t.request('PUT', '/api/organizations/BSN/practice-assessments/2026', { answers });
    expect(second.json).toMatchObject({ version: 2, maturity: { stage: 'institutionalisation' } });

    const latest = await t.request('GET', '/api/organizations/BSN/practice-assessments/2026');
    expect(latest.json).toMatchObject({ version: 2, answers: { team_ownership: { level: 2, note: 'team of four' } } });
    expect((latest.json as Json).versions).toHaveLength(2);
    const history = (await t.request('GET', '/api/organizations/BSN/practice-assessments/2026/history')).json as { items: Json[] };
    expect(history.items.map((v) => v.version)).toEqual([2, 1]);
    expect((await t.request('GET', '/api/organizations/BSN/practice-assessments/2025')).status).toBe(404);
    expect((await t.request('GET', '/api/organizations/BSN/practice-assessments/twenty')).status).toBe(400);
  });

  it('rejects a level the practice does not have, naming the practice', async () => {
    const bad = await t.request('PUT', '/api/organizations/AAA/practice-assessments/2026', { answers: { ...all(1), planning_meetings: { level: 7 } } });
    expect(bad.status).toBe(400);
    const details = (bad.json as { error: { details: { path: string; message: string }[] } }).error.details;
    expect(details).toEqual([{ path: 'answers.planning_meetings', message: 'must be a whole level from 0 to 3' }]);
    const unknown = await t.request('PUT', '/api/organizations/AAA/practice-assessments/2026', { answers: { juggling: { level: 1 } } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('answers.juggling');
    expect((await t.request('GET', '/api/organizations/AAA/practice-assessments/2026/history')).json).toMatchObject({ items: [] });
  });

  it('records a review request on the latest version', async () => {
    const r = await t.request('POST', '/api/organizations/BSN/practice-assessments/2026/review-request', { comment: 'Evidence for the calendar, please' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ version: 2, status: 'requested', comment: 'Evidence for the calendar, please' });
    const latest = (await t.request('GET', '/api/organizations/BSN/practice-assessments/2026')).json as Json;
    expect(latest.review_requests).toMatchObject([{ status: 'requested', version: 2 }]);
    expect((await t.request('POST', '/api/organizations/BBB/practice-assessments/2026/review-request', { comment: 'x' })).status).toBe(404);
    expect((await t.request('POST', '/api/organizations/BSN/practice-assessments/2026/review-request', { comment: '' })).status).toBe(400);
  });

  it('benchmarks maturity and stage per member with peer-group medians', async () => {
    await t.request('PUT', '/api/organizations/AAA/practice-assessments/2026', { answers: all(1) });
    const res = await t.request('GET', '/api/groups/NET/practice-benchmark?period=2026');
    expect(res.status).toBe(200);
    const b = res.json as {
      members: number; assessed: number;
      standings: { memberId: string; score: number | null; stage: string | null; percentile: number | null }[];
      distribution: { practiceId: string; counts: number[]; unanswered: number }[];
      groups: { group: string; members: number; n: number; median: number | null }[];
      positions: { memberId: string; groups: { group: string; differenceFromMedian: number | null }[] }[];
    };
    expect(b).toMatchObject({ members: 3, assessed: 2 });
    const byOrg = Object.fromEntries(b.standings.map((s) => [s.memberId, s]));
    expect(byOrg.AAA).toMatchObject({ stage: 'experimentation', percentile: 25 });
    expect(byOrg.AAA?.score).toBeCloseTo(33.333, 2);
    expect(byOrg.BSN).toMatchObject({ stage: 'institutionalisation', percentile: 75 });
    expect(byOrg.BBB).toMatchObject({ score: null, stage: null, percentile: null });
    expect(b.distribution.find((d) => d.practiceId === 'team_ownership')).toMatchObject({ counts: [0, 1, 1, 0], unanswered: 1 });
    expect(b.groups).toMatchObject([{ group: 'NET-A', members: 2, n: 2 }]);
    expect(b.positions.find((p) => p.memberId === 'BSN')?.groups[0]?.differenceFromMedian).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/groups/NET/practice-benchmark?period=bad')).status).toBe(400);
  });

  it('relates a practice to an outcome only with enough members', async () => {
    const url = '/api/groups/NET/practice-association?period=2026&practice=planning_meetings&metric=end&platform=instagram&from=2019-01-01&to=2019-01-31';
    const hidden = await t.request('GET', url);
    expect(hidden.status).toBe(200);
    expect(hidden.json).toMatchObject({ practiceId: 'planning_meetings', metric: 'end', n: 2, hidden: true, rho: null });
    expect(((hidden.json as Json).hiddenReason as Json).en).toContain('at least 8');

    // Seven more members with followers rising with their planning level.
    for (let i = 1; i <= 7; i++) {
      const code = `P0${i}`;
      await t.request('POST', '/api/organizations', { code, name: code, timezone: 'UTC' });
      await t.request('PUT', `/api/groups/NET/members/${code}`);
      await t.request('POST', '/api/accounts', { org: code, platform: 'instagram', handle: `${code.toLowerCase()}_ig` });
      await addSnapshot(t.deps, 'instagram', `${code.toLowerCase()}_ig`, '2019-01-01', 1000 * i);
      await addSnapshot(t.deps, 'instagram', `${code.toLowerCase()}_ig`, '2019-01-31', 1000 * i + 100);
      const level = Math.min(3, Math.floor(i / 2));
      const saved = await t.request('PUT', `/api/organizations/${code}/practice-assessments/2026`, { answers: { planning_meetings: { level } } });
      expect(saved.status).toBe(200);
    }
    const shown = await t.request('GET', url);
    expect(shown.status).toBe(200);
    const a = shown.json as { n: number; hidden: boolean; rho: number | null; byLevel: { level: number; n: number }[]; note: Json };
    expect(a.n).toBe(9);
    expect(a.hidden).toBe(false);
    expect(a.rho).toBeGreaterThan(0.5);
    expect(a.byLevel.map((l) => l.n).reduce((x, y) => x + y, 0)).toBe(9);
    expect(a.note.en).toContain('not a cause');

    const bad = await t.request('GET', url.replace('planning_meetings', 'juggling'));
    expect(bad.status).toBe(400);
    expect((await t.request('GET', url.replace('metric=end', 'metric=nope'))).status).toBe(400);
  });
});
