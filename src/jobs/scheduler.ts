// The embedded scheduler: every interval it claims the report schedules that are due (one process wins
// each run, through the database), generates and keeps their reports and e-mails them when SMTP is set.
import { SYSTEM, type Deps } from '../actions/context.ts';
import { claimDueRuns, executeRun, recipientsOf, recordDelivery, type ClaimedRun } from '../actions/report-schedules.ts';
import { reportFile } from '../actions/reports.ts';
import type { Logger } from '../logging.ts';
import { sendReportMail } from './mail.ts';
import { startTicker } from './ticker.ts';

export interface SchedulerOptions {
  log: Logger;
  /** Milliseconds between ticks; 30 s by default. */
  intervalMs?: number;
  /** Called at the start of every tick with its instant (the health endpoint's heartbeat). */
  onHeartbeat?: (at: string) => void;
}

export interface Scheduler {
  /** Runs one tick now (tests call it directly); resolves when its runs are done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

async function deliver(deps: Deps, run: ClaimedRun, reportId: number, log: Logger): Promise<void> {
  const to = recipientsOf(run.schedule);
  if (to.length === 0) return;
  if (!deps.mail) {
    await recordDelivery(deps, run.runId, 'skipped', 'no SMTP_URL configured');
    return;
  }
  try {
    const file = await reportFile(SYSTEM, reportId, deps);
    await sendReportMail(deps.mail, {
      to,
      subject: `[socialbench] ${run.schedule.name}`,
      text: `${run.schedule.name}\n\n${file.filename}\n`,
      attachment: { filename: file.filename, contentType: file.contentType, content: file.bytes },
    });
    await recordDelivery(deps, run.runId, 'sent', null);
  } catch (err) {
    log.warn({ err, schedule: run.schedule.id }, 'report e-mail failed');
    await recordDelivery(deps, run.runId, 'failed', err instanceof Error ? err.message : String(err));
  }
}

export async function runDueReports(deps: Deps, log: Logger): Promise<number> {
  const runs = await claimDueRuns(deps);
  for (const run of runs) {
    try {
      const report = await executeRun(SYSTEM, run, deps);
      log.info({ schedule: run.schedule.id, report: report.id, due: run.dueAt }, 'scheduled report made');
      await deliver(deps, run, report.id, log);
    } catch (err) {
      log.error({ err, schedule: run.schedule.id, due: run.dueAt }, 'scheduled report failed');
    }
  }
  return runs.length;
}

export function startScheduler(deps: Deps, opts: SchedulerOptions): Scheduler {
  // One pass at a time: a slow report must not let the next tick claim work in parallel in this process.
  return startTicker(
    async () => {
      opts.onHeartbeat?.(deps.now());
      await runDueReports(deps, opts.log).catch((err: unknown) => opts.log.error({ err }, 'scheduler tick failed'));
    },
    opts.intervalMs ?? 30_000,
    undefined,
  );
}
