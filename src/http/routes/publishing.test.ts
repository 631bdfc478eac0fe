import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../actions/accounts.ts';
import { SYSTEM } from '../../actions/context.ts';
import { createOrganization } from '../../actions/organizations.ts';
import { claimDue, markPublishing, moveHeld } from '../../db/queries/publishing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { scheduleItem, X_USER } from '../../testing/publishing.ts';

interface Publication {
  id: number;
  item_id: number;
  state: string;
  account: { platform: string; handle: string };
  permalink: string | null;
  external_post_id: string | null;
  settled_by: string | null;
}
interface ErrorJson {
  error: { code: string; message: string; details: { path?: string; message: string }[] };
}

describe('publishing API', () => {
  let t: TestApp;
  let offset = 0;
  let itemId = 0;
  beforeAll(async () => {
    t = await createTestApp();
    t.deps.now = () => new Date(Date.now() + offset).toISOString();
    await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, t.deps);
    await createAccount(SYSTEM, { org: 'BSN', platform: 'x', handle: 'example_std', owned: true, external_id: X_USER }, t.deps);
    itemId = await scheduleItem(t.deps, { title: 'Hari Standar', texts: { x: 'Selamat Hari Standar!' }, at: new Date(Date.now() + 60_000).toISOString() });
  });
  afterAll(async () => t.close());

  it("lists an organisation's publications", async () => {
    const r = await t.request('GET', '/api/organizations/BSN/publications');
    expect(r.status).toBe(200);
    const page = r.json as { items: Publication[]; next_cursor: string | null };
    expect(page.items.map((p) => [p.item_id, p.account.platform, p.account.handle, p.state])).toEqual([[itemId, 'x', 'example_std', 'queued']]);
    expect((await t.request('GET', '/api/organizations/BSN/publications?state=failed')).json).toEqual({ items: [], next_cursor: null });
    const bad = await t.request('GET', '/api/organizations/BSN/publications?state=sent');
    expect(bad.status).toBe(400);
    expect((bad.json as ErrorJson).error.details).toEqual([{ path: 'state', message: expect.stringContaining('needs_check') }]);
    expect((await t.request('GET', '/api/organizations/NOPE/publications')).status).toBe(404);
  });

  it('settles by hand only what needs a check or failed', async () => {
    const list = (await t.request('GET', `/api/organizations/BSN/publications?item=${itemId}`)).json as { items: Publication[] };
    const id = list.items[0]?.id ?? 0;
    const early = await t.request('POST', `/api/publications/${id}/settle`, { published: false });
    expect(early.status).toBe(400);
    expect((early.json as ErrorJson).error.message).toMatch(/a queued publication cannot be settled by hand/);

    // A worker sent it and lost the answer.
    offset += 61_000;
    const now = t.deps.now();
    const [row] = await claimDue(t.db.kysely, 'w1', now, now, 1);
    expect(row?.id).toBe(id);
    await markPublishing(t.db.kysely, id, 'w1', now, now, '{"text":"Selamat Hari Standar!"}');
    await moveHeld(t.db.kysely, id, 'w1', 'publishing', { state: 'needs_check', next_attempt_at: now, error_kind: 'outcome_unknown', last_error: 'reset', updated_at: now });

    const noUrl = await t.request('POST', `/api/publications/${id}/settle`, { published: true });
    expect(noUrl.status).toBe(400);
    const health = (await t.request('GET', '/api/health')).json as { publishing: { needs_check: number } };
    expect(health.publishing.needs_check).toBe(1);

    const done = await t.request('POST', `/api/publications/${id}/settle`, { published: true, url: 'https://x.com/example_std/status/1994200000000000123' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ state: 'published', settled_by: 'person', external_post_id: '1994200000000000123', permalink: 'https://x.com/example_std/status/1994200000000000123' });
    expect(((await t.request('GET', `/api/content/${itemId}`)).json as { status: string }).status).toBe('published');
    expect((await t.request('GET', `/api/publications/${id}`)).json).toMatchObject({ id, state: 'published' });
    expect((await t.request('GET', '/api/publications/999999')).status).toBe(404);
  });

  it('documents the routes', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/organizations/{code}/publications', '/publications/{id}', '/publications/{id}/settle']));
  });
});
