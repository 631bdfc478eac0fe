import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCadence } from '../../actions/cadence.ts';
import { SYSTEM } from '../../actions/context.ts';
import { organizationMetricsReport } from '../../actions/metrics.ts';
import { createMember } from '../../actions/team.ts';
import { meetingsHeldCount } from '../../db/queries/meetings.ts';
import { findOrganizationByCode } from '../../db/queries/organizations.ts';
import { pdfText } from '../../reports/look.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { seedSmallNetwork } from '../../testing/fixtures.ts';

const NOW = '2026-05-01T03:00:00.000Z';

interface Meeting {
  id: number;
  kind: string;
  title: string;
  starts_at: string;
  starts_local: string;
  status: string;
  period_from: string | null;
  period_to: string | null;
  attendees: { id: number; name: string }[];
  agenda: { title: string; notes: string | null; section: string | null }[];
  agenda_data: {
    period: { from: string; to: string };
    previous: { from: string; to: string };
    figures: { platform: string; metric: string; current: number | null; previous: number | null; change: number | null }[];
    top_posts: { handle: string; date: string }[];
    bottom_posts: unknown[];
    cadence_gaps: { handle: string; kind: string; from: string; to: string; days: number; target: number | null; published: number | null }[];
    peers: { group: string; platform: string; rank: number | null; of: number }[];
    open_actions: { text: string; owner: string | null }[];
  } | null;
  decisions: { id: number; text: string; content_items: { id: number; title: string; status: string }[] }[];
  action_items: { id: number; text: string; status: string; owner_name: string | null; done_at: string | null }[];
  open_action_items: number;
}

describe('meetings API', () => {
  let t: TestApp;
  let ani: number;
  let budi: number;
  beforeAll(async () => {
    t = await createTestApp();
    t.deps.now = () => NOW;
    await seedSmallNetwork(t.deps);
    ani = (await createMember(SYSTEM, 'BSN', { name: 'Ani' }, t.deps)).id;
    budi = (await createMember(SYSTEM, 'BSN', { name: 'Budi' }, t.deps)).id;
    await putCadence(SYSTEM, 'instagram', 'bsn_ig', { posts_per_week: 2 }, t.deps);
  });
  afterAll(async () => t.close());

  async function create(body: Record<string, unknown>): Promise<Meeting> {
    const r = await t.request('POST', '/api/organizations/BSN/meetings', body);
    expect(r.status, r.text).toBe(201);
    return r.json as Meeting;
  }

  let planning: Meeting;
  let evaluation: Meeting;

  it('plans a meeting at a local time in the organisation’s zone', async () => {
    planning = await create({ kind: 'planning', starts_local: '2019-01-28 09:00', attendee_ids: [ani, budi], agenda: [{ title: 'Kalender Februari' }] });
    expect(planning).toMatchObject({ starts_at: '2019-01-28T02:00:00.000Z', starts_local: '2019-01-28 09:00', status: 'planned', title: 'Planning meeting 2019-01-28', agenda: [{ title: 'Kalender Februari', section: null }], agenda_data: null });
    expect(planning.attendees.map((a) => a.name)).toEqual(['Ani', 'Budi']);
    const r = await t.request('POST', `/api/meetings/${planning.id}/action-items`, { text: 'Siapkan konten Hari Standar', owner_id: ani, due_date: '2019-02-05' });
    expect(r.status, r.text).toBe(201);
    await t.request('POST', `/api/meetings/${planning.id}/action-items`, { text: 'Already done', owner_id: budi });
    const done = (r.json as { id: number }).id + 1;
    const patched = await t.request('PATCH', `/api/action-items/${done}`, { status: 'done' });
    expect(patched.json).toMatchObject({ status: 'done', done_at: NOW });
  });

  it('refuses an attendee from another team', async () => {
    const r = await t.request('POST', '/api/organizations/AAA/meetings', { kind: 'planning', starts_at: '2019-02-01T08:00:00Z', attendee_ids: [ani] });
    expect(r.status).toBe(400);
    expect(r.text).toContain('attendee_ids.0');
  });

  it('generates an evaluation agenda from the period’s figures, the period before, posts, gaps, peers and open actions', async () => {
    evaluation = await create({ kind: 'evaluation', starts_local: '2019-02-04 10:00', attendee_ids: [ani], agenda: [{ title: 'Lain-lain' }] });
    const a = evaluation.agenda_data;
    expect(evaluation).toMatchObject({ period_from: '2019-01-01', period_to: '2019-01-31' });
    expect(a?.previous).toEqual({ from: '2018-12-01', to: '2018-12-31' });
    // The figures are the metrics of both periods.
    const now = await organizationMetricsReport(SYSTEM, { org: 'BSN', from: '2019-01-01', to: '2019-01-31' }, t.deps);
    const before = await organizationMetricsReport(SYSTEM, { org: 'BSN', from: '2018-12-01', to: '2018-12-31' }, t.deps);
    const followers = a?.figures.find((f) => f.platform === 'instagram' && f.metric === 'followers');
    expect(followers).toMatchObject({ current: now.platforms.instagram?.followers, previous: before.platforms.instagram?.followers });
    expect(a?.figures.find((f) => f.metric === 'posts_per_week')?.current).toBe(now.platforms.instagram?.posts_per_week);
    // One BSN post in January (10 Jan); the one of 1 February (local) is outside.
    expect(a?.top_posts.map((p) => p.date)).toEqual(['2019-01-10']);
    expect(a?.bottom_posts).toEqual([]);
    // Quiet runs around the one post, and weeks short of the target of 2 a week.
    const quiet = a?.cadence_gaps.filter((g) => g.kind === 'quiet' && g.handle === 'bsn_ig').map((g) => [g.from, g.to, g.days]);
    expect(quiet).toEqual([['2019-01-01', '2019-01-09', 9], ['2019-01-11', '2019-01-31', 21]]);
    const weeks = a?.cadence_gaps.filter((g) => g.kind === 'target').map((g) => [g.from, g.published]);
    expect(weeks).toEqual([['2019-01-07', 1], ['2019-01-14', 0], ['2019-01-21', 0]]);
    expect(a?.peers).toEqual([expect.objectContaining({ group: 'NET', platform: 'instagram' })]);
    expect(a?.peers[0]?.of).toBeGreaterThanOrEqual(1);
    // The planning meeting before it left one action open.
    expect(a?.open_actions).toEqual([expect.objectContaining({ text: 'Siapkan konten Hari Standar', owner: 'Ani' })]);
    expect(evaluation.agenda.map((i) => i.section)).toEqual(['figures', 'posts', 'gaps', 'peers', 'open_actions', null]);
  });

  it('previews the same agenda without a meeting', async () => {
    const r = await t.request('GET', '/api/organizations/BSN/evaluation-agenda?from=2019-01-01&to=2019-01-31&min_quiet_days=10');
    expect(r.status, r.text).toBe(200);
    const a = r.json as NonNullable<Meeting['agenda_data']>;
    expect(a.cadence_gaps.filter((g) => g.kind === 'quiet').map((g) => g.days)).toEqual([21]);
  });

  it('turns a decision into content ideas linked back to it', async () => {
    const r = await t.request('POST', `/api/meetings/${evaluation.id}/decisions`, { text: 'Post twice a week in February', create_content: [{ title: 'Seri edukasi SNI', owner_id: budi, due_date: '2019-02-10' }] });
    expect(r.status, r.text).toBe(201);
    const d = r.json as Meeting['decisions'][number];
    expect(d.content_items).toEqual([expect.objectContaining({ title: 'Seri edukasi SNI', status: 'idea' })]);
    const item = await t.request('GET', `/api/content/${d.content_items[0]?.id}`);
    expect(item.json).toMatchObject({ org: 'BSN', status: 'idea', owner_id: budi, due_date: '2019-02-10' });
    const more = await t.request('POST', `/api/decisions/${d.id}/content`, { title: 'Reel pabrik helm' });
    expect((more.json as Meeting['decisions'][number]).content_items.map((c) => c.title)).toEqual(['Seri edukasi SNI', 'Reel pabrik helm']);
  });

  it('exports the minutes as Markdown and PDF', async () => {
    await t.request('PATCH', `/api/meetings/${evaluation.id}`, { minutes: 'Followers grew.\n\nThe *plan* | table chars stay text.', status: 'held' });
    await t.request('POST', `/api/meetings/${evaluation.id}/action-items`, { text: 'Draft February calendar', owner_id: ani, due_date: '2019-02-08' });
    const md = await t.request('GET', `/api/meetings/${evaluation.id}/minutes.md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.text).toMatch(/^# Minutes: Evaluation meeting 2019-02-04\n/);
    expect(md.text).toContain('- **When:** 2019-02-04 10:00 (Asia/Jakarta)');
    expect(md.text).toContain('- **Attendees:** Ani');
    expect(md.text).toContain('### 1. Figures against the previous period');
    expect(md.text).toMatch(/\| instagram \| Followers \| [\d,]+ \| [\d,]+ \| [+−]?[\d,]+/);
    expect(md.text).toContain('The \\*plan\\* \\| table chars stay text.');
    expect(md.text).toContain('Post twice a week in February — Content created: #');
    expect(md.text).toContain('| Draft February calendar | Ani | 2019-02-08 | open |');
    const id = await t.request('GET', `/api/meetings/${evaluation.id}/minutes.md?lang=id`);
    expect(id.text).toContain('## Tindak lanjut');
    const pdf = await t.fetch(`/api/meetings/${evaluation.id}/minutes.pdf`, { headers: { cookie: t.cookie ?? '' } });
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const s of ['Minutes: Evaluation meeting 2019-02-04', 'Figures against the previous period', 'Draft February calendar', 'Followers grew.']) expect(text).toContain(s);
  });

  it('counts held meetings for observed practice', async () => {
    const org = await findOrganizationByCode(t.deps.db.kysely, 'BSN');
    const id = org?.id ?? 0;
    const k = t.deps.db.kysely;
    expect(await meetingsHeldCount(k, id, '2019-01-01T00:00:00.000Z', '2019-03-01T00:00:00.000Z')).toBe(1);
    expect(await meetingsHeldCount(k, id, '2019-01-01T00:00:00.000Z', '2019-03-01T00:00:00.000Z', 'planning')).toBe(0);
    await t.request('PATCH', `/api/meetings/${planning.id}`, { status: 'held' });
    expect(await meetingsHeldCount(k, id, '2019-01-01T00:00:00.000Z', '2019-03-01T00:00:00.000Z', 'planning')).toBe(1);
    expect(await meetingsHeldCount(k, id, '2019-02-04T03:00:00.000Z', '2019-03-01T00:00:00.000Z')).toBe(1);
  });

  it('lists meetings latest first with their open action items, and deletes one', async () => {
    const r = await t.request('GET', '/api/organizations/BSN/meetings?limit=1');
    const page = r.json as { items: Meeting[]; next_cursor: string };
    expect(page.items.map((m) => [m.kind, m.open_action_items])).toEqual([['evaluation', 1]]);
    const next = await t.request('GET', `/api/organizations/BSN/meetings?limit=1&cursor=${page.next_cursor}`);
    expect((next.json as { items: Meeting[] }).items.map((m) => m.kind)).toEqual(['planning']);
    expect((await t.request('DELETE', `/api/meetings/${planning.id}`)).status).toBe(204);
    expect((await t.request('GET', `/api/meetings/${planning.id}`)).status).toBe(404);
  });
});
