// The same data on SQLite and on PostgreSQL gives the same figures (to 1e-9), through every path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { makeDeps, SYSTEM, type Deps } from './context.ts';
import { groupBenchmark, organizationMetricsReport } from './metrics.ts';
import { activityReport, bestTimesReport } from './analytics.ts';

function expectClose(a: unknown, b: unknown, path = '$'): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

describe('SQLite and PostgreSQL agree', () => {
  let lite: TestDb;
  let pg: TestDb;
  let dl: Deps;
  let dp: Deps;
  beforeAll(async () => {
    [lite, pg] = await Promise.all([createTestDb('sqlite'), createTestDb('postgres')]);
    for (const db of [lite, pg]) await loadDemo(db, { scale: 0.03, today: '2026-11-27' });
    dl = makeDeps(lite);
    dp = makeDeps(pg);
  }, 180_000);
  afterAll(async () => {
    await lite?.drop();
    await pg?.drop();
  });

  it('on an organisation metrics, every ER method', async () => {
    for (const er_method of ['mean', 'ratio', 'reach', 'impressions', 'views']) {
      const input = { org: 'BSN', from: '2025-01-01', to: '2025-12-31', er_method };
      expectClose(await organizationMetricsReport(SYSTEM, input, dl), await organizationMetricsReport(SYSTEM, input, dp));
    }
  });

  it('on a network benchmark and on analytics', async () => {
    const b = { group: 'ISO', platform: 'instagram', from: '2026-04-01', to: '2026-06-30' };
    expectClose(await groupBenchmark(SYSTEM, b, dl), await groupBenchmark(SYSTEM, b, dp));
    const a = { org: 'BSN', from: '2026-01-01', to: '2026-06-30', interval: 'week' };
    expectClose(await activityReport(SYSTEM, a, dl), await activityReport(SYSTEM, a, dp));
    expectClose(await bestTimesReport(SYSTEM, a, dl), await bestTimesReport(SYSTEM, a, dp));
  });
});
