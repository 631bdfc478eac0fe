// The fakes answer in the documented shapes: each fake answer has every field of the matching shared
// fixture (../shared/platforms/fixtures, read here only; skipped on machines without it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakes, type Fakes } from './fakes.ts';

const DIR = join(process.cwd(), '..', 'shared', 'platforms', 'fixtures');
let fakes: Fakes;

function paths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.length ? paths(v[0], `${prefix}[]`) : [];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [`${prefix}.${k}`, ...paths(x, `${prefix}.${k}`)]);
  return [];
}

/** Fixture fields the fake leaves out on purpose (decoration no adapter reads). */
const IGNORED = [/thumbnails/, /\.etag$/, /\.localized/, /\.kind$/, /full_picture/, /\.description$/, /\.channelTitle$/, /videoOwner/, /\.playlistId$/, /\.channelId$/, /\.tags/, /categoryId/, /liveBroadcastContent/, /defaultAudioLanguage/, /contentDetails\.(dimension|definition|caption|licensedContent|contentRating|projection)/, /shortcode/, /media_url/, /thumbnail_url/, /biography/, /website/, /profile_picture_url/, /\.paging\.previous/, /created_at$|\.verified$|profile_image_url/, /\.country$/];

async function get(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  return (await fetch(url, { headers })).json();
}

function missing(fixture: string, answer: unknown): string[] {
  const want = paths(JSON.parse(readFileSync(join(DIR, fixture), 'utf8')) as unknown);
  const have = new Set(paths(answer));
  return want.filter((p) => !have.has(p) && !IGNORED.some((re) => re.test(p)));
}

describe.skipIf(!existsSync(DIR))('fake answers against the shared fixtures', () => {
  beforeAll(async () => {
    fakes = await startFakes();
  });
  afterAll(() => fakes.close());

  it('facebook', async () => {
    const auth = { authorization: `Bearer ${fakes.facebook.pageToken()}` };
    const base = `${fakes.facebook.url}/v27.0/104512345678901`;
    expect(missing('facebook/page.json', await get(`${base}?fields=id,name,username,fan_count,followers_count,link,category`, auth))).toEqual([]);
    expect(missing('facebook/published_posts_page1.json', await get(`${base}/published_posts?limit=3`, auth))).toEqual([]);
  });

  it('instagram', async () => {
    const auth = { authorization: `Bearer ${fakes.instagram.pageToken()}` };
    const base = `${fakes.instagram.url}/v27.0/17841405822304914`;
    expect(missing('instagram/ig_user.json', await get(`${base}?fields=id,username,name,followers_count,follows_count,media_count`, auth))).toEqual([]);
    expect(missing('instagram/media_list_page1.json', await get(`${base}/media?limit=3`, auth))).toEqual([]);
    const bd = `business_discovery.username(peer_standards_body){username,name,followers_count,follows_count,media_count,media.limit(3){id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count}}`;
    expect(missing('instagram/business_discovery.json', await get(`${base}?fields=${encodeURIComponent(bd)}`, auth))).toEqual([]);
  });

  it('x', async () => {
    const auth = { authorization: `Bearer ${fakes.x.grant().accessToken}` };
    expect(missing('x/user_by_username.json', await get(`${fakes.x.url}/2/users/by/username/example_std?user.fields=public_metrics`, auth))).toEqual([]);
    expect(missing('x/user_by_username_not_found.json', await get(`${fakes.x.url}/2/users/by/username/no_such_account_42`, auth))).toEqual([]);
    fakes.x.users[0]?.tweets.push({ id: '1', text: 'a sixth post, so that a next page exists', created_at: '2026-11-01T00:00:00.000Z', metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 } });
    expect(missing('x/user_tweets_page1.json', await get(`${fakes.x.url}/2/users/1234567890123456789/tweets?max_results=5`, auth))).toEqual([]);
  });

  it('youtube', async () => {
    const key = { 'x-goog-api-key': fakes.settings.youtube.apiKey ?? '' };
    const api = fakes.settings.youtube.apiUrl;
    expect(missing('youtube/channels_list_by_handle.json', await get(`${api}/channels?part=snippet,statistics,contentDetails&forHandle=@examplestandards`, key))).toEqual([]);
    expect(missing('youtube/channels_list_not_found.json', await get(`${api}/channels?part=statistics&forHandle=@nobody`, key))).toEqual([]);
    expect(missing('youtube/playlist_items_page1.json', await get(`${api}/playlistItems?part=snippet,contentDetails&playlistId=UUx1ExampleStdAgency000A&maxResults=2`, key))).toEqual([]);
    expect(missing('youtube/videos_list_statistics.json', await get(`${api}/videos?part=snippet,contentDetails,statistics&id=dQ9x1ExAmPl,kL3m5ExAmPl`, key))).toEqual([]);
  });

  it('tiktok', async () => {
    const auth = { authorization: `Bearer ${fakes.tiktok.grant().accessToken}` };
    const fields = 'open_id,union_id,avatar_url,display_name,bio_description,profile_deep_link,is_verified,username,follower_count,following_count,likes_count,video_count';
    expect(missing('tiktok/user_info.json', await get(`${fakes.tiktok.url}/v2/user/info/?fields=${fields}`, auth))).toEqual([]);
    const list = await fetch(`${fakes.tiktok.url}/v2/video/list/?fields=id`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ max_count: 2 }) });
    expect(missing('tiktok/video_list_page1.json', await list.json())).toEqual([]);
    expect(missing('tiktok/error_access_token_invalid.json', await get(`${fakes.tiktok.url}/v2/user/info/?fields=open_id`, { authorization: 'Bearer act.forged' }))).toEqual([]);
  });

  it('linkedin', async () => {
    const h = { authorization: `Bearer ${fakes.linkedin.grant().accessToken}`, 'linkedin-version': '202603', 'x-restli-protocol-version': '2.0.0' };
    const rest = `${fakes.linkedin.url}/rest`;
    const org = encodeURIComponent('urn:li:organization:10987654');
    expect(missing('linkedin/network_size.json', await get(`${rest}/networkSizes/${org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, h))).toEqual([]);
    expect(missing('linkedin/share_statistics_lifetime.json', await get(`${rest}/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${org}`, h))).toEqual([]);
    expect(missing('linkedin/error_401_invalid_token.json', await get(`${rest}/networkSizes/${org}`, { ...h, authorization: 'Bearer forged' }))).toEqual([]);
    expect(missing('linkedin/error_426_version_not_active.json', await get(`${rest}/networkSizes/${org}`, { ...h, 'linkedin-version': '202301' }))).toEqual([]);
  });
});
