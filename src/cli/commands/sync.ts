// socialbench sync, connect and connections: read accounts from the platforms, start OAuth, list connections.
import type { Command } from 'commander';
import { listConnections, startAuthorization } from '../../actions/connections.ts';
import { SYSTEM, type Deps } from '../../actions/context.ts';
import { newWorkerId, syncAccount } from '../../actions/sync.ts';
import { ensureSecretKey, type Config } from '../../config.ts';
import { startSyncWorker, runSyncPass } from '../../jobs/sync.ts';
import { createLogger } from '../../logging.ts';
import { connectorsFromSettings } from '../../platforms/registry.ts';
import { ExitError, withDeps, type GlobalOptions } from '../context.ts';
import { table } from '../format.ts';

/** The command's deps plus what platform calls need: the token key and the adapters. */
function withPlatforms(deps: Deps, config: Config): Deps {
  return { ...deps, secretKey: ensureSecretKey(config), connectors: connectorsFromSettings(config.platforms) };
}

function splitAccount(value: string): { platform: string; handle: string } {
  const m = /^([a-z]+)\/@?(\S+)$/i.exec(value.trim());
  if (!m?.[1] || !m[2]) throw new ExitError(`--account must be PLATFORM/HANDLE such as instagram/bsn_sni (got "${value}")`, 2);
  return { platform: m[1], handle: m[2] };
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description('read audience counts and posts with their metrics from the platforms (owned accounts by their tokens, peers by public access)')
    .option('--account <platform/handle>', 'only this account, now, whatever its schedule')
    .option('--once', 'one pass over the streams that are due, then exit (default: keep running)')
    .option('--interval <seconds>', 'seconds between passes when running on', '60')
    .action(async (o: { account?: string; once?: boolean; interval: string }, cmd: Command) => {
      const interval = Number(o.interval);
      if (!Number.isInteger(interval) || interval < 5) throw new ExitError('--interval must be a whole number of seconds, at least 5', 2);
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (base, config) => {
        const deps = withPlatforms(base, config);
        const log = createLogger(config.logLevel);
        if (o.account) {
          const a = splitAccount(o.account);
          const report = await syncAccount(SYSTEM, a.platform, a.handle, deps);
          process.stdout.write(JSON.stringify(report, null, 2) + '\n');
          if (report.streams.some((s) => s.status === 'failed')) process.exitCode = 1;
          return;
        }
        if (o.once) {
          const n = await runSyncPass(deps, newWorkerId('cli'), log);
          process.stderr.write(`socialbench: ${n} stream(s) synced\n`);
          return;
        }
        const worker = startSyncWorker(deps, { log, intervalMs: interval * 1000 });
        await waitForSignal();
        await worker.stop();
      });
    });

  program
    .command('connect')
    .description("print the address where the account's owner grants access (the platform then returns to PUBLIC_URL/api/connections/PLATFORM/callback, served by socialbench serve)")
    .argument('<platform/handle>', 'the account, e.g. x/bsn_sni')
    .action(async (account: string, _o: unknown, cmd: Command) => {
      const a = splitAccount(account);
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (base, config) => {
        const { url } = await startAuthorization(SYSTEM, a.platform, { account: a.handle }, withPlatforms(base, config));
        process.stdout.write(`${url}\n`);
      });
    });

  program
    .command('connections')
    .description('list platform connections (never their tokens)')
    .option('--status <s>', 'active, expired, revoked or error')
    .option('--platform <p>', 'only this platform')
    .action(async (o: { status?: string; platform?: string }, cmd: Command) => {
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (base, config) => {
        const page = await listConnections(SYSTEM, { status: o.status, platform: o.platform, limit: 500 }, withPlatforms(base, config));
        if (!process.stdout.isTTY) {
          process.stdout.write(JSON.stringify(page.items, null, 2) + '\n');
          return;
        }
        process.stdout.write(table(['account', 'org', 'status', 'expires', 'flagged', 'last error'], page.items.map((c) => [`${c.platform}/${c.handle}`, c.org, c.status, c.expires_at ?? '–', c.flagged_at ?? '', c.last_error ?? ''])));
      });
    });
}
