// TikTok Studio exports: Content (lifetime counts per video), FollowerHistory (running total), Overview.
// Their dates carry no year: each is the latest such date not after the export date (--as-of, default today).
import { parseYearlessDate, tiktokInstant, zonedInstant } from '../dates.ts';
import { CellReader, handleInLink, hasAll, indexOf, post, snapshot, type PlatformKind } from './common.ts';

const LINK = /tiktok\.com\/@([^/]+)\/video\/(\d+)/i;

export const tiktokContent: PlatformKind = {
  id: 'tiktok-content',
  label: 'TikTok Studio Content export',
  platform: 'tiktok',
  template: 'posts',
  matches: (h) => hasAll(h, 'video link', 'total views'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const n = (...names: string[]) => indexOf(header, ...names);
    const [time, title, link] = [n('time'), n('video title'), n('video link')];
    return (rec, problems) => {
      r.at(rec, problems);
      const url = r.required(link);
      const m = url ? LINK.exec(url) : null;
      if (url && !m) r.fail(link, `${url} is not a TikTok video link`);
      const owner = handleInLink(url ?? null, LINK);
      if (owner && owner.toLowerCase() !== ctx.handle.toLowerCase()) r.fail(link, `the video is by @${owner}, not @${ctx.handle} (--account)`);
      const snap = r.required(time);
      const day = snap === undefined ? undefined : parseYearlessDate(snap, ctx.asOf);
      if (day && !day.ok) r.fail(time, day.reason);
      const counts = { likes: r.count(n('total likes')), comments: r.count(n('total comments')), shares: r.count(n('total shares')), views: r.count(n('total views')) };
      const id = m?.[2];
      // The publish time comes from the video id (id >> 32 seconds); `Post time` has no year or hour.
      const at = id ? tiktokInstant(id) : undefined;
      if (r.bad || !id || !at || !day?.ok) return undefined;
      // The counts are as of the `Time` day: measured at that day's start in the organisation's zone.
      return post(platform, ctx.handle, { post_id: id, published_at: at, type: 'video', text: r.text(title), permalink: url ?? null, measured_at: zonedInstant(day.value, 0, 0, ctx.zone), ...counts });
    };
  },
};

export const tiktokFollowers: PlatformKind = {
  id: 'tiktok-followers',
  label: 'TikTok Studio FollowerHistory export',
  platform: 'tiktok',
  template: 'snapshots',
  matches: (h) => h.includes('difference in followers from previous day'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const [date, followers] = [indexOf(header, 'date'), indexOf(header, 'followers')];
    return (rec, problems) => {
      r.at(rec, problems);
      const d = r.required(date);
      const day = d === undefined ? undefined : parseYearlessDate(d, ctx.asOf);
      if (day && !day.ok) r.fail(date, day.reason);
      const f = r.count(followers);
      if (f === null && !r.bad) r.fail(followers, 'is required');
      if (r.bad || !day?.ok || f === null) return undefined;
      return snapshot(platform, ctx.handle, day.value, f);
    };
  },
};

export const tiktokOverview: PlatformKind = {
  id: 'tiktok-overview',
  label: 'TikTok Studio Overview export',
  platform: 'tiktok',
  template: 'none',
  matches: (h) => hasAll(h, 'video views', 'profile views'),
  bind(header, ctx) {
    const r = new CellReader(header, ctx);
    return (rec, problems) => {
      r.at(rec, problems);
      const d = r.required(0);
      const day = d === undefined ? undefined : parseYearlessDate(d, ctx.asOf);
      if (day && !day.ok) r.fail(0, day.reason);
      // Daily values can be negative (deleted comments, lost followers): checked as numbers only.
      for (let i = 1; i < header.length; i++) {
        const v = r.text(i);
        if (v !== null && !/^-?\d+$/.test(v.trim())) r.fail(i, `${v} is not a whole number`);
      }
      return r.bad ? undefined : 'skip';
    };
  },
};
