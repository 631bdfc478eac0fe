// X (Twitter) analytics exports: legacy tweet activity, 2024+ content export, account overview.
import { parseNamedDate, parseOffsetDateTime, snowflakeInstant } from '../dates.ts';
import { CellReader, handleInLink, hasAll, indexOf, post, type PlatformKind } from './common.ts';

const LINK = /(?:x|twitter)\.com\/([^/]+)\/status\//i;

function checkHandle(r: CellReader, i: number, handle: string): void {
  const inLink = handleInLink(r.text(i), LINK);
  if (inLink && inLink.toLowerCase() !== handle.toLowerCase()) r.fail(i, `the post is by @${inLink}, not @${handle} (--account)`);
}

export const xLegacy: PlatformKind = {
  id: 'x-tweet-activity',
  label: 'X (Twitter) legacy tweet activity export',
  platform: 'x',
  template: 'posts',
  matches: (h) => hasAll(h, 'tweet id', 'tweet permalink'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const n = (...names: string[]) => indexOf(header, ...names);
    const [id, link, text, time] = [n('tweet id'), n('tweet permalink'), n('tweet text'), n('time')];
    const [impressions, retweets, replies, likes, mediaViews, mediaEng] = [n('impressions'), n('retweets'), n('replies'), n('likes', 'favorites'), n('media views'), n('media engagements')];
    return (rec, problems) => {
      r.at(rec, problems);
      const postId = r.required(id);
      checkHandle(r, link, ctx.handle);
      const t = r.required(time);
      const at = t === undefined ? undefined : parseOffsetDateTime(t);
      if (at && !at.ok) r.fail(time, at.reason);
      const counts = { impressions: r.count(impressions, true), shares: r.count(retweets, true), comments: r.count(replies, true), likes: r.count(likes, true) };
      // The export does not say whether a tweet had media; views or engagements of media tell.
      const media = (r.count(mediaViews, true) ?? 0) + (r.count(mediaEng, true) ?? 0) > 0;
      if (r.bad || !postId || !at?.ok) return undefined;
      return post(platform, ctx.handle, { post_id: postId, published_at: at.value, type: media ? 'image' : 'text', text: r.text(text), permalink: r.text(link), ...counts });
    };
  },
};

export const xContent: PlatformKind = {
  id: 'x-content',
  label: 'X analytics content export',
  platform: 'x',
  template: 'posts',
  matches: (h) => (hasAll(h, 'post id', 'post link') || h.includes('ポストid')) && !h.includes('page id'),
  bind(header, ctx, platform) {
    const r = new CellReader(header, ctx);
    const n = (...names: string[]) => indexOf(header, ...names);
    const [id, date, text, link] = [n('post id', 'ポストid'), n('date', '日付'), n('post text', 'ポスト本文'), n('post link', 'ポストのリンク')];
    return (rec, problems) => {
      r.at(rec, problems);
      const postId = r.required(id);
      checkHandle(r, link, ctx.handle);
      const d = r.required(date);
      const day = d === undefined ? undefined : parseNamedDate(d);
      if (day && !day.ok) r.fail(date, day.reason);
      const counts = { impressions: r.count(n('impressions')), likes: r.count(n('likes')), comments: r.count(n('replies')), shares: r.count(n('reposts')), saves: r.count(n('bookmarks')) };
      // The Date column has no time of day; the post id (a snowflake) has the exact instant.
      const at = postId ? snowflakeInstant(postId) : undefined;
      if (postId && !at) r.fail(id, `${postId} is not an X post id`);
      if (r.bad || !postId || !at) return undefined;
      return post(platform, ctx.handle, { post_id: postId, published_at: at, type: 'text', text: r.text(text), permalink: r.text(link), ...counts });
    };
  },
};

export const xOverview: PlatformKind = {
  id: 'x-overview',
  label: 'X analytics account overview export',
  platform: 'x',
  template: 'none',
  matches: (h) => hasAll(h, 'unfollows', 'create post'),
  bind(header, ctx) {
    const r = new CellReader(header, ctx);
    return (rec, problems) => {
      r.at(rec, problems);
      const d = r.required(0);
      const day = d === undefined ? undefined : parseNamedDate(d);
      if (day && !day.ok) r.fail(0, day.reason);
      for (let i = 1; i < header.length; i++) r.count(i);
      return r.bad ? undefined : 'skip';
    };
  },
};
