// The publishing worker: every interval a pass publishes what is due (actions/publishing-pass.ts) while a
// timer renews the leases of the rows this process holds, so only a dead process's claims expire.
import type { Deps } from '../actions/context.ts';
import { publishDue, type PassReport, type RowResult } from '../actions/publishing-pass.ts';
import { newWorkerId } from '../actions/sync.ts';
import { renewClaims } from '../db/queries/publishing.ts';
import type { Logger } from '../logging.ts';
import { startTicker } from './ticker.ts';

export interface PublishWorkerOptions {
  log: Logger;
  /** The platform call timeout (config PLATFORM_TIMEOUT_MS); the claim lease follows from it. */
  timeoutMs: number;
  /** Milliseconds between passes when idle; 2 s by default (a pass drains everything due). */
  intervalMs?: number;
  workerId?: string;
  batchSize?: number;
  concurrency?: number;
  settleDelayMs?: number;
}

export interface PublishWorker {
  id: string;
  /** Runs a pass now (or returns the running one). */
  tick(): Promise<PassReport | null>;
  stop(): Promise<void>;
}

/**
 * A claim lasts twice the platform timeout, at least 10 s, and is renewed every third of that: a call
 * in flight always ends (answer or timeout) well inside the lease of a live process.
 */
export function publishLeaseMs(timeoutMs: number): number {
  return Math.max(10_000, 2 * timeoutMs);
}

function logResult(log: Logger, r: RowResult): void {
  const fields = { publication: r.id, item: r.item_id, account: r.account, state: r.state };
  if (r.state === 'published' || r.state === 'skipped' || r.state === 'queued' || r.state === 'cancelled') log.info(fields, 'publication');
  else log.warn({ ...fields, error: r.error }, 'publication not published');
}

export function startPublishWorker(deps: Deps, opts: PublishWorkerOptions): PublishWorker {
  const worker = opts.workerId ?? newWorkerId('publish');
  const leaseMs = publishLeaseMs(opts.timeoutMs);
  let stopping = false;
  const renew = setInterval(() => {
    renewClaims(deps.db.kysely, worker, new Date(Date.parse(deps.now()) + leaseMs).toISOString()).catch((err: unknown) => opts.log.warn({ err }, 'renewing publishing claims failed'));
  }, Math.floor(leaseMs / 3));
  renew.unref();
  const ticker = startTicker(
    () =>
      publishDue(deps, {
        worker, leaseMs, batchSize: opts.batchSize, concurrency: opts.concurrency, settleDelayMs: opts.settleDelayMs,
        stopping: () => stopping,
        onResult: (r) => logResult(opts.log, r),
      })
        .then((report) => {
          if (report.attempted || report.checked || report.requeued || report.toCheck) opts.log.info(report, 'publishing pass');
          return report;
        })
        .catch((err: unknown) => {
          opts.log.error({ err }, 'publishing pass failed');
          return null;
        }),
    opts.intervalMs ?? 2000,
    null,
  );
  return {
    id: worker,
    tick: ticker.tick,
    stop: async () => {
      stopping = true;
      await ticker.stop();
      clearInterval(renew);
    },
  };
}
