// Publishing's use cases without a platform: the queue follows the planning workflow, a person settles
// what a worker could not, and the queue shows in the health check.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from './accounts.ts';
import { getContent, transitionContent, updateContent } from './content.ts';
import { makeDeps, SYSTEM, type Deps } from './context.ts';
import { checkHealth } from './health.ts';
import { createOrganization } from './organizations.ts';
import { enqueueItem, listPublications, postIdFromUrl, settlePublication } from './publishing.ts';
import { claimDue, markPublishing, moveHeld, type PublicationRow } from '../db/queries/publishing.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { FB_PAGE, scheduleItem, X_USER } from '../testing/publishing.ts';

let db: TestDb;
let deps: Deps;
let offset = 0;
const clock = () => new Date(Date.now() + offset).toISOString();
const inAMinute = () => new Date(Date.now() + offset + 60_000).toISOString();
const idle = { mode: 'none' as const, status: 'idle' as const, last_heartbeat: null };

function rows(itemId: number): Promise<PublicationRow[]> {
  return db.kysely.withTables<{ publications: PublicationRow }>().selectFrom('publications').selectAll().where('item_id', '=', itemId).orderBy('platform').execute();
}

beforeAll(async () => {
  db = await createTestDb();
  deps = { ...makeDeps(db), now: clock };
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'facebook', handle: 'examplestandards', owned: true, external_id: FB_PAGE }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'x', handle: 'example_std', owned: true, external_id: X_USER }, deps);
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  offset = 0;
  // Each test looks at its own item's rows; older items' rows are cleared so the queue figures add up.
  await db.kysely.withTables<{ publications: PublicationRow }>().deleteFrom('publications').execute();
});

describe('the queue follows planning', () => {
  it('enqueues one publication per account when an item is scheduled, never twice', async () => {
    const at = inAMinute();
    const id = await scheduleItem(deps, { title: 'launch', texts: { facebook: 'Peluncuran SNI baru.', x: 'SNI baru!' }, at });
    const before = await rows(id);
    expect(before.map((r) => [r.platform, r.state, r.due_at, r.next_attempt_at, r.attempts])).toEqual([['facebook', 'queued', at, at, 0], ['x', 'queued', at, at, 0]]);
    const item = await getContent(SYSTEM, id, deps);
    await enqueueItem(db.kysely, id, item.accounts, ['facebook', 'x'], inAMinute(), clock());
    expect(await rows(id)).toEqual(before);
  });

  it('cancels what has not started when scheduled content is edited, and enqueues it again when rescheduled', async () => {
    const id = await scheduleItem(deps, { title: 'edit me', texts: { facebook: 'Versi pertama.', x: 'Versi pertama!' }, at: inAMinute() });
    // One row is already on the wire when the edit comes.
    offset += 61_000;
    const [claimed] = await claimDue(db.kysely, 'w1', clock(), inAMinute(), 1);
    const other = (await rows(id)).find((r) => r.state === 'queued');
    if (!claimed || !other) throw new Error('expected one claimed and one queued row');
    expect(await markPublishing(db.kysely, claimed.id, 'w1', clock(), inAMinute(), '{"text":"Versi pertama!"}')).toBe(true);

    await updateContent(SYSTEM, id, { title: 'edited' }, deps);
    expect((await getContent(SYSTEM, id, deps)).status).toBe('in_review');
    const after = await rows(id);
    expect(after.find((r) => r.id === claimed.id)?.state).toBe('publishing');
    expect(after.find((r) => r.id === other.id)?.state).toBe('cancelled');

    // The in-flight one fails as refused; rescheduling puts both back with the new time.
    await moveHeld(db.kysely, claimed.id, 'w1', 'publishing', { state: 'failed', error_kind: 'rejected', last_error: 'duplicate', updated_at: clock() });
    await transitionContent(SYSTEM, id, { to: 'approved' }, deps);
    const at = inAMinute();
    await transitionContent(SYSTEM, id, { to: 'scheduled', scheduled_at: at }, deps);
    expect((await rows(id)).map((r) => [r.state, r.due_at, r.attempts, r.last_error])).toEqual([['queued', at, 0, null], ['queued', at, 0, null]]);
  });

  it('cancels the queue when a person marks the item published by hand', async () => {
    const id = await scheduleItem(deps, { title: 'by hand', texts: { x: 'Diposting manual.' }, at: inAMinute() });
    await transitionContent(SYSTEM, id, { to: 'published' }, deps);
    expect((await rows(id)).map((r) => r.state)).toEqual(['cancelled']);
  });
});

describe('settling by hand', () => {
  async function needingCheck(texts: { facebook?: string; x?: string }): Promise<{ id: number; rows: PublicationRow[] }> {
    const id = await scheduleItem(deps, { title: 'lost answer', texts, at: inAMinute() });
    offset += 61_000;
    for (const r of await claimDue(db.kysely, 'w1', clock(), inAMinute(), 10)) {
      await markPublishing(db.kysely, r.id, 'w1', clock(), inAMinute(), JSON.stringify({ text: texts.x ?? texts.facebook }));
      await moveHeld(db.kysely, r.id, 'w1', 'publishing', { state: 'needs_check', next_attempt_at: inAMinute(), error_kind: 'outcome_unknown', last_error: 'reset', updated_at: clock() });
    }
    return { id, rows: await rows(id) };
  }

  it('records a post a person found, links it, and publishes the item once all accounts are done', async () => {
    const { id, rows: [fb, x] } = await needingCheck({ facebook: 'Cek manual FB.', x: 'Cek manual X.' });
    if (!fb || !x) throw new Error('two rows expected');
    const v = await settlePublication(SYSTEM, x.id, { published: true, url: 'https://x.com/example_std/status/1994200000000000777' }, deps);
    expect(v).toMatchObject({ state: 'published', settled_by: 'person', external_post_id: '1994200000000000777', permalink: 'https://x.com/example_std/status/1994200000000000777' });
    expect((await getContent(SYSTEM, id, deps)).status).toBe('scheduled');
    await settlePublication(SYSTEM, fb.id, { published: true, url: `https://www.facebook.com/${FB_PAGE}/posts/122187000000000042` }, deps);
    const item = await getContent(SYSTEM, id, deps);
    expect(item.status).toBe('published');
    expect(item.transitions?.at(-1)).toMatchObject({ from: 'scheduled', to: 'published', action: 'publish', actor_id: 0 });
    const posts = await db.kysely.withTables<{ posts: { content_item_id: number | null } }>().selectFrom('posts').select(['platform', 'post_id']).where('content_item_id', '=', id).orderBy('platform').execute();
    expect(posts).toEqual([{ platform: 'facebook', post_id: `${FB_PAGE}_122187000000000042` }, { platform: 'x', post_id: '1994200000000000777' }]);
  });

  it('puts a publication back in the queue when a person says it was not published', async () => {
    const { rows: [x] } = await needingCheck({ x: 'Tidak terbit.' });
    if (!x) throw new Error('one row expected');
    const v = await settlePublication(SYSTEM, x.id, { published: false }, deps);
    expect(v).toMatchObject({ state: 'queued', attempts: 0, last_error: null });
    expect(Date.parse(v.next_attempt_at)).toBeLessThanOrEqual(Date.parse(clock())); // due at once
    await expect(settlePublication(SYSTEM, x.id, { published: false }, deps)).rejects.toThrow(/a queued publication cannot be settled by hand/);
    await expect(settlePublication(SYSTEM, 999_999, { published: false }, deps)).rejects.toThrow(/does not exist/);
    await expect(settlePublication(SYSTEM, x.id, { published: true, url: 'not a url' }, deps)).rejects.toThrow(/not valid/);
  });

  it('cancels instead of requeueing when the item is no longer scheduled', async () => {
    const { id, rows: [x] } = await needingCheck({ x: 'Sudah diubah.' });
    if (!x) throw new Error('one row expected');
    await updateContent(SYSTEM, id, { title: 'changed meanwhile' }, deps);
    expect(await settlePublication(SYSTEM, x.id, { published: false }, deps)).toMatchObject({ state: 'cancelled' });
  });
});

describe('reading the queue', () => {
  it("lists an organisation's publications by state and item, and counts them in the health check", async () => {
    await scheduleItem(deps, { title: 'later', texts: { facebook: 'Nanti.', x: 'Nanti!' }, at: inAMinute() });
    offset += 30_000;
    const soon = await scheduleItem(deps, { title: 'soon', texts: { x: 'Segera!' }, at: new Date(Date.now() + offset + 1000).toISOString() });
    offset += 2000;
    const all = await listPublications(SYSTEM, 'BSN', {}, deps);
    expect(all.items.map((p) => [p.item_title, p.account.platform, p.account.handle, p.state])).toEqual([
      ['later', 'facebook', 'examplestandards', 'queued'], ['later', 'x', 'example_std', 'queued'], ['soon', 'x', 'example_std', 'queued'],
    ]);
    expect((await listPublications(SYSTEM, 'BSN', { item: String(soon) }, deps)).items).toHaveLength(1);
    expect((await listPublications(SYSTEM, 'BSN', { state: 'failed,needs_check' }, deps)).items).toEqual([]);
    const page = await listPublications(SYSTEM, 'BSN', { limit: '2' }, deps);
    expect(page.items).toHaveLength(2);
    expect((await listPublications(SYSTEM, 'BSN', { cursor: page.next_cursor ?? '' }, deps)).items.map((p) => p.item_id)).toEqual([soon]);
    await expect(listPublications(SYSTEM, 'BSN', { state: 'sent' }, deps)).rejects.toThrow(/unknown state sent/);

    const health = await checkHealth(deps, idle);
    expect(health.publishing).toEqual({ due: 1, waiting: 2, publishing: 0, needs_check: 0, failed: 0, oldest_due_at: expect.any(String) });
  });
});

describe('postIdFromUrl', () => {
  it('reads the post id where the URL carries it', () => {
    expect(postIdFromUrl('x', 'https://x.com/a/status/123?s=20')).toBe('123');
    expect(postIdFromUrl('facebook', 'https://www.facebook.com/104/posts/987')).toBe('104_987');
    expect(postIdFromUrl('youtube', 'https://www.youtube.com/watch?v=dQ9x1ExAmPl')).toBe('dQ9x1ExAmPl');
    expect(postIdFromUrl('instagram', 'https://www.instagram.com/p/Cabc123/')).toBeNull();
  });
});
