// A process doing background work writes a heartbeat every few seconds, so /api/health shows who is alive.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../actions/context.ts';
import { beat, markStopped, pruneWorkers } from '../db/queries/workers.ts';
import type { Logger } from '../logging.ts';

export interface Heartbeat {
  id: string;
  lastBeat(): string | null;
  stop(): Promise<void>;
}

export const HEARTBEAT_MS = 15_000;

export function startHeartbeat(deps: Deps, kind: string, log: Logger, intervalMs = HEARTBEAT_MS): Heartbeat {
  const id = `${kind}-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const startedAt = deps.now();
  let last: string | null = null;
  const tick = async () => {
    const at = deps.now();
    try {
      await beat(deps.db.kysely, { id, kind, host: hostname(), pid: process.pid, started_at: startedAt, last_beat_at: at });
      await pruneWorkers(deps.db.kysely, new Date(Date.parse(at) - 24 * 3_600_000).toISOString());
      last = at;
    } catch (err) {
      log.warn({ err }, 'heartbeat failed');
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    id,
    lastBeat: () => last,
    stop: async () => {
      clearInterval(timer);
      await markStopped(deps.db.kysely, id, deps.now()).catch(() => undefined);
    },
  };
}
