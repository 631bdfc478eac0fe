// Background work of one process: scheduled reports, platform sync, publishing and a heartbeat, started and stopped together.
import type { Deps } from '../actions/context.ts';
import type { WorkerStatus } from '../actions/health.ts';
import type { PlatformSettings } from '../config.ts';
import type { Logger } from '../logging.ts';
import { startHeartbeat } from './heartbeat.ts';
import { startPublishWorker } from './publish.ts';
import { startScheduler } from './scheduler.ts';
import { startSyncWorker } from './sync.ts';

export interface BackgroundWork {
  status(): WorkerStatus;
  stop(): Promise<void>;
}

/** Without any platform credentials there is nothing a sync could read, so no sync runs. */
export function platformAccessConfigured(p: PlatformSettings): boolean {
  return Boolean(p.facebook.app || p.x.client || p.x.bearerToken || p.youtube.client || p.youtube.apiKey || p.tiktok.client || p.linkedin.client);
}

export function startBackgroundWork(
  deps: Deps,
  opts: { log: Logger; kind: 'embedded' | 'worker'; platforms: PlatformSettings; sync?: boolean; reports?: boolean; publish?: boolean },
): BackgroundWork {
  const state: WorkerStatus = { mode: 'embedded', status: 'idle', last_heartbeat: null };
  const heartbeat = startHeartbeat(deps, opts.kind, opts.log);
  const scheduler =
    opts.reports === false
      ? undefined
      : startScheduler(deps, {
          log: opts.log,
          onHeartbeat: (at) => {
            state.status = 'running';
            state.last_heartbeat = at;
          },
        });
  const sync = opts.sync !== false && platformAccessConfigured(opts.platforms) ? startSyncWorker(deps, { log: opts.log }) : undefined;
  // Runs even without platform credentials: due items then fail visibly ("not connected") instead of waiting unseen.
  const publish = opts.publish !== false ? startPublishWorker(deps, { log: opts.log, timeoutMs: opts.platforms.timeoutMs }) : undefined;
  return {
    status: () => ({ ...state, last_heartbeat: heartbeat.lastBeat() ?? state.last_heartbeat }),
    stop: async () => {
      await scheduler?.stop();
      await sync?.stop();
      await publish?.stop();
      await heartbeat.stop();
      state.status = 'stopped';
    },
  };
}
