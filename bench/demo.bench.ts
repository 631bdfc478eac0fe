// Demo generation + load into a fresh SQLite file, against raw better-sqlite3 inserts of the same rows.
//
// Ours: loadDemo() end to end (generation, batching, inserts, commit), timed as a whole.
// Baseline: the same rows (same seed, scale and day) inserted with plain prepared statements in one
// transaction into a fresh file with the same schema and pragmas; only the inserts and the commit are
// timed, not the generation. So ratio = ours / baseline shows what generation plus the loader's own
// overhead cost against the bare insert speed of SQLite on this machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { DEFAULT_SEED, generateDemo } from '../src/demo/generate.ts';
import type { Benchmark, BenchFigure } from './types.ts';

/** A fixed day keeps the data, and so the figures, the same from run to run. */
const TODAY = '2026-11-27';

async function withFreshSqlite<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'socialbench-bench-'));
  const db = openDatabase({ kind: 'sqlite', path: join(dir, 'bench.db') });
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ours(scale: number): Promise<{ rows: number; seconds: number }> {
  return withFreshSqlite(async (db) => {
    const r = await loadDemo(db, { scale, seed: DEFAULT_SEED, today: TODAY });
    return { rows: r.rows, seconds: r.seconds };
  });
}

async function baseline(scale: number): Promise<{ rows: number; seconds: number }> {
  return withFreshSqlite(async (db) => {
    const sqlite = db.sqlite;
    if (!sqlite) throw new Error('the baseline needs SQLite');
    // Bench code, not product code: the bare statements the loader is measured against.
    const statements = new Map<string, { stmt: SQLite.Statement; columns: string[] }>();
    let rows = 0;
    let ms = 0;
    let t = performance.now();
    sqlite.exec('BEGIN');
    ms += performance.now() - t;
    for (const chunk of generateDemo({ scale, seed: DEFAULT_SEED, today: TODAY }).chunks()) {
      const list = chunk.rows as readonly Record<string, unknown>[];
      const first = list[0];
      if (!first) continue;
      t = performance.now();
      let s = statements.get(chunk.table);
      if (!s) {
        const columns = Object.keys(first);
        const stmt = sqlite.prepare(`INSERT INTO "${chunk.table}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        statements.set(chunk.table, (s = { stmt, columns }));
      }
      for (const row of list) s.stmt.run(s.columns.map((c) => row[c]));
      rows += list.length;
      ms += performance.now() - t;
    }
    t = performance.now();
    sqlite.exec('COMMIT');
    ms += performance.now() - t;
    return { rows, seconds: ms / 1000 };
  });
}

function demoBenchmark(scale: number): Benchmark {
  return {
    name: `demo-scale-${scale}`,
    description: `demo data at scale ${scale}: generate and load into SQLite vs raw inserts`,
    run: async (): Promise<BenchFigure> => {
      const a = await ours(scale);
      const b = await baseline(scale);
      if (a.rows !== b.rows) throw new Error(`demo-scale-${scale}: the loader wrote ${a.rows} rows, the baseline ${b.rows}`);
      return {
        value: a.rows / a.seconds,
        unit: 'rows/s',
        baseline: b.rows / b.seconds,
        target: '>=0.5',
        notes: `${a.rows.toLocaleString('en-US')} rows; loadDemo ${a.seconds.toFixed(1)} s, raw inserts ${b.seconds.toFixed(1)} s (generation not timed)`,
      };
    },
  };
}

export const benchmarks: Benchmark[] = [demoBenchmark(1), demoBenchmark(10)];
