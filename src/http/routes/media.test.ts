import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { OpenAPIHono } from '@hono/zod-openapi';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContent, contentChecks, getContent } from '../../actions/content.ts';
import { makeDeps, SYSTEM, type Deps } from '../../actions/context.ts';
import { receiveFile, UploadTooLarge } from '../../actions/media-files.ts';
import { createTestDb, type TestDb } from '../../testing/db.ts';
import { seedSmallNetwork } from '../../testing/fixtures.ts';
import { makeImage, makeMp4 } from '../../testing/media.ts';
import { respondError } from '../errors.ts';
import type { Env } from '../openapi.ts';
import { mediaRouter, mediaUploadRouter } from './media.ts';

interface Media {
  id: number;
  kind: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_sec: number | null;
  alt_text: string | null;
  tags: string[];
  thumbnail_url: string | null;
  used_by: number;
  duplicate?: boolean;
}

describe('media library', () => {
  let db: TestDb;
  let deps: Deps;
  let dir: string;
  let app: OpenAPIHono<Env>;

  beforeAll(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'sb-media-'));
    deps = makeDeps(db, { dataDir: dir });
    deps.now = () => '2026-05-01T03:00:00.000Z';
    await seedSmallNetwork(deps);
    // The routes alone, acting as the system: sign-in is tested with the whole app elsewhere.
    app = new OpenAPIHono<Env>();
    app.use('*', async (c, next) => {
      c.set('deps', deps);
      c.set('actor', SYSTEM);
      await next();
    });
    app.route('/api', mediaUploadRouter);
    app.route('/api', mediaRouter);
    app.onError((err, c) => respondError(c, err, () => undefined));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function upload(bytes: Uint8Array, name: string, fields: Record<string, string> = {}): Promise<{ status: number; json: Media & { error?: { code: string; details: { path?: string; message: string }[] } } }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes]), name);
    const res = await app.request('/api/organizations/BSN/media', { method: 'POST', body: form });
    return { status: res.status, json: (await res.json()) as never };
  }

  it('detects the kind from the bytes and reads the size of an image, making a thumbnail', async () => {
    const r = await upload(await makeImage('png', 1080, 1350), 'poster.jpg', { alt_text: 'Poster Hari Standar Dunia', tags: 'Campaign, standards-day' });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ kind: 'image', mime: 'image/png', width: 1080, height: 1350, alt_text: 'Poster Hari Standar Dunia', tags: ['campaign', 'standards-day'], duplicate: false });
    const thumb = await app.request(`/api/media/${r.json.id}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([384, 480]);
    // Stored under DATA_DIR/media/<org>/ by content hash.
    expect(readdirSync(join(dir, 'media', 'BSN')).filter((f) => f.endsWith('.png'))).toHaveLength(1);
  });

  it('reads a video’s length and displayed size from its boxes and gives it a poster', async () => {
    const r = await upload(makeMp4({ width: 1080, height: 1920, durationSec: 42.5, quarterTurn: true }), 'reel.mov');
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ kind: 'video', mime: 'video/mp4', width: 1080, height: 1920, duration_sec: 42.5 });
    expect(r.json.thumbnail_url).toBe(`/api/media/${r.json.id}/thumbnail`);
  });

  it('serves the file with its type and answers byte ranges', async () => {
    const png = await makeImage('png', 10, 10);
    const r = await upload(png, 'tiny.png', { alt_text: 'a dot' });
    const whole = await app.request(`/api/media/${r.json.id}/file`);
    expect(whole.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await whole.arrayBuffer()).equals(png)).toBe(true);
    const part = await app.request(`/api/media/${r.json.id}/file`, { headers: { range: 'bytes=1-3' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1-3/${png.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('PNG');
  });

  it('refuses a file it does not recognise, whatever its name', async () => {
    const r = await upload(Buffer.from('<script>alert(1)</script>'), 'photo.jpg');
    expect(r.status).toBe(400);
    expect(r.json.error?.details[0]?.path).toBe('file');
    expect(readdirSync(join(dir, 'media', '.incoming'))).toEqual([]);
  });

  it('gives back the first entry when the same file comes again', async () => {
    const gif = await makeImage('gif', 30, 20);
    const first = await upload(gif, 'a.gif');
    const again = await upload(gif, 'b.gif', { alt_text: 'Animated logo', tags: 'logo' });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: first.json.id, kind: 'gif', duplicate: true, alt_text: 'Animated logo', tags: ['logo'] });
  });

  it('keeps documents without a thumbnail', async () => {
    const r = await upload(Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n'), 'brief.pdf');
    expect(r.json).toMatchObject({ kind: 'document', mime: 'application/pdf', width: null, thumbnail_url: null });
    const file = await app.request(`/api/media/${r.json.id}/file`);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="brief.pdf"/);
    expect((await app.request(`/api/media/${r.json.id}/thumbnail`)).status).toBe(404);
  });

  it('lists, filters by kind and tag, and searches', async () => {
    const list = async (q: string) => ((await (await app.request(`/api/organizations/BSN/media${q}`)).json()) as { items: Media[] }).items;
    expect((await list('?kind=video')).map((m) => m.kind)).toEqual(['video']);
    expect((await list('?tag=logo')).map((m) => m.kind)).toEqual(['gif']);
    expect((await list('?q=standar')).map((m) => m.mime)).toEqual(['image/png']);
    expect((await list('?q=brief')).map((m) => m.kind)).toEqual(['document']);
    expect((await list('?limit=2')).length).toBe(2);
  });

  it('stops an upload past the limit and leaves nothing behind', async () => {
    await expect(receiveFile(deps, 'big.bin', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(readdirSync(join(dir, 'media', '.incoming'))).toEqual([]);
  });

  describe('in content variants', () => {
    let photo: Media;
    let bare: Media;
    let video: Media;
    beforeAll(async () => {
      photo = (await upload(await makeImage('jpeg', 1080, 1080), 'square.jpg', { alt_text: 'Helm ber-SNI' })).json;
      bare = (await upload(await makeImage('jpeg', 2000, 500), 'wide.jpg')).json;
      video = (await upload(makeMp4({ width: 1080, height: 1920, durationSec: 2 }), 'short.mp4')).json;
    });

    const create = (media: unknown[]) =>
      createContent(SYSTEM, 'BSN', { title: 'Helm', status: 'draft', accounts: [{ platform: 'instagram', handle: 'bsn_ig' }], variants: [{ platform: 'instagram', text: 'Halo', media }] }, deps);

    it('refuses an image without alt text until the library gives it one', async () => {
      await expect(create([{ media_id: bare.id }])).rejects.toMatchObject({ code: 'invalid', details: [{ path: 'variants.0.media.0', message: expect.stringContaining('alt text') }] });
      const patch = await app.request(`/api/media/${bare.id}`, { method: 'PATCH', body: JSON.stringify({ alt_text: 'Banner' }), headers: { 'content-type': 'application/json' } });
      expect(patch.status).toBe(200);
      await expect(create([{ media_id: bare.id }])).resolves.toMatchObject({ status: 'draft' });
    });

    it('shows the library figures in the variant and checks them against the platform', async () => {
      const item = await create([{ media_id: photo.id }, { media_id: video.id }]);
      const got = await getContent(SYSTEM, item.id, deps);
      expect(got.variants[0]?.media[0]).toMatchObject({ media_id: photo.id, kind: 'image', width: 1080, height: 1080, altText: 'Helm ber-SNI', url: `/api/media/${photo.id}/file` });
      const checks = await contentChecks(SYSTEM, item.id, deps);
      const rules = checks.variants[0]?.findings.map((f) => f.rule);
      expect(rules).toContain('instagram.media.too_short');
      const wide = await create([{ media_id: bare.id }]);
      expect((await contentChecks(SYSTEM, wide.id, deps)).variants[0]?.findings.map((f) => f.rule)).toContain('instagram.media.aspect_ratio');
    });

    it('refuses to delete a used file or strip its alt text, and deletes an unused one', async () => {
      const del = await app.request(`/api/media/${photo.id}`, { method: 'DELETE' });
      expect(del.status).toBe(409);
      const strip = await app.request(`/api/media/${photo.id}`, { method: 'PATCH', body: JSON.stringify({ alt_text: null }), headers: { 'content-type': 'application/json' } });
      expect(strip.status).toBe(409);
      const uses = (await (await app.request(`/api/media/${photo.id}/uses`)).json()) as { items: { platform: string }[] };
      expect(uses.items.map((u) => u.platform)).toEqual(['instagram']);
      const doc = (await upload(Buffer.from('%PDF-1.4 unused'), 'unused.pdf')).json;
      expect((await app.request(`/api/media/${doc.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await app.request(`/api/media/${doc.id}`)).status).toBe(404);
    });

    it('refuses another organisation’s file and documents', async () => {
      const pdf = (await upload(Buffer.from('%PDF-1.4 doc'), 'doc.pdf')).json;
      await expect(create([{ media_id: pdf.id }])).rejects.toMatchObject({ details: [{ message: expect.stringContaining('document') }] });
      await expect(create([{ media_id: 999_999 }])).rejects.toMatchObject({ details: [{ message: expect.stringContaining("not in BSN's library") }] });
    });
  });
});
