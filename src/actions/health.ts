// Use case: is the service able to work? Database reachability and worker state.
import { ping, getSetting } from '../db/queries/health.ts';
import { recentWorkers } from '../db/queries/workers.ts';
import { HEARTBEAT_MS } from '../jobs/heartbeat.ts';
import type { Deps } from './context.ts';
import { queueFigures } from './publishing.ts';

export interface WorkerStatus {
  /** 'embedded': runs inside this process; 'none': no background work is configured yet. */
  mode: 'embedded' | 'none';
  status: 'running' | 'idle' | 'stopped';
  last_heartbeat: string | null;
}

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  time: string;
  database: { status: 'ok' | 'error'; dialect: string; latency_ms: number; error?: string };
  worker: WorkerStatus;
  /** Every process that ran background work in the last hour (this one included), by its heartbeats. */
  workers: { id: string; kind: string; host: string; pid: number; started_at: string; last_beat_at: string; alive: boolean }[];
  demo: { loaded: boolean };
  /** The publishing queue (null when the database cannot be read). */
  publishing: { due: number; waiting: number; publishing: number; needs_check: number; failed: number; oldest_due_at: string | null } | null;
}

export const VERSION = '0.1.0';

export async function checkHealth(deps: Deps, worker: WorkerStatus): Promise<Health> {
  const started = performance.now();
  let database: Health['database'];
  let demoLoaded = false;
  let workers: Health['workers'] = [];
  let publishing: Health['publishing'] = null;
  try {
    await ping(deps.db.kysely);
    database = { status: 'ok', dialect: deps.db.dialect, latency_ms: Math.round((performance.now() - started) * 100) / 100 };
    demoLoaded = (await getSetting(deps.db.kysely, 'demo')) !== undefined;
    const now = Date.parse(deps.now());
    const rows = await recentWorkers(deps.db.kysely, new Date(now - 3_600_000).toISOString());
    workers = rows.map((r) => ({
      id: r.id, kind: r.kind, host: r.host, pid: r.pid, started_at: r.started_at, last_beat_at: r.last_beat_at,
      // Three missed beats and the process is taken for gone.
      alive: r.stopped_at === null && now - Date.parse(r.last_beat_at) < 3 * HEARTBEAT_MS,
    }));
    publishing = await queueFigures(deps);
  } catch (err) {
    database = {
      status: 'error',
      dialect: deps.db.dialect,
      latency_ms: Math.round(performance.now() - started),
      error: err instanceof Error ? err.message : String(err),
    };
  }
  return {
    status: database.status === 'ok' ? 'ok' : 'degraded',
    version: VERSION,
    time: deps.now(),
    database,
    worker,
    workers,
    demo: { loaded: demoLoaded },
    publishing,
  };
}
