// LinkedIn Page analytics exports: content (All posts, Metrics sheets) and followers (New followers and breakdown sheets).
import { linkedinInstant, parseIsoDay, parseUsDateTime } from '../dates.ts';
import { parsePercent, type Parsed } from '../numbers.ts';
import { CellReader, hasAll, indexOf, post, type PlatformKind } from './common.ts';

const ACTIVITY = /urn:li:(?:activity|share|ugcPost):(\d+)/;

/** `MM/DD/YYYY` as LinkedIn writes it, or `YYYY-MM-DD`: a date cell typed by Excel (XLS, XLSX). */
function linkedinDay(text: string): Parsed<string> {
  if (/^\d{4}-/.test(text.trim())) return parseIsoDay(text);
  const d = parseUsDateTime(text);
  return d.ok ? { ok: true, value: d.value.date } : d;
}

export const linkedinPosts: PlatformKind = {
  id: 'linkedin-posts',
  label: 'LinkedIn content export, All posts sheet',
  platform: 'linkedin',
  template: 'posts',
  matches: (h) => hasAll(h, 'post title', 'post link', 'created date'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const n = (...names: string[]) => indexOf(header, ...names);
    const [title, link, created, contentType] = [n('post title'), n('post link'), n('created date'), n('content type')];
    const views = n('views', 'views (excluding offsite video views)', 'views (excluding off-site video views)');
    const rates = [n('click through rate (ctr)'), n('engagement rate')];
    return (rec, problems) => {
      r.at(rec, problems);
      const url = r.required(link);
      const id = url ? ACTIVITY.exec(url)?.[1] : undefined;
      if (url && !id) r.fail(link, `${url} is not a LinkedIn post link`);
      const c = r.required(created);
      const day = c === undefined ? undefined : linkedinDay(c);
      if (day && !day.ok) r.fail(created, day.reason);
      const counts = { impressions: r.count(n('impressions')), views: r.count(views), likes: r.count(n('likes')), comments: r.count(n('comments')), shares: r.count(n('reposts', 'shares')) };
      // Rates are not stored, but a file whose rates cannot be read is suspect: fractions or percentages.
      for (const i of rates) {
        const v = r.text(i);
        if (v !== null && !parsePercent(v, ctx.locale).ok) r.fail(i, `${v} is not a rate`);
      }
      // Activity ids are time-based (id >> 22 ms); the Created date has no time of day.
      const at = id ? linkedinInstant(id) : undefined;
      if (r.bad || !id || !at) return undefined;
      const video = (r.text(contentType) ?? '').toLowerCase() === 'video';
      return post(platform, ctx.handle, { post_id: id, published_at: at, type: video ? 'video' : 'text', text: r.text(title), permalink: url ?? null, ...counts });
    };
  },
};

function dailyRows(dateName: string): PlatformKind['bind'] {
  return (header, ctx) => {
    const r = new CellReader(header, ctx);
    const date = indexOf(header, dateName);
    return (rec, problems) => {
      r.at(rec, problems);
      const d = r.required(date);
      const day = d === undefined ? undefined : linkedinDay(d);
      if (day && !day.ok) r.fail(date, day.reason);
      for (let i = 0; i < header.length; i++) {
        if (i === date) continue;
        const v = r.text(i);
        if (v !== null && !parsePercent(v, ctx.locale).ok) r.fail(i, `${v} is not a number`);
      }
      return r.bad ? undefined : 'skip';
    };
  };
}

export const linkedinMetrics: PlatformKind = {
  id: 'linkedin-metrics',
  label: 'LinkedIn content export, Metrics sheet',
  platform: 'linkedin',
  template: 'none',
  matches: (h) => hasAll(h, 'date', 'impressions (organic)'),
  bind: dailyRows('date'),
};

/** `Total followers` there is the day's new followers, not the audience: nothing to store. */
export const linkedinNewFollowers: PlatformKind = {
  id: 'linkedin-new-followers',
  label: 'LinkedIn followers export, New followers sheet',
  platform: 'linkedin',
  template: 'none',
  matches: (h) => hasAll(h, 'date', 'auto-invited followers'),
  bind: dailyRows('date'),
};

const BREAKDOWNS = ['location', 'job function', 'seniority', 'industry', 'company size'];

/**
 * The five audience breakdown sheets of the followers export (exports.md §5.2): a dimension and
 * `Total followers` per value, a snapshot of the audience when exported. Read and checked, not stored.
 */
export const linkedinFollowerBreakdown: PlatformKind = {
  id: 'linkedin-follower-breakdown',
  label: 'LinkedIn followers export, audience breakdown sheet (Location, Job function, Seniority, Industry, Company size)',
  platform: 'linkedin',
  template: 'none',
  matches: (h) => h.filter((c) => c !== '').length === 2 && BREAKDOWNS.includes(h[0] ?? '') && h[1] === 'total followers',
  bind(header, ctx) {
    const r = new CellReader(header, ctx);
    const total = indexOf(header, 'total followers');
    return (rec, problems) => {
      r.at(rec, problems);
      r.count(total);
      return r.bad ? undefined : 'skip';
    };
  },
};
