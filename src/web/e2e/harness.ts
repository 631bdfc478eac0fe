// End-to-end support: the real `socialbench serve` on a fresh database and a free port, and Chromium
// driven by playwright-core. Used by the e2e tests, scripts/screenshots.ts and bench/web.bench.ts.
// No DOM types here: this module runs in Node (it is also compiled by the root tsconfig).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { childEnvironment, loadTestSettings } from '../../config.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/socialbench.js');

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string | null {
  const candidates = [loadTestSettings().chromiumPath, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null;
}

/** Builds the web app when dist/web is missing (npm install normally did it). */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'dist/web/index.html'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => done(port));
    });
  });
}

export interface Server {
  url: string;
  env: Record<string, string>;
  /** Runs the CLI against the same database, with optional stdin. */
  cli(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra environment, e.g. DATABASE_URL for PostgreSQL. */
  env?: Record<string, string>;
  scale?: number;
}

export async function startServer(opts: ServerOptions = {}): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-web-'));
  const port = await freePort();
  const env: Record<string, string> = {
    DATA_DIR: dir,
    DATABASE_URL: '',
    DEMO_SCALE: String(opts.scale ?? 0.05),
    LOG_LEVEL: 'silent',
    ...opts.env,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], { env: childEnvironment(env), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`no answer from ${url}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    env,
    cli: (args, stdin) =>
      new Promise((done) => {
        const c = spawn(process.execPath, [BIN, ...args], { env: childEnvironment(env) });
        let out = '';
        let err = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.stderr.on('data', (d: Buffer) => (err += d.toString()));
        c.on('close', (code) => done({ code, stdout: out, stderr: err }));
        c.stdin.end(stdin ?? '');
      }),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => {
            child.kill('SIGKILL');
            r(null);
          }, 5000);
          child.once('close', () => {
            clearTimeout(t);
            r(null);
          });
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: install it or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
