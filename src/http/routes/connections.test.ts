import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../actions/accounts.ts';
import { makeDeps, SYSTEM, type Deps } from '../../actions/context.ts';
import { createOrganization } from '../../actions/organizations.ts';
import { findAccount } from '../../db/queries/accounts.ts';
import { findConnection } from '../../db/queries/connections.ts';
import { createLogger } from '../../logging.ts';
import { startFakes, type Fakes } from '../../platforms/fakes.ts';
import { connectorsFromSettings } from '../../platforms/registry.ts';
import { createTestDb, type TestDb } from '../../testing/db.ts';
import { createApp } from '../app.ts';
import { adminSession } from '../../testing/app.ts';

let db: TestDb;
let fakes: Fakes;
let deps: Deps;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string>;

async function call(method: string, path: string): Promise<{ status: number; json: unknown; location: string | null }> {
  const res = await app.request(path, { method, headers: auth });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined, location: res.headers.get('location') };
}

/** Plays the browser: our authorize -> the platform's consent (the fake approves) -> our callback. */
async function connectVia(platform: string, handle: string): Promise<{ status: number; json: unknown; callback: string }> {
  const start = await call('GET', `/api/connections/${platform}/authorize?account=${handle}`);
  expect(start.status).toBe(302);
  const consent = await fetch(start.location ?? '', { redirect: 'manual' });
  const back = new URL(consent.headers.get('location') ?? '');
  expect(back.origin + back.pathname).toBe(`http://localhost:3000/api/connections/${platform}/callback`);
  const callback = back.pathname + back.search;
  return { ...(await call('GET', callback)), callback };
}

beforeAll(async () => {
  db = await createTestDb();
  fakes = await startFakes();
  deps = makeDeps(db, { secretKey: 'k'.repeat(64), connectors: connectorsFromSettings(fakes.settings, 2) });
  app = createApp({ deps, log: createLogger('silent'), worker: () => ({ mode: 'none', status: 'idle', last_heartbeat: null }) });
  auth = await adminSession(app, deps);
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  for (const [platform, handle] of [['x', 'example_std'], ['facebook', 'examplestandards'], ['youtube', 'examplestandards'], ['tiktok', 'bsn_tt']] as const) {
    await createAccount(SYSTEM, { org: 'BSN', platform, handle }, deps);
  }
});
afterAll(async () => {
  await fakes.close();
  await db.drop();
});

describe('connections API', () => {
  it('connects an X account with state and PKCE; the tokens are stored sealed; a state works once', async () => {
    const start = await call('GET', '/api/connections/x/authorize?account=example_std');
    const url = new URL(start.location ?? '');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.has('code_verifier')).toBe(false);

    const r = await connectVia('x', 'example_std');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ org: 'BSN', platform: 'x', handle: 'example_std', status: 'active', flagged_at: null, scopes: expect.arrayContaining(['offline.access']) });
    expect(JSON.stringify(r.json)).not.toMatch(/token"/);
    const a = await findAccount(db.kysely, 'x', 'example_std');
    expect(a).toMatchObject({ owned: 1, external_id: '1234567890123456789' });
    const c = await findConnection(db.kysely, a?.id ?? 0);
    expect(c?.access_token).toMatch(/^v1\./);
    expect(c?.refresh_token).toMatch(/^v1\./);
    expect((await call('GET', r.callback)).status).toBe(400);
  });

  it('connects a Facebook Page (no PKCE on Facebook Login) and finds its Page id', async () => {
    const r = await connectVia('facebook', 'examplestandards');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'active', expires_at: null });
    expect((await findAccount(db.kysely, 'facebook', 'examplestandards'))?.external_id).toBe('104512345678901');
  });

  it('syncs an account now, reporting each stream', async () => {
    const r = await call('POST', '/api/accounts/x/example_std/sync');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ platform: 'x', handle: 'example_std', streams: [{ stream: 'profile', status: 'done', snapshot: 'added' }, { stream: 'posts', status: 'done', posts_added: 5 }] });
  });

  it('lists a connection whose token died under ?status=expired', async () => {
    expect((await call('GET', '/api/connections?status=expired')).json).toEqual({ items: [], next_cursor: null });
    fakes.x.tokens.expire('access');
    fakes.x.tokens.expire('refresh');
    const bearer = fakes.settings.x.bearerToken;
    const noPublic = connectorsFromSettings({ ...fakes.settings, x: { ...fakes.settings.x, bearerToken: undefined } }, 2);
    deps.connectors = noPublic;
    const r = await call('POST', '/api/accounts/x/example_std/sync');
    deps.connectors = connectorsFromSettings({ ...fakes.settings, x: { ...fakes.settings.x, bearerToken: bearer } }, 2);
    expect(r.json).toMatchObject({ streams: [{ status: 'failed', error_kind: 'auth_expired' }, { status: 'failed', error_kind: 'no_access' }] });
    const listed = await call('GET', '/api/connections?status=expired');
    expect(listed.json).toMatchObject({ items: [{ platform: 'x', handle: 'example_std', status: 'expired', flagged_at: expect.any(String) }] });
  });

  it('disconnects: the tokens are forgotten and the connection shows revoked', async () => {
    expect((await call('DELETE', '/api/connections/facebook/examplestandards')).status).toBe(204);
    const c = await findConnection(db.kysely, (await findAccount(db.kysely, 'facebook', 'examplestandards'))?.id ?? 0);
    expect(c).toMatchObject({ status: 'revoked', access_token: null, refresh_token: null });
    expect((await call('DELETE', '/api/connections/youtube/examplestandards')).status).toBe(404);
  });

  it('sends a browser back to the accounts page (connected, or the error) and keeps JSON for API clients', async () => {
    const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const browse = async (path: string) => app.request(path, { headers: { ...auth, accept: html } });
    const start = await call('GET', '/api/connections/youtube/authorize?account=examplestandards');
    const consent = await fetch(start.location ?? '', { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    const done = await browse(back.pathname + back.search);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/org/BSN/accounts?connected=youtube/examplestandards');
    // The same state again: the browser lands on the same page with the message.
    const again = await browse(back.pathname + back.search);
    expect(again.status).toBe(302);
    const to = new URL(again.headers.get('location') ?? '', 'http://localhost');
    expect(to.pathname).toBe('/settings'); // the state is used up, so its organisation is no longer known
    expect(to.searchParams.get('connect_error')).toMatch(/authorization state/);
    // A refusal on the consent page: back to the account's organisation, with the platform's words.
    const refused = await call('GET', '/api/connections/x/authorize?account=example_std');
    const state = new URL(refused.location ?? '').searchParams.get('state') ?? '';
    const denied = await browse(`/api/connections/x/callback?state=${state}&error=access_denied&error_description=${encodeURIComponent('The user said no')}`);
    const deniedTo = new URL(denied.headers.get('location') ?? '', 'http://localhost');
    expect(deniedTo.pathname).toBe('/org/BSN/accounts');
    expect(deniedTo.searchParams.get('connect_error')).toMatch(/The user said no/);
    // An API client asking for JSON keeps its JSON answer.
    const api = await app.request('/api/connections/x/callback?state=forged&code=abc', { headers: { ...auth, accept: 'application/json, text/html' } });
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toMatch(/json/);
  });

  it('refuses platforms without a connector, unknown accounts and forged states', async () => {
    expect((await call('GET', '/api/connections/myspace/authorize?account=bsn_tt')).status).toBe(404);
    // TikTok has a connector now: it sends the browser to TikTok's consent page.
    expect((await call('GET', '/api/connections/tiktok/authorize?account=bsn_tt')).status).toBe(302);
    expect((await call('GET', '/api/connections/x/authorize?account=nobody')).status).toBe(404);
    expect((await call('GET', '/api/connections/x/callback?state=forged&code=abc')).status).toBe(400);
    expect((await call('GET', '/api/openapi.json')).status).toBe(200);
  });
});
