// The real `socialbench worker` process publishing a batch, killed with SIGKILL in the middle of it and
// started again: every due item ends up published exactly once on the (fake) platform, none is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../actions/accounts.ts';
import { makeDeps, SYSTEM, type Deps } from '../actions/context.ts';
import { createOrganization } from '../actions/organizations.ts';
import { childEnvironment } from '../config.ts';
import { openDatabase, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { FAKE_FB_APP, FakeFacebook } from '../platforms/facebook/fake.ts';
import { createTestTarget } from '../testing/db.ts';
import { connectAccount, FB_PAGE, PUBLISH_SECRET, scheduleItem } from '../testing/publishing.ts';

const BIN = resolve(import.meta.dirname, '../../bin/socialbench.js');
const ITEMS = 30;

/**
 * Sits between the worker and the fake: passes each request on at once but holds the answer to a post
 * for a while, so a kill leaves posts made on Facebook whose answers never reached the worker.
 */
async function slowAnswers(to: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' && k !== 'host' && k !== 'content-length' ? [[k, v]] : [])));
        const method = req.method ?? 'GET';
        const answer = await fetch(`${to}${req.url ?? '/'}`, { method, headers, ...(method === 'GET' ? {} : { body: Buffer.concat(chunks) }) });
        const body = await answer.text();
        if (method === 'POST' && (req.url ?? '').includes('/feed')) await new Promise((r) => setTimeout(r, 300));
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(body);
      })();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

let fake: FakeFacebook;
let proxy: { url: string; close(): Promise<void> };
let db: Db;
let deps: Deps;
let env: Record<string, string | undefined>;
let remove: () => Promise<void>;
const children: ChildProcess[] = [];

const texts = Array.from({ length: ITEMS }, (_, i) => `Kabar mutu nomor ${i + 1}.`);
const sent = () => fake.server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/feed')).length;
const madeOnFacebook = (text: string) => (fake.pages[0]?.posts ?? []).filter((p) => p.message === text).length;

function startWorker(): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'worker', '--no-sync', '--no-reports'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function states(): Promise<Record<string, number>> {
  const rows = await db.kysely.withTables<{ publications: { state: string } }>().selectFrom('publications').select('state').execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}

beforeAll(async () => {
  fake = await new FakeFacebook().start();
  proxy = await slowAnswers(fake.url);
  const t = await createTestTarget();
  remove = t.remove;
  db = openDatabase(t.target);
  await migrateToLatest(db);
  deps = makeDeps(db, { secretKey: PUBLISH_SECRET });
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'facebook', handle: 'examplestandards', owned: true, external_id: FB_PAGE }, deps);
  await connectAccount(deps, 'facebook', 'examplestandards', { accessToken: fake.pageToken() });
  for (const [i, text] of texts.entries()) await scheduleItem(deps, { title: `item ${i + 1}`, texts: { facebook: text }, at: new Date(Date.now() + 1000).toISOString() });
  env = childEnvironment({
    DATABASE_URL: t.target.kind === 'postgres' ? t.target.url : `sqlite:${t.target.path}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'sb-publish-')),
    SECRET_KEY: PUBLISH_SECRET,
    FACEBOOK_GRAPH_URL: proxy.url, FACEBOOK_DIALOG_URL: proxy.url, FACEBOOK_APP_ID: FAKE_FB_APP.id, FACEBOOK_APP_SECRET: FAKE_FB_APP.secret,
    PLATFORM_TIMEOUT_MS: '2000', LOG_LEVEL: 'silent', SOCIALBENCH_DEMO: 'off',
  });
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await proxy.close();
  await fake.close();
  await db.close();
  await remove();
});

it('publishes every due item exactly once across a worker killed mid-batch and restarted', async () => {
  const first = startWorker();
  await until('the first worker to send a few posts', () => sent() >= 8, 60_000);
  first.kill('SIGKILL');
  await new Promise<void>((done) => (first.exitCode !== null || first.signalCode !== null ? done() : first.once('exit', () => done())));
  const atKill = await states();
  // Killed mid-batch: posts on the wire (made on Facebook, answer not recorded) and posts never started.
  expect(atKill.publishing ?? 0).toBeGreaterThan(0);
  expect(atKill.published ?? 0).toBeLessThan(ITEMS);

  startWorker();
  await until('every publication to be published', async () => (await states()).published === ITEMS, 90_000);
  for (const text of texts) expect(madeOnFacebook(text)).toBe(1);
  const lookedUp = await db.kysely.withTables<{ publications: { settled_by: string | null } }>().selectFrom('publications').select('settled_by').where('settled_by', '=', 'lookup').execute();
  // Those on the wire were found on Facebook, not sent again (one killed before its request left may be sent normally).
  expect(lookedUp.length).toBeGreaterThan(0);
  expect(lookedUp.length).toBeLessThanOrEqual(atKill.publishing ?? 0);
  const items = await db.kysely.withTables<{ content_items: { status: string } }>().selectFrom('content_items').select('status').execute();
  expect(items.every((i) => i.status === 'published')).toBe(true);
}, 150_000);
