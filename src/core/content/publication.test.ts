import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { backoffMs, canMove, decide, decideCheck, DEFAULT_RETRY, PUBLICATION_MOVES, settleByPerson } from './publication.ts';

const NOW = '2026-11-27T06:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const half = () => 0.5;

describe('publication moves', () => {
  it('never sends a row that was in flight back to the queue without a look at the platform', () => {
    const fromFlight = PUBLICATION_MOVES.filter((m) => m.from === 'publishing');
    expect(fromFlight.map((m) => m.to).sort()).toEqual(['failed', 'needs_check', 'needs_check', 'published', 'retry_wait']);
    expect(canMove('publishing', 'queued', 'expiry')).toBe(false);
    expect(canMove('publishing', 'needs_check', 'expiry')).toBe(true);
    // An unsent claim of a dead worker is simply queued again.
    expect(canMove('claimed', 'queued', 'expiry')).toBe(true);
    expect(canMove('needs_check', 'queued', 'lookup')).toBe(true);
  });

  it('lets planning cancel only what has not started', () => {
    for (const from of ['queued', 'retry_wait', 'claimed'] as const) expect(canMove(from, 'cancelled', 'planning')).toBe(true);
    for (const from of ['publishing', 'needs_check', 'published'] as const) expect(canMove(from, 'cancelled', 'planning')).toBe(false);
  });
});

describe('decide', () => {
  it('publishes on success', () => {
    expect(decide({ kind: 'published', postId: '1', permalink: 'https://x.com/a/status/1' }, 1, NOW)).toEqual({ state: 'published', postId: '1', permalink: 'https://x.com/a/status/1' });
  });

  it('backs off exponentially with jitter after passing failures, then gives up', () => {
    const d1 = decide({ kind: 'temporary', message: 'HTTP 503' }, 1, NOW, DEFAULT_RETRY, half);
    const d2 = decide({ kind: 'temporary', message: 'HTTP 503' }, 2, NOW, DEFAULT_RETRY, half);
    expect(d1).toEqual({ state: 'retry_wait', nextAttemptAt: at(22_500), error: 'HTTP 503' });
    expect(d2).toEqual({ state: 'retry_wait', nextAttemptAt: at(45_000), error: 'HTTP 503' });
    expect(decide({ kind: 'temporary', message: 'HTTP 503' }, DEFAULT_RETRY.maxAttempts, NOW)).toEqual({ state: 'failed', error: 'gave up after 6 attempts: HTTP 503' });
  });

  it('keeps the backoff between half and all of the exponential step, under the cap', () => {
    expect(backoffMs(1, DEFAULT_RETRY, () => 0)).toBe(15_000);
    expect(backoffMs(1, DEFAULT_RETRY, () => 1)).toBe(30_000);
    expect(backoffMs(20, DEFAULT_RETRY, () => 1)).toBe(DEFAULT_RETRY.capMs);
  });

  it('waits for the rate limit to lift, with a little jitter', () => {
    const d = decide({ kind: 'rate_limited', message: '429', retryAt: at(120_000) }, 1, NOW, DEFAULT_RETRY, () => 0);
    expect(d).toEqual({ state: 'retry_wait', nextAttemptAt: at(120_000), error: '429' });
    const jittered = decide({ kind: 'rate_limited', message: '429', retryAt: at(120_000) }, 1, NOW, DEFAULT_RETRY, () => 1);
    expect(jittered).toEqual({ state: 'retry_wait', nextAttemptAt: at(126_000), error: '429' });
  });

  it('fails at once on a refusal, a dead token or no connection', () => {
    expect(decide({ kind: 'rejected', message: 'duplicate' }, 1, NOW)).toEqual({ state: 'failed', error: 'duplicate' });
    expect(decide({ kind: 'auth_expired', message: 'token expired' }, 1, NOW)).toEqual({ state: 'failed', error: 'token expired; connect the account again, then requeue' });
    expect(decide({ kind: 'no_access', message: 'not connected' }, 1, NOW).state).toBe('failed');
  });

  it('checks the platform after a lost answer instead of retrying', () => {
    expect(decide({ kind: 'outcome_unknown', message: 'reset' }, 1, NOW, DEFAULT_RETRY, half, 5000)).toEqual({ state: 'needs_check', nextAttemptAt: at(5000), error: 'reset' });
    // However many attempts were made: a lost answer is never given up blind.
    expect(decide({ kind: 'outcome_unknown', message: 'reset' }, 99, NOW).state).toBe('needs_check');
  });
});

describe('decideCheck', () => {
  it('settles a lost answer from what the platform shows', () => {
    expect(decideCheck({ kind: 'found', postId: '9', permalink: null }, 1, 1, NOW, true)).toEqual({ state: 'published', postId: '9', permalink: null });
    expect(decideCheck({ kind: 'absent' }, 1, 1, NOW, true)).toEqual({ state: 'queued' });
    expect(decideCheck({ kind: 'absent' }, 1, 1, NOW, false)).toEqual({ state: 'cancelled' });
    expect(decideCheck({ kind: 'absent' }, 1, 6, NOW, true)).toEqual({ state: 'failed', error: 'not published after 6 attempts whose answers were lost' });
    expect(decideCheck({ kind: 'unsure', message: 'listing too short' }, 2, 1, NOW, true, DEFAULT_RETRY, half)).toEqual({ state: 'needs_check', nextAttemptAt: at(45_000), error: 'listing too short' });
  });
});

describe('settleByPerson', () => {
  it('settles only a row that needs a check or failed', () => {
    expect(settleByPerson('needs_check', true)).toBe('published');
    expect(settleByPerson('needs_check', false)).toBe('queued');
    expect(settleByPerson('failed', false)).toBe('queued');
    expect(() => settleByPerson('publishing', true)).toThrow(Invalid);
    expect(() => settleByPerson('published', false)).toThrow(/cannot be settled by hand/);
  });
});
