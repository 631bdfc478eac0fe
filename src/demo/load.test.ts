import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { demoLoaded, loadDemo } from './load.ts';
import { BSN_REPORTED } from './bsn.ts';

const TODAY = '2026-11-27';
let db: TestDb;

beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.drop();
});

async function count(table: 'organizations' | 'accounts' | 'audience_snapshots' | 'posts' | 'post_metrics'): Promise<number> {
  const row = await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('loadDemo', () => {
  it('loads a small demo whose counts, BSN figures and settings row are in the database', async () => {
    const phases = new Set<string>();
    const result = await loadDemo(db, { scale: 0.05, seed: 3, today: TODAY, onProgress: (_d, _t, phase) => phases.add(phase) });
    expect(result.organizations).toBe(8);
    expect(await count('organizations')).toBe(result.organizations);
    expect(await count('accounts')).toBe(result.accounts);
    expect(await count('audience_snapshots')).toBe(result.snapshots);
    expect(await count('posts')).toBe(result.posts);
    expect(await count('post_metrics')).toBe(result.posts);
    expect([...phases]).toEqual(['prepare', 'accounts', 'commit']);
    expect(await demoLoaded(db)).toBe(true);
    const setting = await db.kysely.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirstOrThrow();
    expect(JSON.parse(setting.value)).toMatchObject({ scale: 0.05, seed: 3, today: TODAY });

    const rows = await db.kysely
      .selectFrom('audience_snapshots as s')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .innerJoin('organizations as o', 'o.id', 'a.organization_id')
      .select(['s.date', 'a.platform', 's.followers'])
      .where('o.code', '=', 'BSN')
      .where('s.date', 'in', Object.keys(BSN_REPORTED))
      .execute();
    const found = Object.fromEntries(rows.map((r) => [`${r.date} ${r.platform}`, Number(r.followers)]));
    const expected = Object.fromEntries(
      Object.entries(BSN_REPORTED).flatMap(([date, values]) => Object.entries(values).map(([p, v]) => [`${date} ${p}`, v])),
    );
    expect(found).toEqual(expected);

    const team = await db.kysely
      .selectFrom('contacts as c')
      .innerJoin('groups as g', 'g.id', 'c.group_id')
      .innerJoin('team_members as t', 't.id', 'c.team_member_id')
      .select(['g.code', 't.name'])
      .execute();
    expect(team).toEqual([{ code: 'ISO', name: 'Rina Wulandari' }]);
  });

  it('refuses a database that is not empty, and replaces demo data when asked', async () => {
    const first = await loadDemo(db, { scale: 0.05, today: TODAY });
    await expect(loadDemo(db, { scale: 0.05, today: TODAY })).rejects.toThrow(/not empty/);
    const second = await loadDemo(db, { scale: 0.05, today: TODAY, replace: true });
    expect(second.posts).toBe(first.posts);
    expect(await count('posts')).toBe(first.posts);
    // The database still numbers new rows itself after the explicit ids of the load.
    const org = await db.kysely
      .insertInto('organizations')
      .values({ code: 'NEW', name: 'New body', country: null, timezone: 'UTC', languages: 'en', category: null, synthetic: 0, created_at: 'x', updated_at: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(org.id).toBe(first.organizations + 1);
  });

  it('leaves no demo rows behind when the load fails midway', async () => {
    await expect(loadDemo(db, { scale: 0.05, today: TODAY, failAfterRows: 5000 })).rejects.toThrow(/on purpose/);
    expect(await count('organizations')).toBe(0);
    expect(await count('posts')).toBe(0);
    expect(await demoLoaded(db)).toBe(false);
    // The database is usable afterwards: the next start simply loads again.
    const result = await loadDemo(db, { scale: 0.05, today: TODAY });
    expect(await count('organizations')).toBe(result.organizations);
  });
});
