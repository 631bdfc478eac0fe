// The life of one publication (one content item on one account): its states, the moves between them,
// and what each publishing outcome leads to (retry with backoff, failure, or a check on the platform).
import { Invalid } from '../errors.ts';

export const PUBLICATION_STATES = ['queued', 'claimed', 'publishing', 'published', 'needs_check', 'retry_wait', 'failed', 'cancelled'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** Who moves a publication: a worker, a worker finding another's claim expired, a read-back, a person, or planning. */
export type Mover = 'worker' | 'expiry' | 'lookup' | 'person' | 'planning';

interface Move {
  from: PublicationState;
  to: PublicationState;
  by: Mover;
}

/**
 * Every allowed move. The rule the table encodes: once `publishing` was written, the request may have
 * reached the platform, so nothing goes back to a queue without a look at the platform (or a person).
 */
export const PUBLICATION_MOVES: readonly Move[] = [
  { from: 'queued', to: 'claimed', by: 'worker' },
  { from: 'retry_wait', to: 'claimed', by: 'worker' },
  // Written before the network call.
  { from: 'claimed', to: 'publishing', by: 'worker' },
  // Held back unsent: the account was rate limited earlier in the same pass.
  { from: 'claimed', to: 'retry_wait', by: 'worker' },
  { from: 'publishing', to: 'published', by: 'worker' },
  { from: 'publishing', to: 'retry_wait', by: 'worker' },
  { from: 'publishing', to: 'failed', by: 'worker' },
  { from: 'publishing', to: 'needs_check', by: 'worker' },
  // A late answer of a worker whose claim expired still settles the row it started.
  { from: 'needs_check', to: 'published', by: 'worker' },
  // A dead worker's claim: never sent yet, so back in the queue; in flight, so look first.
  { from: 'claimed', to: 'queued', by: 'expiry' },
  { from: 'publishing', to: 'needs_check', by: 'expiry' },
  { from: 'needs_check', to: 'published', by: 'lookup' },
  { from: 'needs_check', to: 'queued', by: 'lookup' },
  { from: 'needs_check', to: 'cancelled', by: 'lookup' },
  { from: 'needs_check', to: 'failed', by: 'lookup' },
  { from: 'needs_check', to: 'published', by: 'person' },
  { from: 'needs_check', to: 'queued', by: 'person' },
  { from: 'failed', to: 'published', by: 'person' },
  { from: 'failed', to: 'queued', by: 'person' },
  // Scheduling enqueues (again); unscheduling cancels what has not started.
  { from: 'cancelled', to: 'queued', by: 'planning' },
  { from: 'failed', to: 'queued', by: 'planning' },
  { from: 'queued', to: 'cancelled', by: 'planning' },
  { from: 'retry_wait', to: 'cancelled', by: 'planning' },
  { from: 'claimed', to: 'cancelled', by: 'planning' },
];

export function canMove(from: PublicationState, to: PublicationState, by: Mover): boolean {
  return PUBLICATION_MOVES.some((m) => m.from === from && m.to === to && m.by === by);
}

/** States a worker may claim from, and those planning may still cancel (nothing was sent). */
export const CLAIMABLE: readonly PublicationState[] = ['queued', 'retry_wait'];
export const NOT_STARTED: readonly PublicationState[] = ['queued', 'retry_wait', 'claimed'];
/** States scheduling may put back in the queue. */
export const REQUEUEABLE: readonly PublicationState[] = ['cancelled', 'failed'];

export interface RetryPolicy {
  /** Attempts (network calls) before giving up on passing failures. */
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseMs: 30_000, capMs: 30 * 60_000 };

/** Exponential backoff after the n-th attempt (1-based), with "equal jitter": half fixed, half random. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** What the adapter's call ended in, as the state machine sees it. */
export type Outcome =
  | { kind: 'published'; postId: string; permalink: string | null }
  | { kind: 'rate_limited'; message: string; retryAt: string }
  | { kind: 'temporary'; message: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'auth_expired'; message: string }
  | { kind: 'outcome_unknown'; message: string }
  /** No usable connection, or the platform cannot publish: nothing was sent. */
  | { kind: 'no_access'; message: string };

export type Decision =
  | { state: 'published'; postId: string; permalink: string | null }
  | { state: 'retry_wait'; nextAttemptAt: string; error: string }
  | { state: 'failed'; error: string }
  | { state: 'needs_check'; nextAttemptAt: string; error: string };

/** How long after a lost answer the platform is asked, so the post has time to show in its listing. */
export const SETTLE_DELAY_MS = 5_000;

/**
 * What follows an attempt. `attempts` counts this one. A rate limit waits at least until the platform's
 * time; a passing failure backs off; both give up after maxAttempts. A refused request, a dead token or a
 * missing connection fails at once (a person must act); a lost answer is checked on the platform, never
 * retried blind.
 */
export function decide(o: Outcome, attempts: number, now: string, policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random, settleDelayMs = SETTLE_DELAY_MS): Decision {
  const t = Date.parse(now);
  switch (o.kind) {
    case 'published':
      return { state: 'published', postId: o.postId, permalink: o.permalink };
    case 'rate_limited':
    case 'temporary': {
      if (attempts >= policy.maxAttempts) return { state: 'failed', error: `gave up after ${attempts} attempts: ${o.message}` };
      let at = t + backoffMs(attempts, policy, random);
      if (o.kind === 'rate_limited') {
        const retryAt = Date.parse(o.retryAt);
        // The platform's own time wins; a little jitter keeps every waiting row from firing at once.
        if (!Number.isNaN(retryAt)) at = Math.max(retryAt, t) + Math.round(policy.baseMs * 0.2 * random());
      }
      return { state: 'retry_wait', nextAttemptAt: new Date(at).toISOString(), error: o.message };
    }
    case 'rejected':
    case 'no_access':
      return { state: 'failed', error: o.message };
    case 'auth_expired':
      // The connection is flagged where the token was found dead (actions/connections.ts).
      return { state: 'failed', error: `${o.message}; connect the account again, then requeue` };
    case 'outcome_unknown':
      return { state: 'needs_check', nextAttemptAt: new Date(t + settleDelayMs).toISOString(), error: o.message };
  }
}

/** What a read-back of the platform found. */
export type LookupFinding = { kind: 'found'; postId: string; permalink: string | null } | { kind: 'absent' } | { kind: 'unsure'; message: string };

export type CheckDecision =
  | { state: 'published'; postId: string; permalink: string | null }
  | { state: 'queued' | 'cancelled' }
  | { state: 'failed'; error: string }
  | { state: 'needs_check'; nextAttemptAt: string; error: string };

/**
 * Settles a `needs_check` row from a lookup: found -> published; surely absent -> queued again (or
 * cancelled when the item is no longer scheduled; failed once `attempts` calls were spent); unsure (the
 * listing did not reach back far enough, or the lookup failed) -> look again later, backing off, until
 * a person settles it. `checks` counts this lookup.
 */
export function decideCheck(f: LookupFinding, checks: number, attempts: number, now: string, itemScheduled: boolean, policy: RetryPolicy = DEFAULT_RETRY, random: () => number = Math.random): CheckDecision {
  if (f.kind === 'found') return { state: 'published', postId: f.postId, permalink: f.permalink };
  if (f.kind === 'absent') {
    if (!itemScheduled) return { state: 'cancelled' };
    if (attempts >= policy.maxAttempts) return { state: 'failed', error: `not published after ${attempts} attempts whose answers were lost` };
    return { state: 'queued' };
  }
  return { state: 'needs_check', nextAttemptAt: new Date(Date.parse(now) + backoffMs(checks, policy, random)).toISOString(), error: f.message };
}

/** A person's settlement of a row a worker could not settle. */
export function settleByPerson(from: PublicationState, published: boolean): PublicationState {
  const to: PublicationState = published ? 'published' : 'queued';
  if (!canMove(from, to, 'person')) {
    throw new Invalid(`a ${from.replace('_', ' ')} publication cannot be settled by hand; only one that needs a check or failed can`);
  }
  return to;
}
