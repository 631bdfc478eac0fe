// Writes a batch of post rows: new posts, changed post fields, and measurements. A row without
// measured_at whose counts equal the post's latest measurement adds nothing (so a second import of
// the same file changes nothing); with measured_at, the (post, measured_at) key decides.
import { anyPosts, findPosts, insertFreshPosts, insertMeasurements, insertPosts, measurementsOf, updateMeasurement, updatePost, type NewPost, type PostState } from '../db/queries/ingest.ts';
import { KeySet } from './keyset.ts';
import type { PostMetricRow } from '../db/schema.ts';
import type { StoreContext } from './store.ts';
import { COUNTS, type PostRecord } from './templates.ts';

export interface PendingPost { row: number; r: PostRecord }
type Resolved = PendingPost & { accountId: number };

/**
 * What one import knows about a platform's posts without asking the database: whether the platform
 * had any post when the import first wrote one, and the post ids this import has handed to the
 * writer (fingerprints). A post id not seen before, on a platform that had no posts, cannot exist:
 * it is inserted without a look-up. Anything else (or a fingerprint collision) takes the look-up path.
 */
export class PostTracker {
  private readonly platforms = new Map<string, { hadPosts: boolean; ids: KeySet }>();

  /** Looks up once per platform whether it had posts; call before `isCertainlyNew`. */
  async prepare(ctx: StoreContext, platform: string): Promise<void> {
    if (!this.platforms.has(platform)) this.platforms.set(platform, { hadPosts: await anyPosts(ctx.k, platform), ids: new KeySet() });
  }

  /** Records that this import writes the post; true when it cannot be stored yet. */
  isCertainlyNew(platform: string, postId: string): boolean {
    const p = this.platforms.get(platform);
    if (!p) throw new Error(`PostTracker: ${platform} not prepared`);
    return p.ids.add(postId) && !p.hadPosts;
  }
}

const sameCounts = (m: PostMetricRow, r: PostRecord) => COUNTS.every((c) => (m[c] === null ? null : Number(m[c])) === r[c]);
const hasCounts = (r: PostRecord) => COUNTS.some((c) => r[c] !== null);

export async function flushPosts(ctx: StoreContext, tracker: PostTracker, batch: PendingPost[]): Promise<void> {
  const { k, sqlite, now, problems } = ctx;
  const fresh: Resolved[] = [];
  const others: Resolved[] = [];
  let prepared = '';
  for (const b of batch) {
    const { platform, handle } = b.r;
    const accountId = ctx.cachedAccount(platform, handle) ?? (await ctx.account(platform, handle));
    if (accountId === null) {
      problems.push({ row: b.row, column: 'handle', message: ctx.missingAccount(platform, handle) });
      continue;
    }
    if (platform !== prepared) {
      await tracker.prepare(ctx, platform);
      prepared = platform;
    }
    const x = b as Resolved;
    x.accountId = accountId;
    (tracker.isCertainlyNew(platform, b.r.post_id) ? fresh : others).push(x);
  }
  // First, the posts that cannot exist yet: inserted with their measurement, no look-up. Any later
  // row of the same post is among `others` and finds it stored.
  await insertFreshPosts(k, sqlite, fresh, now);
  for (let i = 0; i < fresh.length; i++) ctx.count('posts', 'added');
  if (others.length > 0) await flushLookedUp(ctx, others);
}

/** Rows whose post may exist: looked up, compared, updated or added. */
async function flushLookedUp(ctx: StoreContext, rows: Resolved[]): Promise<void> {
  const { k, sqlite, now, problems } = ctx;

  // Posts as stored before this batch, by platform.
  const known = new Map<string, PostState>();
  for (const platform of new Set(rows.map((x) => x.r.platform))) {
    for (const p of await findPosts(k, sqlite, platform, rows.filter((x) => x.r.platform === platform).map((x) => x.r.post_id))) known.set(`${platform}|${p.post_id}`, p);
  }
  const preexisting = new Set(known.keys());

  const fresh: NewPost[] = [];
  const freshKeys: string[] = [];
  const freshSet = new Set<string>();
  for (const { r, accountId } of rows) {
    const key = `${r.platform}|${r.post_id}`;
    if (known.has(key) || freshSet.has(key)) continue;
    freshSet.add(key);
    fresh.push({ account_id: accountId, platform: r.platform, post_id: r.post_id, published_at: r.published_at, type: r.type, text: r.text, media_count: r.media_count, permalink: r.permalink, created_at: now });
    freshKeys.push(key);
  }
  const ids = await insertPosts(k, sqlite, fresh);
  fresh.forEach((p, i) => known.set(freshKeys[i] as string, { id: ids[i] as number, account_id: p.account_id, post_id: p.post_id, published_at: p.published_at, type: p.type, text: p.text ?? null, media_count: p.media_count ?? null, permalink: p.permalink ?? null }));

  const history = new Map<number, PostMetricRow[]>();
  const oldIds = [...preexisting].map((key) => known.get(key)?.id).filter((x): x is number => x !== undefined);
  for (const m of await measurementsOf(k, oldIds)) history.set(m.post_id, [...(history.get(m.post_id) ?? []), m]);

  const newMeasurements: PostMetricRow[] = [];
  const seenNew = new Set<string>();
  for (const { row, r, accountId } of rows) {
    const key = `${r.platform}|${r.post_id}`;
    const p = known.get(key);
    if (!p) continue;
    if (p.account_id !== accountId) {
      problems.push({ row, column: 'post_id', message: `post ${r.post_id} belongs to another ${r.platform} account` });
      continue;
    }
    const isNew = !preexisting.has(key) && !seenNew.has(key);
    seenNew.add(key);
    let changed = false;
    if (!isNew) {
      const patch = {
        ...(r.published_at !== p.published_at ? { published_at: r.published_at } : {}),
        ...(r.type !== p.type ? { type: r.type } : {}),
        ...(r.text !== null && r.text !== p.text ? { text: r.text } : {}),
        ...(r.media_count !== null && r.media_count !== (p.media_count === null ? null : Number(p.media_count)) ? { media_count: r.media_count } : {}),
        ...(r.permalink !== null && r.permalink !== p.permalink ? { permalink: r.permalink } : {}),
      };
      if (Object.keys(patch).length > 0) {
        await updatePost(k, p.id, patch);
        Object.assign(p, patch);
        changed = true;
      }
    }
    if (hasCounts(r)) {
      const list = history.get(p.id) ?? [];
      const m: PostMetricRow = { post_id: p.id, measured_at: r.measured_at ?? now, likes: r.likes, comments: r.comments, shares: r.shares, quotes: r.quotes, saves: r.saves, views: r.views, impressions: r.impressions, reach: r.reach };
      const same = r.measured_at !== null ? list.find((x) => x.measured_at === r.measured_at) : undefined;
      const latest = list.reduce<PostMetricRow | undefined>((a, x) => (!a || x.measured_at > a.measured_at ? x : a), undefined);
      if (same) {
        if (!sameCounts(same, r)) {
          await updateMeasurement(k, m);
          Object.assign(same, m);
          changed = true;
        }
      } else if (r.measured_at !== null || !latest || !sameCounts(latest, r)) {
        newMeasurements.push(m);
        history.set(p.id, [...list, m]);
        changed = true;
      }
    }
    ctx.count('posts', isNew ? 'added' : changed ? 'updated' : 'unchanged');
  }
  await insertMeasurements(k, sqlite, newMeasurements);
}
