import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps, type Deps } from './context.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { ACCOUNTS, importStrings, ORGS } from '../ingest/testing.ts';

let db: TestDb;
let deps: Deps;
beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
});
afterAll(async () => db.drop());

const SNAPSHOTS = 'platform;handle;date;followers;following\ninstagram;bsn_sni;2019-01-01;52300;\ninstagram;bsn_sni;2019-08-09;76670;12\n';
const POSTS = 'platform,handle,post_id,published_at,type,text,likes,comments,measured_at\ninstagram,bsn_sni,P1,2019-03-01T10:00:00Z,image,"Halo, dunia 🌏",10,2,2019-03-02T00:00:00Z\nx,bsn_sni,T1,2019-03-01T10:00:00+07:00,text,\'=1+1,5,,\n';

describe('importing generic templates', () => {
  it('adds, then changes nothing the second time', async () => {
    const files: [string, string][] = [['posts.csv', POSTS], ['snapshots.csv', SNAPSHOTS], ['accounts.csv', ACCOUNTS], ['organizations.csv', ORGS]];
    const first = await importStrings(deps, files);
    expect(first.rejected).toBe(false);
    expect(first.files.map((f) => f.counts)).toEqual([
      { organizations: { added: 2, updated: 0, unchanged: 0 } },
      { accounts: { added: 8, updated: 0, unchanged: 0 } },
      { snapshots: { added: 2, updated: 0, unchanged: 0 } },
      { posts: { added: 2, updated: 0, unchanged: 0 } },
    ]);
    const second = await importStrings(deps, files);
    expect(second.files.map((f) => f.counts)).toEqual([
      { organizations: { added: 0, updated: 0, unchanged: 2 } },
      { accounts: { added: 0, updated: 0, unchanged: 8 } },
      { snapshots: { added: 0, updated: 0, unchanged: 2 } },
      { posts: { added: 0, updated: 0, unchanged: 2 } },
    ]);
    expect(second.files.every((f) => f.previously_imported !== null)).toBe(true);
    const text = await db.kysely.selectFrom('posts').select('text').where('post_id', '=', 'T1').executeTakeFirstOrThrow();
    expect(text.text).toBe('=1+1');
  });
});
