// Meta Business Suite exports (Facebook and Instagram per-post, per-metric "Date","Primary" files)
// and legacy Facebook Insights exports (Post data and Page data, two header rows).
import type { Platform, PostType } from '../../core/platforms.ts';
import { parseIsoDay, parseUsDateTime, zonedInstant } from '../dates.ts';
import { CellReader, hasAll, indexOf, post, snapshot, type PlatformKind } from './common.ts';

const FB_TYPES: Record<string, PostType> = { photos: 'image', photo: 'image', videos: 'video', video: 'video', reels: 'reel', links: 'link', link: 'link', stories: 'story', status: 'text', text: 'text', 'live videos': 'live' };
const IG_TYPES: Record<string, PostType> = { 'ig image': 'image', 'ig carousel': 'carousel', 'ig reel': 'reel', 'ig video': 'video', 'ig story': 'story' };
/** Legacy Facebook Insights wrote times in US Pacific time. */
const LEGACY_ZONE = 'America/Los_Angeles';

function publishTime(r: CellReader, i: number, zone: string): string | undefined {
  const v = r.required(i);
  if (v === undefined) return undefined;
  const t = parseUsDateTime(v);
  if (!t.ok) return r.fail(i, t.reason);
  return zonedInstant(t.value.date, t.value.hour, t.value.minute, zone);
}

function postType(r: CellReader, i: number, table: Record<string, PostType>): PostType | undefined {
  const v = r.required(i);
  if (v === undefined) return undefined;
  const t = table[v.toLowerCase()];
  return t ?? r.fail(i, `unknown post type ${v}; known: ${Object.keys(table).join(', ')}`);
}

export const facebookPosts: PlatformKind = {
  id: 'facebook-posts',
  label: 'Meta Business Suite Facebook posts export',
  platform: 'facebook',
  template: 'posts',
  matches: (h) => hasAll(h, 'page id', 'publish time', 'permalink'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const [id, title, desc, time, link, type] = ['post id', 'title', 'description', 'publish time', 'permalink', 'post type'].map((n) => indexOf(header, n)) as number[];
    const n = (name: string) => indexOf(header, name);
    const [views, reach, impressions, reactions, comments, shares] = [n('views'), n('reach'), n('impressions'), n('reactions'), n('comments'), n('shares')];
    return (rec, problems) => {
      r.at(rec, problems);
      const postId = r.required(id ?? -1);
      const published = publishTime(r, time ?? -1, ctx.zone);
      const t = postType(r, type ?? -1, FB_TYPES);
      // Which of Title and Description holds the caption varies: take the longer one.
      const a = r.text(title ?? -1) ?? '';
      const b = r.text(desc ?? -1) ?? '';
      const counts = { views: r.count(views), reach: r.count(reach), impressions: r.count(impressions), likes: r.count(reactions), comments: r.count(comments), shares: r.count(shares) };
      if (r.bad || !postId || !published || !t) return undefined;
      return post(platform, ctx.handle, { post_id: postId, published_at: published, type: t, text: (b.length > a.length ? b : a) || null, permalink: r.text(link ?? -1), ...counts });
    };
  },
};

export const instagramPosts: PlatformKind = {
  id: 'instagram-posts',
  label: 'Meta Business Suite Instagram posts export',
  platform: 'instagram',
  template: 'posts',
  matches: (h) => hasAll(h, 'account username', 'publish time'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const n = (name: string) => indexOf(header, name);
    const [id, user, desc, time, link, type] = [n('post id'), n('account username'), n('description'), n('publish time'), n('permalink'), n('post type')];
    return (rec, problems) => {
      r.at(rec, problems);
      const postId = r.required(id);
      const username = r.text(user)?.trim();
      if (username && username.toLowerCase() !== ctx.handle.toLowerCase()) r.fail(user, `the file is for @${username}, not @${ctx.handle} (--account)`);
      const published = publishTime(r, time, ctx.zone);
      const t = postType(r, type, IG_TYPES);
      const counts = { views: r.count(n('views')), reach: r.count(n('reach')), impressions: r.count(n('impressions')), likes: r.count(n('likes')), comments: r.count(n('comments')), shares: r.count(n('shares')), saves: r.count(n('saves')) };
      if (r.bad || !postId || !published || !t) return undefined;
      return post(platform, ctx.handle, { post_id: postId, published_at: published, type: t, text: r.text(desc), permalink: r.text(link), ...counts });
    };
  },
};

/** `"Date","Primary"` per-metric files (UTF-16, `sep=,`, title line): daily values, e.g. new follows. */
export const metaDailyMetric: PlatformKind = {
  id: 'meta-daily-metric',
  label: 'Meta Business Suite per-metric export ("Date","Primary")',
  platform: (preamble) => {
    const title = preamble.map((p) => p.cells?.[0]?.toLowerCase() ?? '').join(' ');
    return title.includes('instagram') ? 'instagram' : title.includes('facebook') ? 'facebook' : undefined;
  },
  template: 'none',
  blocks: true,
  matches: (h) => h[0] === 'date' && h[1] === 'primary',
  bind(header, ctx) {
    const r = new CellReader(header, ctx);
    return (rec, problems) => {
      r.at(rec, problems);
      const d = r.required(0);
      if (d !== undefined && !parseIsoDay(d).ok) r.fail(0, `${d} is not a date YYYY-MM-DDT00:00:00`);
      r.count(1);
      return r.bad ? undefined : 'skip';
    };
  },
};

const isDescriptionRow = (cells: string[] | undefined) => (cells ?? []).some((c) => /^(Lifetime|Daily|Weekly|28 Days):/.test(c));

export const facebookLegacyPosts: PlatformKind = {
  id: 'facebook-legacy-posts',
  label: 'legacy Facebook Insights Post data export',
  platform: 'facebook',
  template: 'posts',
  matches: (h) => hasAll(h, 'post id', 'lifetime post total reach'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const n = (name: string) => indexOf(header, name);
    const [id, link, msg, type, posted] = [n('post id'), n('permalink'), n('post message'), n('type'), n('posted')];
    const [reach, impressions] = [n('lifetime post total reach'), n('lifetime post total impressions')];
    return (rec, problems) => {
      if (isDescriptionRow(rec.cells)) return 'skip';
      r.at(rec, problems);
      const raw = r.required(id);
      // `<page id>_<post id>`: the post's own id is the part after the page id, as in today's exports.
      const postId = raw?.includes('_') ? raw.slice(raw.indexOf('_') + 1) : raw;
      const published = publishTime(r, posted, LEGACY_ZONE);
      const t = postType(r, type, FB_TYPES);
      const counts = { reach: r.count(reach), impressions: r.count(impressions) };
      if (r.bad || !postId || !published || !t) return undefined;
      return post(platform, ctx.handle, { post_id: postId, published_at: published, type: t, text: r.text(msg), permalink: r.text(link), ...counts });
    };
  },
};

export const facebookLegacyPage: PlatformKind = {
  id: 'facebook-legacy-page',
  label: 'legacy Facebook Insights Page data export',
  platform: 'facebook',
  template: 'snapshots',
  matches: (h) => h[0] === 'date' && (h.includes('lifetime total likes') || h.includes('daily new likes')),
  bind(header, ctx, platform: Platform) {
    const r = new CellReader(header, ctx);
    const likes = indexOf(header, 'lifetime total likes');
    return (rec, problems) => {
      if (isDescriptionRow(rec.cells)) return 'skip';
      r.at(rec, problems);
      const d = r.required(0);
      const date = d === undefined ? undefined : parseIsoDay(d);
      if (date && !date.ok) r.fail(0, date.reason);
      // Page likes were the audience figure of a Page before followers replaced them.
      const followers = likes >= 0 ? r.count(likes) : null;
      if (r.bad || !date?.ok) return undefined;
      return followers === null ? 'skip' : snapshot(platform, ctx.handle, date.value, followers);
    };
  },
};
