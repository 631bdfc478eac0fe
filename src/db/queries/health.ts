// SQL for the health check and settings.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type K = Kysely<Database>;

export async function ping(db: K): Promise<void> {
  await sql`select 1`.execute(db);
}

export async function getSetting(db: K, key: string): Promise<string | undefined> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value;
}

export async function putSetting(db: K, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}
