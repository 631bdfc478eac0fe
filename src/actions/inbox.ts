// Use cases of the inbox: list an organisation's comments and mentions, assign them, mark them done,
// read them again now, and its responsiveness figures (response rate, median time to first reply).
import { z } from 'zod';
import { Invalid, NotFound } from '../core/errors.ts';
import { combinedStats, responseStats, type InboxFact, type ResponseStats } from '../core/inbox/stats.ts';
import { addDays } from '../core/time.ts';
import { findTeamMember } from '../db/queries/team.ts';
import * as q from '../db/queries/inbox.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { requireAccount } from './accounts.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { localDate, pageQuery } from './fields.ts';
import { inboxPlatforms, INBOX_STREAM } from './inbox-sync.ts';
import { checkPeriod } from './metrics.ts';
import { requireOrganization } from './organizations.ts';
import { newWorkerId, runStream, streamReport } from './sync.ts';

export const REPLY_STATES = ['sending', 'sent', 'failed', 'needs_check'] as const;

export const inboxReplyView = z
  .object({
    id: z.number(),
    text: z.string(),
    state: z.enum(REPLY_STATES).meta({ description: 'needs_check: the platform may have posted it; a person looks before anything is sent again' }),
    external_id: z.string().nullable(),
    via: z.enum(['socialbench', 'platform']).meta({ description: 'platform: written on the platform itself, seen by the sync' }),
    sent_by: z.string().nullable(),
    member_id: z.number().nullable(),
    error: z.string().nullable(),
    created_at: z.string(),
    sent_at: z.string().nullable(),
  })
  .meta({ id: 'InboxReply' });
export type InboxReplyView = z.infer<typeof inboxReplyView>;

export const inboxEntryView = z
  .object({
    id: z.number(),
    org: z.string(),
    platform: z.string(),
    handle: z.string().meta({ description: 'our account the entry was written to' }),
    kind: z.enum(['comment', 'reply', 'mention']),
    external_id: z.string(),
    post_id: z.string().nullable().meta({ description: "the platform's id of the post it is under" }),
    parent_id: z.string().nullable().meta({ description: 'the comment it answers (its thread)' }),
    author_handle: z.string().nullable(),
    author_name: z.string().nullable(),
    text: z.string().meta({ description: 'as the platform sent it; untrusted, show as text' }),
    received_at: z.string(),
    status: z.enum(['open', 'done']),
    assignee: z.object({ id: z.number(), name: z.string() }).nullable(),
    first_reply_at: z.string().nullable(),
    done_at: z.string().nullable(),
    replies: z.array(inboxReplyView),
  })
  .meta({ id: 'InboxEntry' });
export type InboxEntryView = z.infer<typeof inboxEntryView>;

function pick<T extends string>(values: readonly T[], v: string, fallback: T): T {
  return (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function viewReply(r: q.InboxReplyRow): InboxReplyView {
  return {
    id: r.id, text: r.text, state: pick(REPLY_STATES, r.state, 'needs_check'), external_id: r.external_id, via: r.via === 'platform' ? 'platform' : 'socialbench',
    sent_by: r.sent_by, member_id: r.member_id, error: r.error, created_at: r.created_at, sent_at: r.sent_at,
  };
}

function viewEntry(e: q.InboxEntryWithRefs, replies: q.InboxReplyRow[]): InboxEntryView {
  return {
    id: e.id, org: e.org_code, platform: e.platform, handle: e.handle, kind: pick(['comment', 'reply', 'mention'] as const, e.kind, 'comment'),
    external_id: e.external_id, post_id: e.post_external_id, parent_id: e.parent_external_id, author_handle: e.author_handle, author_name: e.author_name,
    text: e.text, received_at: e.received_at, status: e.status === 'done' ? 'done' : 'open',
    assignee: e.assignee_id !== null && e.assignee_name !== null ? { id: e.assignee_id, name: e.assignee_name } : null,
    first_reply_at: e.first_reply_at, done_at: e.done_at, replies: replies.filter((r) => r.entry_id === e.id).map(viewReply),
  };
}

export async function requireEntry(deps: Deps, id: number): Promise<q.InboxEntryWithRefs> {
  const e = await q.findEntry(deps.db.kysely, id);
  if (!e) throw new NotFound(`inbox entry ${id} does not exist`);
  return e;
}

export async function getEntry(_actor: Actor, id: number, deps: Deps): Promise<InboxEntryView> {
  const e = await requireEntry(deps, id);
  return viewEntry(e, await q.repliesOf(deps.db.kysely, [e.id]));
}

export const listInboxInput = pageQuery.extend({
  status: z.enum(['open', 'done']).optional(),
  account: z.string().regex(/^[a-z]+\/\S+$/i, 'must be platform/handle, e.g. x/bsn_sni').optional().meta({ description: 'one account, as platform/handle' }),
  assignee: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional().meta({ description: "a team member's id, or none for unassigned entries" }),
});

async function accountOf(deps: Deps, org: OrganizationRow, key: string): Promise<number> {
  const [platformName = '', ...rest] = key.split('/');
  const a = await requireAccount(deps, platformName, rest.join('/'));
  if (a.organization_id !== org.id) throw new Invalid(`${key} is not an account of ${org.code}`, [{ path: 'account', message: 'belongs to another organisation' }]);
  return a.id;
}

function afterKey(cursor: string | undefined): { at: string; id: number } | undefined {
  const key = decodeCursor<string>(cursor, 'string');
  if (key === undefined) return undefined;
  const cut = key.lastIndexOf('|');
  const id = Number(key.slice(cut + 1));
  if (cut < 0 || !Number.isInteger(id)) throw new Invalid('cursor is not one this server issued', [{ path: 'cursor', message: 'unreadable cursor' }]);
  return { at: key.slice(0, cut), id };
}

export async function listInbox(_actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<Page<InboxEntryView>> {
  const i = parseInput(listInboxInput, input);
  const org = await requireOrganization(deps, orgCode);
  const rows = await q.listEntries(deps.db.kysely, {
    organizationId: org.id, status: i.status, accountId: i.account ? await accountOf(deps, org, i.account) : undefined,
    assigneeId: i.assignee === 'none' ? null : i.assignee, after: afterKey(i.cursor), limit: i.limit,
  });
  const page = toPage(rows, i.limit, (r) => `${r.received_at}|${r.id}`);
  const replies = await q.repliesOf(deps.db.kysely, page.items.map((e) => e.id));
  return { items: page.items.map((e) => viewEntry(e, replies)), next_cursor: page.next_cursor };
}

export const updateEntryInput = z
  .object({
    assignee_id: z.number().int().positive().nullable().optional().meta({ description: 'a team member of the organisation; null takes the assignment away' }),
    status: z.enum(['open', 'done']).optional(),
  })
  .refine((v) => v.assignee_id !== undefined || v.status !== undefined, 'give assignee_id, status or both');

/** Checks that the team member works for the entry's organisation. */
export async function checkMemberOf(deps: Deps, organizationId: number, memberId: number, path: string): Promise<void> {
  const m = await findTeamMember(deps.db.kysely, memberId);
  if (!m || m.organization_id !== organizationId) throw new Invalid(`team member ${memberId} is not in this organisation`, [{ path, message: 'not a team member of the organisation' }]);
}

export async function updateEntry(actor: Actor, id: number, input: unknown, deps: Deps): Promise<InboxEntryView> {
  const i = parseInput(updateEntryInput, input);
  const e = await requireEntry(deps, id);
  if (i.assignee_id) await checkMemberOf(deps, e.organization_id, i.assignee_id, 'assignee_id');
  const now = deps.now();
  await q.updateEntry(deps.db.kysely, e.id, {
    ...(i.assignee_id !== undefined ? { assignee_id: i.assignee_id } : {}),
    ...(i.status !== undefined && i.status !== e.status ? { status: i.status, done_at: i.status === 'done' ? now : null } : {}),
    updated_at: now,
  });
  return getEntry(actor, e.id, deps);
}

// ---- responsiveness

export const inboxStatsInput = z.object({ from: localDate, to: localDate });

const statsLine = z.object({
  entries: z.number().meta({ description: 'comments and mentions by others that arrived in the period (local dates)' }),
  answered: z.number().meta({ description: 'of those, answered by as_of' }),
  response_rate: z.number().nullable().meta({ description: 'answered / entries × 100; null when nothing arrived' }),
  median_first_reply_minutes: z.number().nullable().meta({ description: 'median minutes from arrival to our first reply, over the answered ones' }),
});
export const inboxStatsView = z
  .object({
    org: z.string(),
    from: z.string(),
    to: z.string(),
    timezone: z.string(),
    as_of: z.string().meta({ description: 'replies after this instant are not counted' }),
    accounts: z.array(statsLine.extend({ platform: z.string(), handle: z.string() })),
    total: statsLine,
  })
  .meta({ id: 'InboxStats' });
export type InboxStatsView = z.infer<typeof inboxStatsView>;

/** The figures of one organisation (also read by the evaluation pack). */
export async function computeInboxStats(deps: Deps, org: OrganizationRow, from: string, to: string): Promise<InboxStatsView> {
  const k = deps.db.kysely;
  const asOf = deps.now();
  const period = { from, to, zone: org.timezone, asOf };
  // A day of margin on either side covers every zone; the local date decides in core/inbox.
  const rows = await q.statsFacts(k, org.id, `${addDays(from, -1)}T00:00:00.000Z`, `${addDays(to, 2)}T00:00:00.000Z`);
  const byAccount = new Map<number, InboxFact[]>();
  for (const r of rows) {
    const list = byAccount.get(r.account_id) ?? [];
    list.push({ kind: r.kind, receivedAt: r.received_at, firstReplyAt: r.first_reply_at });
    byAccount.set(r.account_id, list);
  }
  const accounts = (await q.accountsWithEntries(k, org.id)).map((a) => ({ platform: a.platform, handle: a.handle, ...responseStats(byAccount.get(a.id) ?? [], period) }));
  const total: ResponseStats = combinedStats([...byAccount.values()], period);
  return { org: org.code, from, to, timezone: org.timezone, as_of: asOf, accounts, total };
}

export async function inboxStats(_actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<InboxStatsView> {
  const i = parseInput(inboxStatsInput, input);
  checkPeriod(i.from, i.to);
  return computeInboxStats(deps, await requireOrganization(deps, orgCode), i.from, i.to);
}

// ---- reading now

export const inboxRefreshView = z.object({ org: z.string(), accounts: z.array(streamReport.extend({ platform: z.string(), handle: z.string() })) }).meta({ id: 'InboxRefresh' });
export type InboxRefreshView = z.infer<typeof inboxRefreshView>;

/** Reads the comments and mentions of the organisation's connected accounts now, whatever their schedule. */
export async function refreshInbox(_actor: Actor, orgCode: string, deps: Deps): Promise<InboxRefreshView> {
  const org = await requireOrganization(deps, orgCode);
  const platforms = new Set<string>(inboxPlatforms(deps));
  const worker = newWorkerId('inbox');
  const accounts: InboxRefreshView['accounts'] = [];
  for (const a of await q.ownedAccountIds(deps.db.kysely, org.id)) {
    if (!platforms.has(a.platform)) continue;
    accounts.push({ platform: a.platform, handle: a.handle, ...(await runStream(deps, a.id, INBOX_STREAM, worker)) });
  }
  return { org: org.code, accounts };
}
