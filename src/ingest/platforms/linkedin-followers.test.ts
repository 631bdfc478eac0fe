// LinkedIn's followers export: six sheets (New followers plus five audience breakdowns) import as one workbook.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps, type Deps } from '../../actions/context.ts';
import { createTestDb, type TestDb } from '../../testing/db.ts';
import { ACCOUNTS, importStrings, ORGS } from '../testing.ts';

let db: TestDb;
let deps: Deps;

beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
  expect((await importStrings(deps, [['organizations.csv', ORGS], ['accounts.csv', ACCOUNTS]])).rejected).toBe(false);
});
afterAll(async () => db.drop());

async function workbook(breakdownTotal: string | number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const news = wb.addWorksheet('New followers');
  news.addRow(['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers']);
  news.addRow(['09/01/2026', 0, 4, 1, 5]);
  news.addRow(['09/02/2026', 0, 2, 0, 2]);
  for (const dimension of ['Location', 'Job function', 'Seniority', 'Industry', 'Company size']) {
    const ws = wb.addWorksheet(dimension);
    ws.addRow([dimension, 'Total followers']);
    ws.addRow(['Jakarta, Indonesia', breakdownTotal]);
    ws.addRow(['Bandung, Indonesia', 12]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('LinkedIn followers export', () => {
  it('reads all six sheets and stores nothing (daily new follows and breakdowns are not audience totals)', async () => {
    const r = await importStrings(deps, [['kopi-senja_followers_1727740800000.xlsx', await workbook(40)]], { account: 'linkedin/kopi-senja' });
    expect(r.rejected).toBe(false);
    expect(r.files[0]?.problems).toEqual([]);
  });

  it('rejects a breakdown sheet whose count is not a number, naming the sheet row and column', async () => {
    const r = await importStrings(deps, [['kopi-senja_followers_bad.xlsx', await workbook('many')]], { account: 'linkedin/kopi-senja' });
    expect(r.rejected).toBe(true);
    expect(r.files[0]?.problems).toContainEqual({ file: 'kopi-senja_followers_bad.xlsx', sheet: 'Location', row: 2, column: 'Total followers', message: 'many is not a number' });
  });
});
