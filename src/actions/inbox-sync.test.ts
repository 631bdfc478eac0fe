import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorsOf } from '../db/queries/sync.ts';
import { startFakes, type Fakes } from '../platforms/fakes.ts';
import { connectorsFromSettings } from '../platforms/registry.ts';
import { accountIdOf, connectAccount } from '../testing/connections.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { createAccount } from './accounts.ts';
import { makeDeps, SYSTEM, type Deps } from './context.ts';
import { INBOX_STREAM, readInboxCursor } from './inbox-sync.ts';
import { listInbox } from './inbox.ts';
import { createOrganization } from './organizations.ts';
import { pdfText } from '../reports/look.ts';
import { buildReport } from './reports.ts';
import { runStream, syncAccount, syncDue } from './sync.ts';

const SECRET = 'e'.repeat(64);
const NOW = '2026-11-27T06:00:00.000Z';
const PAGE = '104512345678901';
let db: TestDb;
let fakes: Fakes;
let deps: Deps;

const accountId = (platform: string, handle: string): Promise<number> => accountIdOf(db, platform, handle);

const connect = (platform: string, handle: string, accessToken: string): Promise<void> => connectAccount(db, SECRET, NOW, platform, handle, { accessToken });

const entries = async () => (await listInbox(SYSTEM, 'BSN', { limit: 500 }, deps)).items;
const commentReads = () => fakes.facebook.server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).length;

beforeAll(async () => {
  db = await createTestDb();
  fakes = await startFakes({ timeoutMs: 1000 });
  deps = { ...makeDeps(db, { secretKey: SECRET, connectors: connectorsFromSettings(fakes.settings, 2) }), now: () => NOW };
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'facebook', handle: 'examplestandards', owned: true, external_id: PAGE }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'x', handle: 'example_std', owned: true, external_id: '1234567890123456789' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'x', handle: 'peer_std', owned: false }, deps);
  await connect('facebook', 'examplestandards', fakes.facebook.pageToken());
  await connect('x', 'example_std', fakes.x.grant('example_std', 86_400).accessToken);
  await syncAccount(SYSTEM, 'facebook', 'examplestandards', deps);
});
afterAll(async () => {
  await fakes.close();
  await db.drop();
});

describe('inbox stream of the sync', () => {
  it('reads comments post by post; a failure mid-way resumes at the post it stopped on', async () => {
    const fb = await accountId('facebook', 'examplestandards');
    fakes.facebook.inject({ path: '/comments', method: 'GET', skip: 2, status: 500 });
    const before = commentReads();
    const first = await runStream(deps, fb, INBOX_STREAM, 'w1');
    expect(first).toMatchObject({ stream: 'inbox', status: 'failed', error_kind: 'temporary', inbox_added: 0 });
    // The newest two posts (18 and 4 comments) were stored before the failure.
    expect(await entries()).toHaveLength(22);
    const cursor = readInboxCursor((await cursorsOf(db.kysely, fb)).find((c) => c.stream === INBOX_STREAM)?.cursor ?? null);
    expect(cursor).toMatchObject({ phase: 'comments', post: { post_id: '104512345678901_122187555500099887' }, page: null });
    expect(commentReads() - before).toBe(3);

    const second = await runStream(deps, fb, INBOX_STREAM, 'w2');
    expect(second).toMatchObject({ status: 'done', inbox_added: 29 });
    expect(commentReads() - before).toBe(3 + 3);
    const all = await entries();
    expect(all).toHaveLength(51);
    expect(all[0]).toMatchObject({ org: 'BSN', platform: 'facebook', handle: 'examplestandards', kind: 'comment', status: 'open', post_id: expect.stringMatching(/^104512345678901_/), author_name: expect.stringMatching(/^Visitor/), assignee: null, replies: [] });
    const done = readInboxCursor((await cursorsOf(db.kysely, fb)).find((c) => c.stream === INBOX_STREAM)?.cursor ?? null);
    expect(done).toEqual({ phase: 'comments', post: null, page: null, lastDone: NOW });
    expect(Date.parse(second.next_run_at ?? '') - Date.parse(NOW)).toBe(3_600_000);

    // A second round stores nothing twice.
    expect(await runStream(deps, fb, INBOX_STREAM, 'w3')).toMatchObject({ status: 'done', inbox_added: 0 });
    expect(await entries()).toHaveLength(51);
  });

  it("records the Page's own answers written on Facebook as replies, not as entries", async () => {
    const post = fakes.facebook.pages[0]?.posts[1];
    const asked = post?.comments[0];
    post?.comments.push({ id: 'page_answer_1', from: 'Example Standards Agency', from_id: PAGE, parent: asked?.id ?? '', message: 'Terima kasih atas pertanyaannya!', created_time: '2026-11-24T05:05:00+0000' });
    const r = await runStream(deps, await accountId('facebook', 'examplestandards'), INBOX_STREAM, 'w4');
    expect(r).toMatchObject({ status: 'done', inbox_added: 0 });
    const entry = (await entries()).find((e) => e.external_id === asked?.id);
    expect(entry).toMatchObject({ first_reply_at: '2026-11-24T05:05:00.000Z', replies: [{ via: 'platform', state: 'sent', external_id: 'page_answer_1', sent_at: '2026-11-24T05:05:00.000Z' }] });
    expect((await entries()).some((e) => e.external_id === 'page_answer_1')).toBe(false);
  });

  it('reads mentions on X (no comments there), within the worker pass, only for owned connected accounts', async () => {
    fakes.x.user('peer_std')?.tweets.push({ id: '1994000000000000777', text: '@example_std kapan webinar berikutnya?', created_at: '2026-11-26T10:00:00.000Z', in_reply_to: '1993871234567890123', metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 } });
    const reports = await syncDue(deps, 'w5');
    const inbox = reports.filter((r) => r.stream === 'inbox');
    expect(inbox.map((r) => r.account_id).sort()).toEqual([await accountId('x', 'example_std')]);
    expect(inbox[0]).toMatchObject({ status: 'done', inbox_added: 1 });
    const mention = (await listInbox(SYSTEM, 'BSN', { account: 'x/example_std' }, deps)).items;
    expect(mention).toEqual([expect.objectContaining({ kind: 'mention', author_handle: 'peer_std', text: '@example_std kapan webinar berikutnya?', received_at: '2026-11-26T10:00:00.000Z', post_id: null })]);
    expect((await cursorsOf(db.kysely, await accountId('x', 'peer_std'))).map((c) => c.stream)).not.toContain('inbox');
  });

  it('skips an owned account whose connection is gone', async () => {
    const x = await accountId('x', 'example_std');
    await db.kysely.withTables<{ connections: { account_id: number; status: string } }>().updateTable('connections').set({ status: 'revoked' }).where('account_id', '=', x).execute();
    const r = await runStream(deps, x, INBOX_STREAM, 'w6');
    expect(r).toMatchObject({ status: 'skipped', error: expect.stringContaining('not connected') });
    await db.kysely.withTables<{ connections: { account_id: number; status: string } }>().updateTable('connections').set({ status: 'active' }).where('account_id', '=', x).execute();
  });

  it('reads LinkedIn comments under the page’s posts (the Community Management API)', async () => {
    await createAccount(SYSTEM, { org: 'BSN', platform: 'linkedin', handle: 'example-standards', owned: true, external_id: '10987654' }, deps);
    await connect('linkedin', 'example-standards', fakes.linkedin.grant().accessToken);
    await syncAccount(SYSTEM, 'linkedin', 'example-standards', deps);
    const r = await runStream(deps, await accountId('linkedin', 'example-standards'), INBOX_STREAM, 'w7');
    expect(r).toMatchObject({ status: 'done', inbox_added: 2 });
    const li = (await listInbox(SYSTEM, 'BSN', { account: 'linkedin/example-standards' }, deps)).items;
    expect(li.map((e) => [e.kind, e.text])).toEqual([['comment', 'Apakah ada webinar tahun ini?'], ['comment', 'Selamat Hari Standar Dunia!']]);
  });

  it('the evaluation pack carries the responsiveness figures, in HTML and PDF', async () => {
    // 51 Facebook and 2 LinkedIn comments and 1 mention in November; one comment answered on Facebook 60 minutes after it arrived.
    const params = { org: 'BSN', from: '2026-11-01', to: '2026-11-27', lang: 'en' };
    const html = (await buildReport(SYSTEM, { kind: 'evaluation', params, format: 'html' }, deps)).bytes.toString('utf8');
    expect(html).toContain('Responsiveness to comments and mentions');
    expect(html).toContain('We answered 1.9% of the comments and mentions received (1 of 54); the median time to a first reply was 60 minutes.');
    const pdf = await buildReport(SYSTEM, { kind: 'evaluation', params: { ...params, lang: 'id' }, format: 'pdf' }, deps);
    expect(pdfText(pdf.bytes).replace(/\s+/g, ' ')).toContain('Kecepatan menanggapi komentar');
  });
});
