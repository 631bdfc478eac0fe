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
import { makeImage } from '../testing/media.ts';
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
  const form = new FormData();
  form.append('alt_text', alt);
  form.append('file', new Blob([await makeImage('jpeg', side, side)]), 'poster.jpg');
  const res = await t.fetch('/api/organizations/BSN/media', { method: 'POST', body: form, headers: { cookie: t.cookie ?? '', 'x-csrf-token': t.csrf ?? '' } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; bytes: number };
}

/** An Instagram item with one library image, scheduled a second ahead; the clock then moves past it. */
async function dueItem(d: Deps, title: string, text: string, mediaId: number): Promise<number> {
  const item = await createContent(SYSTEM, 'BSN', {
    title, status: 'draft', accounts: [{ platform: 'instagram', handle: 'example_standards' }],
    variants: [{ platform: 'instagram', text, media: [{ media_id: mediaId }] }],
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
});
