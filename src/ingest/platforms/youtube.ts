// YouTube Studio exports: Table data (one row per video, with a Total row), Chart data and Totals.
import { parseIsoDay, parseNamedDate, zonedInstant } from '../dates.ts';
import { CellReader, hasAll, indexOf, post, type PlatformKind } from './common.ts';

/** The video columns shared by Table data and Chart data; Indonesian UI aliases included. */
function videoReader(header: string[]) {
  const n = (...names: string[]) => indexOf(header, ...names);
  return {
    id: n('content', 'konten'),
    title: n('video title', 'judul video'),
    published: n('video publish time', 'waktu publikasi video'),
    duration: n('duration', 'durasi'),
  };
}

const isShort = (title: string | null, seconds: number | null) => /#shorts?\b/i.test(title ?? '') || (seconds !== null && seconds <= 60);

function readVideo(r: CellReader, c: ReturnType<typeof videoReader>, zone: string) {
  // IDs that begin with '-' come out with a leading space.
  const id = r.required(c.id);
  const title = r.text(c.title);
  const when = r.required(c.published);
  const date = when === undefined ? undefined : parseNamedDate(when);
  if (date && !date.ok) r.fail(c.published, date.reason);
  const seconds = r.count(c.duration);
  if (r.bad || !id || !date?.ok) return undefined;
  // The file gives the publish day only: midnight in the organisation's zone keeps its local date.
  return { post_id: id, published_at: zonedInstant(date.value, 0, 0, zone), type: isShort(title, seconds) ? ('short' as const) : ('video' as const), text: title, permalink: `https://www.youtube.com/watch?v=${id}` };
}

export const youtubeTable: PlatformKind = {
  id: 'youtube-table',
  label: 'YouTube Studio Table data export',
  platform: 'youtube',
  template: 'posts',
  matches: (h) => (h[0] === 'content' || h[0] === 'konten') && (h.includes('video title') || h.includes('judul video')),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const c = videoReader(header);
    const views = indexOf(header, 'views', 'penayangan');
    const impressions = indexOf(header, 'impressions', 'thumbnail impressions', 'tayangan');
    const likes = indexOf(header, 'likes');
    const comments = indexOf(header, 'comments added');
    const shares = indexOf(header, 'shares');
    return (rec, problems) => {
      if (rec.cells?.[0]?.trim().toLowerCase() === 'total') return 'skip';
      r.at(rec, problems);
      const v = readVideo(r, c, ctx.zone);
      const counts = { views: r.count(views), impressions: r.count(impressions), likes: r.count(likes), comments: r.count(comments), shares: r.count(shares) };
      if (r.bad || !v) return undefined;
      return post(platform, ctx.handle, { ...v, ...counts });
    };
  },
};

/** Chart data holds daily views per video: the videos become posts, the daily views are not stored. */
export const youtubeChart: PlatformKind = {
  id: 'youtube-chart',
  label: 'YouTube Studio Chart data export',
  platform: 'youtube',
  template: 'posts',
  matches: (h) => h[0] === 'date' && (h.includes('content') || h.includes('konten')),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const c = videoReader(header);
    const seen = new Set<string>();
    return (rec, problems) => {
      r.at(rec, problems);
      const d = r.required(0);
      if (d !== undefined && !parseIsoDay(d).ok) r.fail(0, `${d} is not a date YYYY-MM-DD`);
      for (let i = c.duration + 1; i < header.length; i++) r.count(i);
      const v = readVideo(r, c, ctx.zone);
      if (r.bad || !v) return undefined;
      if (seen.has(v.post_id)) return 'skip';
      seen.add(v.post_id);
      return post(platform, ctx.handle, v);
    };
  },
};

/** Totals holds one daily figure for the whole channel: read and checked, nothing stored. */
export const youtubeTotals: PlatformKind = {
  id: 'youtube-totals',
  label: 'YouTube Studio Totals export',
  platform: 'youtube',
  template: 'none',
  matches: (h) => h.length === 2 && h[0] === 'date' && hasAll(h, 'date'),
  bind(header, ctx) {
    const r = new CellReader(header, ctx);
    return (rec, problems) => {
      r.at(rec, problems);
      const d = r.required(0);
      if (d !== undefined && !parseIsoDay(d).ok) r.fail(0, `${d} is not a date YYYY-MM-DD`);
      r.count(1);
      return r.bad ? undefined : 'skip';
    };
  },
};
