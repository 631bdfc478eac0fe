// Replying to an inbox entry through the platform, at most once: the reply is recorded as `sending`
// before the call; a lost answer leaves it `needs_check` for a person (or the next sync) to settle.
import { z } from 'zod';
import { Conflict, Invalid } from '../core/errors.ts';
import { findConnection } from '../db/queries/connections.ts';
import { isUniqueViolation } from '../db/errors.ts';
import * as q from '../db/queries/inbox.ts';
import { addQuotaUse } from '../db/queries/sync.ts';
import { quotaDay } from '../platforms/youtube/quota.ts';
import { OutcomeUnknown, PlatformError, type Published } from '../platforms/types.ts';
import { connectorFor, NoAccess, withAccess } from './connections.ts';
import { actorLabel, parseInput, SYSTEM, type Actor, type Deps } from './context.ts';
import { checkMemberOf, getEntry, requireEntry, viewReply, type InboxEntryView, type InboxReplyView } from './inbox.ts';

/** A `sending` reply older than this belongs to a process that died mid-call: a person may settle it. */
const STALE_SENDING_MS = 10 * 60_000;

export const replyInput = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(5000),
  member_id: z.number().int().positive().optional().meta({ description: 'the team member who wrote it' }),
  mark_done: z.boolean().default(false).meta({ description: 'mark the entry done once the reply is sent' }),
});

export const settleReplyInput = z.object({
  state: z.enum(['sent', 'failed']).meta({ description: 'what a look at the platform showed' }),
  external_id: z.string().min(1).optional().meta({ description: "the reply's id on the platform, when it was sent" }),
});

export interface ReplyOutcome {
  entry: InboxEntryView;
  reply: InboxReplyView;
}

export async function replyToEntry(actor: Actor, id: number, input: unknown, deps: Deps): Promise<ReplyOutcome> {
  const i = parseInput(replyInput, input);
  const k = deps.db.kysely;
  const e = await requireEntry(deps, id);
  if (i.member_id) await checkMemberOf(deps, e.organization_id, i.member_id, 'member_id');
  const { adapter } = connectorFor(deps, e.platform);
  const reply = adapter.reply?.bind(adapter);
  if (!reply) throw new Invalid(`replies to ${e.platform} cannot be sent from here yet`);
  if ((await findConnection(k, e.account_id))?.status !== 'active') throw new Invalid(`${e.platform}/${e.handle} is not connected; connect it to reply`);
  const account = { id: e.account_id, platform: e.platform, handle: e.handle };
  const externalId = (await q.inboxAccount(k, e.account_id))?.external_id ?? null;

  const created = deps.now();
  let replyId: number;
  try {
    replyId = await q.insertReply(k, { entry_id: e.id, text: i.text, state: 'sending', external_id: null, via: 'socialbench', sent_by: actorLabel(actor), member_id: i.member_id ?? null, error: null, created_at: created, sent_at: null, updated_at: created });
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict('a reply to this entry is being sent or waits for a check; settle it first', [{ path: 'id', message: 'reply pending' }]);
    throw err;
  }

  // Quota units the call spends (YouTube charges 50 for a reply, answered or not), counted with the sync's.
  const units = new Map<string, number>();
  const onCost = (bucket: string, n: number) => units.set(bucket, (units.get(bucket) ?? 0) + n);
  let published: Published;
  try {
    published = await withAccess(deps, account, (access) => {
      if (access.kind !== 'owner') throw new NoAccess(`${e.platform}/${e.handle} has no live connection`);
      return reply({ handle: e.handle, externalId }, { access, onCost }, e.external_id, i.text);
    });
  } catch (err) {
    await chargeQuota(deps, e.platform, units);
    // Only a refusal the platform stated (or a call never made) is surely unsent; anything else may have posted.
    const surelyUnsent = err instanceof NoAccess || (err instanceof PlatformError && !(err instanceof OutcomeUnknown));
    const message = err instanceof Error ? err.message : String(err);
    await q.updateReply(k, replyId, { state: surelyUnsent ? 'failed' : 'needs_check', error: message, updated_at: deps.now() });
    if (surelyUnsent) throw err;
    return outcome(deps, e.id, replyId);
  }
  await chargeQuota(deps, e.platform, units);
  const at = deps.now();
  await q.updateReply(k, replyId, { state: 'sent', external_id: published.postId, sent_at: at, updated_at: at });
  await q.noteFirstReply(k, e.id, at, at);
  if (i.mark_done && e.status !== 'done') await q.updateEntry(k, e.id, { status: 'done', done_at: at, updated_at: at });
  return outcome(deps, e.id, replyId);
}

async function chargeQuota(deps: Deps, platform: string, units: Map<string, number>): Promise<void> {
  for (const [bucket, n] of units) await addQuotaUse(deps.db.kysely, platform, bucket, quotaDay(Date.now()), n);
}

async function outcome(deps: Deps, entryId: number, replyId: number): Promise<ReplyOutcome> {
  const entry = await getEntry(SYSTEM, entryId, deps);
  const r = await q.findReply(deps.db.kysely, replyId);
  if (!r) throw new Invalid('the reply was removed meanwhile');
  return { entry, reply: viewReply(r) };
}

/** A person looked at the platform: the reply in doubt was sent (it counts as the answer) or was not. */
export async function settleReply(actor: Actor, entryId: number, replyId: number, input: unknown, deps: Deps): Promise<ReplyOutcome> {
  const i = parseInput(settleReplyInput, input);
  const k = deps.db.kysely;
  const e = await requireEntry(deps, entryId);
  const r = await q.findReply(k, replyId);
  if (!r || r.entry_id !== e.id) throw new Invalid(`reply ${replyId} is not a reply to entry ${entryId}`, [{ path: 'reply', message: 'unknown reply' }]);
  const stale = r.state === 'sending' && Date.parse(deps.now()) - Date.parse(r.created_at) > STALE_SENDING_MS;
  if (r.state !== 'needs_check' && !stale) throw new Conflict(`the reply is ${r.state}; only a reply in doubt can be settled`);
  const now = deps.now();
  if (i.state === 'sent') {
    // It went out around the time it was recorded: that is the best time to count from.
    await q.updateReply(k, r.id, { state: 'sent', external_id: i.external_id ?? r.external_id, sent_at: r.created_at, error: null, updated_at: now });
    await q.noteFirstReply(k, e.id, r.created_at, now);
  } else await q.updateReply(k, r.id, { state: 'failed', error: r.error ?? `settled as not sent by ${actorLabel(actor)}`, updated_at: now });
  return outcome(deps, e.id, r.id);
}
