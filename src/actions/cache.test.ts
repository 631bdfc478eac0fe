import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { addSnapshot, seedSmallNetwork } from '../testing/fixtures.ts';
import { makeDeps, SYSTEM, type Deps } from './context.ts';
import { organizationMetricsReport } from './metrics.ts';

describe('result cache', () => {
  let db: TestDb;
  let deps: Deps;
  beforeAll(async () => {
    db = await createTestDb();
    deps = makeDeps(db);
    await seedSmallNetwork(deps);
  });
  afterAll(async () => db.drop());

  it('answers a repeated question from the cache and recomputes after any write', async () => {
    const input = { org: 'AAA', from: '2019-01-01', to: '2019-02-28' };
    const first = await organizationMetricsReport(SYSTEM, input, deps);
    expect(await organizationMetricsReport(SYSTEM, input, deps)).toBe(first);
    expect(first.platforms.instagram?.end).toBe(1100);
    await addSnapshot(deps, 'instagram', 'aaa_ig', '2019-02-20', 1234);
    const after = await organizationMetricsReport(SYSTEM, input, deps);
    expect(after).not.toBe(first);
    expect(after.platforms.instagram?.end).toBe(1234);
  });

  it('sees writes made through another connection (another process)', async () => {
    const input = { org: 'AAA', from: '2019-01-01', to: '2019-03-31' };
    const before = await organizationMetricsReport(SYSTEM, input, deps);
    const { openDatabase } = await import('../db/database.ts');
    const other = openDatabase(db.target);
    try {
      await addSnapshot(makeDeps(other), 'instagram', 'aaa_ig', '2019-03-15', 2000);
    } finally {
      await other.close();
    }
    const after = await organizationMetricsReport(SYSTEM, input, deps);
    expect(before.platforms.instagram?.end).toBe(1234);
    expect(after.platforms.instagram?.end).toBe(2000);
  });
});
