// Loads the demo data set into a database in one transaction: all of it, or (killed or failed) none of it.
import { setImmediate as nextTick } from 'node:timers/promises';
import type { Db } from '../db/database.ts';
import { inBulkTransaction, readSetting, type BulkWriter } from '../db/queries/bulk.ts';
import { Conflict } from '../core/errors.ts';
import { generateDemo, DEFAULT_SEED, type DemoChunk } from './generate.ts';
import { CATEGORY_GROUPS, REGION_GROUPS } from './members.ts';
import type { AccountActivity } from './activity.ts';

export const DEMO_SETTING_KEY = 'demo';
const DEMO_GROUP_CODES = ['ISO', ...Object.keys(REGION_GROUPS), ...Object.values(CATEGORY_GROUPS).map((g) => g.code)];
/** Rows gathered before one write: large enough for fast PostgreSQL batches, small enough for memory. */
const FLUSH_ROWS = 30_000;

export interface LoadDemoOptions {
  scale?: number;
  seed?: number;
  /** The last day of data, YYYY-MM-DD: the caller passes today's UTC date. */
  today: string;
  /** Delete the demo data already loaded (synthetic organisations) first, in the same transaction. */
  replace?: boolean;
  /** Phases: 'prepare' and 'commit' (no counts), 'accounts' (accounts done of all accounts). */
  onProgress?: (done: number, total: number | undefined, phase: string) => void;
  /** For tests: throw once this many rows were written, as a crash in mid-load would. */
  failAfterRows?: number;
}

export interface LoadDemoResult {
  organizations: number;
  accounts: number;
  snapshots: number;
  posts: number;
  /** Every row written, in all tables (for throughput figures). */
  rows: number;
  seconds: number;
}

export async function loadDemo(db: Db, opts: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = performance.now();
  const scale = opts.scale ?? 1;
  const seed = opts.seed ?? DEFAULT_SEED;
  const progress = opts.onProgress ?? (() => undefined);
  progress(0, undefined, 'prepare');

  const counts = await inBulkTransaction(db, async (w) => {
    if (opts.replace) await w.deleteSyntheticData(DEMO_GROUP_CODES);
    const existing = await w.countOrganizations();
    if (existing > 0) {
      throw new Conflict(
        `the database is not empty (${existing} organisations): demo data is only loaded into an empty database` +
          (opts.replace ? '' : '; replace it with the replace option if it holds demo data only'),
      );
    }
    const data = generateDemo({ scale, seed, today: opts.today, idBase: await w.maxIds() });
    const writer = new CountingWriter(w, opts.failAfterRows);
    for (const chunk of data.planChunks()) await writer.write(chunk);

    const total = data.plan.accounts.length;
    let done = 0;
    let pending: AccountActivity[] = [];
    let pendingRows = 0;
    // One batch is written while the next is generated (PostgreSQL works in its own process).
    let inflight: Promise<void> = Promise.resolve();
    const flush = async () => {
      const batch = pending;
      pending = [];
      pendingRows = 0;
      await inflight;
      inflight = (async () => {
        await writer.write({ table: 'audience_snapshots', rows: batch.flatMap((a) => a.snapshots) });
        await writer.write({ table: 'posts', rows: batch.flatMap((a) => a.posts) });
        await writer.write({ table: 'post_metrics', rows: batch.flatMap((a) => a.metrics) });
        done += batch.length;
        progress(done, total, 'accounts');
      })();
      inflight.catch(() => undefined); // awaited at the next flush; this only marks it handled meanwhile
      await nextTick(); // lets timers (a progress bar) run between batches
    };
    progress(0, total, 'accounts');
    try {
      for (const a of data.activity()) {
        pending.push(a);
        pendingRows += a.snapshots.length + a.posts.length * 2;
        if (pendingRows >= FLUSH_ROWS) await flush();
      }
      await flush();
      await inflight;
    } catch (err) {
      // The rollback must not overtake a write still under way on the same connection.
      await inflight.catch(() => undefined);
      throw err;
    }

    progress(0, undefined, 'commit');
    const loadedAt = new Date().toISOString();
    await w.putSetting(DEMO_SETTING_KEY, JSON.stringify({ scale, seed, today: opts.today, loadedAt }), loadedAt);
    await w.resetIdSequences();
    return {
      organizations: data.plan.organizations.length,
      accounts: data.plan.accounts.length,
      snapshots: writer.count('audience_snapshots'),
      posts: writer.count('posts'),
      rows: writer.total,
    };
  });
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

/** True when the demo data set was loaded (and its transaction committed). */
export async function demoLoaded(db: Db): Promise<boolean> {
  return (await readSetting(db, DEMO_SETTING_KEY)) !== undefined;
}

class CountingWriter {
  total = 0;
  private readonly perTable = new Map<string, number>();

  constructor(
    private readonly w: BulkWriter,
    private readonly failAfterRows: number | undefined,
  ) {}

  async write(chunk: DemoChunk): Promise<void> {
    if (chunk.rows.length === 0) return;
    // The union keeps each table paired with its own row type.
    await (this.w.insert as (t: string, r: readonly unknown[]) => Promise<void>)(chunk.table, chunk.rows);
    this.total += chunk.rows.length;
    this.perTable.set(chunk.table, this.count(chunk.table) + chunk.rows.length);
    if (this.failAfterRows !== undefined && this.total >= this.failAfterRows) {
      throw new Error(`demo load stopped on purpose after ${this.total} rows`);
    }
  }

  count(table: string): number {
    return this.perTable.get(table) ?? 0;
  }
}
