// SQL for worker heartbeats.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface HeartbeatRow {
  id: string;
  kind: string;
  host: string;
  pid: number;
  started_at: string;
  last_beat_at: string;
  stopped_at: string | null;
}

type K = Kysely<Database & { worker_heartbeats: HeartbeatRow }>;

function k(db: Kysely<Database>): K {
  return db as unknown as K;
}

export async function beat(db: Kysely<Database>, row: Omit<HeartbeatRow, 'stopped_at'>): Promise<void> {
  await k(db)
    .insertInto('worker_heartbeats')
    .values({ ...row, stopped_at: null })
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_beat_at: row.last_beat_at, stopped_at: null }))
    .execute();
}

export async function markStopped(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await k(db).updateTable('worker_heartbeats').set({ stopped_at: at, last_beat_at: at }).where('id', '=', id).execute();
}

/** Workers that beat since `since`, newest first. */
export function recentWorkers(db: Kysely<Database>, since: string): Promise<HeartbeatRow[]> {
  return k(db).selectFrom('worker_heartbeats').selectAll().where('last_beat_at', '>=', since).orderBy('last_beat_at', 'desc').limit(50).execute();
}

/** Forgets workers silent since before `before` (a crashed process leaves its row behind). */
export async function pruneWorkers(db: Kysely<Database>, before: string): Promise<void> {
  await k(db).deleteFrom('worker_heartbeats').where('last_beat_at', '<', before).execute();
}
