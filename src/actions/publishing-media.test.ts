// Publishing with media from the library: an Instagram item with an image is published once through the
// publishing pass, the fake downloading the image through the signed public link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createAccount } from './accounts.ts';
import { createContent, listComments, transitionContent } from './content.ts';
import { SYSTEM, type Deps } from './context.ts';
import { createOrganization } from './organizations.ts';
import { publishDue } from './publishing-pass.ts';
import type { PublicationRow } from '../db/queries/publishing.ts';
import { startFakes, type Fakes } from '../platforms/fakes.ts';
import { connectorsFromSettings } from '../platforms/registry.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { makeImage, makeMp4 } from '../testing/media.ts';
import { quotaUsed } from '../db/queries/sync.ts';
import { quotaDay } from '../platforms/youtube/quota.ts';
import { connectAccount, PUBLISH_SECRET } from '../testing/publishing.ts';

const IG_USER = '17841405822304914';
let t: TestApp;
let fakes: Fakes;
let offset = 0;
const clock = () => new Date(Date.now() + offset).toISOString();
const withBase = (base: string | undefined): Deps => ({ ...t.deps, now: clock, connectors: connectorsFromSettings({ ...fakes.settings, publicMediaBase: base }) });
const pass = (d: Deps) => publishDue(d, { worker: 'w1', leaseMs: 5000, settleDelayMs: 0, random: () => 0.5 });

async function rows(itemId: number): Promise<PublicationRow[]> {
  return t.db.kysely.withTables<{ publications: PublicationRow }>().selectFrom('publications').selectAll().where('item_id', '=', itemId).execute();
}

async function uploadJpeg(alt: string, side = 1080): Promise<{ id: number; bytes: number }> {
  return upload(await makeImage('jpeg', side, side), 'poster.jpg', alt);
}

async function upload(bytes: Uint8Array, name: string, alt?: string): Promise<{ id: number; bytes: number }> {
  const form = new FormData();
  if (alt) form.append('alt_text', alt);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  const res = await t.fetch('/api/organizations/BSN/media', { method: 'POST', body: form, headers: { cookie: t.cookie ?? '', 'x-csrf-token': t.csrf ?? '' } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; bytes: number };
}

/** An item with the given media on one account, scheduled a second ahead; the clock then moves past it. */
async function dueItem(d: Deps, title: string, text: string, media: number | unknown[], platform = 'instagram', extra: Record<string, unknown> = {}): Promise<number> {
  const handle = platform === 'youtube' ? 'examplestandards' : 'example_standards';
  const item = await createContent(SYSTEM, 'BSN', {
    title, status: 'draft', accounts: [{ platform, handle }],
    variants: [{ platform, text, media: typeof media === 'number' ? [{ media_id: media }] : media, ...extra }],
  }, d);
  for (const to of ['in_review', 'approved'] as const) await transitionContent(SYSTEM, item.id, { to }, d);
  await transitionContent(SYSTEM, item.id, { to: 'scheduled', scheduled_at: new Date(Date.now() + offset + 1000).toISOString() }, d);
  offset += 2000;
  return item.id;
}

beforeAll(async () => {
  t = await createTestApp();
  fakes = await startFakes({ timeoutMs: 1000 });
  t.deps.secretKey = PUBLISH_SECRET;
  t.deps.connectors = connectorsFromSettings({ ...fakes.settings, publicMediaBase: 'https://bench.example' });
  // The fake "downloads" through the app itself, without a session, as Instagram would over the internet.
  fakes.instagram.publishing.fetchMedia = (url) => {
    const u = new URL(url);
    expect(u.origin).toBe('https://bench.example');
    return t.fetch(`${u.pathname}${u.search}`);
  };
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, t.deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'instagram', handle: 'example_standards', owned: true, external_id: IG_USER }, t.deps);
  await connectAccount(t.deps, 'instagram', 'example_standards', { accessToken: fakes.instagram.pageToken() });
  await createAccount(SYSTEM, { org: 'BSN', platform: 'youtube', handle: 'examplestandards', owned: true, external_id: 'UCx1ExampleStdAgency000A' }, t.deps);
  await connectAccount(t.deps, 'youtube', 'examplestandards', { ...fakes.youtube.grant(), expiresAt: new Date(Date.now() + 3600_000).toISOString() });
});
afterAll(async () => {
  await fakes.close();
  await t.close();
});

describe('publishing an Instagram item with a library image', () => {
  it('publishes it once, the image fetched through the signed public URL', async () => {
    const d = withBase('https://bench.example');
    const image = await uploadJpeg('Poster Hari Standar Dunia');
    const id = await dueItem(d, 'world standards day', 'Selamat Hari Standar Dunia! #SNI', image.id);
    const report = await pass(d);
    expect(report).toMatchObject({ attempted: 1, published: 1 });
    const [row] = await rows(id);
    expect(row).toMatchObject({ state: 'published', settled_by: 'worker', error_kind: null });
    const made = fakes.instagram.publishing.published();
    expect(made.map((m) => [m.id, m.caption, m.media_type])).toEqual([[row?.external_post_id, 'Selamat Hari Standar Dunia! #SNI', 'IMAGE']]);
    const fetched = fakes.instagram.publishing.fetched;
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatchObject({ status: 200, contentType: 'image/jpeg', bytes: image.bytes });
    expect(fetched[0]?.url).toMatch(/^https:\/\/bench\.example\/api\/public-media\//);
    const container = [...fakes.instagram.publishing.containers.values()].at(-1);
    expect(container?.altText).toBe('Poster Hari Standar Dunia');

    // Another pass publishes nothing again.
    offset += 60_000;
    expect((await pass(d)).attempted).toBe(0);
    expect(fakes.instagram.publishing.published()).toHaveLength(1);
  });

  it('without PUBLIC_URL the publication fails with a reason naming it, and nothing is sent', async () => {
    const d = withBase(undefined);
    const image = await uploadJpeg('Second poster', 720);
    const before = fakes.instagram.server.requests.length;
    const id = await dueItem(d, 'no public url', 'Tanpa alamat publik.', image.id);
    await pass(d);
    const [row] = await rows(id);
    expect(row).toMatchObject({ state: 'failed', error_kind: 'rejected' });
    expect(row?.last_error).toContain('PUBLIC_URL');
    expect(fakes.instagram.server.requests.length).toBe(before);
    expect((await listComments(SYSTEM, id, d)).some((c) => c.body.includes('PUBLIC_URL'))).toBe(true);
  });

  it('refuses hand-described media the platform cannot download (not http) with a reason, instead of posting without them', async () => {
    const d = withBase('https://bench.example');
    const id = await dueItem(d, 'described', 'Gambar dideskripsikan saja.', [{ kind: 'image', bytes: 1000, width: 1080, height: 1080, altText: 'A chart', url: 'ftp://files.example/chart.jpg' }]);
    await pass(d);
    const [row] = await rows(id);
    expect(row).toMatchObject({ state: 'failed', error_kind: 'rejected' });
    expect(row?.last_error).toContain('described by hand');
  });
});

describe('publishing a YouTube item with a library video', () => {
  it('uploads the file once, with the variant title, and charges the videos.insert bucket', async () => {
    const d = withBase(undefined);
    const mp4 = makeMp4({ width: 1920, height: 1080, durationSec: 42 });
    const video = await upload(mp4, 'webinar.mp4');
    const id = await dueItem(d, 'webinar', 'Rekaman webinar mutu nasional.', video.id, 'youtube', { title: 'Webinar Mutu 2026' });
    expect(await pass(d)).toMatchObject({ attempted: 1, published: 1 });
    const [row] = await rows(id);
    expect(row).toMatchObject({ state: 'published' });
    const s = [...fakes.youtube.uploads.sessions.values()].filter((x) => x.videoId);
    expect(s.map((x) => [x.videoId, x.title, x.description, x.receivedBytes])).toEqual([[row?.external_post_id, 'Webinar Mutu 2026', 'Rekaman webinar mutu nasional.', mp4.length]]);
    expect(await quotaUsed(t.db.kysely, 'youtube', 'videos.insert', quotaDay(Date.now()))).toBe(1);
  });
});
