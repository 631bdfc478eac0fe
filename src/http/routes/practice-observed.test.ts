import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../actions/context.ts';
import { generateReport } from '../../actions/reports.ts';
import { createContact } from '../../actions/team.ts';
import { BSN_PERSONA, checkVoice } from '../../core/content/index.ts';
import { localDate } from '../../core/time.ts';
import { findAccount } from '../../db/queries/accounts.ts';
import { findOrganizationByCode } from '../../db/queries/organizations.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { seedSmallNetwork } from '../../testing/fixtures.ts';

type Json = Record<string, unknown>;
interface Observed {
  from: string; to: string; network: string | null;
  signals: Json;
  inputs: { practiceId: string; input: string; observed: boolean; values: Json; note: { en: string } | null }[];
  proposals: { practiceId: string; level: number; reason: { id: string; en: string } }[];
}

const TEXTS = ['Halo SNIzen! SNImin mau berbagi info standar mainan anak nih.', 'Dengan hormat, bersama ini kami sampaikan pengumuman resmi.'];

describe('observed practice API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSmallNetwork(t.deps);
  });
  afterAll(async () => t.close());

  const observed = async (org: string, period: string) => {
    const r = await t.request('GET', `/api/organizations/${org}/practice-observed/${period}`);
    expect(r.status, r.text).toBe(200);
    return r.json as Observed;
  };
  const level = (o: Observed, id: string) => o.proposals.find((p) => p.practiceId === id)?.level ?? null;
  const input = (o: Observed, id: string) => o.inputs.find((i) => i.practiceId === id);

  it('proposes levels from posts and accounts alone, and says what it could not see', async () => {
    const o = await observed('BSN', '2019');
    expect(o).toMatchObject({ from: '2019-01-01', to: '2019-12-31', network: 'NET' });
    // Two posts, one image: 50% visual -> level 1 (from 20%, below 60%).
    expect(o.signals.visualShare).toBe(50);
    expect(level(o, 'visual_content')).toBe(1);
    // One account, but no team recorded: holders cannot be seen.
    expect(input(o, 'team_ownership')).toMatchObject({ observed: false, values: { accounts: 1, with_holder: 0 } });
    expect(input(o, 'team_ownership')?.note?.en).toContain('team is not recorded');
    // Posting, but no target: level 1.
    expect(level(o, 'posting_cadence')).toBe(1);
    expect(input(o, 'posting_cadence')?.note?.en).toContain('No weekly targets');
    expect(level(o, 'network_liaison')).toBe(0);
    // Never used the calendar, no persona, no reports, no meeting log: no proposal, never a silent 0.
    for (const id of ['team_ownership', 'editorial_calendar', 'persona_style', 'measurement_reporting', 'planning_meetings']) {
      expect(level(o, id), id).toBeNull();
      expect(input(o, id)?.observed, id).toBe(false);
      expect(input(o, id)?.note, id).not.toBeNull();
    }
  });

  it('uses holders, targets, contacts, calendar items and persona checks once they exist', async () => {
    const member = await t.request('POST', '/api/organizations/BSN/members', { name: 'Sari' });
    const memberId = (member.json as { id: number }).id;
    expect((await t.request('PUT', `/api/accounts/instagram/bsn_ig/holders/${memberId}`)).status).toBe(200);
    expect((await t.request('PUT', '/api/accounts/instagram/bsn_ig/cadence', { posts_per_week: 1 })).status).toBe(200);
    await createContact(SYSTEM, { org: 'BSN', group: 'NET', name: 'Sari' }, t.deps);
    expect((await t.request('PUT', '/api/organizations/BSN/persona', { persona: BSN_PERSONA })).status).toBeLessThan(300);

    // One item on the calendar before the image went out (2019-01-31T18:30Z), one made after its post.
    const k = t.deps.db.kysely;
    const bsn = await findOrganizationByCode(k, 'BSN');
    const ig = await findAccount(k, 'instagram', 'bsn_ig');
    const item = (created: string, published: string) => ({
      organization_id: bsn!.id, title: 'x', campaign: null, pillar: null, account_ids: JSON.stringify([ig!.id]), status: 'published',
      owner_id: null, reviewer_id: null, due_date: null, scheduled_at: null, published_at: published, rejection_reason: null, created_at: created, updated_at: created,
    });
    const db = k as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    const ids: number[] = [];
    for (const row of [item('2019-01-20T00:00:00.000Z', '2019-01-31T18:30:00.000Z'), item('2019-01-11T00:00:00.000Z', '2019-01-10T03:00:00.000Z')]) {
      const r = await db.insertInto('content_items').values(row).returning('id').executeTakeFirstOrThrow();
      ids.push(Number(r.id));
    }
    for (const [i, text] of TEXTS.entries()) {
      await db.insertInto('content_variants').values({ item_id: ids[i], platform: 'instagram', text, title: null, first_comment: null, link: null, media: '[]' }).execute();
    }

    const o = await observed('BSN', '2019');
    expect(input(o, 'team_ownership')?.values).toEqual({ accounts: 1, with_holder: 1 });
    expect(level(o, 'team_ownership')).toBe(2);
    // 2 posts in 365 days = 0.038 a week against a target of 1: not on target -> level 1, and no "no targets" note.
    expect(level(o, 'posting_cadence')).toBe(1);
    expect(input(o, 'posting_cadence')?.values).toMatchObject({ with_target: 1 });
    expect(input(o, 'posting_cadence')?.note).toBeNull();
    expect(level(o, 'network_liaison')).toBe(2);
    // 1 planned of 2 posts = 50% -> level 2.
    expect(input(o, 'editorial_calendar')?.values).toEqual({ posts: 2, planned_posts: 1, share: 50 });
    expect(level(o, 'editorial_calendar')).toBe(2);
    const passed = TEXTS.filter((x) => checkVoice(BSN_PERSONA, x).passed).length;
    expect(input(o, 'persona_style')?.values).toEqual({ run: 2, passed });
    expect(level(o, 'persona_style')).toBe(passed === 2 ? 3 : passed === 1 ? 2 : 1);
  });

  it('counts reports of the last 90 days in a running period', async () => {
    const today = localDate(new Date().toISOString(), 'Europe/Paris'); // AAA's zone
    const year = today.slice(0, 4);
    expect(level(await observed('AAA', year), 'measurement_reporting')).toBeNull();
    await generateReport(SYSTEM, { kind: 'evaluation', format: 'csv', params: { org: 'AAA', from: `${year}-01-01`, to: today, lang: 'en' } }, t.deps);
    const o = await observed('AAA', year);
    expect(input(o, 'measurement_reporting')?.values).toEqual({ reports: 1, ever: 1 });
    expect(level(o, 'measurement_reporting')).toBe(1);
    expect(o.to).toBe(today);
  });

  it('puts the proposal beside the assessment and flags gaps of two levels', async () => {
    const saved = await t.request('PUT', '/api/organizations/BSN/practice-assessments/2019', { answers: { team_ownership: { level: 0 }, visual_content: { level: 1 } } });
    expect(saved.status).toBe(200);
    const a = (await t.request('GET', '/api/organizations/BSN/practice-assessments/2019')).json as Json;
    expect((a.observed as Observed).proposals.length).toBeGreaterThan(3);
    expect(a.review_flags).toEqual([{ practiceId: 'team_ownership', declared: 0, proposed: 2 }]);
  });

  it('refuses bad periods and unknown organisations', async () => {
    expect((await t.request('GET', '/api/organizations/BSN/practice-observed/soon')).status).toBe(400);
    expect((await t.request('GET', '/api/organizations/BSN/practice-observed/2999')).status).toBe(400);
    expect((await t.request('GET', '/api/organizations/NOPE/practice-observed/2019')).status).toBe(404);
    const h1 = await observed('BSN', '2019-H1');
    expect([h1.from, h1.to]).toEqual(['2019-01-01', '2019-06-30']);
  });
});
