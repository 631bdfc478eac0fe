// Opens the database named by the config (SQLite file or PostgreSQL URL) as a typed Kysely instance.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseTarget } from '../config.ts';
import type { Database } from './schema.ts';
import type { DialectName } from './dialect.ts';

// PostgreSQL returns bigint and numeric as strings; our counts stay far below 2^53, so read numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The raw better-sqlite3 handle, for bulk loads that bypass the query builder (SQLite only). */
  sqlite: SQLite.Database | undefined;
  /** The pg pool (PostgreSQL only). */
  pool: pg.Pool | undefined;
  describe: string;
  close(): Promise<void>;
}

export function openDatabase(target: DatabaseTarget): Db {
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SQLite(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 10000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return {
      kysely,
      dialect: 'sqlite',
      sqlite,
      pool: undefined,
      describe: `sqlite ${target.path}`,
      close: () => kysely.destroy(),
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(target.url);
  return {
    kysely,
    dialect: 'postgres',
    sqlite: undefined,
    pool,
    describe: `postgres ${url.hostname}:${url.port || 5432}${url.pathname}`,
    close: () => kysely.destroy(),
  };
}
