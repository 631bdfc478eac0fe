// The generated evaluation agenda: gathers the period's figures and the period before (metrics), top and
// bottom posts (analytics), cadence gaps (targets, and runs of days without a post), the peer position
// (group benchmark) and the previous meeting's open action items, then hands them to core/meetings.
import type { MetricSet } from '../core/metrics/index.ts';
import {
  figureRows, previousPeriod, quietSpells,
  type AgendaPost, type CadenceGap, type EvaluationAgenda, type OpenAction, type PeerPosition, type PlatformFigures,
} from '../core/meetings/index.ts';
import { addDays, daysBetween, localDate } from '../core/time.ts';
import * as q from '../db/queries/meetings.ts';
import { accountsOfOrganizations } from '../db/queries/metrics.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { topPostsReport, type PostView } from './analytics.ts';
import { cadenceReport, MAX_CADENCE_DAYS } from './cadence.ts';
import { startOfLocalDay } from './content.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { agendaInput } from './meetings-schemas.ts';
import { checkPeriod, groupBenchmark, organizationMetricsReport } from './metrics.ts';
import { requireOrganization } from './organizations.ts';

const POSTS_EACH = 3;
/** Peer groups compared against (an organisation's own peer groups first, else its networks). */
const GROUPS_MAX = 2;

function figures(m: MetricSet): PlatformFigures {
  return { followers: m.followers, growth: m.growth, growth_pct: m.growth_pct, posts_per_week: m.posts_per_week, er: m.er };
}

async function platformFigures(actor: Actor, org: string, from: string, to: string, deps: Deps): Promise<Record<string, PlatformFigures>> {
  const r = await organizationMetricsReport(actor, { org, from, to }, deps);
  return Object.fromEntries(Object.entries(r.platforms).map(([p, m]) => [p, figures(m as MetricSet)]));
}

const agendaPost = (p: PostView): AgendaPost => ({
  platform: p.platform, handle: p.handle, date: p.date, type: p.type, text: p.text && p.text.length > 280 ? `${p.text.slice(0, 279)}…` : p.text,
  permalink: p.permalink, engagements: p.engagements, er: p.er,
});

async function posts(actor: Actor, org: string, from: string, to: string, deps: Deps): Promise<{ top: AgendaPost[]; bottom: AgendaPost[] }> {
  const top = (await topPostsReport(actor, { org, from, to, by: 'er', order: 'top', limit: POSTS_EACH }, deps)).posts;
  const seen = new Set(top.map((p) => `${p.platform}/${p.post_id}`));
  const bottom = (await topPostsReport(actor, { org, from, to, by: 'er', order: 'bottom', limit: POSTS_EACH * 2 }, deps)).posts
    .filter((p) => !seen.has(`${p.platform}/${p.post_id}`))
    .slice(0, POSTS_EACH);
  return { top: top.map(agendaPost), bottom: bottom.map(agendaPost) };
}

async function cadenceGaps(actor: Actor, org: OrganizationRow, from: string, to: string, minQuietDays: number, deps: Deps): Promise<CadenceGap[]> {
  const k = deps.db.kysely;
  const accounts = await accountsOfOrganizations(k, [org.id]);
  const out: CadenceGap[] = [];
  if (daysBetween(from, to) < MAX_CADENCE_DAYS) {
    const c = await cadenceReport(actor, org.code, { from, to }, deps);
    for (const a of c.accounts) {
      for (const w of a.weeks) {
        if (w.state === 'gap' && w.past && w.start >= from && w.end <= to) {
          out.push({ platform: a.platform, handle: a.handle, kind: 'target', from: w.start, to: w.end, days: 7, target: w.target, published: w.covered });
        }
      }
    }
  }
  const times = await q.postTimesOf(k, accounts.map((a) => a.id), startOfLocalDay(from, org.timezone), startOfLocalDay(addDays(to, 1), org.timezone));
  for (const a of accounts) {
    const dates = times.filter((t) => t.account_id === a.id).map((t) => localDate(t.published_at, org.timezone));
    for (const s of quietSpells(dates, from, to, minQuietDays)) out.push({ platform: a.platform, handle: a.handle, kind: 'quiet', ...s, target: null, published: null });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.handle < b.handle ? -1 : 1));
}

async function peers(actor: Actor, org: OrganizationRow, platforms: string[], from: string, to: string, deps: Deps): Promise<PeerPosition[]> {
  const groups = await q.groupsOfOrganization(deps.db.kysely, org.id);
  const chosen = (groups.some((g) => g.kind === 'peer') ? groups.filter((g) => g.kind === 'peer') : groups).slice(0, GROUPS_MAX);
  const out: PeerPosition[] = [];
  for (const g of chosen) {
    for (const platform of platforms) {
      const b = await groupBenchmark(actor, { group: g.code, platform, from, to }, deps);
      const ranked = b.organizations.filter((o) => o.composite !== null);
      const own = b.organizations.find((o) => o.org === org.code);
      const at = ranked.findIndex((o) => o.org === org.code);
      const percentiles = Object.fromEntries(Object.entries(own?.percentiles ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));
      out.push({ group: g.code, platform, rank: at >= 0 ? at + 1 : null, of: at >= 0 ? ranked.length : b.organizations.length, composite: own?.composite ?? null, percentiles });
    }
  }
  return out;
}

/** Open action items of the meeting before `startsAt`. */
export async function openActionsBefore(deps: Deps, organizationId: number, startsAt: string, exceptId?: number): Promise<OpenAction[]> {
  const prev = await q.previousMeeting(deps.db.kysely, organizationId, startsAt, exceptId);
  if (!prev) return [];
  const items = await q.actionItemsOf(deps.db.kysely, [prev.id], 'open');
  return items.map((a) => ({ id: a.id, text: a.text, owner: a.owner_name, due_date: a.due_date, meeting_id: prev.id, meeting_title: prev.title }));
}

export interface AgendaContext {
  /** The meeting the agenda is for: its previous meeting is the one before it (default: before now). */
  startsAt?: string;
  meetingId?: number;
}

export async function buildAgenda(actor: Actor, input: unknown, deps: Deps, ctx: AgendaContext = {}): Promise<EvaluationAgenda> {
  const i = parseInput(agendaInput, input);
  checkPeriod(i.from, i.to);
  const org = await requireOrganization(deps, i.org);
  const prev = previousPeriod(i.from, i.to);
  const [current, before] = await Promise.all([platformFigures(actor, org.code, i.from, i.to, deps), platformFigures(actor, org.code, prev.from, prev.to, deps)]);
  const p = await posts(actor, org.code, i.from, i.to, deps);
  return {
    org: org.code,
    name: org.name,
    timezone: org.timezone,
    period: { from: i.from, to: i.to },
    previous: prev,
    figures: figureRows(current, before),
    top_posts: p.top,
    bottom_posts: p.bottom,
    cadence_gaps: await cadenceGaps(actor, org, i.from, i.to, i.min_quiet_days, deps),
    peers: await peers(actor, org, Object.keys(current).sort(), i.from, i.to, deps),
    open_actions: await openActionsBefore(deps, org.id, ctx.startsAt ?? deps.now(), ctx.meetingId),
    generated_at: deps.now(),
  };
}

/** GET /organizations/{code}/evaluation-agenda and `socialbench meeting agenda`: the agenda for a period, without a meeting. */
export function evaluationAgenda(actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<EvaluationAgenda> {
  return buildAgenda(actor, { ...(input && typeof input === 'object' ? input : {}), org: orgCode }, deps);
}
