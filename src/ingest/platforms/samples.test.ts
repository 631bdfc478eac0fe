// Each sample export of shared/platforms/exports imports with the figures read from the file itself.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps, type Deps } from '../../actions/context.ts';
import { createTestDb, type TestDb } from '../../testing/db.ts';
import { ACCOUNTS, importStrings, ORGS } from '../testing.ts';

const EXPORTS = resolve(import.meta.dirname, '../../../../shared/platforms/exports');
let db: TestDb;
let deps: Deps;

beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
  expect((await importStrings(deps, [['organizations.csv', ORGS], ['accounts.csv', ACCOUNTS]])).rejected).toBe(false);
});
afterAll(async () => db.drop());

const ACCOUNT: Record<string, string> = {
  facebook: 'facebook/kopisenjanusantara', instagram: 'instagram/kopisenja.id', youtube: 'youtube/kopisenja',
  x: 'x/kopisenja_id', tiktok: 'tiktok/kopisenja.id', linkedin: 'linkedin/kopi-senja',
};

async function load(name: string, platform: string) {
  const r = await importStrings(deps, [[name, readFileSync(resolve(EXPORTS, name))]], { account: ACCOUNT[platform], as_of: '2026-10-02' });
  expect(r.files[0]?.problems).toEqual([]);
  // The same file again changes nothing.
  const again = await importStrings(deps, [[name, readFileSync(resolve(EXPORTS, name))]], { account: ACCOUNT[platform], as_of: '2026-10-02' });
  for (const c of Object.values(again.files[0]?.counts ?? {})) expect(c).toMatchObject({ added: 0, updated: 0 });
  return r.files[0];
}

async function post(platform: string, postId: string) {
  const p = await db.kysely.selectFrom('posts').selectAll().where('platform', '=', platform).where('post_id', '=', postId).executeTakeFirstOrThrow();
  const ms = await db.kysely.selectFrom('post_metrics').selectAll().where('post_id', '=', p.id).execute();
  const m = ms[0];
  const counts = m ? Object.fromEntries(Object.entries(m).filter(([k, v]) => v !== null && k !== 'post_id' && k !== 'measured_at').map(([k, v]) => [k, Number(v)])) : null;
  return { published_at: p.published_at, type: p.type, text: p.text, measurements: ms.length, counts, measured_at: m?.measured_at };
}

async function followers(platform: string) {
  const rows = await db.kysely
    .selectFrom('audience_snapshots as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['s.date', 's.followers'])
    .where('a.platform', '=', platform)
    .orderBy('s.date')
    .execute();
  return rows.map((r) => [r.date, Number(r.followers)]);
}

describe('platform export samples', () => {
  it('Facebook per-post (UTF-8 BOM, multi-line caption, Jakarta time)', async () => {
    expect(await load('facebook-posts.csv', 'facebook')).toMatchObject({ kinds: ['facebook-posts'], counts: { posts: { added: 3 } } });
    const p = await post('facebook', '1176540293811245');
    expect(p).toMatchObject({ published_at: '2026-10-01T02:15:00.000Z', type: 'image', counts: { likes: 356, comments: 41, shares: 15, views: 18452, reach: 12390 } });
    expect(p.text).toContain('"Kopi Senja".\n\n#HariKopiNasional');
    expect(await post('facebook', '1181203949275530')).toMatchObject({ type: 'reel', text: expect.stringMatching(/^Di balik layar/) });
    expect(await post('facebook', '1183377102948811')).toMatchObject({ type: 'link', counts: { likes: 96, comments: 12, shares: 8 } });
  });

  it('Instagram per-post', async () => {
    expect(await load('instagram-posts.csv', 'instagram')).toMatchObject({ counts: { posts: { added: 3 } } });
    expect(await post('instagram', '18044512398761230')).toMatchObject({
      published_at: '2026-10-01T02:20:00.000Z', type: 'carousel', counts: { likes: 1188, comments: 64, shares: 97, saves: 211, views: 24310, reach: 15022 },
    });
    expect(await post('instagram', '18351209876543210')).toMatchObject({ type: 'reel', counts: { likes: 6120 } });
  });

  it('Meta per-metric follows (UTF-16LE, sep=, title line): read and checked, nothing stored', async () => {
    for (const [name, platform] of [['facebook-follows.csv', 'facebook'], ['instagram-follows.csv', 'instagram']] as const) {
      const f = await load(name, platform);
      expect(f).toMatchObject({ kinds: ['meta-daily-metric'], rows: 3, counts: {} });
      expect(f?.notes[0]).toMatch(/3 rows read and checked, nothing imported/);
    }
    const wrong = await importStrings(deps, [['instagram-follows.csv', readFileSync(resolve(EXPORTS, 'instagram-follows.csv'))]], { account: ACCOUNT.facebook });
    expect(wrong.files[0]?.problems[0]?.message).toMatch(/\(instagram\) but --account names a facebook account/);
  });

  it('Meta per-metric files with several blocks (title, header, rows; blank lines between) are read block by block', async () => {
    const two = 'sep=,\n"Alcance no Facebook"\n"Date","Primary"\n"2025-08-01T00:00:00","20"\n"2025-08-02T00:00:00","21"\n\n"Alcance do Instagram"\r\n"Date","Primary","Compare"\n"2025-08-01T00:00:00","7","5"\n';
    const ok = await importStrings(deps, [['Alcance.csv', two]], { account: ACCOUNT.facebook });
    expect(ok.files[0]).toMatchObject({ status: 'committed', kinds: ['meta-daily-metric'], counts: {}, problems: [] });
    expect(ok.files[0]?.notes[0]).toMatch(/3 rows read and checked, nothing imported/);
    // A bad row of the second block is still named by its row.
    const bad = await importStrings(deps, [['Alcance.csv', two.replace('"7"', '"7.5"')]], { account: ACCOUNT.facebook });
    expect(bad.files[0]?.problems).toMatchObject([{ row: 8, column: 'Primary', message: expect.stringMatching(/7\.5/) }]);
    // A lone line that does not title a block is checked as a row.
    const stray = await importStrings(deps, [['Alcance.csv', two.replace('\n\n"Alcance do Instagram"', '\n"stray"\n"Alcance do Instagram"')]], { account: ACCOUNT.facebook });
    expect(stray.files[0]?.problems).toMatchObject([{ row: 6 }]);
  });

  it('legacy Facebook Insights Post and Page data (two header rows, Pacific time)', async () => {
    expect(await load('facebook-legacy-posts.csv', 'facebook')).toMatchObject({ counts: { posts: { added: 2 } } });
    expect(await post('facebook', '883300112244556')).toMatchObject({ published_at: '2015-10-01T16:30:00.000Z', type: 'image', counts: { reach: 4120, impressions: 6210 } });
    expect(await post('facebook', '883912204455667')).toMatchObject({ type: 'video', counts: { reach: 9804, impressions: 14222 } });
    expect(await load('facebook-legacy-page.csv', 'facebook')).toMatchObject({ counts: { snapshots: { added: 3 } } });
    expect(await followers('facebook')).toEqual([['2015-10-01', 25410], ['2015-10-02', 25444], ['2015-10-03', 25503]]);
  });

  it('YouTube Table data (Total row skipped, leading-space id), Chart data and Totals', async () => {
    expect(await load('youtube-table-data.csv', 'youtube')).toMatchObject({ counts: { posts: { added: 3 } } });
    expect(await post('youtube', 'Vx7Kq2LmP0a')).toMatchObject({ published_at: '2026-09-25T17:00:00.000Z', type: 'video', counts: { views: 31877, impressions: 401220 } });
    expect(await post('youtube', '-q9TzR4wXy1')).toMatchObject({ counts: { views: 18903, impressions: 387905 } });
    expect(await post('youtube', '9kLmNoPqR3s')).toMatchObject({ type: 'short', counts: { views: 7434 } });
    expect(await load('youtube-chart-data.csv', 'youtube')).toMatchObject({ rows: 9, counts: { posts: { added: 0, unchanged: 3 } } });
    expect(await load('youtube-totals.csv', 'youtube')).toMatchObject({ kinds: ['youtube-totals'], rows: 3, counts: {} });
  });

  it('X legacy tweet activity, content and overview', async () => {
    expect(await load('x-tweet-activity-legacy.csv', 'x')).toMatchObject({ counts: { posts: { added: 2 } } });
    expect(await post('x', '1311489899997048832')).toMatchObject({ published_at: '2020-10-01T02:15:00.000Z', counts: { impressions: 5821, shares: 12, comments: 9, likes: 87 } });
    expect(await load('x-content.csv', 'x')).toMatchObject({ counts: { posts: { added: 3 } } });
    expect(await post('x', '2107308707726082051')).toMatchObject({ published_at: '2026-10-06T03:15:22.481Z', counts: { impressions: 12480, likes: 214, comments: 27, shares: 18, saves: 31 } });
    expect(await load('x-overview.csv', 'x')).toMatchObject({ rows: 3, counts: {} });
  });

  it('TikTok content, followers and overview (no year in dates)', async () => {
    expect(await load('tiktok-content.csv', 'tiktok')).toMatchObject({ counts: { posts: { added: 3 } } });
    expect(await post('tiktok', '7690539249263361099')).toMatchObject({
      published_at: '2026-09-28T11:00:03.000Z', type: 'video', measured_at: '2026-10-01T17:00:00.000Z', counts: { likes: 1287, comments: 64, shares: 93, views: 40215 },
    });
    expect(await load('tiktok-followers.csv', 'tiktok')).toMatchObject({ counts: { snapshots: { added: 3 } } });
    expect(await followers('tiktok')).toEqual([['2026-09-29', 5120], ['2026-09-30', 5147], ['2026-10-01', 5159]]);
    expect(await load('tiktok-overview.csv', 'tiktok')).toMatchObject({ rows: 3, counts: {} });
  });

  it('LinkedIn All posts, Metrics and New followers (note row above the header)', async () => {
    expect(await load('linkedin-content-posts.csv', 'linkedin')).toMatchObject({ counts: { posts: { added: 3 } } });
    expect(await post('linkedin', '7505453114197016577')).toMatchObject({ published_at: '2026-09-15T02:31:07.000Z', type: 'text', counts: { impressions: 3980, likes: 102, comments: 9, shares: 7 } });
    expect(await post('linkedin', '7505839313127473154')).toMatchObject({ type: 'video', counts: { views: 812 } });
    expect(await load('linkedin-content-metrics.csv', 'linkedin')).toMatchObject({ rows: 3, counts: {} });
    expect(await load('linkedin-followers-new.csv', 'linkedin')).toMatchObject({ rows: 3, counts: {} });
  });
});
