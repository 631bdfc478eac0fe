import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';

describe('groups, accounts, team members and contacts API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.request('POST', '/api/organizations', { code: 'BSN', name: 'BSN', timezone: 'Asia/Jakarta' });
    await t.request('POST', '/api/organizations', { code: 'ISO', name: 'ISO', timezone: 'Europe/Zurich' });
  });
  afterAll(async () => t.close());

  it('builds a network with a peer group and membership', async () => {
    expect((await t.request('POST', '/api/groups', { code: 'ISO', name: 'ISO members', kind: 'network' })).status).toBe(201);
    const peer = await t.request('POST', '/api/groups', { code: 'ISO-ASIA', name: 'Asia', parent: 'ISO' });
    expect(peer.json).toMatchObject({ code: 'ISO-ASIA', kind: 'peer', parent: 'ISO', members: 0 });
    expect((await t.request('PUT', '/api/groups/ISO/members/BSN')).json).toEqual({ added: true });
    expect((await t.request('PUT', '/api/groups/ISO/members/BSN')).json).toEqual({ added: false });
    await t.request('PUT', '/api/groups/ISO-ASIA/members/BSN');
    const members = (await t.request('GET', '/api/groups/ISO/members')).json as { items: { code: string }[] };
    expect(members.items.map((o) => o.code)).toEqual(['BSN']);
    expect(((await t.request('GET', '/api/organizations/BSN')).json as { groups: string[] }).groups).toEqual(['ISO', 'ISO-ASIA']);
    const peers = (await t.request('GET', '/api/groups?parent=ISO')).json as { items: { code: string }[] };
    expect(peers.items.map((g) => g.code)).toEqual(['ISO-ASIA']);
    expect((await t.request('PUT', '/api/groups/ISO/members/NOPE')).status).toBe(404);
  });

  it('keys accounts by platform and handle without case, and records holders', async () => {
    const a = await t.request('POST', '/api/accounts', { org: 'BSN', platform: 'Twitter', handle: '@bsn_sni', owned: true });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ org: 'BSN', platform: 'x', handle: 'bsn_sni', owned: true, holders: [] });
    const dup = await t.request('POST', '/api/accounts', { org: 'ISO', platform: 'x', handle: 'BSN_SNI' });
    expect(dup.status).toBe(409);
    const bad = await t.request('POST', '/api/accounts', { org: 'BSN', platform: 'myspace', handle: 'x' });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe('json.platform');

    const m = await t.request('POST', '/api/organizations/BSN/members', { name: 'Rina', email: 'rina@example.org', role_title: 'Humas' });
    expect(m.status).toBe(201);
    const memberId = (m.json as { id: number }).id;
    const held = await t.request('PUT', `/api/accounts/x/BSN_SNI/holders/${memberId}`);
    expect(held.json).toMatchObject({ holders: [{ id: memberId, name: 'Rina' }] });
    expect((await t.request('GET', `/api/members/${memberId}`)).json).toMatchObject({ accounts: [{ platform: 'x', handle: 'bsn_sni' }] });

    const list = (await t.request('GET', '/api/accounts?org=BSN&owned=true')).json as { items: unknown[] };
    expect(list.items).toHaveLength(1);
    expect((await t.request('PATCH', '/api/accounts/x/bsn_sni', { url: 'https://x.com/bsn_sni' })).json).toMatchObject({ url: 'https://x.com/bsn_sni' });
    expect((await t.request('DELETE', `/api/accounts/x/bsn_sni/holders/${memberId}`)).status).toBe(204);
    expect((await t.request('DELETE', '/api/accounts/x/bsn_sni')).status).toBe(204);
    expect((await t.request('GET', '/api/accounts/x/bsn_sni')).status).toBe(404);
  });

  it('names a contact person for a network', async () => {
    const m = (await t.request('POST', '/api/organizations/BSN/members', { name: 'Dewi' })).json as { id: number };
    const c = await t.request('POST', '/api/contacts', { org: 'BSN', group: 'ISO', member_id: m.id, name: 'Dewi', role: 'social media contact for ISO', since: '2019-08-20' });
    expect(c.status).toBe(201);
    const id = (c.json as { id: number }).id;
    expect(c.json).toMatchObject({ org: 'BSN', group: 'ISO', member_id: m.id, since: '2019-08-20' });
    expect((await t.request('POST', '/api/contacts', { org: 'BSN', group: 'ISO', name: 'X', since: '2019-02-30' })).status).toBe(400);
    const list = (await t.request('GET', '/api/contacts?group=ISO')).json as { items: unknown[] };
    expect(list.items).toHaveLength(1);
    expect((await t.request('PATCH', `/api/contacts/${id}`, { email: 'dewi@example.org' })).json).toMatchObject({ email: 'dewi@example.org', name: 'Dewi' });
    expect((await t.request('DELETE', `/api/contacts/${id}`)).status).toBe(204);
  });

  it('serves health, the OpenAPI document and a reference page', async () => {
    const h = await t.request('GET', '/api/health');
    expect(h.status).toBe(200);
    expect(h.json).toMatchObject({ status: 'ok', database: { status: 'ok', dialect: t.db.dialect } });
    const doc = (await t.request('GET', '/api/openapi.json')).json as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/organizations/{code}', '/groups', '/accounts/{platform}/{handle}', '/contacts', '/health']));
    const ref = await t.request('GET', '/api/docs');
    expect(ref.text).toContain('/api/organizations/{code}');
  });
});
