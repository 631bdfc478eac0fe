// Sign-in security through the real app: cookie flags, CSRF, the login rate limit, sessions ending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../actions/auth.ts';
import { createTestApp, TEST_ADMIN, TEST_PASSWORD, type TestApp } from '../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.request('POST', '/api/organizations', { code: 'BSN', name: 'Badan Standardisasi Nasional' });
});
afterAll(async () => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie (Secure over HTTPS) and never returns the hash', async () => {
    const res = await login(TEST_ADMIN, TEST_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sb_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ user: { email: TEST_ADMIN, role: 'admin', org: null, network: null }, csrf_token: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/argon2|password/);
    const secure = await t.fetch('https://socialbench.example/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: TEST_ADMIN, password: TEST_PASSWORD }) });
    expect(secure.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers 401 to anonymous calls and to a wrong password, with the error shape', async () => {
    const anon = await t.anonymous.request('GET', '/api/organizations');
    expect(anon.status).toBe(401);
    expect(anon.json).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await t.anonymous.request('GET', '/api/auth/me')).status).toBe(401);
    for (const open of ['/api/health', '/api/openapi.json', '/api/docs']) expect((await t.anonymous.request('GET', open)).status).toBe(200);
    const wrong = await login(TEST_ADMIN, 'not the password');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized', message: 'the e-mail or the password is wrong' } });
    expect((await login('nobody@test.example', 'whatever it is')).status).toBe(401);
  });

  it('refuses a write without the CSRF token, with a wrong one, or from another site', async () => {
    const patch = (headers: Record<string, string>) =>
      t.fetch('/api/organizations/BSN', { method: 'PATCH', headers: { 'content-type': 'application/json', cookie: t.cookie ?? '', ...headers }, body: JSON.stringify({ name: 'Changed' }) });
    for (const r of [await patch({}), await patch({ 'x-csrf-token': 'forged' })]) {
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ error: { code: 'csrf' } });
    }
    const crossSite = await patch({ 'x-csrf-token': t.csrf ?? '', origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const ok = await patch({ 'x-csrf-token': t.csrf ?? '', origin: 'http://localhost' });
    expect(ok.status).toBe(200);
    // Reads need no token.
    expect((await t.fetch('/api/organizations/BSN', { headers: { cookie: t.cookie ?? '' } })).status).toBe(200);
  });

  it(`locks an e-mail after ${LOGIN_LIMITS.perEmail} failures, even for the right password, with Retry-After`, async () => {
    await t.as({ email: 'target@test.example', role: 'viewer', org: 'BSN' });
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) expect((await login('target@test.example', `guess number ${i}`)).status).toBe(401);
    const locked = await login('TARGET@test.example', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Other users are not affected.
    expect((await login(TEST_ADMIN, TEST_PASSWORD)).status).toBe(200);
  });

  it('ends the session at sign-out, and every session of a user at a password reset or a role change', async () => {
    const viewer = await t.as({ email: 'ana@test.example', role: 'viewer', org: 'BSN' });
    expect((await viewer.request('GET', '/api/auth/me')).status).toBe(200);
    const id = ((await viewer.request('GET', '/api/auth/me')).json as { user: { id: number } }).user.id;
    expect((await t.request('POST', `/api/users/${id}/password`, { password: 'short' })).status).toBe(400);
    expect((await t.request('POST', `/api/users/${id}/password`, { password: 'a much longer new one' })).status).toBe(204);
    expect((await viewer.request('GET', '/api/auth/me')).status).toBe(401);
    const again = await t.signIn('ana@test.example', 'a much longer new one');
    expect((await t.request('PATCH', `/api/users/${id}`, { role: 'analyst' })).json).toMatchObject({ role: 'analyst', org: 'BSN' });
    expect((await again.request('GET', '/api/organizations')).status).toBe(401);
    const third = await t.signIn('ana@test.example', 'a much longer new one');
    expect((await third.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await third.request('GET', '/api/organizations')).status).toBe(401);
    expect((await t.request('PATCH', `/api/users/${id}`, { active: false })).status).toBe(200);
    expect((await login('ana@test.example', 'a much longer new one')).status).toBe(401);
  });

  it('lets users change their own password, checks scopes, and keeps one admin', async () => {
    const me = await t.as({ email: 'budi@test.example', role: 'editor', org: 'BSN' });
    expect((await me.request('POST', '/api/auth/password', { current_password: 'wrong one', password: 'brand new password' })).status).toBe(400);
    expect((await me.request('POST', '/api/auth/password', { current_password: TEST_PASSWORD, password: 'brand new password' })).status).toBe(204);
    expect((await me.request('GET', '/api/auth/me')).status).toBe(200); // this session stays
    expect((await t.request('POST', '/api/users', { email: 'x@test.example', role: 'manager', password: TEST_PASSWORD })).json).toMatchObject({ error: { code: 'invalid', details: [{ path: 'org' }] } });
    expect((await t.request('POST', '/api/users', { email: 'y@test.example', role: 'coordinator', network: 'BSN', password: TEST_PASSWORD })).status).toBe(400);
    expect((await t.request('POST', '/api/users', { email: 'budi@test.example', role: 'viewer', org: 'BSN', password: TEST_PASSWORD })).status).toBe(409);
    const admin = ((await t.request('GET', '/api/auth/me')).json as { user: { id: number } }).user.id;
    expect((await t.request('PATCH', `/api/users/${admin}`, { role: 'viewer', org: 'BSN' })).status).toBe(409);
    expect((await t.request('DELETE', `/api/users/${admin}`)).status).toBe(409);
  });
});

describe('editors and the accounts they hold', () => {
  it('lets an editor draft only for accounts their team member holds', async () => {
    await t.request('POST', '/api/accounts', { org: 'BSN', platform: 'instagram', handle: 'bsn_sni' });
    await t.request('POST', '/api/accounts', { org: 'BSN', platform: 'x', handle: 'bsn_sni' });
    const member = (await t.request('POST', '/api/organizations/BSN/members', { name: 'Citra', email: 'Citra@test.example' })).json as { id: number };
    await t.request('PUT', `/api/accounts/instagram/bsn_sni/holders/${member.id}`);
    const editor = await t.as({ email: 'citra@test.example', role: 'editor', org: 'BSN' });
    const held = await editor.request('POST', '/api/organizations/BSN/content', { title: 'Kuis SNI', accounts: [{ platform: 'instagram', handle: 'bsn_sni' }], status: 'draft' });
    expect(held.status).toBe(201);
    const other = await editor.request('POST', '/api/organizations/BSN/content', { title: 'Utas', accounts: [{ platform: 'x', handle: 'bsn_sni' }], status: 'draft' });
    expect(other.status).toBe(403);
  });
});
