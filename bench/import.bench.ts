// import-1m: 1,000,000 generic post rows from a CSV into SQLite through `importFiles` (streamed parse,
// validation, duplicate check, batched writes in the file's one transaction), in a child process so
// that its peak RSS is measured alone.
// Baseline: the same CSV read with the same parser (csv-parse, streaming) and its rows inserted into
// posts and post_metrics with bare better-sqlite3 prepared statements in one transaction: the least any
// CSV import must do. ratio = ours / baseline, so it prices validation, duplicate detection, change
// detection (added/updated/unchanged), batching and the query layer.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Benchmark, BenchFigure } from './types.ts';

const ROWS = 1_000_000;
const ACCOUNTS = 20;
const ROOT = resolve(import.meta.dirname, '..');

async function writeCsv(dir: string): Promise<string> {
  writeFileSync(join(dir, 'organizations.csv'), 'code,name,timezone\nBENCH,Benchmark organisation,Asia/Jakarta\n');
  writeFileSync(join(dir, 'accounts.csv'), ['org,platform,handle', ...Array.from({ length: ACCOUNTS }, (_, i) => `BENCH,instagram,acct${i}`)].join('\n') + '\n');
  const path = join(dir, 'posts.csv');
  const out = createWriteStream(path);
  out.write('platform,handle,post_id,published_at,type,text,likes,comments,shares,views,measured_at\n');
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(t0 + i * 60_000).toISOString();
    const line = `instagram,acct${i % ACCOUNTS},${1_800_000_000_000_000 + i},${at},${i % 3 === 0 ? 'reel' : 'image'},"Postingan ke-${i}, terima kasih ☕",${i % 997},${i % 89},${i % 31},${i * 7},2025-01-01T00:00:00.000Z\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

function ours(dir: string, csv: string): { rows: number; seconds: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'bench/import-worker.ts'), join(dir, 'ours.db'), dir, csv], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { rows: number; seconds: number; maxRssMb: number };
}

async function baseline(dir: string, csv: string): Promise<{ rows: number; seconds: number }> {
  const db = openDatabase({ kind: 'sqlite', path: join(dir, 'baseline.db') });
  await migrateToLatest(db);
  const sqlite = db.sqlite;
  if (!sqlite) throw new Error('the baseline needs SQLite');
  // Bench code, not product code: the bare statements the importer is measured against.
  sqlite.exec("INSERT INTO organizations (code, name, timezone, languages, synthetic, created_at, updated_at) VALUES ('BENCH', 'b', 'UTC', 'en', 0, 'x', 'x')");
  for (let i = 0; i < ACCOUNTS; i++) sqlite.prepare("INSERT INTO accounts (organization_id, platform, handle, handle_key, owned, created_at, updated_at) VALUES (1, 'instagram', ?, ?, 0, 'x', 'x')").run(`acct${i}`, `acct${i}`);
  const post = sqlite.prepare('INSERT INTO posts (account_id, platform, post_id, published_at, type, text, media_count, permalink, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?)');
  const metric = sqlite.prepare('INSERT INTO post_metrics (post_id, measured_at, likes, comments, shares, quotes, saves, views, impressions, reach) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL)');
  let rows = 0;
  const t = performance.now();
  sqlite.exec('BEGIN');
  for await (const r of createReadStream(csv, { highWaterMark: 1 << 20 }).pipe(parse({ from_line: 2 })) as AsyncIterable<string[]>) {
    const id = post.run(1 + Number((r[1] ?? '').slice(4)), r[0], r[2], r[3], r[4], r[5], 'x').lastInsertRowid;
    metric.run(id, r[10], Number(r[6]), Number(r[7]), Number(r[8]), Number(r[9]));
    rows++;
  }
  sqlite.exec('COMMIT');
  const seconds = (performance.now() - t) / 1000;
  await db.close();
  return { rows, seconds };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'import-1m',
    description: `${ROWS.toLocaleString('en-US')} generic post rows from a CSV into SQLite vs csv-parse + raw prepared inserts of the same rows`,
    run: async (): Promise<BenchFigure> => {
      const dir = mkdtempSync(join(tmpdir(), 'socialbench-import-bench-'));
      try {
        const csv = await writeCsv(dir);
        const a = ours(dir, csv);
        const b = await baseline(dir, csv);
        if (a.rows !== ROWS || b.rows !== ROWS) throw new Error(`import-1m: imported ${a.rows} rows, the baseline ${b.rows}`);
        return {
          value: a.rows / a.seconds,
          unit: 'rows/s',
          baseline: b.rows / b.seconds,
          target: '>=0.5',
          notes: `import ${a.seconds.toFixed(1)} s, peak RSS ${Math.round(a.maxRssMb)} MB (limit 400 MB); csv-parse + raw inserts ${b.seconds.toFixed(1)} s`,
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
