// Observed practice (issue 9): gathers, for one organisation and period, the signals that
// core/practice/observed.ts turns into proposed levels, and says which inputs could not be observed.
import { checkVoice, personaSchema } from '../core/content/index.ts';
import { VISUAL_TYPES } from '../core/metrics/index.ts';
import type { PostType } from '../core/platforms.ts';
import { proposeLevels, type Bilingual, type DefaultPracticeId, type LevelProposal, type ObservedSignals } from '../core/practice/index.ts';
import { addDays, daysBetween, localDate } from '../core/time.ts';
import { findPersona } from '../db/queries/content.ts';
import * as q from '../db/queries/practice-observed.ts';
import { networksOf } from '../db/queries/practice.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { startOfLocalDay } from './content.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { requireOrganization } from './organizations.ts';
import { extraSources, type ExtraSources } from './practice-observed-sources.ts';
import { monthsIn, periodWindow, practicePeriod } from './practice-period.ts';
import { z } from 'zod';

/** One input behind a proposal: the figures read, or why it could not be observed. */
export interface ObservedInput {
  practiceId: DefaultPracticeId;
  input: string;
  observed: boolean;
  values: Record<string, number | boolean | null>;
  /** Why the input is missing or what limits it; null when there is nothing to say. */
  note: Bilingual | null;
}

export interface ObservedPracticeView {
  org: string;
  period: string;
  /** The local dates observed (the period, cut at today). */
  from: string;
  to: string;
  /** false when the period's part could not be read and the whole year was used. */
  exact: boolean;
  network: string | null;
  signals: ObservedSignals;
  inputs: ObservedInput[];
  proposals: LevelProposal[];
}

const t = (id: string, en: string): Bilingual => ({ id, en });

const NOTES = {
  noPosts: t('Tidak ada unggahan dalam periode ini.', 'No posts in this period.'),
  noAccounts: t('Organisasi ini belum punya akun resmi yang tercatat.', 'The organisation has no official accounts recorded.'),
  noTeam: t('Tim organisasi ini belum dicatat di socialbench, jadi pemegang akun tidak terlihat.', "The organisation's team is not recorded in socialbench, so account holders cannot be seen."),
  noCalendar: t('Kalender konten socialbench belum dipakai; perencanaan di tempat lain tidak terlihat.', "socialbench's content calendar is not used; planning done elsewhere cannot be seen."),
  noPersona: t('Belum ada persona yang diatur, jadi tidak ada pemeriksaan gaya bahasa.', 'No persona is configured, so no voice checks run.'),
  noItems: t('Tidak ada konten dalam periode ini untuk diperiksa.', 'No content items in this period to check.'),
  personaNow: t('Teks dinilai ulang sekarang dengan persona saat ini; hasil pemeriksaan lama tidak disimpan.', "Texts are checked now against today's persona; earlier check results are not stored."),
  noMeetingLog: t('Belum ada rapat yang dicatat sebagai terlaksana di socialbench; rapat yang tidak dicatat tidak terlihat.', 'No meeting has been recorded as held in socialbench; meetings not recorded cannot be seen.'),
  noInbox: t('Tidak ada komentar atau sebutan yang masuk ke kotak masuk dalam periode ini.', 'No comments or mentions reached the inbox in this period.'),
  noReplies: t('Ada komentar atau sebutan, tetapi belum ada balasan tercatat dalam periode ini.', 'Comments or mentions arrived, but no replies are recorded in this period.'),
  noTargets: t('Target unggahan per akun belum dicatat; hanya jumlah unggahan per minggu yang terlihat.', 'No weekly targets are recorded per account; only posts per week can be seen.'),
  noReports: t('Belum pernah ada laporan organisasi ini yang dibuat di socialbench; laporan di tempat lain tidak terlihat.', 'No report on this organisation has ever been made in socialbench; reports made elsewhere cannot be seen.'),
} as const;

export const observedInput = z.object({ network: z.string().trim().min(1).max(40).optional() });

interface Ctx {
  deps: Deps;
  org: OrganizationRow;
  from: string;
  to: string;
  fromInstant: string;
  toInstant: string;
  days: number;
}

function instantRange(from: string, to: string, zone: string): [string, string] {
  return [startOfLocalDay(from, zone), startOfLocalDay(addDays(to, 1), zone)];
}

async function postsAndAccounts(c: Ctx, sources: ExtraSources) {
  const accounts = await q.accountsWithHolders(c.deps.db.kysely, c.org.id);
  const counts = await q.postCountsByType(c.deps.db.kysely, accounts.map((a) => a.id), c.fromInstant, c.toInstant);
  const perAccount = new Map<number, number>();
  let total = 0;
  let visual = 0;
  for (const r of counts) {
    perAccount.set(r.account_id, (perAccount.get(r.account_id) ?? 0) + r.n);
    total += r.n;
    if (VISUAL_TYPES.has(r.type as PostType)) visual += r.n;
  }
  const targets = await sources.targets(c.deps, accounts.map((a) => a.id));
  const cadence = accounts.map((a) => ({
    account: `${a.platform}/${a.handle}`,
    actualPerWeek: ((perAccount.get(a.id) ?? 0) / c.days) * 7,
    targetPerWeek: targets.get(a.id) ?? null,
  }));
  return { accounts, total, visual, cadence, targetsRecorded: targets.size > 0 };
}

async function plannedPosts(c: Ctx, accountIds: ReadonlySet<number>): Promise<number | null> {
  if ((await q.contentItemCount(c.deps.db.kysely, c.org.id)) === 0) return null;
  const items = await q.publishedItems(c.deps.db.kysely, c.org.id, c.fromInstant, c.toInstant);
  let planned = 0;
  for (const item of items) {
    // On the calendar before publication: made before it went out.
    if (item.published_at === null || item.created_at >= item.published_at) continue;
    const ids = (JSON.parse(item.account_ids) as unknown[]).filter((id): id is number => typeof id === 'number' && accountIds.has(id));
    planned += Math.max(1, ids.length);
  }
  return planned;
}

async function personaChecks(c: Ctx): Promise<{ run: number; passed: number } | null> {
  const row = await findPersona(c.deps.db.kysely, c.org.id);
  if (!row) return null;
  const persona = personaSchema.parse(JSON.parse(row.persona));
  const variants = await q.variantTextsOfPeriod(c.deps.db.kysely, c.org.id, c.fromInstant, c.toInstant);
  const byItem = new Map<number, boolean>();
  for (const v of variants) byItem.set(v.item_id, (byItem.get(v.item_id) ?? true) && checkVoice(persona, v.text).passed);
  return { run: byItem.size, passed: [...byItem.values()].filter(Boolean).length };
}

async function reportCounts(c: Ctx): Promise<{ ever: number; last90: number }> {
  const [since] = instantRange(addDays(c.to, -89), c.to, c.org.timezone);
  const rows = await q.reportsMadeBefore(c.deps.db.kysely, c.toInstant);
  const mine = rows.filter((r) => {
    const params = JSON.parse(r.params) as { org?: unknown };
    return r.kind === 'evaluation' && params.org === c.org.code;
  });
  return { ever: mine.length, last90: mine.filter((r) => r.created_at >= since).length };
}

/** Figures and signals of one organisation over one period; `sources` is replaceable for tests. */
export async function observeOrganization(deps: Deps, org: OrganizationRow, period: string, networkCode: string | undefined, sources: ExtraSources = extraSources): Promise<ObservedPracticeView> {
  const window = periodWindow(period, localDate(deps.now(), org.timezone));
  const [fromInstant, toInstant] = instantRange(window.from, window.to, org.timezone);
  const c: Ctx = { deps, org, from: window.from, to: window.to, fromInstant, toInstant, days: daysBetween(window.from, window.to) + 1 };
  const networks = await networksOf(deps.db.kysely, org.id);
  const network = networkCode !== undefined ? (networks.find((n) => n.code === networkCode) ?? null) : networks.length === 1 ? (networks[0] ?? null) : null;

  const posts = await postsAndAccounts(c, sources);
  const planned = await plannedPosts(c, new Set(posts.accounts.map((a) => a.id)));
  const persona = await personaChecks(c);
  const contacts = await q.liaisonCount(deps.db.kysely, org.id, network?.id ?? null);
  const reports = await reportCounts(c);
  const logged = await sources.meetings(deps, org.id, fromInstant, toInstant);
  const meetings = logged.ever > 0 ? logged : null;
  const replies = await sources.replies(deps, org, window.from, window.to);
  const months = monthsIn(window.from, window.to);
  const withHolder = posts.accounts.filter((a) => a.holders > 0).length;
  const teamKnown = (await q.teamMemberCount(deps.db.kysely, org.id)) > 0;
  const holdersKnown = teamKnown && posts.accounts.length > 0;

  const signals: ObservedSignals = {
    meetingsPerMonth: meetings ? { planning: meetings.planning / months, evaluation: meetings.evaluation / months } : null,
    plannedShare: planned === null || posts.total === 0 ? null : Math.min(100, (planned / posts.total) * 100),
    cadence: posts.accounts.length === 0 ? null : posts.cadence.map(({ actualPerWeek, targetPerWeek }) => ({ actualPerWeek, targetPerWeek })),
    visualShare: posts.total === 0 ? null : (posts.visual / posts.total) * 100,
    personaChecks: persona,
    medianFirstReplyHours: replies.answered > 0 ? replies.medianHours : null,
    liaisonNamed: contacts > 0,
    accountsWithHolder: holdersKnown ? withHolder : null,
    accountsTotal: holdersKnown ? posts.accounts.length : null,
    reportsLast90Days: reports.ever === 0 ? null : reports.last90,
  };

  const input = (practiceId: DefaultPracticeId, name: string, observed: boolean, values: ObservedInput['values'], note: Bilingual | null = null): ObservedInput => ({ practiceId, input: name, observed, values, note });
  const inputs: ObservedInput[] = [
    input('team_ownership', 'accounts_with_holder', signals.accountsTotal !== null, { accounts: posts.accounts.length, with_holder: withHolder }, posts.accounts.length === 0 ? NOTES.noAccounts : teamKnown ? null : NOTES.noTeam),
    input('planning_meetings', 'planning_meetings_per_month', meetings !== null, { held: meetings?.planning ?? null, per_month: signals.meetingsPerMonth?.planning ?? null }, meetings ? null : NOTES.noMeetingLog),
    input('evaluation_meetings', 'evaluation_meetings_per_month', meetings !== null, { held: meetings?.evaluation ?? null, per_month: signals.meetingsPerMonth?.evaluation ?? null }, meetings ? null : NOTES.noMeetingLog),
    input('editorial_calendar', 'planned_share', signals.plannedShare !== null, { posts: posts.total, planned_posts: planned, share: signals.plannedShare }, planned === null ? NOTES.noCalendar : posts.total === 0 ? NOTES.noPosts : null),
    input('posting_cadence', 'cadence', signals.cadence !== null, {
      accounts: posts.accounts.length,
      posts: posts.total,
      posts_per_week: posts.accounts.length ? (posts.total / c.days) * 7 : null,
      with_target: posts.cadence.filter((x) => x.targetPerWeek !== null && x.targetPerWeek > 0).length,
    }, posts.accounts.length === 0 ? NOTES.noAccounts : posts.targetsRecorded ? null : NOTES.noTargets),
    input('visual_content', 'visual_share', signals.visualShare !== null, { posts: posts.total, visual_posts: posts.visual, share: signals.visualShare }, posts.total === 0 ? NOTES.noPosts : null),
    input('persona_style', 'persona_checks', persona !== null && persona.run > 0, { run: persona?.run ?? null, passed: persona?.passed ?? null }, persona === null ? NOTES.noPersona : persona.run === 0 ? NOTES.noItems : NOTES.personaNow),
    input('interaction_response', 'median_first_reply_hours', signals.medianFirstReplyHours !== null, { entries: replies.entries, answered: replies.answered, median_hours: signals.medianFirstReplyHours }, replies.entries === 0 ? NOTES.noInbox : replies.answered === 0 ? NOTES.noReplies : null),
    input('network_liaison', 'liaison_named', true, { contacts, named: contacts > 0 }),
    input('measurement_reporting', 'reports_last_90_days', signals.reportsLast90Days !== null, { reports: reports.last90, ever: reports.ever }, reports.ever === 0 ? NOTES.noReports : null),
  ];
  return {
    org: org.code,
    period,
    from: window.from,
    to: window.to,
    exact: window.exact,
    network: network?.code ?? null,
    signals,
    inputs,
    proposals: proposeLevels(signals),
  };
}

/** GET /organizations/{code}/practice-observed/{period}: proposed levels with the figures behind them. */
export async function observedPractice(_actor: Actor, code: string, period: string, input: unknown, deps: Deps): Promise<ObservedPracticeView> {
  parseInput(z.object({ period: practicePeriod }), { period });
  const i = parseInput(observedInput, input ?? {});
  const org = await requireOrganization(deps, code);
  return observeOrganization(deps, org, period, i.network);
}
