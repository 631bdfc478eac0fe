import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../actions/accounts.ts';
import { SYSTEM } from '../../actions/context.ts';
import { createOrganization } from '../../actions/organizations.ts';
import { findAccount } from '../../db/queries/accounts.ts';
import { saveConnection } from '../../db/queries/connections.ts';
import { insertPublications } from '../../db/queries/publishing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';

interface Alert {
  kind: string;
  org: string;
  platform: string;
  handle: string;
  publication_id: number | null;
  link: string;
  message: string | null;
}
const kinds = (json: unknown) => (json as { items: Alert[] }).items.map((a) => `${a.kind} ${a.org} ${a.platform}/${a.handle}`).sort();

describe('GET /api/me/alerts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const now = '2026-05-01T00:00:00.000Z';
    for (const [code, tz] of [['BSN', 'Asia/Jakarta'], ['OTH', 'UTC']] as const) await createOrganization(SYSTEM, { code, name: code, timezone: tz }, t.deps);
    const accounts: [string, string, string][] = [['BSN', 'x', 'held_x'], ['BSN', 'facebook', 'other_fb'], ['BSN', 'youtube', 'live_yt'], ['OTH', 'x', 'oth_x']];
    for (const [org, platform, handle] of accounts) {
      await createAccount(SYSTEM, { org, platform, handle, owned: true }, t.deps);
      const a = await findAccount(t.db.kysely, platform, handle);
      const dead = handle !== 'live_yt';
      await saveConnection(t.db.kysely, {
        account_id: a?.id ?? 0, platform, status: dead ? 'expired' : 'active', access_token: null, refresh_token: null, expires_at: null, scopes: '',
        last_error: dead ? 'the token was revoked' : null, flagged_at: dead ? now : null, created_at: now, updated_at: now,
      });
    }
    // The editor is the team member holding BSN's X account (matched by e-mail).
    const member = await t.request('POST', '/api/organizations/BSN/members', { name: 'Eka', email: 'editor@bsn.example' });
    expect(member.status).toBe(201);
    expect((await t.request('PUT', `/api/accounts/x/held_x/holders/${(member.json as { id: number }).id}`)).status).toBe(200);
    // Publications: one lost answer and one failure at BSN, one failure at OTH, one published at BSN.
    const item = async (org: string) => (await t.request('POST', `/api/organizations/${org}/content`, { title: `Post of ${org}` })).json as { id: number };
    const bsnItem = (await item('BSN')).id;
    const othItem = (await item('OTH')).id;
    const acc = async (p: string, h: string) => (await findAccount(t.db.kysely, p, h))?.id ?? 0;
    const pub = (item_id: number, account_id: number, platform: string, state: string) => ({
      item_id, account_id, platform, state, due_at: now, next_attempt_at: now, attempts: 1, checks: 0, last_error: state === 'failed' ? 'rejected: too long' : null, created_at: now, updated_at: now,
    });
    await insertPublications(t.db.kysely, [
      pub(bsnItem, await acc('x', 'held_x'), 'x', 'needs_check'),
      pub(bsnItem, await acc('facebook', 'other_fb'), 'facebook', 'failed'),
      pub(bsnItem, await acc('youtube', 'live_yt'), 'youtube', 'published'),
      pub(othItem, await acc('x', 'oth_x'), 'x', 'failed'),
    ]);
  });
  afterAll(async () => t.close());

  it("tells a manager about the whole organisation's expired connections and publications to settle", async () => {
    const manager = await t.as({ email: 'manager@bsn.example', role: 'manager', org: 'BSN' });
    const r = await manager.request('GET', '/api/me/alerts');
    expect(r.status).toBe(200);
    expect(kinds(r.json)).toEqual([
      'connection_expired BSN facebook/other_fb', 'connection_expired BSN x/held_x', 'publication_failed BSN facebook/other_fb', 'publication_needs_check BSN x/held_x',
    ]);
    const items = (r.json as { items: Alert[] }).items;
    expect(items.find((a) => a.kind === 'connection_expired')).toMatchObject({ link: '/org/BSN/accounts', message: 'the token was revoked', publication_id: null });
    expect(items.find((a) => a.kind === 'publication_failed')).toMatchObject({ link: '/org/BSN/publishing?show=problems', publication_id: expect.any(Number), message: 'rejected: too long' });
  });

  it('tells an editor only about the accounts their team member holds, and their organisation\'s publications', async () => {
    const editor = await t.as({ email: 'editor@bsn.example', role: 'editor', org: 'BSN' });
    expect(kinds((await editor.request('GET', '/api/me/alerts')).json)).toEqual([
      'connection_expired BSN x/held_x', 'publication_failed BSN facebook/other_fb', 'publication_needs_check BSN x/held_x',
    ]);
  });

  it('tells a viewer holding nothing nothing, an admin everything, and refuses the signed-out', async () => {
    const viewer = await t.as({ email: 'viewer@bsn.example', role: 'viewer', org: 'BSN' });
    expect((await viewer.request('GET', '/api/me/alerts')).json).toEqual({ items: [] });
    const all = kinds((await t.request('GET', '/api/me/alerts')).json);
    expect(all).toContain('connection_expired OTH x/oth_x');
    expect(all).toContain('publication_failed OTH x/oth_x');
    expect(all).toHaveLength(6);
    expect((await t.anonymous.request('GET', '/api/me/alerts')).status).toBe(401);
  });
});
