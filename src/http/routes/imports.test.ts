import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeDeps } from '../../actions/context.ts';
import { createLogger } from '../../logging.ts';
import { createTestDb, type TestDb } from '../../testing/db.ts';
import { ACCOUNTS, ORGS } from '../../ingest/testing.ts';
import { createApp } from '../app.ts';
import { adminSession } from '../../testing/app.ts';

const EXPORTS = resolve(import.meta.dirname, '../../../../shared/platforms/exports');

let db: TestDb;
let app: ReturnType<typeof createApp>;
let auth: Record<string, string>;
beforeAll(async () => {
  db = await createTestDb();
  const deps = makeDeps(db);
  app = createApp({ deps, log: createLogger('silent'), worker: () => ({ mode: 'none', status: 'idle', last_heartbeat: null }) });
  auth = await adminSession(app, deps);
});
afterAll(async () => db.drop());

function upload(files: [string, string | Uint8Array][], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, content] of files) form.append('file', new File([content], name));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return app.request('/api/imports', { method: 'POST', body: form, headers: auth });
}

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, { method, headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/imports', () => {
  it('imports several uploaded files, in dependency order', async () => {
    const res = await upload([['accounts.csv', ACCOUNTS], ['organizations.csv', ORGS]]);
    expect(res.status).toBe(200);
    const r = (await res.json()) as { files: { file: string; counts: Record<string, { added: number }> }[] };
    expect(r.files.map((f) => [f.file, Object.values(f.counts)[0]?.added])).toEqual([['organizations.csv', 2], ['accounts.csv', 8]]);
  });

  it('rejects a bad file with 422 naming row and column, and changes nothing', async () => {
    const res = await upload([['snapshots.csv', 'platform,handle,date,followers\ninstagram,bsn_sni,2019-01-01,100\ninstagram,bsn_sni,2019-02-30,5\n']]);
    expect(res.status).toBe(422);
    const r = (await res.json()) as { files: { problems: unknown[] }[] };
    expect(r.files[0]?.problems).toEqual([{ file: 'snapshots.csv', row: 3, column: 'date', message: '2019-02-30 is not a possible date' }]);
    expect(await db.kysely.selectFrom('audience_snapshots').selectAll().execute()).toEqual([]);
  });

  it('needs the account field for a platform export, and says so', async () => {
    const bytes = readFileSync(resolve(EXPORTS, 'instagram-posts.csv'));
    const missing = await upload([['instagram-posts.csv', bytes]]);
    expect(missing.status).toBe(422);
    expect(JSON.stringify(await missing.json())).toMatch(/--account instagram\/HANDLE \(the API's \\"account\\" field\)/);
    const ok = await upload([['instagram-posts.csv', bytes]], { account: 'instagram/kopisenja.id' });
    expect(ok.status).toBe(200);
    const dry = await upload([['instagram-posts.csv', bytes]], { account: 'instagram/kopisenja.id', dry_run: 'true' });
    expect(((await dry.json()) as { files: { status: string; counts: unknown }[] }).files[0]).toMatchObject({ status: 'dry-run', counts: { posts: { added: 0, updated: 0, unchanged: 3 } } });
  });

  it('refuses an upload over the size limit', async () => {
    const big = new Uint8Array(51 * 1024 * 1024);
    const res = await upload([['posts.csv', big]]);
    expect(res.status).toBe(413);
  });
});

describe('manual snapshots and the audit log', () => {
  it('records, changes with an audit record, lists with a cursor', async () => {
    const put = (date: string, body: unknown) => call('PUT', `/api/accounts/instagram/bsn_sni/snapshots/${date}`, body);
    expect((await put('2019-08-09', { followers: 76670 })).status).toBe(201);
    const same = await put('2019-08-09', { followers: 76670 });
    expect(same).toMatchObject({ status: 200, json: { created: false, changes: [] } });
    const changed = await put('2019-08-09', { followers: 76700, following: 12 });
    expect(changed.json.changes).toEqual([
      { field: 'followers', old_value: '76670', new_value: '76700' },
      { field: 'following', old_value: null, new_value: '12' },
    ]);
    for (const d of ['2019-08-01', '2019-08-02', '2019-08-03']) await put(d, { followers: 70000 });
    expect((await put('2019-02-30', { followers: 1 })).status).toBe(400);
    expect((await put('2019-08-04', { followers: -1 })).status).toBe(400);

    const page1 = await call('GET', '/api/accounts/instagram/bsn_sni/snapshots?from=2019-08-01&to=2019-08-31&limit=2');
    expect((page1.json.items as { date: string }[]).map((s) => s.date)).toEqual(['2019-08-01', '2019-08-02']);
    const page2 = await call('GET', `/api/accounts/instagram/bsn_sni/snapshots?from=2019-08-01&limit=2&cursor=${String(page1.json.next_cursor)}`);
    expect((page2.json.items as { date: string; followers: number; source: string }[]).map((s) => [s.date, s.followers, s.source])).toEqual([['2019-08-03', 70000, 'manual'], ['2019-08-09', 76700, 'manual']]);
    expect(page2.json.next_cursor).toBeNull();

    const audit = await call('GET', '/api/audit?entity=snapshot&key=instagram/bsn_sni/');
    expect((audit.json.items as Record<string, unknown>[]).map((a) => [a.key, a.field, a.old_value, a.new_value, a.actor, a.source])).toEqual([
      ['instagram/bsn_sni/2019-08-09', 'following', null, '12', 'admin@test.example', 'manual'],
      ['instagram/bsn_sni/2019-08-09', 'followers', '76670', '76700', 'admin@test.example', 'manual'],
    ]);
  });

  it('audits snapshot updates made by imports', async () => {
    const res = await upload([['snapshots.csv', 'platform,handle,date,followers\ninstagram,bsn_sni,2019-08-01,70500\n']]);
    expect(res.status).toBe(200);
    const audit = await call('GET', '/api/audit?entity=snapshot&key=instagram/bsn_sni/2019-08-01');
    expect(audit.json.items).toMatchObject([{ field: 'followers', old_value: '70000', new_value: '70500', source: 'import:snapshots.csv' }]);
  });
});
