// One pass of the publishing worker: take over expired claims, settle lost answers by looking at the
// platform, then claim due publications in batches and publish each with its account's own token.
import { decide, decideCheck, DEFAULT_RETRY, SETTLE_DELAY_MS, type Decision, type LookupFinding, type Outcome, type RetryPolicy } from '../core/content/publication.ts';
import { DomainError } from '../core/errors.ts';
import type { Platform } from '../core/platforms.ts';
import * as q from '../db/queries/publishing.ts';
import { PlatformError, RateLimited, type Target, type Variant } from '../platforms/types.ts';
import { connectorFor, NoAccess, withOwnAccess } from './connections.ts';
import type { Deps } from './context.ts';
import { addQuotaUse } from '../db/queries/sync.ts';
import { quotaDay } from '../platforms/youtube/quota.ts';
import { variantMediaOf } from './public-media.ts';
import { noteFailure, recordPublished, variantOf, type Sent } from './publishing.ts';

export interface PassOptions {
  worker: string;
  /** How long a claim holds without renewal; a live worker renews it (jobs/publish.ts). */
  leaseMs: number;
  batchSize?: number;
  /** Publications published at once by this worker. */
  concurrency?: number;
  settleDelayMs?: number;
  policy?: RetryPolicy;
  random?: () => number;
  /** Asked between batches: true stops claiming (shutdown). */
  stopping?: () => boolean;
  /** Each settled row, for the log. */
  onResult?: (r: RowResult) => void;
}

export interface RowResult {
  id: number;
  item_id: number;
  account: string;
  /** The state the row was left in; 'skipped' when the claim was lost before sending. */
  state: string;
  error: string | null;
}

export interface PassReport {
  requeued: number;
  toCheck: number;
  checked: number;
  attempted: number;
  published: number;
}

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

/**
 * Runs fn over items with at most `lanes` at once. A row's failure (the database gone away) is reported
 * and the others go on; the failed row keeps its claim, which expires into a check.
 */
async function inLanes<T extends { id: number; item_id: number }>(items: readonly T[], lanes: number, fn: (item: T) => Promise<void>, onResult?: (r: RowResult) => void): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item === undefined) continue;
      try {
        await fn(item);
      } catch (err) {
        onResult?.({ id: item.id, item_id: item.item_id, account: '', state: 'error', error: message(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A thrown error as the state machine sees it; anything unforeseen after `publishing` may have sent. */
export function outcomeOf(err: unknown): Outcome {
  if (err instanceof RateLimited) return { kind: 'rate_limited', message: err.message, retryAt: err.retryAt };
  // A rate limit without a RateLimited instance cannot happen; it would be a passing failure anyway.
  if (err instanceof PlatformError) return { kind: err.kind === 'rate_limited' ? 'temporary' : err.kind, message: err.message };
  if (err instanceof NoAccess || err instanceof DomainError) return { kind: 'no_access', message: err.message };
  return { kind: 'outcome_unknown', message: `unexpected error: ${message(err)}` };
}

async function attempt(deps: Deps, c: q.PublishContext, variant: Variant | null): Promise<Outcome> {
  if (!variant) return { kind: 'no_access', message: `the item has no ${c.platform} variant` };
  const { adapter } = connectorFor(deps, c.platform);
  if (!adapter.publish) return { kind: 'no_access', message: `publishing to ${c.platform} is not available yet` };
  const publish = adapter.publish.bind(adapter);
  const target: Target = { handle: c.handle, externalId: c.external_id };
  // Library media as signed public URLs and byte readers (public-media.ts); made per attempt, so links are fresh.
  // Always set, so adapters never fall back to the raw URL list.
  const full: Variant = { ...variant, media: await variantMediaOf(deps, c.media, c.platform as Platform) };
  // Quota units the call spends (YouTube's videos.insert), counted with the sync's, answered or not.
  const units = new Map<string, number>();
  const onCost = (bucket: string, n: number) => units.set(bucket, (units.get(bucket) ?? 0) + n);
  try {
    const p = await withOwnAccess(deps, { id: c.account_id, platform: c.platform, handle: c.handle }, (access) => publish(target, { access, onCost }, full));
    return { kind: 'published', postId: p.postId, permalink: p.permalink };
  } finally {
    for (const [bucket, n] of units) await addQuotaUse(deps.db.kysely, c.platform, bucket, quotaDay(Date.now()), n);
  }
}

interface Ctx {
  deps: Deps;
  o: PassOptions;
  policy: RetryPolicy;
  random: () => number;
  /** Accounts found rate limited in this pass, until when: their other rows wait unsent. */
  limited: Map<number, string>;
  report: PassReport;
}

function result(x: Ctx, c: q.PublishContext, state: string, error: string | null): void {
  x.o.onResult?.({ id: c.id, item_id: c.item_id, account: `${c.platform}/${c.handle}`, state, error });
}

/** Publishes one claimed row: `publishing` is written first, then the call, then its outcome. */
async function publishOne(x: Ctx, row: q.PublicationRow, c: q.PublishContext): Promise<void> {
  const { deps, o } = x;
  const k = deps.db.kysely;
  const now = deps.now();
  const held = x.limited.get(row.account_id);
  if (held !== undefined && held > now) {
    await q.moveHeld(k, row.id, o.worker, 'claimed', { state: 'retry_wait', next_attempt_at: held, error_kind: 'rate_limited', last_error: 'the account is rate limited; waiting unsent', updated_at: now });
    return result(x, c, 'retry_wait', 'rate limited (held back)');
  }
  const sent = variantOf(c);
  if (!(await q.markPublishing(k, row.id, o.worker, now, later(now, o.leaseMs), JSON.stringify(sent.variant)))) return result(x, c, 'skipped', null);
  x.report.attempted++;
  let outcome: Outcome;
  try {
    outcome = await attempt(deps, c, sent.variant);
  } catch (err) {
    outcome = outcomeOf(err);
  }
  const d = decide(outcome, row.attempts + 1, deps.now(), x.policy, x.random, o.settleDelayMs ?? SETTLE_DELAY_MS);
  if (outcome.kind === 'rate_limited' && d.state === 'retry_wait') x.limited.set(row.account_id, d.nextAttemptAt);
  await apply(x, row, c, sent, outcome, d);
}

async function apply(x: Ctx, row: q.PublicationRow, c: q.PublishContext, sent: Sent, outcome: Outcome, d: Decision): Promise<void> {
  const { deps, o } = x;
  const k = deps.db.kysely;
  const now = deps.now();
  if (d.state === 'published') {
    const ok = await recordPublished(deps, row, sent, { postId: d.postId, permalink: d.permalink, by: 'worker', worker: o.worker, from: ['publishing'] });
    if (ok) x.report.published++;
    return result(x, c, ok ? 'published' : 'lost', ok ? null : 'published, but the row had been settled meanwhile');
  }
  const patch =
    d.state === 'failed' ? { state: 'failed', error_kind: outcome.kind, last_error: d.error, updated_at: now }
      : { state: d.state, next_attempt_at: d.nextAttemptAt, error_kind: outcome.kind, last_error: d.error, updated_at: now };
  // False when the claim expired meanwhile: the row then awaits a check, which settles it.
  const moved = await q.moveHeld(k, row.id, o.worker, 'publishing', patch);
  if (moved && d.state === 'failed') await noteFailure(deps, row.item_id, c.platform, c.handle, d.error);
  result(x, c, moved ? d.state : 'lost', d.error);
}

/** Settles a row whose answer was lost by looking for the post on the platform; never publishes. */
async function checkOne(x: Ctx, row: q.PublicationRow, c: q.PublishContext | undefined): Promise<void> {
  const { deps, o } = x;
  const k = deps.db.kysely;
  const sent: Sent = row.sent_variant ? { variant: JSON.parse(row.sent_variant) as Variant | null, mediaKinds: c ? variantOf(c).mediaKinds : [] } : c ? variantOf(c) : { variant: null, mediaKinds: [] };
  const since = row.publishing_at ?? row.claimed_at ?? row.due_at;
  let finding: LookupFinding;
  try {
    finding = await look(deps, c, sent.variant, since);
  } catch (err) {
    finding = { kind: 'unsure', message: `the platform could not be checked (${message(err)}); it will be checked again, or settle it by hand` };
  }
  x.report.checked++;
  const now = deps.now();
  const d = decideCheck(finding, row.checks + 1, row.attempts, now, c?.item_status === 'scheduled', x.policy, x.random);
  const account = c ? `${c.platform}/${c.handle}` : `account ${row.account_id}`;
  if (d.state === 'published') {
    const ok = await recordPublished(deps, row, sent, { postId: d.postId, permalink: d.permalink, by: 'lookup', worker: o.worker, from: ['needs_check'] });
    o.onResult?.({ id: row.id, item_id: row.item_id, account, state: ok ? 'published' : 'lost', error: null });
    return;
  }
  const base = { checks: row.checks + 1, updated_at: now };
  const patch =
    d.state === 'needs_check' ? { ...base, state: d.state, next_attempt_at: d.nextAttemptAt, last_error: d.error }
      : d.state === 'failed' ? { ...base, state: d.state, error_kind: 'outcome_unknown', last_error: d.error }
        : { ...base, state: d.state, next_attempt_at: now, error_kind: null, last_error: d.state === 'queued' ? 'not found on the platform after a lost answer; publishing again' : null };
  const moved = await q.moveHeld(k, row.id, o.worker, 'needs_check', patch);
  if (moved && d.state === 'failed' && c) await noteFailure(deps, row.item_id, c.platform, c.handle, d.error);
  o.onResult?.({ id: row.id, item_id: row.item_id, account, state: moved ? d.state : 'lost', error: 'error' in d ? d.error : null });
}

async function look(deps: Deps, c: q.PublishContext | undefined, variant: Variant | null, since: string): Promise<LookupFinding> {
  if (!c || !variant) return { kind: 'unsure', message: 'what was sent is not known; look on the platform and settle it by hand' };
  const { adapter } = connectorFor(deps, c.platform);
  if (!adapter.findPublished) return { kind: 'unsure', message: `${c.platform} cannot be searched; look on the platform and settle it by hand` };
  const find = adapter.findPublished.bind(adapter);
  const target: Target = { handle: c.handle, externalId: c.external_id };
  const r = await withOwnAccess(deps, { id: c.account_id, platform: c.platform, handle: c.handle }, (access) => find(target, { access }, variant, since));
  if (r.found) return { kind: 'found', postId: r.found.postId, permalink: r.found.permalink };
  return r.complete ? { kind: 'absent' } : { kind: 'unsure', message: 'the recent posts did not reach back to the attempt; look on the platform and settle it by hand' };
}

async function withContexts(deps: Deps, rows: readonly q.PublicationRow[]): Promise<Map<number, q.PublishContext>> {
  return new Map((await q.contextsOf(deps.db.kysely, rows.map((r) => r.id))).map((c) => [c.id, c]));
}

/** One pass; resolves when nothing due is left (or stopping() says so). */
export async function publishDue(deps: Deps, o: PassOptions): Promise<PassReport> {
  const k = deps.db.kysely;
  const x: Ctx = { deps, o, policy: o.policy ?? DEFAULT_RETRY, random: o.random ?? Math.random, limited: new Map(), report: { requeued: 0, toCheck: 0, checked: 0, attempted: 0, published: 0 } };
  const batch = o.batchSize ?? 25;
  const lanes = o.concurrency ?? 8;
  const now = deps.now();
  const expired = await q.expireClaims(k, now, later(now, o.settleDelayMs ?? SETTLE_DELAY_MS));
  x.report.requeued = expired.requeued;
  x.report.toCheck = expired.toCheck;

  const checks = await q.claimChecks(k, o.worker, deps.now(), later(deps.now(), o.leaseMs), batch);
  const checkCtx = await withContexts(deps, checks);
  await inLanes(checks, lanes, (r) => checkOne(x, r, checkCtx.get(r.id)), o.onResult);

  while (!o.stopping?.()) {
    const at = deps.now();
    const rows = await q.claimDue(k, o.worker, at, later(at, o.leaseMs), batch);
    if (rows.length === 0) break;
    const ctx = await withContexts(deps, rows);
    await inLanes(rows, lanes, async (r) => {
      const c = ctx.get(r.id);
      // The item or account was deleted between claim and now: the row went with it.
      if (c) await publishOne(x, r, c);
    }, o.onResult);
    if (rows.length < batch) break;
  }
  return x.report;
}
