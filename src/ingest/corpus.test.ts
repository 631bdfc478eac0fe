// The broken-file corpus: each file is rejected whole, with the right row, column and reason.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps, type Deps } from '../actions/context.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { ACCOUNTS, importStrings, ORGS } from './testing.ts';

const DATA = resolve(import.meta.dirname, 'testdata');
let db: TestDb;
let deps: Deps;

beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
  const r = await importStrings(deps, [['organizations.csv', ORGS], ['accounts.csv', ACCOUNTS], ['snapshots.csv', 'platform,handle,date,followers\ninstagram,bsn_sni,2018-12-31,50000\n']]);
  expect(r.rejected).toBe(false);
});
afterAll(async () => db.drop());

/** Every row of every table the importer writes, to show a rejected file changed nothing. */
async function everything(): Promise<unknown[]> {
  const k = db.kysely;
  return Promise.all([
    k.selectFrom('organizations').selectAll().orderBy('id').execute(),
    k.selectFrom('accounts').selectAll().orderBy('id').execute(),
    k.selectFrom('groups').selectAll().orderBy('id').execute(),
    k.selectFrom('audience_snapshots').selectAll().orderBy('account_id').orderBy('date').execute(),
    k.selectFrom('posts').selectAll().orderBy('id').execute(),
    k.selectFrom('post_metrics').selectAll().orderBy('post_id').orderBy('measured_at').execute(),
  ]);
}

async function rejects(name: string, content: string | Uint8Array, options: Parameters<typeof importStrings>[2] = {}) {
  const before = await everything();
  const r = await importStrings(deps, [[name, content]], options);
  expect(r.rejected).toBe(true);
  expect(r.files[0]?.status).toBe('rejected');
  expect(await everything()).toEqual(before);
  return r.files[0]?.problems ?? [];
}

const file = (name: string) => readFileSync(resolve(DATA, name));

describe('broken files are rejected whole, naming row and column', () => {
  it.each([
    ['wrong-delimiter.snapshots.csv', 1, 'platform|handle|date|followers', /commas or semicolons/],
    ['missing-column.snapshots.csv', 1, 'followers', /required column is missing/],
    ['unknown-column.snapshots.csv', 1, 'likes', /unknown column/],
    ['unknown-platform.accounts.csv', 2, 'platform', /unknown platform myspace/],
    ['unknown-org.accounts.csv', 2, 'org', /organisation NOPE does not exist/],
    ['unknown-account.snapshots.csv', 3, 'handle', /no account instagram\/nobody_here/],
    ['impossible-date.snapshots.csv', 3, 'date', /2019-02-30 is not a possible date/],
    ['zoneless-timestamp.posts.csv', 3, 'published_at', /no time zone/],
    ['negative-count.snapshots.csv', 2, 'followers', /negative/],
    ['fractional-count.snapshots.csv', 2, 'followers', /not a whole number/],
    ['grouped-number.snapshots.csv', 2, 'followers', /grouping separator.*--locale id/],
    ['duplicate-key.snapshots.csv', 4, 'date', /appears earlier in this file/],
    ['truncated.snapshots.csv', 3, 'following', /4 cells but the header has 5/],
    ['fractional.snapshots.jsonl', 2, 'followers', /not a whole number/],
    ['broken.snapshots.jsonl', 2, '', /not valid JSON/],
  ])('%s: row %i, column %s', async (name, row, column, message) => {
    const problems = await rejects(name, file(name));
    expect(problems[0]).toMatchObject({ file: name, row, column, message: expect.stringMatching(message) });
  });

  it('an unterminated quote names the row where the quoted cell starts', async () => {
    const problems = await rejects('unterminated-quote.posts.csv', file('unterminated-quote.posts.csv'));
    expect(problems).toMatchObject([{ row: 3, message: expect.stringMatching(/quoted cell is never closed/) }]);
  });

  it('empty files and 0-byte workbooks', async () => {
    expect(await rejects('empty.snapshots.csv', file('empty.snapshots.csv'))).toMatchObject([{ row: 1, message: 'the file is empty' }]);
    expect(await rejects('zero-bytes.xlsx', file('zero-bytes.xlsx'))).toMatchObject([{ row: 1, message: expect.stringMatching(/empty/) }]);
    expect(await rejects('garbage.xlsx', 'PK\u0003\u0004 not really a zip')).toMatchObject([{ message: expect.stringMatching(/not a readable XLSX/) }]);
  });

  it('a file with the .xls signature is read as one, whatever its name (more in xls.test.ts)', async () => {
    // The Compound File signature of every Excel 97-2003 workbook, then filler.
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (const name of ['posts.xls', 'posts.csv']) {
      const problems = await rejects(name, xls);
      expect(problems).toEqual([{ file: name, row: 0, column: '', message: `${name} is not a readable Excel 97-2003 workbook (.xls): the Compound File header has a wrong byte-order mark` }]);
    }
  });

  it('an unrecognised file lists the kinds socialbench reads', async () => {
    const [p] = await rejects('unrecognised.csv', file('unrecognised.csv'));
    expect(p?.message).toMatch(/cannot tell what the file holds; socialbench reads: generic templates \(organizations, accounts, snapshots, posts\).*Meta Business Suite Facebook posts export.*YouTube Studio Table data.*TikTok Studio Content.*LinkedIn/);
  });

  it('Windows-1252 is read when declared, and suggested when not', async () => {
    const [p] = await rejects('windows-1252.organizations.csv', file('windows-1252.organizations.csv'));
    expect(p?.message).toMatch(/not valid UTF-8.*--encoding windows-1252/);
    const r = await importStrings(deps, [['windows-1252-ok.organizations.csv', file('windows-1252-ok.organizations.csv')]], { encoding: 'windows-1252' });
    expect(r.rejected).toBe(false);
    const org = await db.kysely.selectFrom('organizations').select('name').where('code', '=', 'CAFE').executeTakeFirstOrThrow();
    expect(org.name).toBe('Café Nusantara');
  });

  it('a grouped number is read with --locale id', async () => {
    const r = await importStrings(deps, [['grouped-number.snapshots.csv', file('grouped-number.snapshots.csv')]], { locale: 'id', dry_run: true });
    expect(r.files[0]).toMatchObject({ status: 'dry-run', counts: { snapshots: { added: 1 } } });
  });

  it('a bad row after thousands of good ones rejects the whole file', async () => {
    const lines = ['platform,handle,post_id,published_at,type,likes'];
    for (let i = 0; i < 12_000; i++) lines.push(`instagram,bsn_sni,G${i},2019-03-01T10:00:00Z,image,${i}`);
    lines.push('instagram,bsn_sni,BAD,2019-03-01T10:00:00Z,image,1.234');
    const problems = await rejects('late-error.posts.csv', lines.join('\n') + '\n');
    expect(problems).toMatchObject([{ row: 12_002, column: 'likes' }]);
  });

  it('stops listing problems after 50 and counts the rest', async () => {
    const lines = ['platform,handle,date,followers'];
    for (let i = 1; i <= 80; i++) lines.push(`instagram,bsn_sni,2019-01-${String((i % 28) + 1).padStart(2, '0')},x${i}`);
    const r = await importStrings(deps, [['many.snapshots.csv', lines.join('\n')]]);
    expect(r.files[0]?.problems).toHaveLength(50);
    expect(r.files[0]?.problem_count).toBe(80);
  });

  it('with --atomic one bad file rolls back the good ones', async () => {
    const before = await everything();
    const r = await importStrings(deps, [['good.snapshots.csv', 'platform,handle,date,followers\ninstagram,bsn_sni,2019-05-01,1\n'], ['impossible-date.snapshots.csv', file('impossible-date.snapshots.csv')]], { atomic: true });
    expect(r.files.map((f) => f.status)).toEqual(['not-run', 'rejected']);
    expect(await everything()).toEqual(before);
    const separate = await importStrings(deps, [['good.snapshots.csv', 'platform,handle,date,followers\ninstagram,bsn_sni,2019-05-01,1\n'], ['impossible-date.snapshots.csv', file('impossible-date.snapshots.csv')]], { dry_run: true });
    expect(separate.files.map((f) => f.status)).toEqual(['dry-run', 'rejected']);
    expect(await everything()).toEqual(before);
  });
});
