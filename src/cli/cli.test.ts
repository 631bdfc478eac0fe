// End-to-end: the real `socialbench` binary as a user runs it, on the dialect of the test project.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestTarget } from '../testing/db.ts';

const BIN = resolve(import.meta.dirname, '../../bin/socialbench.js');

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => done(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<Response> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      if (Date.now() > until) throw new Error(`no answer from ${url}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const f of cleanups.splice(0)) await f();
});

async function databaseEnv(): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
  const { target, remove } = await createTestTarget();
  cleanups.push(remove);
  return target.kind === 'postgres' ? { DATA_DIR: dir, DATABASE_URL: target.url } : { DATA_DIR: dir, DATABASE_URL: '' };
}

describe('socialbench command line', () => {
  it('prints help', async () => {
    const r = await run(['--help'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/serve/);
    expect(r.stdout).toMatch(/migrate/);
    expect(r.stdout).toMatch(/demo/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' }, 'DATABASE_URL'],
  ])('exits with one line naming the bad variable (%o)', async (env, variable) => {
    const r = await run(['serve'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'sb-cli-')), ...env });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });

  it('migrates a new SQLite file given with --db', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-cli-')), 'x.db');
    const first = await run(['--db', file, 'migrate'], {});
    expect(first.stdout).toMatch(/^applied 001_initial/);
    const second = await run(['--db', file, 'migrate'], {});
    expect(second.stdout).toMatch(/^up to date/);
  });

  it('runs a worker process whose heartbeat the server health lists', async () => {
    const env = await databaseEnv();
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve', '--no-worker'], { env: { ...process.env, ...env, PORT: String(port), SOCIALBENCH_DEMO: 'off', LOG_LEVEL: 'silent' } });
    children.push(server);
    await waitFor(`http://127.0.0.1:${port}/api/health`, server);
    const worker = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' } });
    children.push(worker);
    let workers: { kind: string; alive: boolean }[] = [];
    for (let i = 0; i < 100 && !workers.some((w) => w.kind === 'worker' && w.alive); i++) {
      await new Promise((r) => setTimeout(r, 200));
      workers = ((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { workers: { kind: string; alive: boolean }[] }).workers;
    }
    expect(workers).toEqual([expect.objectContaining({ kind: 'worker', alive: true })]);
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('close', r));
    const after = ((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { workers: { alive: boolean }[] }).workers;
    expect(after).toEqual([expect.objectContaining({ alive: false })]);
  });

  it('loads the demo and reports, in the house style and as FORMATS.md JSON', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sb-cli-')), 'demo.db');
    const env = { DATA_DIR: join(file, '..') };
    expect((await run(['--db', file, 'demo', '--scale', '0.03'], env)).code).toBe(0);
    const id = await run(['--db', file, 'report', 'followers', '--org', 'BSN', '--from', '2019-01-01', '--to', '2019-08-09', '--lang', 'id'], env);
    const expected = readFileSync(resolve(import.meta.dirname, '../../../shared/seed/expected-summary-id.txt'), 'utf8').trim();
    expect(id.stdout.trim().toLowerCase()).toBe(expected.toLowerCase());
    const m = await run(['--db', file, 'metrics', '--org', 'BSN', '--from', '2019-01-01', '--to', '2019-08-09', '--format', 'json'], env);
    const metrics = JSON.parse(m.stdout) as { platforms: Record<string, Record<string, unknown>>; accounts: Record<string, unknown>[] };
    expect(metrics.platforms.instagram).toMatchObject({ start: 52300, end: 76670, growth: 24370 });
    for (const key of ['start', 'end', 'growth', 'growth_pct', 'weekly_growth_pct', 'baseline', 'posts', 'posts_per_week', 'engagements_per_post', 'er', 'visual_share', 'video_share', 'mention_share', 'accounts_mentioned', 'followers']) {
      expect(metrics.platforms.instagram).toHaveProperty(key);
      expect(metrics.accounts[0]).toHaveProperty(key);
    }
    const b = await run(['--db', file, 'benchmark', '--group', 'ISO', '--from', '2026-01-01', '--to', '2026-03-31', '--platform', 'instagram', '--format', 'json'], env);
    const bench = JSON.parse(b.stdout) as { group: string; metrics: string[]; organizations: { org: string; composite: number | null }[]; stats: Record<string, unknown> };
    expect(bench).toMatchObject({ group: 'ISO', platform: 'instagram', er_method: 'mean', metrics: ['posts_per_week', 'visual_share', 'er', 'growth_pct', 'mention_share'] });
    expect(bench.organizations.some((o) => o.org === 'BSN')).toBe(true);
    expect(Object.keys(bench.stats)).toEqual(bench.metrics);
    const csvOut = await run(['--db', file, 'benchmark', '--group', 'ISO', '--from', '2026-01-01', '--to', '2026-03-31', '--platform', 'instagram', '--format', 'csv'], env);
    expect(csvOut.stdout.split('\n')[0]).toMatch(/^org,composite,posts_per_week,/);
  });

  it('serves the API with demo data on first start, and starts cleanly after being killed mid-load', async () => {
    const env = await databaseEnv();
    const port = await freePort();
    // A large load, killed as soon as it has begun: nothing may be left half-written.
    const doomed = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, ...env, PORT: String(port), DEMO_SCALE: '3', LOG_LEVEL: 'info' },
    });
    children.push(doomed);
    await new Promise<void>((done) => {
      doomed.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('loading demo data')) done();
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    doomed.kill('SIGKILL');
    await new Promise((r) => doomed.once('close', r));

    const server = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: String(port), DEMO_SCALE: '0.05', LOG_LEVEL: 'silent' } });
    children.push(server);
    let stderr = '';
    server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const health = await waitFor(`http://127.0.0.1:${port}/api/health`, server, 120_000).catch((err: unknown) => {
      throw new Error(`${String(err)}; stderr: ${stderr}`);
    });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', demo: { loaded: true } });
    // Signed out, the data is closed; the first admin's password is printed once on first start.
    expect((await fetch(`http://127.0.0.1:${port}/api/organizations/BSN`)).status).toBe(401);
    const email = /e-mail: +(\S+)/.exec(stderr)?.[1];
    const password = /password: +(\S+)/.exec(stderr)?.[1];
    expect(email && password).toBeTruthy();
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const bsn = await fetch(`http://127.0.0.1:${port}/api/organizations/BSN`, { headers: { cookie } });
    expect(bsn.status).toBe(200);
    const body = (await bsn.json()) as { accounts: { platform: string; handle: string }[] };
    expect(body.accounts.map((a) => `${a.platform}/${a.handle}`)).toEqual(
      expect.arrayContaining(['instagram/bsn_sni', 'x/bsn_sni', 'youtube/bsn_sni']),
    );
    expect((await fetch(`http://127.0.0.1:${port}/api/openapi.json`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/`)).headers.get('content-type')).toContain('text/html');
  });
});
