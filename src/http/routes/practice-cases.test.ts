import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../actions/context.ts';
import { getPracticeCase, listPracticeCases, seedBsnCase } from '../../actions/practice-cases.ts';
import type { Actor } from '../../actions/context.ts';
import type { Role } from '../../core/auth/policy.ts';
import { findGroupByCode } from '../../db/queries/groups.ts';
import { createGroup, addGroupMember } from '../../actions/groups.ts';
import { createOrganization } from '../../actions/organizations.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { seedSmallNetwork } from '../../testing/fixtures.ts';

type Json = Record<string, unknown>;
const draft = {
  slug: 'weekly-planning',
  title: { id: 'Rapat mingguan', en: 'Weekly planning' },
  summary: { id: 'Ringkas', en: 'Short' },
  body: { id: '## Apa\n- satu\n- dua', en: '## What\n- one\n- two' },
  practices: ['planning_meetings', 'editorial_calendar'],
  org: 'AAA',
};

describe('good-practice library API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedSmallNetwork(t.deps);
    await t.request('POST', '/api/groups', { code: 'NET-A', name: 'Peers A', parent: 'NET' });
  });
  afterAll(async () => t.close());

  it('writes a draft, lists it for coordinators only, publishes it', async () => {
    const made = await t.request('POST', '/api/groups/NET/practice-cases', draft);
    expect(made.status, made.text).toBe(201);
    const c = made.json as Json;
    expect(c).toMatchObject({ network: 'NET', slug: 'weekly-planning', org: 'AAA', published: false, body: { en: '## What\n- one\n- two' } });
    expect((await t.request('GET', '/api/groups/NET/practice-cases')).json).toMatchObject({ items: [] });
    expect(((await t.request('GET', '/api/groups/NET/practice-cases?drafts=true')).json as { items: Json[] }).items).toHaveLength(1);

    const published = await t.request('PATCH', `/api/practice-cases/${String(c.id)}`, { published: true });
    expect(published.json).toMatchObject({ published: true });
    const byPractice = (await t.request('GET', '/api/groups/NET/practice-cases?practice=editorial_calendar')).json as { items: Json[] };
    expect(byPractice.items.map((x) => x.slug)).toEqual(['weekly-planning']);
    expect(((await t.request('GET', '/api/groups/NET/practice-cases?practice=visual_content')).json as { items: Json[] }).items).toEqual([]);
    expect((await t.request('GET', `/api/practice-cases/${String(c.id)}`)).json).toMatchObject({ title: { id: 'Rapat mingguan' } });
  });

  it('refuses HTML, unknown practices, outsiders, peer groups and taken slugs', async () => {
    const html = await t.request('POST', '/api/groups/NET/practice-cases', { ...draft, slug: 'x', body: { id: 'ok', en: '<script>alert(1)</script>' } });
    expect(html.status).toBe(400);
    expect(JSON.stringify(html.json)).toContain('body.en');
    const unknown = await t.request('POST', '/api/groups/NET/practice-cases', { ...draft, slug: 'y', practices: ['juggling'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('practices.0');
    await createOrganization(SYSTEM, { code: 'OUT', name: 'Outsider', timezone: 'UTC' }, t.deps);
    expect((await t.request('POST', '/api/groups/NET/practice-cases', { ...draft, slug: 'z', org: 'OUT' })).status).toBe(400);
    expect((await t.request('POST', '/api/groups/NET-A/practice-cases', { ...draft, slug: 'z' })).status).toBe(400);
    expect((await t.request('POST', '/api/groups/NET/practice-cases', draft)).status).toBe(409);
    expect((await t.request('GET', '/api/practice-cases/9999')).status).toBe(404);
  });

  it('shows drafts only to the system, admins and the coordinator of the network', async () => {
    const made = (await t.request('POST', '/api/groups/NET/practice-cases', { ...draft, slug: 'draft-only' })).json as { id: number };
    const net = await findGroupByCode(t.deps.db.kysely, 'NET');
    const user = (role: Role, networkGroupId: number | null): Actor => ({
      kind: 'user', email: `${role}@example.org`, name: role,
      principal: { userId: 1, role, organizationId: null, networkGroupId, memberOfNetworks: net ? [net.id] : [], teamMemberId: null, heldAccountIds: [] },
    });
    const slugs = async (a: Actor) => (await listPracticeCases(a, 'NET', { drafts: 'true' }, t.deps)).items.map((c) => c.slug);
    expect(await slugs(user('coordinator', net?.id ?? null))).toContain('draft-only');
    expect(await slugs(user('admin', null))).toContain('draft-only');
    expect(await slugs(user('manager', null))).not.toContain('draft-only');
    expect(await slugs(user('coordinator', 99999))).not.toContain('draft-only');
    await expect(getPracticeCase(user('viewer', null), made.id, t.deps)).rejects.toThrow(/does not exist/);
    expect((await getPracticeCase(user('coordinator', net?.id ?? null), made.id, t.deps)).slug).toBe('draft-only');
  });

  it('deletes a case', async () => {
    const made = (await t.request('POST', '/api/groups/NET/practice-cases', { ...draft, slug: 'gone' })).json as Json;
    expect((await t.request('DELETE', `/api/practice-cases/${String(made.id)}`)).status).toBe(204);
    expect((await t.request('GET', `/api/practice-cases/${String(made.id)}`)).status).toBe(404);
  });

  it("seeds BSN's case in ISO's library once, in both languages, without HTML", async () => {
    await createGroup(SYSTEM, { code: 'ISO', name: 'ISO members', kind: 'network' }, t.deps);
    await addGroupMember(SYSTEM, 'ISO', 'BSN', t.deps);
    await seedBsnCase(t.deps);
    await seedBsnCase(t.deps);
    const list = (await t.request('GET', '/api/groups/ISO/practice-cases')).json as { items: Json[] };
    expect(list.items).toHaveLength(1);
    const bsn = (await t.request('GET', `/api/practice-cases/${String(list.items[0]?.id)}`)).json as { org: string; practices: string[]; body: { id: string; en: string } };
    expect(bsn.org).toBe('BSN');
    expect(bsn.practices).toContain('persona_style');
    expect(bsn.body.id).toContain('SNImin');
    expect(bsn.body.id).toContain('76.670');
    expect(bsn.body.en).toContain('76,670');
    expect(`${bsn.body.id}${bsn.body.en}`).not.toMatch(/<[a-z/]/i);
  });
});
