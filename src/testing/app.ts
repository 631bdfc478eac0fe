// Test support: the real Hono app over a fresh test database, called in-process.
import { makeDeps, type Deps } from '../actions/context.ts';
import { createApp } from '../http/app.ts';
import { createLogger } from '../logging.ts';
import { createTestDb, type TestDb } from './db.ts';

export interface TestApp {
  db: TestDb;
  deps: Deps;
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }>;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDb();
  const deps = makeDeps(db);
  const app = createApp({ deps, log: createLogger('silent'), worker: () => ({ mode: 'none', status: 'idle', last_heartbeat: null }) });
  return {
    db,
    deps,
    async request(method, path, body) {
      const res = await app.request(path, {
        method,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text };
    },
    close: () => db.drop(),
  };
}
