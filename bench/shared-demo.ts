// One demo database per scale and benchmark run, built on first use and removed at exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load.ts';

export const BENCH_TODAY = '2026-11-27';
const built = new Map<number, Promise<string>>();
const dir = mkdtempSync(join(tmpdir(), 'socialbench-bench-shared-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Path of an SQLite file holding the demo at this scale (fixed day, default seed). */
export function demoDatabase(scale: number): Promise<string> {
  let p = built.get(scale);
  if (!p) {
    p = (async () => {
      const path = join(dir, `demo-${scale}.db`);
      const db = openDatabase({ kind: 'sqlite', path });
      try {
        await migrateToLatest(db);
        await loadDemo(db, { scale, today: BENCH_TODAY });
      } finally {
        await db.close();
      }
      return path;
    })();
    built.set(scale, p);
  }
  return p;
}
