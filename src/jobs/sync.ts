// The sync worker: every interval it claims the account streams that are due (one process wins each,
// through the database) and reads them from the platforms; schedules live in actions/sync.ts.
import type { Deps } from '../actions/context.ts';
import { newWorkerId, syncDue } from '../actions/sync.ts';
import type { Logger } from '../logging.ts';
import { startTicker } from './ticker.ts';

export interface SyncWorkerOptions {
  log: Logger;
  /** Milliseconds between ticks; 60 s by default. */
  intervalMs?: number;
  workerId?: string;
}

export interface SyncWorker {
  /** Runs one pass now; resolves with the number of streams it handled. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** One pass, logged: tokens never reach the log (errors carry platform messages only). */
export async function runSyncPass(deps: Deps, worker: string, log: Logger): Promise<number> {
  const reports = await syncDue(deps, worker);
  for (const r of reports) {
    const fields = { account: r.account_id, stream: r.stream, status: r.status, next: r.next_run_at, posts: r.posts_added, measurements: r.measurements_added + r.measurements_updated };
    if (r.status === 'failed') log.warn({ ...fields, kind: r.error_kind, error: r.error }, 'sync failed');
    else log.info(fields, 'synced');
  }
  return reports.length;
}

export function startSyncWorker(deps: Deps, opts: SyncWorkerOptions): SyncWorker {
  const worker = opts.workerId ?? newWorkerId('sync');
  // One pass at a time in this process; other processes are kept apart by the claims.
  return startTicker(
    () =>
      runSyncPass(deps, worker, opts.log).catch((err: unknown) => {
        opts.log.error({ err }, 'sync pass failed');
        return 0;
      }),
    opts.intervalMs ?? 60_000,
    0,
  );
}
