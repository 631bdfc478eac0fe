// The inbox for Instagram and YouTube accounts: comments (with replies) and tagged media arrive through the
// sync's inbox stream, YouTube's units are counted, and a reply goes out once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '../core/errors.ts';
import { quotaUsed } from '../db/queries/sync.ts';
import { startFakes, type Fakes } from '../platforms/fakes.ts';
import { connectorsFromSettings } from '../platforms/registry.ts';
import { accountIdOf, connectAccount } from '../testing/connections.ts';
import { quotaDay } from '../platforms/youtube/quota.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { createAccount } from './accounts.ts';
import { makeDeps, SYSTEM, type Deps } from './context.ts';
import { replyToEntry } from './inbox-reply.ts';
import { INBOX_STREAM } from './inbox-sync.ts';
import { listInbox, type InboxEntryView } from './inbox.ts';
import { createOrganization } from './organizations.ts';
import { runStream, syncAccount } from './sync.ts';

const SECRET = 'f'.repeat(64);
const NOW = '2026-11-27T06:00:00.000Z';
const IG_ID = '17841405822304914';
const CHANNEL = 'UCx1ExampleStdAgency000A';
let db: TestDb;
let fakes: Fakes;
let deps: Deps;

const accountId = (platform: string, handle: string): Promise<number> => accountIdOf(db, platform, handle);

const connect = (platform: string, handle: string, accessToken: string): Promise<void> => connectAccount(db, SECRET, NOW, platform, handle, { accessToken });

const entries = async (account: string): Promise<InboxEntryView[]> => (await listInbox(SYSTEM, 'BSN', { account, limit: 500 }, deps)).items;
const entry = async (account: string, externalId: string): Promise<InboxEntryView> => {
  const e = (await entries(account)).find((x) => x.external_id === externalId);
  if (!e) throw new Error(`no entry ${externalId}`);
  return e;
};
const unitsToday = () => quotaUsed(db.kysely, 'youtube', 'default', quotaDay(Date.now()));
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

beforeAll(async () => {
  db = await createTestDb();
  fakes = await startFakes({ timeoutMs: 1000 });
  deps = { ...makeDeps(db, { secretKey: SECRET, connectors: connectorsFromSettings(fakes.settings, 2) }), now: () => NOW };
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'instagram', handle: 'example_standards', owned: true, external_id: IG_ID }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'youtube', handle: 'examplestandards', owned: true, external_id: CHANNEL }, deps);
  await connect('instagram', 'example_standards', fakes.instagram.pageToken());
  await connect('youtube', 'examplestandards', fakes.youtube.grant(CHANNEL, 86_400).accessToken);
  await syncAccount(SYSTEM, 'instagram', 'example_standards', deps);
  await syncAccount(SYSTEM, 'youtube', 'examplestandards', deps);
});
afterAll(async () => {
  await fakes.close();
  await db.drop();
});

describe('inbox of Instagram and YouTube accounts', () => {
  it('Instagram: comments with their replies and the media the account is tagged in arrive; its own answer counts as its reply', async () => {
    const ig = await accountId('instagram', 'example_standards');
    expect(await runStream(deps, ig, INBOX_STREAM, 'w1')).toMatchObject({ stream: 'inbox', status: 'done', inbox_added: 10 });
    const all = await entries('instagram/example_standards');
    expect(all.map((e) => e.kind).sort()).toEqual(['comment', 'comment', 'comment', 'comment', 'mention', 'mention', 'reply', 'reply', 'reply', 'reply']);
    expect(await entry('instagram/example_standards', '17900000000000009')).toMatchObject({ kind: 'reply', parent_id: '17900000000000006', post_id: '18123456789012345', author_handle: 'agus.k', text: 'Mohon infonya min', received_at: '2026-11-24T12:15:00.000Z' });
    expect(await entry('instagram/example_standards', 'mention:17999100000000001')).toMatchObject({ kind: 'mention', post_id: null, author_handle: 'umkm_batik' });
    expect(await entry('instagram/example_standards', '17900000000000001')).toMatchObject({
      first_reply_at: '2026-11-26T05:00:00.000Z', replies: [{ via: 'platform', state: 'sent', external_id: '17900000000000002', text: 'Silakan dibagikan, terima kasih!' }],
    });
    expect(all.some((e) => e.external_id === '17900000000000002')).toBe(false);
    expect(await runStream(deps, ig, INBOX_STREAM, 'w2')).toMatchObject({ status: 'done', inbox_added: 0 });
  });

  it("YouTube: threads and their replies arrive a few calls per run, resuming where the run stopped, each call counted in the day's units", async () => {
    const yt = await accountId('youtube', 'examplestandards');
    const before = await unitsToday();
    // Five calls per run: the first video's threads and three pages of one thread's replies, then the second video.
    expect(await runStream(deps, yt, INBOX_STREAM, 'w3')).toMatchObject({ status: 'partial', inbox_added: 9 });
    expect(await unitsToday()).toBe(before + 5);
    // The third video has comments turned off: read as empty, and the round ends (YouTube has no mentions).
    expect(await runStream(deps, yt, INBOX_STREAM, 'w4')).toMatchObject({ status: 'done', inbox_added: 0 });
    expect(await unitsToday()).toBe(before + 6);
    const all = await entries('youtube/examplestandards');
    expect(all).toHaveLength(9);
    expect(await entry('youtube/examplestandards', 'UgzA1bSnIQuestion01AaABAg')).toMatchObject({
      kind: 'comment', post_id: 'dQ9x1ExAmPl', author_handle: 'wargasni', author_name: '@wargasni', replies: [{ via: 'platform', external_id: 'UgzA1bSnIQuestion01AaABAg.9RpOwn01' }],
    });
    expect(all.filter((e) => e.kind === 'reply' && e.parent_id === 'UgzB2SniThanks0002AaABAg')).toHaveLength(6);
  });

  it('Instagram replies go out once: to a comment under it, to a mention as a comment on that medium', async () => {
    const asked = await entry('instagram/example_standards', '17900000000000003');
    const r = await replyToEntry(SYSTEM, asked.id, { text: 'Pelatihan berikutnya bulan Januari.', mark_done: true }, deps);
    expect(r.reply).toMatchObject({ state: 'sent', via: 'socialbench', external_id: expect.any(String) });
    expect(r.entry).toMatchObject({ status: 'done', first_reply_at: NOW });
    const carousel = fakes.instagram.users[0]?.media[0]?.comments ?? [];
    expect(carousel.filter((c) => c.text === 'Pelatihan berikutnya bulan Januari.').map((c) => c.parent_id)).toEqual(['17900000000000003']);
    const mention = await entry('instagram/example_standards', 'mention:17999100000000001');
    expect((await replyToEntry(SYSTEM, mention.id, { text: 'Terima kasih sudah ber-SNI!' }, deps)).reply.state).toBe('sent');
    expect(fakes.instagram.users[0]?.tagged?.[0]?.comments.map((c) => c.text)).toEqual(['Terima kasih sudah ber-SNI!']);
    // The next sync sees our answer on Instagram: neither a new entry nor a second reply.
    expect(await runStream(deps, await accountId('instagram', 'example_standards'), INBOX_STREAM, 'w5')).toMatchObject({ status: 'done', inbox_added: 0 });
    expect((await entry('instagram/example_standards', '17900000000000003')).replies).toHaveLength(1);
  });

  it('a lost answer to a reply, filed by Instagram under the top-level comment, settles the reply entry itself', async () => {
    const asked = await entry('instagram/example_standards', '17900000000000007');
    fakes.instagram.inject({ reset: true, path: '/replies', method: 'POST' });
    expect((await replyToEntry(SYSTEM, asked.id, { text: 'Cek di laman resmi BSN ya.' }, deps)).reply.state).toBe('needs_check');
    const filed = (fakes.instagram.users[0]?.media[1]?.comments ?? []).filter((c) => c.text === 'Cek di laman resmi BSN ya.');
    expect(filed.map((c) => c.parent_id)).toEqual(['17900000000000006']);
    expect(await runStream(deps, await accountId('instagram', 'example_standards'), INBOX_STREAM, 'w7')).toMatchObject({ status: 'done', inbox_added: 0 });
    expect((await entry('instagram/example_standards', '17900000000000007')).replies).toEqual([expect.objectContaining({ state: 'sent', via: 'socialbench', external_id: filed[0]?.id })]);
    expect((await entry('instagram/example_standards', '17900000000000006')).replies).toEqual([]);
  });

  it('a YouTube reply whose answer is lost waits for a check, is never sent twice, and the next sync settles it', async () => {
    const asked = await entry('youtube/examplestandards', 'UgzC3HelmQuestion03AaABAg');
    const before = await unitsToday();
    fakes.youtube.inject({ reset: true, path: '/comments', method: 'POST' });
    const r = await replyToEntry(SYSTEM, asked.id, { text: 'Di toko resmi, cek tanda SNI.' }, deps);
    expect(r.reply).toMatchObject({ state: 'needs_check', external_id: null });
    expect(await unitsToday()).toBe(before + 50);
    expect(await caught(replyToEntry(SYSTEM, asked.id, { text: 'Di toko resmi, cek tanda SNI.' }, deps))).toBeInstanceOf(Conflict);
    const onYoutube = () => (fakes.youtube.channels[0]?.videos[1]?.threads?.[0]?.replies ?? []).filter((c) => c.text === 'Di toko resmi, cek tanda SNI.');
    expect(onYoutube()).toHaveLength(1);

    await runStream(deps, await accountId('youtube', 'examplestandards'), INBOX_STREAM, 'w6');
    const settled = await entry('youtube/examplestandards', 'UgzC3HelmQuestion03AaABAg');
    expect(settled.replies).toEqual([expect.objectContaining({ state: 'sent', via: 'socialbench', external_id: onYoutube()[0]?.id })]);
    expect(settled.first_reply_at).not.toBeNull();
    expect(onYoutube()).toHaveLength(1);
  });
});
