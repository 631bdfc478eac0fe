// Excel 97-2003 workbooks (.xls): read like their XLSX originals, damaged and refused files rejected whole.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps, type Deps } from '../actions/context.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { SourceError, type Rec, type Table } from './records.ts';
import { ACCOUNTS, importStrings, ORGS } from './testing.ts';
import { xlsTables } from './xls.ts';
import { xlsxTables } from './xlsx.ts';

const DATA = resolve(import.meta.dirname, 'testdata/xls');
const file = (name: string) => readFileSync(resolve(DATA, name));

async function dump(tables: Table[]): Promise<{ name: string; rows: Rec[] }[]> {
  const out = [];
  for (const t of tables) {
    const rows: Rec[] = [];
    for await (const b of t.records.batches()) rows.push(...b);
    out.push({ name: t.name, rows });
  }
  return out;
}
const readXls = (name: string, bytes: Uint8Array = file(name)) => dump(xlsTables(name, bytes));

// --- A minimal BIFF8 workbook in a version 3 Compound File, for hand-made (and broken) cases. ---

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const rec = (type: number, data: number[]) => [...le16(type), ...le16(data.length), ...data];
const f64 = (v: number) => [...new Uint8Array(new Float64Array([v]).buffer)];
const utf16 = (s: string) => [...s].flatMap((c) => [...new Uint8Array(new Uint16Array([...c].flatMap((x) => (x.length > 1 ? [x.charCodeAt(0), x.charCodeAt(1)] : [x.charCodeAt(0)])).map((u) => u)).buffer)]);
const units = (s: string) => {
  const u: number[] = [];
  for (let i = 0; i < s.length; i++) u.push(...le16(s.charCodeAt(i)));
  return u;
};
const bof = (dt: number, vers = 0x0600) => rec(0x0809, [...le16(vers), ...le16(dt), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const EOF = rec(0x000a, []);

interface BookParts {
  globals?: number[][];
  sst?: number[][]; // SST data then CONTINUE data
  cells: number[][];
  sheetName?: string;
  version?: number;
}

function workbook(p: BookParts): number[] {
  const sst = p.sst ? [rec(0x00fc, p.sst[0] ?? []), ...p.sst.slice(1).map((c) => rec(0x003c, c))].flat() : [];
  const name = p.sheetName ?? 'Sheet1';
  const boundsheet = (offset: number) => rec(0x0085, [...le32(offset), 0, 0, name.length, 0, ...[...name].map((c) => c.charCodeAt(0))]);
  const xfs = [rec(0x00e0, [0, 0, 0, 0, ...new Array(16).fill(0)]), rec(0x00e0, [0, 0, ...le16(14), ...new Array(16).fill(0)]), rec(0x00e0, [0, 0, ...le16(164), ...new Array(16).fill(0)])];
  const format = rec(0x041e, [...le16(164), ...le16(10), 0, ...[...'dd/mm/yyyy'].map((c) => c.charCodeAt(0))]);
  const head = [...bof(5, p.version), ...(p.globals ?? []).flat(), ...format, ...xfs.flat()];
  const offset = head.length + boundsheet(0).length + sst.length + EOF.length;
  return [...head, ...boundsheet(offset), ...sst, ...EOF, ...bof(0x10, p.version), ...p.cells.flat(), ...EOF];
}

/** A version 3 Compound File: header, one FAT sector, one directory sector, then the stream. */
function compound(stream: number[], name = 'Workbook'): Uint8Array {
  const data = new Uint8Array(Math.max(4096, Math.ceil(stream.length / 512) * 512));
  data.set(stream);
  const n = data.length / 512;
  const out = new Uint8Array(512 * (3 + n));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // FAT sectors
  v.setUint32(0x30, 1, true); // first directory sector
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true);
  v.setUint32(fat + 4, 0xfffffffe, true);
  for (let i = 0; i < n; i++) v.setUint32(fat + (2 + i) * 4, i === n - 1 ? 0xfffffffe : 3 + i, true);
  const dir = 1024;
  const entry = (i: number, nm: string, type: number, child: number, start: number, size: number) => {
    const o = dir + i * 128;
    [...nm].forEach((c, j) => v.setUint16(o + j * 2, c.charCodeAt(0), true));
    v.setUint16(o + 0x40, (nm.length + 1) * 2, true);
    out[o + 0x42] = type;
    v.setUint32(o + 0x44, 0xffffffff, true);
    v.setUint32(o + 0x48, 0xffffffff, true);
    v.setUint32(o + 0x4c, child, true);
    v.setUint32(o + 0x74, start, true);
    v.setUint32(o + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, 1, 0xfffffffe, 0);
  entry(1, name, 2, 0xffffffff, 2, data.length);
  entry(2, '', 0, 0xffffffff, 0, 0);
  entry(3, '', 0, 0xffffffff, 0, 0);
  out.set(data, 512 * 3);
  return out;
}

const labelsst = (row: number, col: number, i: number) => rec(0x00fd, [...le16(row), ...le16(col), ...le16(0), ...le32(i)]);
const number = (row: number, col: number, v: number, xf = 0) => rec(0x0203, [...le16(row), ...le16(col), ...le16(xf), ...f64(v)]);
const simple = (cells: number[][], extra: Partial<BookParts> = {}) => compound(workbook({ cells, ...extra }));

function rejects(name: string, bytes: Uint8Array, message: RegExp): void {
  let err: unknown;
  try {
    xlsTables(name, bytes);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SourceError);
  expect((err as Error).message).toMatch(message);
}

describe('.xls fixtures read like their XLSX originals', () => {
  it.each(['types', 'linkedin-content', 'linkedin-followers', 'snapshots', 'date1904'])('%s.xls', async (name) => {
    const xls = await readXls(`${name}.xls`);
    expect(xls).toEqual(await dump(await xlsxTables(`${name}.xlsx`, file(`${name}.xlsx`))));
    expect(xls.length).toBeGreaterThan(0);
  });

  it('types.xls: numbers, dates, booleans, formula results, long strings over CONTINUE records, Indonesian and emoji', async () => {
    const [types, empty, last] = await readXls('types.xls');
    const row = (k: string) => types?.rows.find((r) => r.cells?.[0] === k)?.cells;
    expect(row('integer')).toEqual(['integer', '42', '-7']);
    expect(row('decimal')).toEqual(['decimal', '3.14159', '0.0354']);
    expect(row('large')).toEqual(['large', '123456789012', '1e-7']);
    expect(row('date')).toEqual(['date', '2026-09-15', '1900-03-01']);
    expect(row('datetime')).toEqual(['datetime', '2026-09-15T10:30:00.000Z', '1899-12-30T18:00:00.000Z']);
    expect(row('boolean')).toEqual(['boolean', 'true', 'false']);
    expect(row('formula')).toEqual(['formula', '84', 'integer!']);
    expect(row('formula2')).toEqual(['formula2', 'true', '#DIV/0!']);
    expect(row('formula date')).toEqual(['formula date', '2026-09-16', '21']);
    expect(row('emoji')).toEqual(['emoji', 'Kopi ☕ enak sekali 😀🇮🇩', '👩🏽‍💻']);
    expect(row('gap')).toEqual(['gap', '', 'third']);
    const long = row('long unicode')?.[1] ?? '';
    expect(long.length * 2).toBeGreaterThan(8224);
    expect(long.startsWith('Selamat pagi, Nusantara!')).toBe(true);
    expect(long.match(/😀/g)).toHaveLength(40);
    expect(row('long ascii')?.[1]).toBe('abcdefghij'.repeat(850));
    expect(types?.rows.find((r) => r.cells?.[0] === 'after empty row')?.row).toBe(17);
    expect(empty).toEqual({ name: 'Kosong', rows: [] });
    expect(last).toEqual({ name: 'Last', rows: [{ row: 1, cells: ['x'] }] });
  });

  it('date1904.xls: the 1904 date system', async () => {
    expect(await readXls('date1904.xls')).toEqual([{ name: 'Dates', rows: [{ row: 1, cells: ['date', '2026-09-15'] }, { row: 2, cells: ['datetime', '2026-09-15T10:30:00.000Z'] }] }]);
  });
});

describe('BIFF8 records', () => {
  it('shared strings split over CONTINUE records, each segment with its own compression flag; rich text and phonetic data skipped', async () => {
    const sst = [
      [
        ...le32(3), ...le32(3),
        // 1: "abc" compressed, then in the CONTINUE "déf😀" uncompressed
        ...le16(8), 0x00, 0x61, 0x62, 0x63,
      ],
      [
        0x01, ...units('déf😀'),
        // 2: rich (2 runs) and extended (6 bytes), compressed "Rich"; the runs run on into the next CONTINUE
        ...le16(4), 0x0c, ...le16(2), ...le32(6), 0x52, 0x69, 0x63, 0x68, 1, 0, 0, 0, 2, 0,
      ],
      [
        0, 0, 0, 0, 0, 0, 0, 0,
        // 3: uncompressed, then compressed in the next CONTINUE
        ...le16(4), 0x01, ...units('Ω'),
      ],
      [0x00, 0x78, 0x79, 0x7a],
    ];
    const cells = [labelsst(0, 0, 0), labelsst(0, 1, 1), labelsst(0, 2, 2)];
    expect(await readXls('t.xls', simple(cells, { sst }))).toEqual([{ name: 'Sheet1', rows: [{ row: 1, cells: ['abcdéf😀', 'Rich', 'Ωxyz'] }] }]);
  });

  it('RK, MULRK, NUMBER with date formats, BOOLERR, FORMULA with a STRING result over a CONTINUE, LABEL, blanks', async () => {
    const rk = (v: number, flags: number) => ((v << 2) | flags) >>> 0;
    const rkFloat = (v: number) => new DataView(new Float64Array([v]).buffer).getUint32(4, true) & 0xfffffffc;
    const cells = [
      rec(0x027e, [0, 0, 0, 0, 0, 0, ...le32(rk(12345, 2))]),
      rec(0x027e, [0, 0, 1, 0, 0, 0, ...le32(rk(354, 3))]),
      rec(0x027e, [0, 0, 2, 0, 0, 0, ...le32(rkFloat(0.5))]),
      rec(0x00bd, [1, 0, 0, 0, 0, 0, ...le32(rk(-7, 2)), 1, 0, ...le32(rk(46280, 2)), 2, 0, ...le32(rk(46281, 2)), 2, 0]),
      number(2, 0, 46280.4375, 1),
      rec(0x0205, [2, 0, 1, 0, 0, 0, 1, 0]),
      rec(0x0205, [2, 0, 2, 0, 0, 0, 0x2a, 1]),
      rec(0x0006, [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]),
      rec(0x0207, [...le16(5), 0, 0x48, 0x61]),
      rec(0x003c, [0x01, ...units('lo!')]),
      rec(0x0006, [3, 0, 1, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]),
      rec(0x0006, [3, 0, 2, 0, 1, 0, ...f64(46280), 0, 0, 0, 0, 0, 0]),
      rec(0x0204, [4, 0, 1, 0, 0, 0, ...le16(3), 1, ...utf16('Ibu')]),
      rec(0x0201, [4, 0, 0, 0, 0, 0]),
      rec(0x00be, [5, 0, 0, 0, 0, 0, 0, 0, 1, 0]),
    ];
    expect(await readXls('t.xls', simple(cells))).toEqual([
      {
        name: 'Sheet1',
        rows: [
          { row: 1, cells: ['12345', '3.54', '0.5'] },
          { row: 2, cells: ['-7', '2026-09-15', '2026-09-16'] },
          { row: 3, cells: ['2026-09-15T10:30:00.000Z', 'true', '#N/A'] },
          { row: 4, cells: ['Halo!', '', '2026-09-15'] },
          { row: 5, cells: ['', 'Ibu'] },
        ],
      },
    ]);
  });
});

describe('damaged and refused .xls files are SourceErrors naming the file', () => {
  const good = simple([number(0, 0, 1)]);
  const valid = () => good.slice();

  it('the hand-made workbook itself reads', async () => {
    expect(await readXls('ok.xls', good)).toEqual([{ name: 'Sheet1', rows: [{ row: 1, cells: ['1'] }] }]);
  });

  it('truncated anywhere: rejected or, when only unread parts are cut, read unchanged', async () => {
    for (const name of ['types.xls', 'linkedin-content.xls']) {
      const bytes = file(name);
      const whole = await readXls(name, bytes);
      let rejected = 0;
      for (let cut = 0; cut < bytes.length; cut += cut < 1024 ? 37 : 301) {
        try {
          expect(await readXls(name, bytes.subarray(0, cut))).toEqual(whole);
        } catch (err) {
          expect(err).toBeInstanceOf(SourceError);
          expect((err as Error).message).toMatch(new RegExp(`^${name.replace('.', '\\.')} is not a readable Excel 97-2003 workbook \\(\\.xls\\): `));
          rejected++;
        }
      }
      expect(rejected).toBeGreaterThan(20);
    }
    rejects('short.xls', good.subarray(0, 300), /shorter than 512 bytes/);
    rejects('cut.xls', good.subarray(0, 512 * 4), /chain is longer than the file|but the file holds only/);
  });

  it('a FAT cycle, absurd sector counts and sizes, a directory loop', () => {
    const cycle = valid();
    new DataView(cycle.buffer).setUint32(512 + 5 * 4, 2, true); // sector 5 -> 2
    rejects('cycle.xls', cycle, /chain loops back to sector 2/);
    const selfLoop = valid();
    new DataView(selfLoop.buffer).setUint32(512 + 4, 1, true); // directory sector points to itself
    rejects('dir.xls', selfLoop, /directory chain loops/);
    for (const [at, what] of [[0x2c, 'FAT'], [0x48, 'DIFAT'], [0x40, 'miniFAT']] as const) {
      const b = valid();
      new DataView(b.buffer).setUint32(at, 0x7fffffff, true);
      rejects('absurd.xls', b, new RegExp(`claims 2147483647 ${what} sectors but the file holds only`));
    }
    const size = valid();
    new DataView(size.buffer).setUint32(1024 + 128 + 0x78, 0xfffffff0, true);
    rejects('size.xls', size, /claims 4294967280 bytes but its sectors hold 4096/);
    const start = valid();
    new DataView(start.buffer).setUint32(1024 + 128 + 0x74, 0x7ffffff0, true);
    rejects('start.xls', start, /outside the allocation table/);
    const tree = valid();
    new DataView(tree.buffer).setUint32(1024 + 128 + 0x44, 1, true); // Workbook's left sibling is itself
    rejects('tree.xls', tree, /directory tree loops/);
  });

  it('damaged BIFF records name the record offset', () => {
    const long = compound([...workbook({ cells: [] }).slice(0, -4), ...le16(0x0203), ...le16(9000)]);
    rejects('long.xls', long, /a record claims 9000 bytes.*\(record at byte \d+ of the Workbook stream\)/);
    rejects('sst.xls', simple([labelsst(0, 0, 5)], { sst: [[...le32(1), ...le32(1), ...le16(1), 0, 0x61]] }), /cell A1 of sheet Sheet1 refers to shared string 6 but the table holds 1 \(record at byte \d+/);
    rejects('sst2.xls', simple([], { sst: [[...le32(1), ...le32(1), ...le16(50), 0, 0x61]] }), /shared-string table ends inside string 1/);
    rejects('col.xls', simple([number(0, 300, 1)]), /column 301/);
    rejects('mulrk.xls', simple([rec(0x00bd, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0])]), /MULRK record has a wrong length/);
    rejects('short-rec.xls', simple([rec(0x0203, [0, 0, 0, 0])]), /too short/);
    const noEof = workbook({ cells: [] }).slice(0, -4);
    rejects('noeof.xls', compound(noEof), /sheet Sheet1 has no EOF record|ends inside a record header/);
    rejects('nosheet.xls', compound(workbook({ cells: [] }).slice(0, 80)), /no EOF record|ends inside/);
  });

  it('refuses encrypted workbooks, Excel 5.0/95 and older, and other Office files with what to do', () => {
    rejects('secret.xls', simple([number(0, 0, 1)], { globals: [rec(0x002f, [1, 0, 1, 0, 1, 0])] }), /^secret\.xls: it is a password-protected \(encrypted\) workbook: .*remove the password/);
    rejects('old.xls', simple([], { version: 0x0500 }), /^old\.xls: it is an Excel 5\.0\/95 workbook \(BIFF5\/BIFF7\).*save it as an Excel Workbook \(\.xlsx\)/);
    rejects('book.xls', compound(workbook({ cells: [] }), 'Book'), /Excel 5\.0\/95 workbook/);
    rejects('enc.xlsx', compound([1, 2, 3], 'EncryptedPackage'), /password-protected/);
    rejects('letter.doc', compound([1, 2, 3], 'WordDocument'), /without a Workbook stream/);
    rejects('biff4.xls', compound([...rec(0x0409, [0, 0, 0x10, 0]), ...EOF]), /Excel 2\.x-4\.0 workbook/);
  });

  it('random damage never crashes or hangs: a SourceError or a read', async () => {
    const base = file('linkedin-content.xls');
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const b = Uint8Array.from(base);
      for (let k = 0, n = 1 + rand(8); k < n; k++) b[rand(b.length)] = rand(256);
      try {
        await readXls('fuzz.xls', b);
      } catch (err) {
        expect(err).toBeInstanceOf(SourceError);
      }
    }
  });
});

describe('importing .xls files', () => {
  let db: TestDb;
  let deps: Deps;
  beforeAll(async () => {
    db = await createTestDb();
    deps = makeDeps(db);
    expect((await importStrings(deps, [['organizations.csv', ORGS], ['accounts.csv', ACCOUNTS]])).rejected).toBe(false);
  });
  afterAll(async () => db.drop());

  const everything = () =>
    Promise.all(['organizations', 'accounts', 'audience_snapshots', 'posts', 'post_metrics'].map((t) => db.kysely.selectFrom(t as 'posts').selectAll().execute().then((rows) => rows.map((r) => JSON.stringify(r)).sort())));
  const ACCOUNT = { account: 'linkedin/kopi-senja', as_of: '2026-10-02' };

  it.each(['linkedin-content', 'linkedin-followers', 'snapshots'])('%s.xls imports exactly as %s.xlsx (dry run through the same importer)', async (name) => {
    const options = name === 'snapshots' ? { dry_run: true } : { ...ACCOUNT, dry_run: true };
    const [xls, xlsx] = await Promise.all([importStrings(deps, [[`${name}.xls`, file(`${name}.xls`)]], options), importStrings(deps, [[`${name}.xlsx`, file(`${name}.xlsx`)]], options)]);
    const strip = (f: (typeof xls.files)[number] | undefined) => ({ ...f, file: undefined, notes: f?.notes.map((n) => n.replace(/\.xlsx?:/, ':')) });
    expect(xls.files[0]?.problems).toEqual([]);
    expect(strip(xls.files[0])).toEqual(strip(xlsx.files[0]));
  });

  it('the LinkedIn content and followers .xls import with --account like the CSV samples; the XLSX originals then change nothing', async () => {
    const content = await importStrings(deps, [['kopi-senja_content_1759300000000.xls', file('linkedin-content.xls')]], ACCOUNT);
    expect(content.files[0]).toMatchObject({ status: 'committed', kinds: ['linkedin-posts', 'linkedin-metrics'], rows: 6, counts: { posts: { added: 3 } }, problems: [] });
    expect(content.files[0]?.notes[0]).toMatch(/Metrics sheet holds daily figures.*3 rows read and checked/);
    const p = await db.kysely.selectFrom('posts').selectAll().where('platform', '=', 'linkedin').where('post_id', '=', '7505453114197016577').executeTakeFirstOrThrow();
    expect(p).toMatchObject({ published_at: '2026-09-15T02:31:07.000Z', type: 'text', text: expect.stringMatching(/^Kopi Senja Nusantara membuka gerai ke-12/) });
    const m = await db.kysely.selectFrom('post_metrics').selectAll().where('post_id', '=', p.id).executeTakeFirstOrThrow();
    expect([m.impressions, m.likes, m.comments, m.shares].map(Number)).toEqual([3980, 102, 9, 7]);
    const video = await db.kysely.selectFrom('posts').select(['id', 'type']).where('post_id', '=', '7505839313127473154').executeTakeFirstOrThrow();
    expect(video.type).toBe('video');
    const followers = await importStrings(deps, [['kopi-senja_followers_1759300000000.xls', file('linkedin-followers.xls')]], ACCOUNT);
    expect(followers.files[0]).toMatchObject({ status: 'committed', kinds: ['linkedin-new-followers'], rows: 3, counts: {}, problems: [] });
    const again = await importStrings(deps, [['linkedin-content.xlsx', file('linkedin-content.xlsx')]], ACCOUNT);
    expect(again.files[0]?.counts).toEqual({ posts: { added: 0, updated: 0, unchanged: 3 } });
    const missing = await importStrings(deps, [['linkedin-content.xls', file('linkedin-content.xls')]]);
    expect(missing.files[0]?.problems[0]?.message).toMatch(/pass --account linkedin\/HANDLE/);
  });

  it('broken and refused .xls files are rejected whole, leaving the database unchanged', async () => {
    const before = await everything();
    const bytes = file('linkedin-content.xls');
    const cases: [string, Uint8Array, RegExp][] = [
      ['cut-header.xls', bytes.subarray(0, 100), /not a readable Excel 97-2003 workbook.*shorter than 512 bytes/],
      ['cut-middle.xls', bytes.subarray(0, 4096), /not a readable Excel 97-2003 workbook/],
      ['cut-end.xls', bytes.subarray(0, bytes.length - 1536), /not a readable Excel 97-2003 workbook/],
      ['secret.xls', simple([number(0, 0, 1)], { globals: [rec(0x002f, [1, 0, 1, 0, 1, 0])] }), /password-protected/],
      ['old.xls', simple([], { version: 0x0500 }), /Excel 5\.0\/95/],
    ];
    const cycle = good();
    new DataView(cycle.buffer).setUint32(512 + 5 * 4, 2, true);
    cases.push(['cycle.xls', cycle, /chain loops back/]);
    for (const [name, content, message] of cases) {
      const r = await importStrings(deps, [[name, content]], ACCOUNT);
      expect(r.files[0]).toMatchObject({ status: 'rejected', problems: [{ file: name, message: expect.stringMatching(message) }] });
    }
    expect(await everything()).toEqual(before);
  });
  const good = () => simple([number(0, 0, 1)]);
});
