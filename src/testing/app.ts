// Test support: the real Hono app over a fresh test database, called in-process. By default requests
// carry the session cookie and CSRF token of an admin; `as()` gives a client signed in as another user.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM, makeDeps, type Deps } from '../actions/context.ts';
import { createUser } from '../actions/users.ts';
import type { Role } from '../core/auth/policy.ts';
import { createApp } from '../http/app.ts';
import { createLogger } from '../logging.ts';
import { createTestDb, type TestDb } from './db.ts';

export interface Response_ {
  status: number;
  json: unknown;
  text: string;
  headers: Headers;
}

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response_>;
  /** The cookie and CSRF token it sends (undefined for anonymous). */
  readonly cookie: string | undefined;
  readonly csrf: string | undefined;
}

export interface TestApp extends Client {
  db: TestDb;
  deps: Deps;
  /** The app's fetch, for raw requests (multipart uploads and the like). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A client with no session. */
  anonymous: Client;
  /** Creates a user (if new) and signs in as them. */
  as(user: { email: string; role: Role; org?: string; network?: string; password?: string }): Promise<Client>;
  /** Signs in with a password; fails the test when the sign-in is refused. */
  signIn(email: string, password: string): Promise<Client>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_ADMIN = 'admin@test.example';

export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDb();
  const dataDir = await mkdtemp(join(tmpdir(), 'socialbench-app-'));
  const deps = makeDeps(db, { dataDir });
  const app = createApp({ deps, log: createLogger('silent'), worker: () => ({ mode: 'none', status: 'idle', last_heartbeat: null }) });
  const fetch = async (path: string, init?: RequestInit) => app.request(path, init);

  const client = (cookie: string | undefined, csrf: string | undefined): Client => ({
    cookie,
    csrf,
    async request(method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = cookie;
      if (csrf && method !== 'GET') h['x-csrf-token'] = csrf;
      if (body !== undefined) h['content-type'] ??= 'application/json';
      const res = await app.request(path, { method, headers: h, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text, headers: res.headers };
    },
  });

  const signIn = async (email: string, password: string): Promise<Client> => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrf_token } = (await res.json()) as { csrf_token: string };
    return client(cookie, csrf_token);
  };

  const known = new Set<string>();
  const as: TestApp['as'] = async (u) => {
    const password = u.password ?? TEST_PASSWORD;
    if (!known.has(u.email)) {
      await createUser(SYSTEM, { email: u.email, role: u.role, password, ...(u.org ? { org: u.org } : {}), ...(u.network ? { network: u.network } : {}) }, deps);
      known.add(u.email);
    }
    return signIn(u.email, password);
  };

  const admin = await as({ email: TEST_ADMIN, role: 'admin' });
  return {
    db,
    deps,
    fetch,
    ...admin,
    cookie: admin.cookie,
    csrf: admin.csrf,
    request: admin.request,
    anonymous: client(undefined, undefined),
    as,
    signIn,
    close: async () => {
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** For tests that build their own app: creates an admin and returns the headers of their session. */
export async function adminSession(app: { request(path: string, init?: RequestInit): Response | Promise<Response> }, deps: Deps, email = TEST_ADMIN): Promise<Record<string, string>> {
  await createUser(SYSTEM, { email, role: 'admin', password: TEST_PASSWORD }, deps);
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const { csrf_token } = (await res.json()) as { csrf_token: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': csrf_token };
}
