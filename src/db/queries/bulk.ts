// Bulk inserts in one transaction, for loads of millions of rows (the demo data, large imports):
// raw prepared statements on SQLite, unnest() batches over one pooled client on PostgreSQL.
import type pg from 'pg';
import type SQLite from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Db } from '../database.ts';
import type { Database } from '../schema.ts';

type PgType = 'int' | 'bigint' | 'text';

/** Every column of each bulk-loadable table, with its PostgreSQL array type for unnest(). */
const TABLES = {
  organizations: { id: 'int', code: 'text', name: 'text', country: 'text', timezone: 'text', languages: 'text', category: 'text', synthetic: 'int', created_at: 'text', updated_at: 'text' },
  groups: { id: 'int', code: 'text', name: 'text', kind: 'text', parent_id: 'int', description: 'text', created_at: 'text', updated_at: 'text' },
  group_members: { group_id: 'int', organization_id: 'int', created_at: 'text' },
  accounts: { id: 'int', organization_id: 'int', platform: 'text', handle: 'text', handle_key: 'text', external_id: 'text', url: 'text', display_name: 'text', owned: 'int', created_at: 'text', updated_at: 'text' },
  team_members: { id: 'int', organization_id: 'int', name: 'text', email: 'text', role_title: 'text', active: 'int', created_at: 'text', updated_at: 'text' },
  account_holders: { account_id: 'int', team_member_id: 'int', created_at: 'text' },
  contacts: { id: 'int', organization_id: 'int', group_id: 'int', team_member_id: 'int', name: 'text', email: 'text', role: 'text', since: 'text', created_at: 'text', updated_at: 'text' },
  audience_snapshots: { account_id: 'int', date: 'text', followers: 'bigint', following: 'bigint', posts_total: 'bigint', views_total: 'bigint', source: 'text', recorded_at: 'text' },
  posts: { id: 'int', account_id: 'int', platform: 'text', post_id: 'text', published_at: 'text', type: 'text', text: 'text', media_count: 'int', permalink: 'text', created_at: 'text' },
  post_metrics: { post_id: 'int', measured_at: 'text', likes: 'bigint', comments: 'bigint', shares: 'bigint', quotes: 'bigint', saves: 'bigint', views: 'bigint', impressions: 'bigint', reach: 'bigint' },
} as const satisfies { [T in keyof Database]?: { [C in keyof Database[T]]-?: PgType } };

export type BulkTable = keyof typeof TABLES;
export type BulkRow<T extends BulkTable> = Selectable<Database[T]>;

/** Tables whose ids the loader chooses itself (so children can refer to them before insertion). */
export const ID_TABLES = ['organizations', 'groups', 'accounts', 'team_members', 'contacts', 'posts'] as const;
export type IdTable = (typeof ID_TABLES)[number];

const PG_BATCH = 5000;

export interface BulkWriter {
  insert<T extends BulkTable>(table: T, rows: readonly BulkRow<T>[]): Promise<void>;
  countOrganizations(): Promise<number>;
  /** The greatest id of each table with explicit ids (0 when empty). */
  maxIds(): Promise<Record<IdTable, number>>;
  /** Deletes synthetic organisations (their accounts, posts… go with them) and the named groups once empty. */
  deleteSyntheticData(groupCodes: readonly string[]): Promise<void>;
  putSetting(key: string, value: string, at: string): Promise<void>;
  /** PostgreSQL identity columns do not see explicit ids: move them past the greatest id. */
  resetIdSequences(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;
const columnsOf = (table: BulkTable): string[] => Object.keys(TABLES[table]);

const SETTING_UPSERT =
  'INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ' +
  'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at';
const DELETE_SYNTHETIC = 'DELETE FROM organizations WHERE synthetic = 1';
const deleteEmptyGroups = (placeholders: string) =>
  `DELETE FROM groups WHERE code IN (${placeholders}) ` +
  'AND NOT EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = groups.id) ' +
  'AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.group_id = groups.id)';
const MAX_IDS = ID_TABLES.map((t) => `(SELECT COALESCE(MAX(id), 0) FROM ${quote(t)}) AS ${t}`).join(', ');

/**
 * Runs `work` inside one transaction: everything it wrote is committed together, or nothing is
 * (an error rolls back; a killed process leaves an uncommitted transaction that the database discards).
 * On SQLite the connection is shared, so nothing else may use `db` while `work` runs.
 */
export async function inBulkTransaction<T>(db: Db, work: (w: BulkWriter) => Promise<T>): Promise<T> {
  if (db.sqlite) return sqliteTransaction(db.sqlite, work);
  if (db.pool) return pgTransaction(db.pool, work);
  throw new Error(`no connection for ${db.describe}`);
}

async function sqliteTransaction<T>(sqlite: SQLite.Database, work: (w: BulkWriter) => Promise<T>): Promise<T> {
  const statements = new Map<BulkTable, SQLite.Statement>();
  const statement = (table: BulkTable) => {
    let s = statements.get(table);
    if (!s) {
      const cols = columnsOf(table);
      s = sqlite.prepare(`INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      statements.set(table, s);
    }
    return s;
  };
  const toSqlite = (text: string) => text.replace(/\$\d+/g, '?');
  const writer: BulkWriter = {
    insert: async (table, rows) => {
      // Positional parameters bind a fifth faster than named ones.
      const s = statement(table);
      const cols = columnsOf(table);
      const values = new Array<unknown>(cols.length);
      for (const row of rows as readonly Record<string, unknown>[]) {
        for (let i = 0; i < cols.length; i++) values[i] = row[cols[i] as string];
        s.run(values);
      }
    },
    countOrganizations: async () => (sqlite.prepare('SELECT COUNT(*) AS n FROM organizations').get() as { n: number }).n,
    maxIds: async () => sqlite.prepare(`SELECT ${MAX_IDS}`).get() as Record<IdTable, number>,
    deleteSyntheticData: async (codes) => {
      sqlite.prepare(DELETE_SYNTHETIC).run();
      if (codes.length > 0) sqlite.prepare(deleteEmptyGroups(codes.map(() => '?').join(', '))).run(...codes);
    },
    putSetting: async (key, value, at) => {
      sqlite.prepare(toSqlite(SETTING_UPSERT)).run(key, value, at);
    },
    resetIdSequences: async () => undefined, // AUTOINCREMENT follows explicit ids by itself
  };
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await work(writer);
    sqlite.exec('COMMIT');
    return result;
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  }
}

async function pgTransaction<T>(pool: pg.Pool, work: (w: BulkWriter) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const insertSql = new Map<BulkTable, string>();
  const sqlFor = (table: BulkTable) => {
    let text = insertSql.get(table);
    if (!text) {
      const types = Object.values(TABLES[table]) as PgType[];
      const cols = columnsOf(table);
      const arrays = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
      text = `INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) SELECT * FROM unnest(${arrays})`;
      insertSql.set(table, text);
    }
    return text;
  };
  const writer: BulkWriter = {
    insert: async (table, rows) => {
      const cols = columnsOf(table);
      for (let start = 0; start < rows.length; start += PG_BATCH) {
        const batch = rows.slice(start, start + PG_BATCH) as readonly Record<string, unknown>[];
        const types = TABLES[table] as Record<string, PgType>;
        const arrays = cols.map((c) => arrayLiteral(batch, c, types[c] === 'text'));
        await client.query(sqlFor(table), arrays);
      }
    },
    countOrganizations: async () => {
      const r = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM organizations');
      return Number(r.rows[0]?.n ?? 0);
    },
    maxIds: async () => {
      const r = await client.query<Record<IdTable, string>>(`SELECT ${MAX_IDS}`);
      const row = r.rows[0];
      return Object.fromEntries(ID_TABLES.map((t) => [t, Number(row?.[t] ?? 0)])) as Record<IdTable, number>;
    },
    deleteSyntheticData: async (codes) => {
      await client.query(DELETE_SYNTHETIC);
      if (codes.length > 0) await client.query(deleteEmptyGroups(codes.map((_, i) => `$${i + 1}`).join(', ')), [...codes]);
    },
    putSetting: async (key, value, at) => {
      await client.query(SETTING_UPSERT, [key, value, at]);
    },
    resetIdSequences: async () => {
      for (const t of ID_TABLES) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${t}', 'id'), COALESCE((SELECT MAX(id) FROM ${quote(t)}), 1), ` +
            `(SELECT MAX(id) FROM ${quote(t)}) IS NOT NULL)`,
        );
      }
    },
  };
  try {
    await client.query('BEGIN');
    const result = await work(writer);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * A PostgreSQL array literal of one column, e.g. {1,NULL,3} or {"a","say \"hi\""}: built here because
 * pg's generic array encoding costs more than the rest of a bulk load's client side.
 */
function arrayLiteral(rows: readonly Record<string, unknown>[], column: string, quoted: boolean): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]?.[column];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (quoted) parts[i] = `"${String(v).replace(/[\\"]/g, '\\$&')}"`;
    else parts[i] = String(v);
  }
  return `{${parts.join(',')}}`;
}

/** A setting's value, or undefined. */
export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}
