// The current data version: it differs whenever any figure could have changed since it was last read.
import { sql } from 'kysely';
import type { Db } from '../database.ts';

export async function dataVersion(db: Db): Promise<string> {
  if (db.dialect === 'postgres') {
    const r = await sql<{ version: number }>`SELECT version FROM data_version WHERE id = 1`.execute(db.kysely);
    return String(r.rows[0]?.version ?? 0);
  }
  // total_changes(): rows changed through this connection; data_version: commits by other connections.
  const r = await sql<{ c: number; v: number }>`SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version()) AS v`.execute(db.kysely);
  const row = r.rows[0];
  return `${row?.c ?? 0}.${row?.v ?? 0}`;
}
