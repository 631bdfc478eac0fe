// Gathers the figures of an evaluation pack (one organisation) and of a network benchmark (one group).
import { buckets, type Interval } from '../core/analytics/buckets.ts';
import { bestTimes, topPosts } from '../core/analytics/insights.ts';
import { analysePosts, type AnalysedPost } from '../core/analytics/posts.ts';
import { activitySeries, followerSeries, sumSeries } from '../core/analytics/series.ts';
import { crossPlatformComposite, organizationMetrics, otherMentions, PILLARS, type MetricSet } from '../core/metrics/index.ts';
import { PLATFORMS, type Platform, type PostType } from '../core/platforms.ts';
import { addDays, daysBetween } from '../core/time.ts';
import { accountsOfOrganizations } from '../db/queries/metrics.ts';
import { listOrganizations } from '../db/queries/organizations.ts';
import { groupsOfOrganization } from '../db/queries/reports.ts';
import type { OrganizationRow } from '../db/schema.ts';
import type { BenchmarkData } from '../reports/benchmark.ts';
import type { EvaluationData, PeerPosition, ReportPost } from '../reports/evaluation-data.ts';
import { followerSummary, type PlatformFollowers } from '../reports/followers.ts';
import type { ReportLang } from '../reports/locales/index.ts';
import { SYSTEM, type Deps } from './context.ts';
import { requireGroup } from './groups.ts';
import { computeInboxStats } from './inbox.ts';
import { loadAccountData, type AccountData } from './load.ts';
import { checkPeriod, groupBenchmark } from './metrics.ts';
import { requireOrganization } from './organizations.ts';

const byPlatformOrder = (a: string, b: string) => PLATFORMS.indexOf(a as Platform) - PLATFORMS.indexOf(b as Platform);

/** The follower summary paragraph (house style) from per-platform figures. */
export function summaryOf(org: string, from: string, to: string, sets: Partial<Record<Platform, MetricSet>>, lang: ReportLang): string {
  const platforms: PlatformFollowers[] = [];
  for (const [p, set] of Object.entries(sets)) if (set && set.end !== null) platforms.push({ platform: p as Platform, end: set.end, growth: set.growth });
  return followerSummary({ org, from, to, platforms }, lang);
}

function intervalFor(days: number): Interval {
  return days <= 62 ? 'day' : days <= 400 ? 'week' : 'month';
}

const reportPost = (p: AnalysedPost): ReportPost => ({ platform: p.platform, handle: p.handle, date: p.date, type: p.type, text: p.text, engagements: p.engagements, er: p.er });

async function peerPositions(deps: Deps, org: OrganizationRow, platforms: Platform[], from: string, to: string): Promise<PeerPosition[]> {
  const groups = await groupsOfOrganization(deps.db.kysely, org.id);
  const peers = groups.filter((g) => g.kind === 'peer');
  const chosen = peers.length > 0 ? peers : groups.filter((g) => g.kind === 'network');
  const out: PeerPosition[] = [];
  for (const g of chosen) {
    const pos: PeerPosition = { group: g.code, name: g.name, kind: g.kind === 'peer' ? 'peer' : 'network', members: g.members, platforms: {} };
    for (const p of platforms) {
      const r = await groupBenchmark(SYSTEM, { group: g.code, platform: p, from, to }, deps);
      const mine = r.organizations.find((o) => o.org === org.code);
      if (!mine) continue;
      const percentiles: PeerPosition['platforms'][Platform] = { percentiles: {}, composite: mine.composite };
      for (const x of PILLARS) if (mine.percentiles[x] !== undefined) percentiles.percentiles[x] = mine.percentiles[x];
      pos.platforms[p] = percentiles;
    }
    out.push(pos);
  }
  return out;
}

export async function evaluationData(deps: Deps, i: { org: string; from: string; to: string; lang: ReportLang }): Promise<EvaluationData> {
  checkPeriod(i.from, i.to);
  const org = await requireOrganization(deps, i.org);
  const days = daysBetween(i.from, i.to) + 1;
  const prevFrom = addDays(i.from, -days);
  const prevTo = addDays(i.from, -1);
  const accounts = await accountsOfOrganizations(deps.db.kysely, [org.id]);
  const data = [...(await loadAccountData(deps, accounts, () => org.timezone, i.from, i.to, prevFrom)).values()];
  const platforms = [...new Set(accounts.map((a) => a.platform as Platform))].sort(byPlatformOrder);
  const on = (p: Platform) => data.filter((a) => a.platform === p);
  const interval = intervalFor(days);
  const list = buckets(i.from, i.to, interval);
  const posts = data.flatMap((a: AccountData) => analysePosts(a, a.posts)).filter((p) => p.date >= i.from && p.date <= i.to);

  const d: EvaluationData = {
    org: { code: org.code, name: org.name, timezone: org.timezone, synthetic: org.synthetic === 1 },
    from: i.from, to: i.to, prevFrom, prevTo, platforms,
    current: {}, previous: {}, summary: '', interval, buckets: list,
    followers: {}, posts: {}, er: {}, typeCounts: {}, mentioned: [],
    top: topPosts(posts, 'er', 5, 'top').map(reportPost),
    bottom: topPosts(posts, 'er', 5, 'bottom').map(reportPost),
    bestTimes: bestTimes(posts),
    peers: [],
  };
  const mentions = new Map<string, { platform: Platform; handle: string; count: number }>();
  for (const p of platforms) {
    d.current[p] = organizationMetrics(on(p), { from: i.from, to: i.to });
    d.previous[p] = organizationMetrics(on(p), { from: prevFrom, to: prevTo });
    d.followers[p] = sumSeries(on(p).map((a) => followerSeries(a.snapshots, list))).map((x) => x.value);
    const activity = activitySeries(posts.filter((x) => x.platform === p), list);
    d.posts[p] = activity.map((x) => x.posts);
    d.er[p] = activity.map((x) => x.er);
    const counts: Partial<Record<PostType, number>> = {};
    for (const x of posts) if (x.platform === p) counts[x.type] = (counts[x.type] ?? 0) + 1;
    d.typeCounts[p] = counts;
  }
  for (const x of posts) {
    for (const h of new Set(otherMentions(x.text, x.platform, x.handle).map((m) => m.toLowerCase()))) {
      const key = `${x.platform}/${h}`;
      const seen = mentions.get(key) ?? { platform: x.platform, handle: h, count: 0 };
      seen.count++;
      mentions.set(key, seen);
    }
  }
  d.mentioned = [...mentions.values()].sort((a, b) => b.count - a.count || (a.handle < b.handle ? -1 : 1)).slice(0, 10);
  d.summary = summaryOf(org.code, i.from, i.to, d.current, i.lang);
  d.peers = await peerPositions(deps, org, platforms, i.from, i.to);
  const inbox = await computeInboxStats(deps, org, i.from, i.to);
  if (inbox.accounts.length > 0) d.inbox = { accounts: inbox.accounts.map((a) => ({ ...a, platform: a.platform as Platform })), total: inbox.total };
  return d;
}

async function members(deps: Deps, groupId: number): Promise<OrganizationRow[]> {
  const out: OrganizationRow[] = [];
  for (let after: string | undefined; ; ) {
    const rows = await listOrganizations(deps.db.kysely, { groupId, after, limit: 1000 });
    out.push(...rows.slice(0, 1000));
    if (rows.length <= 1000) return out;
    after = rows[999]?.code;
  }
}

export async function benchmarkData(deps: Deps, i: { group: string; from: string; to: string; platforms?: Platform[] | undefined }): Promise<BenchmarkData> {
  checkPeriod(i.from, i.to);
  const group = await requireGroup(deps, i.group);
  const orgs = await members(deps, group.id);
  const platforms = i.platforms ?? [...new Set((await accountsOfOrganizations(deps.db.kysely, orgs.map((o) => o.id))).map((a) => a.platform as Platform))];
  platforms.sort(byPlatformOrder);
  const d: BenchmarkData = {
    group: { code: group.code, name: group.name }, from: i.from, to: i.to, platforms,
    members: orgs.map((o) => ({ code: o.code, name: o.name, synthetic: o.synthetic === 1 })),
    perPlatform: {}, composite: [],
  };
  const perOrg = new Map<string, Partial<Record<string, number | null>>>(orgs.map((o) => [o.code, {}]));
  for (const p of platforms) {
    const r = await groupBenchmark(SYSTEM, { group: group.code, platform: p, from: i.from, to: i.to }, deps);
    d.perPlatform[p] = { organizations: r.organizations, stats: r.stats };
    for (const o of r.organizations) {
      const rec = perOrg.get(o.org);
      if (rec) rec[p] = o.composite;
    }
  }
  d.composite = [...perOrg.entries()]
    .map(([org, ps]) => ({ org, platforms: ps, composite: crossPlatformComposite(Object.values(ps).map((v) => v ?? null)) }))
    .sort((a, b) => (b.composite ?? -1) - (a.composite ?? -1) || (a.org < b.org ? -1 : 1));
  return d;
}
