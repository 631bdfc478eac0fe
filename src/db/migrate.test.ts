import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { migrateToLatest } from './migrate.ts';

describe('migrations', () => {
  let db: TestDb | undefined;
  afterEach(async () => db?.drop());

  it('creates every table and is a no-op the second time', async () => {
    db = await createTestDb();
    const tables = (await db.kysely.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['organizations', 'accounts', 'posts', 'post_metrics']));
    const again = await migrateToLatest(db);
    expect(again.applied).toEqual([]);
  });
});
