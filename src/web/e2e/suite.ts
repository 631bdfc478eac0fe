// The setup every Chromium test file shares: a server on this Vitest project's database with the
// file's users added, and one browser; both stopped and the database removed afterwards.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseTarget } from '../../config.ts';
import { openDatabase, type Db } from '../../db/database.ts';
import { createTestTarget } from '../../testing/db.ts';
import { ensureWebBuild, launchBrowser, startServer, type Server } from './harness.ts';
import { addUser, hasAuth } from './session.ts';

export interface E2E {
  server: Server;
  browser: Browser;
  /** The server has sign-in (it has since issue 6; the tests still run against an open server). */
  auth: boolean;
  target: DatabaseTarget;
}

type UserSpec = Parameters<typeof addUser>[1];

/** Call inside a describe; the returned object is filled in before the file's own beforeAll hooks run. */
export function useServerAndBrowser(users: UserSpec[]): E2E {
  const e2e = {} as E2E;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    ensureWebBuild();
    const { target, remove } = await createTestTarget();
    cleanups.push(remove);
    e2e.target = target;
    e2e.server = await startServer({ env: target.kind === 'postgres' ? { DATABASE_URL: target.url } : {} });
    cleanups.unshift(() => e2e.server.stop());
    e2e.auth = await hasAuth(e2e.server);
    if (e2e.auth) for (const u of users) await addUser(e2e.server, u);
    e2e.browser = await launchBrowser();
    cleanups.unshift(() => e2e.browser.close());
  });
  afterAll(async () => {
    for (const f of cleanups) await f();
  });
  return e2e;
}

/**
 * Runs `fn` on the server's own database (on SQLite the server keeps its file in its DATA_DIR, not at
 * the test target), for rows a test writes as a sync or OAuth would have.
 */
export async function withServerDatabase<T>(e2e: E2E, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(e2e.target.kind === 'postgres' ? e2e.target : { kind: 'sqlite', path: `${e2e.server.env.DATA_DIR}/socialbench.db` });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
