// Property: for random valid data (Indonesian text, emoji, quotes, formulas, very long cells),
// import -> export -> import is the identity, in every export format.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps, SYSTEM, type Deps } from '../actions/context.ts';
import { exportData } from '../actions/exports.ts';
import { importFiles } from '../actions/imports.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { memoryFile } from './testing.ts';

let db: TestDb;
let deps: Deps;
const dir = mkdtempSync(join(tmpdir(), 'sb-roundtrip-'));
beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
});
afterAll(async () => {
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

const CHARS = [...'abcXYZ019 ,;"\'=+-@#\n\t\r.:/()', 'é', 'ü', 'ß', '☕', '🎉', '🇮🇩', '👩‍👩‍👧', 'Kopi ', 'Selamat pagi ', 'terima kasih ', 'Badan Standardisasi Nasional '];
const text = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
const longText = fc.integer({ min: 2000, max: 20000 }).map((n) => 'Panjang sekali ☕ "kutipan", =rumus; '.repeat(Math.ceil(n / 36)).slice(0, n));
const cellText = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: longText }, { weight: 1, arbitrary: text.map((s) => `=${s}`) }, { weight: 1, arbitrary: text.map((s) => `'@${s}`) });
const name = cellText.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s !== '');
const count = fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: null });
const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms).toISOString());
const day = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2018, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const PLATFORMS = ['facebook', 'instagram', 'x', 'youtube', 'tiktok', 'linkedin'] as const;
const TYPES = ['text', 'link', 'image', 'carousel', 'video', 'reel', 'short', 'story', 'live'] as const;

const dataset = fc
  .record({
    orgs: fc.uniqueArray(fc.stringMatching(/^[A-Z0-9_-]{2,8}$/), { minLength: 1, maxLength: 3 }),
    names: fc.array(name, { minLength: 3, maxLength: 3 }),
    groups: fc.array(fc.subarray(['ISO', 'ASEAN', '-G1'], { minLength: 0 }), { minLength: 3, maxLength: 3 }),
    accounts: fc.uniqueArray(fc.record({ platform: fc.constantFrom(...PLATFORMS), handle: fc.stringMatching(/^[a-z0-9_.]{1,12}$/), org: fc.nat(2), owned: fc.boolean(), url: fc.option(fc.webUrl(), { nil: null }) }), { minLength: 1, maxLength: 4, selector: (a) => `${a.platform}/${a.handle}` }),
    snapshots: fc.uniqueArray(fc.record({ account: fc.nat(3), date: day, followers: fc.integer({ min: 0, max: 2 ** 40 }), following: count, posts_total: count, views_total: count }), { maxLength: 8, selector: (s) => `${s.account}/${s.date}` }),
    posts: fc.uniqueArray(
      fc.record({
        account: fc.nat(3), post_id: fc.oneof(fc.stringMatching(/^[0-9]{15,19}$/), fc.stringMatching(/^-[A-Za-z0-9_-]{10}$/)), published_at: instant, type: fc.constantFrom(...TYPES),
        text: fc.option(cellText, { nil: null }), media_count: fc.option(fc.nat(10), { nil: null }),
        measurements: fc.uniqueArray(fc.record({ measured_at: instant, likes: count, comments: count, shares: count, views: count, reach: count }), { maxLength: 3, selector: (m) => m.measured_at }),
      }),
      { maxLength: 8, selector: (p) => p.post_id },
    ),
  })
  .map((d) => {
    const orgs = d.orgs.map((code, i) => ({ code, name: d.names[i] as string, country: 'ID', timezone: 'Asia/Jakarta', language: 'id', groups: (d.groups[i] ?? []).join(';') || undefined }));
    const accounts = d.accounts.map((a) => ({ org: orgs[a.org % orgs.length]?.code, platform: a.platform, handle: a.handle, owned: a.owned, ...(a.url ? { url: a.url } : {}) }));
    const acc = (i: number) => d.accounts[i % d.accounts.length] as (typeof d.accounts)[number];
    const snapshots = d.snapshots
      .map((s) => ({ platform: acc(s.account).platform, handle: acc(s.account).handle, date: s.date, followers: s.followers, following: s.following, posts_total: s.posts_total, views_total: s.views_total }))
      .filter((s, i, all) => all.findIndex((o) => o.platform === s.platform && o.handle === s.handle && o.date === s.date) === i);
    const posts = d.posts
      .flatMap((p) => {
        const base = { platform: acc(p.account).platform, handle: acc(p.account).handle, post_id: p.post_id, published_at: p.published_at, type: p.type, text: p.text, media_count: p.media_count };
        return p.measurements.length === 0 ? [base] : p.measurements.map((m) => ({ ...base, ...m }));
      })
      .filter((p, i, all) => all.findIndex((o) => o.platform === p.platform && o.post_id === p.post_id && ('measured_at' in o ? o.measured_at : '') === ('measured_at' in p ? p.measured_at : '')) === i);
    return { orgs, accounts, snapshots, posts };
  });

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)))).join('\n') + '\n';

async function wipe(): Promise<void> {
  await db.kysely.deleteFrom('organizations').execute();
  await db.kysely.deleteFrom('groups').execute();
}

async function importDir(path: string): Promise<void> {
  const files = path.endsWith('.xlsx') ? [path] : readdirSync(path).map((f) => join(path, f));
  const r = await importFiles(SYSTEM, files.map((f) => memoryFile(f, readFileSync(f))), {}, deps);
  expect(r.files.flatMap((f) => f.problems)).toEqual([]);
}

async function snapshotOfDb(tag: string): Promise<string> {
  const out = join(dir, `${tag}-${Math.random().toString(36).slice(2)}`);
  await exportData(SYSTEM, { format: 'jsonl', out }, deps);
  return ['organizations', 'accounts', 'snapshots', 'posts'].map((t) => readFileSync(join(out, `${t}.jsonl`), 'utf8')).join('---\n');
}

describe('round trip', () => {
  it.each(['csv', 'xlsx', 'jsonl'] as const)('import -> export (%s) -> import is the identity', async (format) => {
    await fc.assert(
      fc.asyncProperty(dataset, async (d) => {
        await wipe();
        const r = await importFiles(SYSTEM, [
          memoryFile('organizations.jsonl', jsonl(d.orgs)), memoryFile('accounts.jsonl', jsonl(d.accounts)),
          memoryFile('snapshots.jsonl', jsonl(d.snapshots)), memoryFile('posts.jsonl', jsonl(d.posts)),
        ], {}, deps);
        expect(r.files.flatMap((f) => f.problems)).toEqual([]);
        const before = await snapshotOfDb('before');
        const out = join(dir, `export-${Math.random().toString(36).slice(2)}${format === 'xlsx' ? '.xlsx' : ''}`);
        await exportData(SYSTEM, { format, out }, deps);
        // Importing the export into the same data changes nothing ...
        const same = await importFiles(SYSTEM, (format === 'xlsx' ? [out] : readdirSync(out).map((f) => join(out, f))).map((f) => memoryFile(f, readFileSync(f))), {}, deps);
        for (const f of same.files) for (const c of Object.values(f.counts)) expect(c).toMatchObject({ added: 0, updated: 0 });
        // ... and into an empty database gives the same data back.
        await wipe();
        await importDir(out);
        expect(await snapshotOfDb('after')).toEqual(before);
        // The texts survived exactly, formulas included.
        const texts = before.split('\n').filter((l) => l.startsWith('{"platform"') && l.includes('"post_id"')).map((l) => (JSON.parse(l) as { text?: string }).text ?? null);
        expect(new Set(texts)).toEqual(new Set(d.posts.map((p) => p.text)));
      }),
      { numRuns: format === 'xlsx' ? 8 : 15 },
    );
  });
});
