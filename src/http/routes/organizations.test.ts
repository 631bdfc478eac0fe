import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';

describe('organisations API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('creates, reads, updates and deletes an organisation', async () => {
    const created = await t.request('POST', '/api/organizations', {
      code: 'BSN', name: 'National Standardization Agency of Indonesia', country: 'ID', timezone: 'Asia/Jakarta', languages: ['id', 'en'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ code: 'BSN', timezone: 'Asia/Jakarta', languages: ['id', 'en'], synthetic: false });

    const read = await t.request('GET', '/api/organizations/BSN');
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ code: 'BSN', groups: [], accounts: [] });

    const patched = await t.request('PATCH', '/api/organizations/BSN', { name: 'Badan Standardisasi Nasional' });
    expect(patched.status).toBe(200);
    // fields left out of a PATCH keep their values
    expect(patched.json).toMatchObject({ name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta', country: 'ID' });

    expect((await t.request('DELETE', '/api/organizations/BSN')).status).toBe(204);
    const gone = await t.request('GET', '/api/organizations/BSN');
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ error: { code: 'not_found', message: 'organisation BSN does not exist', details: [] } });
  });

  it('rejects bad input with one error shape naming each field', async () => {
    const r = await t.request('POST', '/api/organizations', { code: 'bad code', name: '', timezone: 'Mars/Base' });
    expect(r.status).toBe(400);
    const body = r.json as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['json.code', 'json.name', 'json.timezone']);
  });

  it('refuses a duplicate code with 409 and malformed JSON with 400', async () => {
    expect((await t.request('POST', '/api/organizations', { code: 'DUP', name: 'One' })).status).toBe(201);
    const dup = await t.request('POST', '/api/organizations', { code: 'DUP', name: 'Two' });
    expect(dup.status).toBe(409);
    expect((dup.json as { error: { code: string } }).error.code).toBe('conflict');
    const bad = await t.request('POST', '/api/organizations', '{"code": ');
    expect(bad.status).toBe(400);
    expect((bad.json as { error: { code: string } }).error.code).toBe('invalid');
  });

  it('pages through a list with cursors, without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await t.request('POST', '/api/organizations', { code: `P${i}X`, name: `Org ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/organizations?q=x&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request('GET', url)).json as { items: { code: string }[]; next_cursor: string | null };
      seen.push(...page.items.map((o) => o.code));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['P0X', 'P1X', 'P2X', 'P3X', 'P4X', 'P5X', 'P6X']);
    expect((await t.request('GET', '/api/organizations?cursor=garbage')).status).toBe(400);
  });

  it('answers unknown endpoints with the error shape', async () => {
    const r = await t.request('GET', '/api/nothing-here');
    expect(r.status).toBe(404);
    expect((r.json as { error: { code: string } }).error.code).toBe('not_found');
  });
});
