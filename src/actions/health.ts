// Use case: is the service able to work? Database reachability and worker state.
import { ping, getSetting } from '../db/queries/health.ts';
import type { Deps } from './context.ts';

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
  demo: { loaded: boolean };
}

export const VERSION = '0.1.0';

export async function checkHealth(deps: Deps, worker: WorkerStatus): Promise<Health> {
  const started = performance.now();
  let database: Health['database'];
  let demoLoaded = false;
  try {
    await ping(deps.db.kysely);
    database = { status: 'ok', dialect: deps.db.dialect, latency_ms: Math.round((performance.now() - started) * 100) / 100 };
    demoLoaded = (await getSetting(deps.db.kysely, 'demo')) !== undefined;
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
    demo: { loaded: demoLoaded },
  };
}
