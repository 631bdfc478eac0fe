// Composition root: opens the database, applies migrations, loads the demo when new, serves HTTP.
import { serve, type ServerType } from '@hono/node-server';
import { ensureSecretKey, type Config } from './config.ts';
import { openDatabase, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { makeDeps } from './actions/context.ts';
import { loadDemoIfEmpty } from './actions/demo.ts';
import { ensureFirstAdmin } from './actions/users.ts';
import type { WorkerStatus } from './actions/health.ts';
import { createApp } from './http/app.ts';
import { createLogger, type Logger } from './logging.ts';
import { connectorsFromSettings } from './platforms/registry.ts';
import { startBackgroundWork, type BackgroundWork } from './jobs/worker.ts';


export class StartupError extends Error {}

function databaseName(config: Config, viaFlag: boolean): string {
  if (config.database.kind === 'postgres') return 'DATABASE_URL';
  return viaFlag ? '--db' : 'DATA_DIR';
}

/** Opens and migrates the configured database; failures become one line naming the setting. */
export async function openAndMigrate(config: Config, viaFlag = false): Promise<Db> {
  let db: Db;
  try {
    db = openDatabase(config.database);
  } catch (err) {
    throw new StartupError(`cannot open the database (${databaseName(config, viaFlag)}): ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    const reason = err instanceof Error ? err.message || err.constructor.name : String(err);
    throw new StartupError(`cannot use the database given by ${databaseName(config, viaFlag)} (${db.describe}): ${reason}`);
  }
  return db;
}

function listen(fetch: (req: Request) => Response | Promise<Response>, config: Config): Promise<ServerType> {
  return new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          err.code === 'EADDRINUSE' ? `PORT ${config.port} is already in use` : `cannot listen on PORT ${config.port}: ${err.message}`,
        ),
      );
    });
  });
}

export interface Running {
  port: number;
  db: Db;
  log: Logger;
  close(): Promise<void>;
}

export async function startServer(config: Config, opts: { viaFlag?: boolean; demo?: boolean; worker?: boolean } = {}): Promise<Running> {
  const log = createLogger(config.logLevel);
  const secretKey = ensureSecretKey(config);
  const db = await openAndMigrate(config, opts.viaFlag);
  const deps = makeDeps(db, { mail: config.mail, secretKey, connectors: connectorsFromSettings(config.platforms), dataDir: config.dataDir });
  if (opts.demo ?? config.demoOnFirstStart) {
    let lastPhase = '';
    const result = await loadDemoIfEmpty(deps, {
      scale: config.demoScale,
      onProgress: (_done, _total, phase) => {
        if (phase !== lastPhase) log.info({ phase }, 'loading demo data');
        lastPhase = phase;
      },
    });
    if (result) log.info(result, 'demo data loaded (figures are synthetic, except BSN 2019 reported counts)');
  }
  const first = await ensureFirstAdmin(deps);
  // Printed once, to the terminal only (never to the log): the password is not stored anywhere readable.
  if (first)
    process.stderr.write(
      `\nsocialbench: first start; an admin was created.\n  e-mail:   ${first.email}\n  password: ${first.password}\n` +
        `Sign in and change it (or add your own admin with \`socialbench user add --role admin --password-stdin\`). This is shown only once.\n\n`,
    );
  const idle: WorkerStatus = { mode: 'none', status: 'idle', last_heartbeat: null };
  let work: BackgroundWork | undefined;
  const app = createApp({ deps, log, worker: () => work?.status() ?? idle });
  const server = await listen(app.fetch, config).catch(async (err: unknown) => {
    await db.close();
    throw err;
  });
  // With separate `socialbench worker` processes, `serve --no-worker` leaves the background work to them.
  if (opts.worker !== false) work = startBackgroundWork(deps, { log, kind: 'embedded', platforms: config.platforms });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port, database: db.describe }, `socialbench listening on http://localhost:${port}`);
  return {
    port,
    db,
    log,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await work?.stop();
      await db.close();
    },
  };
}

/** A process that only does background work (`socialbench worker`): reports, sync, heartbeat. */
export async function startWorker(
  config: Config,
  opts: { viaFlag?: boolean; sync?: boolean; reports?: boolean; publish?: boolean } = {},
): Promise<{ log: Logger; close(): Promise<void> }> {
  const log = createLogger(config.logLevel);
  const secretKey = ensureSecretKey(config);
  const db = await openAndMigrate(config, opts.viaFlag);
  const deps = makeDeps(db, { mail: config.mail, secretKey, connectors: connectorsFromSettings(config.platforms), dataDir: config.dataDir });
  const work = startBackgroundWork(deps, { log, kind: 'worker', platforms: config.platforms, sync: opts.sync, reports: opts.reports, publish: opts.publish });
  log.info({ database: db.describe }, 'socialbench worker started');
  return {
    log,
    close: async () => {
      await work.stop();
      await db.close();
    },
  };
}
