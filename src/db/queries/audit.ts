// SQL for the audit log (old and new value of every changed figure) and the history of imports.
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, Instant } from '../schema.ts';

export interface AuditLogTable {
  id: Generated<number>;
  entity: string;
  entity_key: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  actor: string;
  source: string;
  at: Instant;
}

export interface ImportsTable {
  id: Generated<number>;
  file_name: string;
  kind: string;
  sha256: string;
  status: string;
  /** JSON: per template, { added, updated, unchanged } */
  counts: string;
  /** JSON: the first problems, [{ file, row, column, message }] */
  errors: string;
  started_at: Instant;
  finished_at: Instant;
  actor: string;
}

export type AuditRow = Selectable<AuditLogTable>;
export type ImportRow = Selectable<ImportsTable>;
export type NewAudit = Omit<AuditRow, 'id'>;
type K = Kysely<Database>;
const withAudit = (db: K) => db.withTables<{ audit_log: AuditLogTable; imports: ImportsTable }>();

export async function insertAudit(db: K, rows: readonly NewAudit[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await withAudit(db).insertInto('audit_log').values(rows.slice(i, i + 1000)).execute();
}

export interface AuditFilter {
  entity?: string | undefined;
  /** an exact entity key, or a prefix ending in '/' (e.g. 'instagram/bsn_sni/') */
  key?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** newest first: rows with an id below this one */
  before?: number | undefined;
  limit: number;
}

export function listAudit(db: K, f: AuditFilter): Promise<AuditRow[]> {
  let q = withAudit(db).selectFrom('audit_log').selectAll();
  if (f.entity !== undefined) q = q.where('entity', '=', f.entity);
  const key = f.key;
  if (key !== undefined) q = key.endsWith('/') ? q.where((eb) => eb(eb.fn('substr', ['entity_key', eb.val(1), eb.val(key.length)]), '=', key)) : q.where('entity_key', '=', key);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.to !== undefined) q = q.where('at', '<', f.to);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit + 1).execute();
}

export async function insertImport(db: K, row: Omit<ImportRow, 'id'>): Promise<number> {
  const r = await withAudit(db).insertInto('imports').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The last committed import of a file with this content, if any. */
export function findCommittedImport(db: K, sha256: string): Promise<ImportRow | undefined> {
  return withAudit(db)
    .selectFrom('imports')
    .selectAll()
    .where('sha256', '=', sha256)
    .where('status', '=', 'committed')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
