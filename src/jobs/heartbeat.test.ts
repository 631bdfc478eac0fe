import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps, type Deps } from '../actions/context.ts';
import { checkHealth } from '../actions/health.ts';
import { createLogger } from '../logging.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { startHeartbeat } from './heartbeat.ts';

describe('worker heartbeats', () => {
  let db: TestDb;
  let deps: Deps;
  beforeAll(async () => {
    db = await createTestDb();
    deps = makeDeps(db);
  });
  afterAll(async () => db.drop());

  it('lists a beating worker as alive in health, and as stopped once it stops', async () => {
    const hb = startHeartbeat(deps, 'worker', createLogger('silent'), 60_000);
    for (let i = 0; i < 50 && hb.lastBeat() === null; i++) await new Promise((r) => setTimeout(r, 20));
    const idle = { mode: 'none' as const, status: 'idle' as const, last_heartbeat: null };
    const alive = await checkHealth(deps, idle);
    expect(alive.workers).toEqual([expect.objectContaining({ id: hb.id, kind: 'worker', pid: process.pid, alive: true })]);
    await hb.stop();
    const stopped = await checkHealth(deps, idle);
    expect(stopped.workers).toEqual([expect.objectContaining({ id: hb.id, alive: false })]);
  });
});
