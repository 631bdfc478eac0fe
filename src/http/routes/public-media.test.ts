// The signed public media link: serves one file without a session while the link holds, nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicMediaUrl, signMediaToken, verifyMediaToken } from '../../actions/public-media.ts';
import { createOrganization } from '../../actions/organizations.ts';
import { SYSTEM } from '../../actions/context.ts';
import { connectorsFromSettings } from '../../platforms/registry.ts';
import { loadConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { makeImage } from '../../testing/media.ts';

const SECRET = 'k'.repeat(64);
let t: TestApp;

async function upload(bytes: Uint8Array, name: string, alt?: string): Promise<{ id: number; bytes: number }> {
  const form = new FormData();
  if (alt) form.append('alt_text', alt);
  form.append('file', new Blob([bytes]), name);
  const res = await t.fetch('/api/organizations/BSN/media', { method: 'POST', body: form, headers: { cookie: t.cookie ?? '', 'x-csrf-token': t.csrf ?? '' } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; bytes: number };
}

beforeAll(async () => {
  t = await createTestApp();
  t.deps.secretKey = SECRET;
  t.deps.connectors = connectorsFromSettings({ ...loadConfig({}).platforms, publicMediaBase: 'https://bench.example' });
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, t.deps);
});
afterAll(() => t.close());

describe('GET /api/public-media/{token}', () => {
  it('serves the file to anyone holding the link, with the safe headers of the media route', async () => {
    const jpeg = await makeImage('jpeg', 640, 480);
    const m = await upload(jpeg, 'poster.jpg', 'Poster');
    const url = publicMediaUrl(t.deps, m.id);
    expect(url).toMatch(/^https:\/\/bench\.example\/api\/public-media\/\d+\.\d+\.[\w-]{43}$/);
    const res = await t.anonymous.request('GET', new URL(url ?? '').pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-length')).toBe(String(jpeg.length));
    // The session route stays closed to the same anonymous caller.
    expect((await t.anonymous.request('GET', `/api/media/${m.id}/file`)).status).toBe(401);
  });

  it('refuses an altered, forged, expired or malformed link, and documents, all alike (404)', async () => {
    const m = await upload(await makeImage('jpeg', 320, 320), 'b.jpg', 'B');
    const doc = await upload(Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n'), 'brief.pdf');
    const later = Date.now() + 3600_000;
    const good = signMediaToken(SECRET, m.id, later);
    const [, exp, sig] = good.split('.');
    const bad = [
      `${m.id + 1}.${exp}.${sig}`, // another file under the same signature
      `${m.id}.${Number(exp) + 1}.${sig}`, // a longer life
      signMediaToken('another key'.repeat(4), m.id, later),
      signMediaToken(SECRET, m.id, Date.now() - 1000),
      signMediaToken(SECRET, doc.id, later),
      'garbage',
    ];
    for (const token of bad) {
      const res = await t.anonymous.request('GET', `/api/public-media/${token}`);
      expect(res.status, token).toBe(404);
    }
    expect((await t.anonymous.request('GET', `/api/public-media/${good}`)).status).toBe(200);
    expect(verifyMediaToken(SECRET, good, Date.now())).toBe(m.id);
    expect(verifyMediaToken(SECRET, good, later + 1000)).toBeUndefined();
  });

  it('reads PUBLIC_URL as the media base only when it is set, and the YouTube privacy setting', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://bench.example/' }).platforms).toMatchObject({ publicMediaBase: 'https://bench.example', youtube: { privacyStatus: 'public' } });
    expect(loadConfig({}).platforms.publicMediaBase).toBeUndefined();
    expect(loadConfig({ YOUTUBE_PRIVACY_STATUS: 'unlisted' }).platforms.youtube.privacyStatus).toBe('unlisted');
    expect(() => loadConfig({ YOUTUBE_PRIVACY_STATUS: 'secret' })).toThrow(/YOUTUBE_PRIVACY_STATUS must be public, unlisted or private/);
  });

  it('gives no link without PUBLIC_URL (the connectors carry no public base)', () => {
    const d = { ...t.deps, connectors: connectorsFromSettings(loadConfig({}).platforms) };
    expect(publicMediaUrl(d, 1)).toBeUndefined();
  });
});
