// Test support: a fresh, migrated database per call, on the dialect of the running Vitest project.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadTestSettings, type DatabaseTarget } from '../config.ts';
import { openDatabase, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export interface TestDb extends Db {
  target: DatabaseTarget;
  /** Closes the connection and deletes the database. */
  drop(): Promise<void>;
}

export async function createTestTarget(
  kind: 'sqlite' | 'postgres' = loadTestSettings().database,
): Promise<{ target: DatabaseTarget; remove(): Promise<void> }> {
  const settings = loadTestSettings();
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'socialbench-test-'));
    return {
      target: { kind: 'sqlite', path: join(dir, 'test.db') },
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `sb_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: settings.postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(settings.postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    remove: async () => {
      const c = new pg.Client({ connectionString: settings.postgresAdminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh database on the test project's dialect, or on the one named. */
export async function createTestDb(kind?: 'sqlite' | 'postgres'): Promise<TestDb> {
  const { target, remove } = await createTestTarget(kind);
  const db = openDatabase(target);
  await migrateToLatest(db);
  return {
    ...db,
    target,
    drop: async () => {
      await db.close();
      await remove();
    },
  };
}
