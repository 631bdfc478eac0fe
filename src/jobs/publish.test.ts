// Publishing against the fake platform servers: each fault a platform can throw at a publish, and what
// the queue does with it. Time is this machine's plus an offset the tests move.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listComments } from '../actions/content.ts';
import { makeDeps, SYSTEM, type Deps } from '../actions/context.ts';
import { publishDue, type PassOptions } from '../actions/publishing-pass.ts';
import { settlePublication } from '../actions/publishing.ts';
import { loadTestSettings } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { findConnection } from '../db/queries/connections.ts';
import { claimDue, markPublishing, type PublicationRow } from '../db/queries/publishing.ts';
import { startFakes, type Fakes } from '../platforms/fakes.ts';
import { connectorsFromSettings } from '../platforms/registry.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { connectAccount, PUBLISH_SECRET, scheduleItem, seedPublishing, X_USER } from '../testing/publishing.ts';

let db: TestDb;
let fakes: Fakes;
let deps: Deps;
let offset = 0;
let seq = 0;

const clock = () => new Date(Date.now() + offset).toISOString();
const soon = () => new Date(Date.now() + offset + 1000).toISOString();
const pass = (o: Partial<PassOptions> = {}, d: Deps = deps) => publishDue(d, { worker: 'w1', leaseMs: 5000, settleDelayMs: 0, random: () => 0.5, ...o });

/** Schedules an item a second ahead and moves the clock past it. */
async function dueItem(texts: { facebook?: string; x?: string }): Promise<number> {
  const id = await scheduleItem(deps, { title: `item ${++seq}`, texts, at: soon() });
  offset += 2000;
  return id;
}

function rows(itemId: number): Promise<PublicationRow[]> {
  return db.kysely.withTables<{ publications: PublicationRow }>().selectFrom('publications').selectAll().where('item_id', '=', itemId).orderBy('platform').execute();
}

async function one(itemId: number, platform = 'x'): Promise<PublicationRow> {
  const r = (await rows(itemId)).find((p) => p.platform === platform);
  if (!r) throw new Error(`no ${platform} publication of ${itemId}`);
  return r;
}

const tweets = (text: string) => (fakes.x.user('example_std')?.tweets ?? []).filter((t) => t.text === text).length;
const fbPosts = (text: string) => (fakes.facebook.pages[0]?.posts ?? []).filter((p) => p.message === text).length;

async function itemStatus(id: number): Promise<string | undefined> {
  return (await db.kysely.withTables<{ content_items: { id: number; status: string } }>().selectFrom('content_items').select('status').where('id', '=', id).executeTakeFirst())?.status;
}

beforeAll(async () => {
  db = await createTestDb();
  fakes = await startFakes({ timeoutMs: 1000 });
  deps = { ...makeDeps(db, { secretKey: PUBLISH_SECRET, connectors: connectorsFromSettings(fakes.settings) }), now: clock };
  await seedPublishing(deps, fakes);
});
afterAll(async () => {
  await fakes.close();
  await db.drop();
});
beforeEach(() => {
  fakes.x.server.clearFaults();
  fakes.facebook.server.clearFaults();
  offset = 0;
});

describe('publishing at the scheduled time', () => {
  it('waits for the time, publishes each account once, links the posts and publishes the item', async () => {
    const id = await scheduleItem(deps, { title: 'webinar', texts: { facebook: 'Webinar mutu Jumat ini, 13.00 WIB.', x: 'Webinar mutu Jumat ini!' }, at: soon() });
    expect((await pass()).attempted).toBe(0);
    offset += 2000;
    const report = await pass();
    expect(report).toMatchObject({ attempted: 2, published: 2 });
    const [fb, x] = await rows(id);
    expect(fb).toMatchObject({ state: 'published', attempts: 1, settled_by: 'worker', permalink: expect.stringContaining('facebook.com/104512345678901/posts/') });
    expect(x).toMatchObject({ state: 'published', attempts: 1, permalink: expect.stringMatching(/^https:\/\/x\.com\/example_std\/status\/\d+$/) });
    expect(tweets('Webinar mutu Jumat ini!')).toBe(1);
    expect(fbPosts('Webinar mutu Jumat ini, 13.00 WIB.')).toBe(1);
    const posts = await db.kysely.withTables<{ posts: { content_item_id: number | null } }>().selectFrom('posts').select(['platform', 'post_id', 'content_item_id', 'type', 'text']).where('content_item_id', '=', id).orderBy('platform').execute();
    expect(posts).toEqual([
      { platform: 'facebook', post_id: fb?.external_post_id, content_item_id: id, type: 'text', text: 'Webinar mutu Jumat ini, 13.00 WIB.' },
      { platform: 'x', post_id: x?.external_post_id, content_item_id: id, type: 'text', text: 'Webinar mutu Jumat ini!' },
    ]);
    expect(await itemStatus(id)).toBe('published');
    expect((await pass()).attempted).toBe(0);
  });

  it('waits out a 429 until its Retry-After, then publishes', async () => {
    fakes.x.inject({ path: '/2/tweets', method: 'POST', status: 429, retryAfter: 120 });
    const id = await dueItem({ x: 'Kuis SNIzen minggu ini.' });
    await pass();
    const waiting = await one(id);
    expect(waiting).toMatchObject({ state: 'retry_wait', attempts: 1, error_kind: 'rate_limited' });
    expect(Date.parse(waiting.next_attempt_at) - Date.now()).toBeGreaterThan(115_000);
    offset += 60_000;
    expect((await pass()).attempted).toBe(0);
    offset += 70_000;
    await pass();
    expect(await one(id)).toMatchObject({ state: 'published', attempts: 2 });
    expect(tweets('Kuis SNIzen minggu ini.')).toBe(1);
  });

  it("holds an account's other due posts unsent once it is rate limited", async () => {
    fakes.x.inject({ path: '/2/tweets', method: 'POST', status: 429, retryAfter: 300 });
    const a = await scheduleItem(deps, { title: 'first', texts: { x: 'Antrean satu.' }, at: soon() });
    const b = await scheduleItem(deps, { title: 'second', texts: { x: 'Antrean dua.' }, at: soon() });
    offset += 2000;
    const sentBefore = fakes.x.server.requests.filter((r) => r.method === 'POST').length;
    await pass({ concurrency: 1 });
    expect(fakes.x.server.requests.filter((r) => r.method === 'POST').length - sentBefore).toBe(1);
    const [first, second] = [await one(a), await one(b)];
    expect(first).toMatchObject({ state: 'retry_wait', attempts: 1 });
    expect(second).toMatchObject({ state: 'retry_wait', attempts: 0, next_attempt_at: first.next_attempt_at, last_error: 'the account is rate limited; waiting unsent' });
  });

  it('retries a passing failure that sent nothing with backoff', async () => {
    // Graph's transient error on a 400 answer: the post was not made.
    fakes.facebook.inject({ path: '/feed', method: 'POST', status: 400, body: { error: { message: 'Please retry your request later.', type: 'OAuthException', code: 2, is_transient: true } } });
    const id = await dueItem({ facebook: 'Infografis sertifikasi produk.' });
    await pass();
    const r = await one(id, 'facebook');
    expect(r).toMatchObject({ state: 'retry_wait', error_kind: 'temporary' });
    // Half the 30 s step fixed, half random (0.5 here): 22.5 s after the attempt.
    expect(Date.parse(r.next_attempt_at) - Date.parse(clock())).toBeGreaterThan(22_000);
    expect(Date.parse(r.next_attempt_at) - Date.parse(clock())).toBeLessThanOrEqual(22_500);
    offset += 23_000;
    await pass();
    expect(await one(id, 'facebook')).toMatchObject({ state: 'published', attempts: 2 });
    expect(fbPosts('Infografis sertifikasi produk.')).toBe(1);
  });

  it('checks the platform after a 5xx on the write, finds nothing and publishes once', async () => {
    fakes.x.inject({ path: '/2/tweets', method: 'POST', status: 503 });
    const id = await dueItem({ x: 'Standar helm untuk mudik aman.' });
    await pass();
    expect(await one(id)).toMatchObject({ state: 'needs_check', error_kind: 'outcome_unknown' });
    await pass();
    expect(await one(id)).toMatchObject({ state: 'published', attempts: 2, checks: 1, settled_by: 'worker' });
    expect(tweets('Standar helm untuk mudik aman.')).toBe(1);
  });

  it('settles a timeout by looking at the platform, never by a blind retry', async () => {
    fakes.x.inject({ path: '/2/tweets', method: 'POST', delayMs: 1500 });
    const id = await dueItem({ x: 'Pameran mutu nasional dibuka hari ini.' });
    await pass();
    expect(await one(id)).toMatchObject({ state: 'needs_check', attempts: 1 });
    await new Promise((r) => setTimeout(r, 700)); // the fake finishes (or drops) the late request
    await pass();
    expect(await one(id)).toMatchObject({ state: 'published' });
    expect(tweets('Pameran mutu nasional dibuka hari ini.')).toBe(1);
  });

  it('finds the post after a connection reset mid-publish and records it without publishing again', async () => {
    fakes.x.inject({ path: '/2/tweets', method: 'POST', reset: true });
    fakes.facebook.inject({ path: '/feed', method: 'POST', reset: true });
    const id = await dueItem({ x: 'Selamat Hari Standar!', facebook: 'Selamat Hari Standar, SNIzen!' });
    await pass();
    expect((await rows(id)).map((r) => r.state)).toEqual(['needs_check', 'needs_check']);
    expect(tweets('Selamat Hari Standar!')).toBe(1);
    await pass();
    const [fb, x] = await rows(id);
    expect(x).toMatchObject({ state: 'published', attempts: 1, checks: 0, settled_by: 'lookup', external_post_id: fakes.x.user('example_std')?.tweets.find((t) => t.text === 'Selamat Hari Standar!')?.id });
    expect(fb).toMatchObject({ state: 'published', attempts: 1, settled_by: 'lookup' });
    expect(tweets('Selamat Hari Standar!')).toBe(1);
    expect(fbPosts('Selamat Hari Standar, SNIzen!')).toBe(1);
    expect(await itemStatus(id)).toBe('published');
  });

  it('fails a refused post and says why on the item', async () => {
    const existing = fakes.x.user('example_std')?.tweets.at(-1)?.text ?? '';
    const id = await dueItem({ x: existing });
    await pass();
    expect(await one(id)).toMatchObject({ state: 'failed', error_kind: 'rejected', last_error: 'x: You are not allowed to create a Tweet with duplicate content.' });
    expect((await listComments(SYSTEM, id, deps)).map((c) => c.body)).toEqual(['Not published on x @example_std: x: You are not allowed to create a Tweet with duplicate content.']);
    expect(await itemStatus(id)).toBe('scheduled');
  });

  it('refreshes an expired token once; a dead refresh token fails the row and flags the connection', async () => {
    fakes.x.tokens.expire('access');
    const a = await dueItem({ x: 'Token lama, token baru.' });
    await pass();
    expect(await one(a)).toMatchObject({ state: 'published', attempts: 1 });

    fakes.x.tokens.expire('access');
    fakes.x.tokens.expire('refresh');
    const b = await dueItem({ x: 'Tanpa token.' });
    await pass();
    expect(await one(b)).toMatchObject({ state: 'failed', error_kind: 'auth_expired' });
    const account = await db.kysely.selectFrom('accounts').select('id').where('platform', '=', 'x').executeTakeFirstOrThrow();
    expect(await findConnection(db.kysely, account.id)).toMatchObject({ status: 'expired', flagged_at: expect.any(String) });
    expect(tweets('Tanpa token.')).toBe(0);

    // Connected again, a person requeues it and the next pass publishes.
    await connectAccount(deps, 'x', 'example_std', { ...fakes.x.grant(), expiresAt: new Date(Date.now() + 7200_000).toISOString() });
    const row = await one(b);
    expect(await settlePublication(SYSTEM, row.id, { published: false }, deps)).toMatchObject({ state: 'queued', attempts: 0 });
    await pass();
    expect(await one(b)).toMatchObject({ state: 'published' });
    expect(tweets('Tanpa token.')).toBe(1);
  });

  it("takes over a dead worker's claims: unsent rows are queued again, the one in flight is looked up", async () => {
    const a = await dueItem({ x: 'Belum terkirim.' });
    const b = await dueItem({ x: 'Sedang terkirim.' });
    const claimed = await claimDue(db.kysely, 'dead', clock(), new Date(Date.now() + offset + 3000).toISOString(), 10);
    expect(claimed).toHaveLength(2);
    const inFlight = claimed.find((r) => r.item_id === b);
    if (!inFlight) throw new Error('no row of b');
    expect(await markPublishing(db.kysely, inFlight.id, 'dead', clock(), new Date(Date.now() + offset + 3000).toISOString(), '{"text":"Sedang terkirim."}')).toBe(true);
    // The dead worker's request reached X before it died.
    const adapter = deps.connectors?.adapter('x');
    await adapter?.publish?.({ handle: 'example_std', externalId: X_USER }, { access: { kind: 'owner', accessToken: fakes.x.grant().accessToken } }, { text: 'Sedang terkirim.' });
    expect((await pass({ worker: 'w2' })).attempted).toBe(0); // the lease still holds
    offset += 4000;
    const report = await pass({ worker: 'w2' });
    expect(report).toMatchObject({ requeued: 1, toCheck: 1, checked: 1, attempted: 1 });
    expect(await one(a)).toMatchObject({ state: 'published', attempts: 1, settled_by: 'worker' });
    expect(await one(b)).toMatchObject({ state: 'published', attempts: 1, settled_by: 'lookup' });
    expect(tweets('Belum terkirim.')).toBe(1);
    expect(tweets('Sedang terkirim.')).toBe(1);
  });

  it.runIf(loadTestSettings().database === 'postgres')('never publishes twice when two workers race on PostgreSQL', async () => {
    const texts = Array.from({ length: 24 }, (_, i) => `Balapan ${i + 1}`);
    const ids: number[] = [];
    for (const [i, text] of texts.entries()) ids.push(await scheduleItem(deps, { title: text, texts: i % 2 ? { x: text } : { facebook: text, x: `${text} (x)` }, at: soon() }));
    offset += 2000;
    const other = openDatabase(db.target);
    try {
      const deps2: Deps = { ...makeDeps(other, { secretKey: PUBLISH_SECRET, connectors: connectorsFromSettings(fakes.settings) }), now: clock };
      const [r1, r2] = await Promise.all([pass({ worker: 'w1', batchSize: 3, concurrency: 3 }), pass({ worker: 'w2', batchSize: 3, concurrency: 3 }, deps2)]);
      expect(r1.attempted + r2.attempted).toBe(36);
      expect(r1.attempted).toBeGreaterThan(0);
      expect(r2.attempted).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    for (const [i, text] of texts.entries()) {
      expect(tweets(i % 2 ? text : `${text} (x)`)).toBe(1);
      if (i % 2 === 0) expect(fbPosts(text)).toBe(1);
    }
    for (const id of ids) expect((await rows(id)).every((r) => r.state === 'published' && r.attempts === 1)).toBe(true);
  });
});
