// Exports of demo data say that their figures are synthetic, and still import back unchanged.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../demo/load.ts';
import { importStrings } from '../ingest/testing.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { makeDeps, SYSTEM, type Deps } from './context.ts';
import { exportData } from './exports.ts';

let db: TestDb;
let deps: Deps;
beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
  await loadDemo(db, { scale: 0.02, today: '2026-11-27' });
}, 120_000);
afterAll(async () => db.drop());

describe('exports of demo data', () => {
  it('carry a notice file (CSV) and a Notice sheet (XLSX) naming the synthetic organisations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-export-'));
    const csv = await exportData(SYSTEM, { format: 'csv', out: join(dir, 'csv'), org: 'BSN' }, deps);
    const notice = readFileSync(join(dir, 'csv', 'NOTICE.txt'), 'utf8');
    expect(csv.paths).toContain(join(dir, 'csv', 'NOTICE.txt'));
    expect(notice).toMatch(/synthetic demo data.*BSN/);
    expect(notice).toMatch(/Except BSN's follower counts on 2019-01-01 and 2019-08-09/);

    const file = join(dir, 'all.xlsx');
    await exportData(SYSTEM, { format: 'xlsx', out: file, org: 'BSN' }, deps);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['organizations', 'accounts', 'snapshots', 'posts', 'Notice']);

    // The notice is not data: the workbook imports back without a change.
    const again = await importStrings(deps, [['all.xlsx', readFileSync(file)]]);
    expect(again.rejected).toBe(false);
    for (const f of again.files) for (const c of Object.values(f.counts)) expect(c).toMatchObject({ added: 0, updated: 0 });
  }, 120_000);
});
