import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../actions/accounts.ts';
import { SYSTEM, type Deps } from '../../actions/context.ts';
import { INBOX_STREAM } from '../../actions/inbox-sync.ts';
import { createOrganization } from '../../actions/organizations.ts';
import { runStream, syncAccount } from '../../actions/sync.ts';
import { createMember } from '../../actions/team.ts';
import { findAccount } from '../../db/queries/accounts.ts';
import { saveConnection } from '../../db/queries/connections.ts';
import { insertEntries } from '../../db/queries/inbox.ts';
import { startFakes, type Fakes } from '../../platforms/fakes.ts';
import { connectorsFromSettings } from '../../platforms/registry.ts';
import { seal, tokenKey } from '../../platforms/secrets.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import type { TestDb } from '../../testing/db.ts';

const SECRET = 'd'.repeat(64);
const NOW = '2026-11-27T06:00:00.000Z';
let db: TestDb;
let fakes: Fakes;
let deps: Deps;
let app: TestApp;
let fbId = 0;
let member = 0;

interface Entry { id: number; external_id: string; status: string; first_reply_at: string | null; received_at: string; assignee: { id: number } | null; replies: { id: number; state: string; external_id: string | null }[] }
interface Outcome { entry: Entry; reply: { id: number; state: string; external_id: string | null; error: string | null } }

async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await app.request(method, path, body);
  return { status: res.status, json: res.json as T };
}

async function all(query = ''): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let cursor = ''; ; ) {
    const r = await call<{ items: Entry[]; next_cursor: string | null }>('GET', `/api/organizations/BSN/inbox?limit=20${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status).toBe(200);
    out.push(...r.json.items);
    if (!r.json.next_cursor) return out;
    cursor = r.json.next_cursor;
  }
}

beforeAll(async () => {
  app = await createTestApp();
  db = app.db;
  fakes = await startFakes({ timeoutMs: 1000 });
  // The app's own deps: the fakes behind the adapters, and a fixed now (the fakes' posts are of November 2026).
  deps = Object.assign(app.deps, { secretKey: SECRET, connectors: connectorsFromSettings(fakes.settings), now: () => NOW });
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  await createOrganization(SYSTEM, { code: 'PEER', name: 'Peer', timezone: 'UTC' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'facebook', handle: 'examplestandards', owned: true, external_id: '104512345678901' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'x', handle: 'example_std', owned: true }, deps);
  fbId = (await findAccount(db.kysely, 'facebook', 'examplestandards'))?.id ?? 0;
  const access = seal(fakes.facebook.pageToken(), tokenKey(SECRET), `connections:${fbId}:access_token`);
  await saveConnection(db.kysely, { account_id: fbId, platform: 'facebook', status: 'active', access_token: access, refresh_token: null, expires_at: null, scopes: '', last_error: null, flagged_at: null, created_at: NOW, updated_at: NOW });
  member = (await createMember(SYSTEM, 'BSN', { name: 'Rina' }, deps)).id;
  await createMember(SYSTEM, 'PEER', { name: 'Other' }, deps);
  await syncAccount(SYSTEM, 'facebook', 'examplestandards', deps);
  await runStream(deps, fbId, INBOX_STREAM, 'test');
});
afterAll(async () => {
  await fakes.close();
  await app.close();
});

describe('inbox API', () => {
  it('lists entries newest first with keyset pages, and filters by account, status and assignee', async () => {
    const items = await all();
    expect(items).toHaveLength(51);
    expect(new Set(items.map((e) => e.id)).size).toBe(51);
    expect(items.map((e) => e.received_at)).toEqual([...items.map((e) => e.received_at)].sort().reverse());
    expect(await all('&account=x/example_std')).toEqual([]);
    expect((await call('GET', '/api/organizations/BSN/inbox?account=x/nobody')).status).toBe(404);
    expect((await call('GET', '/api/organizations/BSN/inbox?cursor=garbage')).status).toBe(400);

    const first = items[0];
    const assigned = await call<Entry>('PATCH', `/api/inbox/${first?.id ?? 0}`, { assignee_id: member });
    expect(assigned).toMatchObject({ status: 200, json: { assignee: { id: member, name: 'Rina' }, status: 'open' } });
    expect((await all(`&assignee=${member}`)).map((e) => e.id)).toEqual([first?.id]);
    expect(await all('&assignee=none')).toHaveLength(50);
    expect((await call('PATCH', `/api/inbox/${first?.id ?? 0}`, { assignee_id: member + 1 })).status).toBe(400);
    expect((await call('PATCH', `/api/inbox/${first?.id ?? 0}`, {})).status).toBe(400);
    const done = await call<Entry & { done_at: string }>('PATCH', `/api/inbox/${first?.id ?? 0}`, { status: 'done' });
    expect(done.json).toMatchObject({ status: 'done', done_at: NOW });
    expect((await all('&status=done')).map((e) => e.id)).toEqual([first?.id]);
    await call('PATCH', `/api/inbox/${first?.id ?? 0}`, { status: 'open', assignee_id: null });
  });

  it('replies through the platform once; the reply is recorded with who, when and its id', async () => {
    const [entry] = await all();
    const r = await call<Outcome>('POST', `/api/inbox/${entry?.id ?? 0}/reply`, { text: 'Terima kasih, SNIzen!', member_id: member, mark_done: true });
    expect(r.status).toBe(201);
    expect(r.json.reply).toMatchObject({ state: 'sent', external_id: expect.stringContaining(entry?.external_id ?? '?'), error: null });
    expect(r.json.entry).toMatchObject({ status: 'done', first_reply_at: NOW, replies: [{ state: 'sent', via: 'socialbench', sent_by: 'admin@test.example', member_id: member, sent_at: NOW }] });
    // The next sync sees the answer on the platform and knows it is ours.
    await runStream(deps, fbId, INBOX_STREAM, 'again');
    expect(await all()).toHaveLength(51);
    expect((await call<Entry>('GET', `/api/inbox/${entry?.id ?? 0}`)).json.replies).toHaveLength(1);
  });

  it('a lost answer is needs_check, blocks a second send, and the next sync settles it from what the platform shows', async () => {
    const entry = (await all())[1];
    const posts = () => fakes.facebook.server.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/comments')).length;
    const before = posts();
    fakes.facebook.inject({ path: '/comments', method: 'POST', reset: true });
    const r = await call<Outcome>('POST', `/api/inbox/${entry?.id ?? 0}/reply`, { text: 'Jawaban kami ada di sini.' });
    expect(r.status).toBe(202);
    expect(r.json.reply).toMatchObject({ state: 'needs_check', external_id: null });
    expect(r.json.entry.first_reply_at).toBeNull();
    const again = await call('POST', `/api/inbox/${entry?.id ?? 0}/reply`, { text: 'Jawaban kami ada di sini.' });
    expect(again.status).toBe(409);
    expect(posts() - before).toBe(1);

    await runStream(deps, fbId, INBOX_STREAM, 'settle');
    const settled = (await call<Entry>('GET', `/api/inbox/${entry?.id ?? 0}`)).json;
    expect(settled.replies).toEqual([expect.objectContaining({ state: 'sent', external_id: expect.stringContaining(entry?.external_id ?? '?') })]);
    expect(settled.first_reply_at).not.toBeNull();
  });

  it('a server error on the write is needs_check too; a person settles it; a refusal is failed and may be tried again', async () => {
    const entry = (await all())[2];
    fakes.facebook.inject({ path: '/comments', method: 'POST', status: 503 });
    const r = await call<Outcome>('POST', `/api/inbox/${entry?.id ?? 0}/reply`, { text: 'Mohon ditunggu.' });
    expect(r).toMatchObject({ status: 202, json: { reply: { state: 'needs_check' } } });
    const settled = await call<Outcome>('PATCH', `/api/inbox/${entry?.id ?? 0}/replies/${r.json.reply.id}`, { state: 'failed' });
    expect(settled).toMatchObject({ status: 200, json: { reply: { state: 'failed' }, entry: { first_reply_at: null } } });
    expect((await call('PATCH', `/api/inbox/${entry?.id ?? 0}/replies/${r.json.reply.id}`, { state: 'sent' })).status).toBe(409);

    fakes.facebook.inject({ path: '/comments', method: 'POST', status: 400 });
    const refused = await call<{ error: { code: string } }>('POST', `/api/inbox/${entry?.id ?? 0}/reply`, { text: 'Mohon ditunggu.' });
    expect(refused).toMatchObject({ status: 502, json: { error: { code: 'platform_rejected' } } });
    const ok = await call<Outcome>('POST', `/api/inbox/${entry?.id ?? 0}/reply`, { text: 'Mohon ditunggu.' });
    expect(ok.status).toBe(201);
    expect(ok.json.entry.replies.map((x) => x.state)).toEqual(['failed', 'failed', 'sent']);
  });

  it('refuses to reply from an account that is not connected', async () => {
    const x = (await findAccount(db.kysely, 'x', 'example_std'))?.id ?? 0;
    const org = (await db.kysely.selectFrom('organizations').select('id').where('code', '=', 'BSN').executeTakeFirstOrThrow()).id;
    await insertEntries(db.kysely, [{ organization_id: org, account_id: x, platform: 'x', external_id: 'm-1', kind: 'mention', post_external_id: null, parent_external_id: null, author_handle: 'someone', author_name: null, author_external_id: '5', text: '<b>hi</b>', received_at: NOW, assignee_id: null, status: 'open', first_reply_at: null, done_at: null, created_at: NOW, updated_at: NOW }]);
    const [m] = await all('&account=x/example_std');
    expect(m).toMatchObject({ text: '<b>hi</b>' });
    expect((await call('POST', `/api/inbox/${m?.id ?? 0}/reply`, { text: 'Halo' })).status).toBe(400);
  });

  it('computes response rate and median time to first reply per account from hand-made entries', async () => {
    const x = (await findAccount(db.kysely, 'x', 'example_std'))?.id ?? 0;
    const org = (await db.kysely.selectFrom('organizations').select('id').where('code', '=', 'BSN').executeTakeFirstOrThrow()).id;
    const row = (id: string, kind: string, received: string, reply: string | null) => ({
      organization_id: org, account_id: x, platform: 'x', external_id: id, kind, post_external_id: null, parent_external_id: null, author_handle: 'a', author_name: null,
      author_external_id: '9', text: 't', received_at: received, assignee_id: null, status: 'open', first_reply_at: reply, done_at: null, created_at: NOW, updated_at: NOW,
    });
    await insertEntries(db.kysely, [
      row('s1', 'mention', '2026-11-02T01:00:00.000Z', '2026-11-02T01:15:00.000Z'), // 15 min
      row('s2', 'mention', '2026-11-03T01:00:00.000Z', '2026-11-03T03:00:00.000Z'), // 120 min
      row('s3', 'comment', '2026-11-04T01:00:00.000Z', null),
      row('s4', 'reply', '2026-11-04T02:00:00.000Z', null), // a thread answer: not counted
      row('s5', 'mention', '2026-10-31T16:30:00.000Z', '2026-10-31T16:40:00.000Z'), // 23:30 on 31 Oct in Jakarta: outside
    ]);
    const r = await call<{ accounts: unknown[]; total: unknown }>('GET', '/api/organizations/BSN/inbox/stats?from=2026-11-01&to=2026-11-07');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ org: 'BSN', timezone: 'Asia/Jakarta', as_of: NOW });
    expect(r.json.accounts).toEqual([
      { platform: 'facebook', handle: 'examplestandards', entries: 0, answered: 0, response_rate: null, median_first_reply_minutes: null },
      { platform: 'x', handle: 'example_std', entries: 3, answered: 2, response_rate: (2 / 3) * 100, median_first_reply_minutes: 67.5 },
    ]);
    expect(r.json.total).toEqual({ entries: 3, answered: 2, response_rate: (2 / 3) * 100, median_first_reply_minutes: 67.5 });
    expect((await call('GET', '/api/organizations/BSN/inbox/stats?from=2026-11-07&to=2026-11-01')).status).toBe(400);
  });
});
