// What every command shares: configuration from the environment plus --db, a database, one-line errors.
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { DomainError } from '../core/errors.ts';
import { makeDeps, type Deps } from '../actions/context.ts';
import { openAndMigrate, StartupError } from '../main.ts';

export interface GlobalOptions {
  db?: string;
}

export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function configFrom(opts: GlobalOptions, extra: { port?: number } = {}): Config {
  return loadConfig(undefined, { dbPath: opts.db, port: extra.port });
}

/** Runs fn with migrated database deps, closing the database afterwards. */
export async function withDeps<T>(opts: GlobalOptions, fn: (deps: Deps, config: Config) => Promise<T>): Promise<T> {
  const config = configFrom(opts);
  const db = await openAndMigrate(config, opts.db !== undefined);
  try {
    return await fn(makeDeps(db), config);
  } finally {
    await db.close();
  }
}

/** Turns any error into one line on stderr and an exit code. */
export function reportError(err: unknown): number {
  if (err instanceof ConfigError || err instanceof StartupError) {
    process.stderr.write(`socialbench: ${err.message}\n`);
    return 1;
  }
  if (err instanceof ExitError) {
    process.stderr.write(`socialbench: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof DomainError) {
    const details = err.details.map((d) => `\n  ${[d.file, d.row !== undefined ? `row ${d.row}` : undefined, d.column, d.path].filter(Boolean).join(', ')}: ${d.message}`);
    process.stderr.write(`socialbench: ${err.message}${details.join('')}\n`);
    return 1;
  }
  process.stderr.write(`socialbench: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}
