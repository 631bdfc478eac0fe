import { describe, expect, it } from 'vitest';
import { responseStats, type InboxFact } from './stats.ts';

// Jakarta is UTC+7: 2026-11-01 local starts at 2026-10-31T17:00Z.
const period = { from: '2026-11-01', to: '2026-11-07', zone: 'Asia/Jakarta', asOf: '2026-11-10T00:00:00.000Z' };
const fact = (kind: string, receivedAt: string, firstReplyAt: string | null = null): InboxFact => ({ kind, receivedAt, firstReplyAt });

describe('response rate and median time to first reply', () => {
  it('counts comments and mentions of the period by local date; median of an odd count is the middle one', () => {
    const facts = [
      fact('comment', '2026-11-01T01:00:00.000Z', '2026-11-01T01:30:00.000Z'), // 30 min
      fact('mention', '2026-11-02T08:00:00.000Z', '2026-11-02T10:00:00.000Z'), // 120 min
      fact('comment', '2026-11-03T00:00:00.000Z', '2026-11-03T00:10:00.000Z'), // 10 min
      fact('comment', '2026-11-04T00:00:00.000Z'), // unanswered
      fact('comment', '2026-10-31T16:59:00.000Z', '2026-10-31T17:05:00.000Z'), // 23:59 on 31 Oct local: outside
      fact('comment', '2026-11-07T16:59:00.000Z'), // 23:59 on 7 Nov local: inside, unanswered
      fact('reply', '2026-11-03T00:00:00.000Z'), // a reply in a thread: listed, not counted
    ];
    // 5 counted, 3 answered: 60 %; minutes 10, 30, 120 -> median 30.
    expect(responseStats(facts, period)).toEqual({ entries: 5, answered: 3, response_rate: 60, median_first_reply_minutes: 30 });
  });

  it('median of an even count is the mean of the two middle ones; replies after asOf do not count', () => {
    const facts = [
      fact('comment', '2026-11-01T00:00:00.000Z', '2026-11-01T00:20:00.000Z'), // 20
      fact('comment', '2026-11-01T00:00:00.000Z', '2026-11-01T01:00:00.000Z'), // 60
      fact('mention', '2026-11-01T00:00:00.000Z', '2026-11-01T00:05:00.000Z'), // 5
      fact('mention', '2026-11-01T00:00:00.000Z', '2026-11-01T04:00:00.000Z'), // 240
      fact('comment', '2026-11-06T00:00:00.000Z', '2026-11-12T00:00:00.000Z'), // answered after asOf
      fact('comment', '2026-11-02T00:00:00.000Z', '2026-11-01T23:59:00.000Z'), // clock skew: 0
    ];
    // 6 counted, 5 answered by asOf: 83.33 %; minutes 0, 5, 20, 60, 240 -> median 20.
    const s = responseStats(facts, period);
    expect(s).toMatchObject({ entries: 6, answered: 5, median_first_reply_minutes: 20 });
    expect(s.response_rate).toBeCloseTo(83.333, 2);
    expect(responseStats(facts.slice(0, 4), period).median_first_reply_minutes).toBe(40);
  });

  it('nothing received: no rate and no median, not zero', () => {
    expect(responseStats([], period)).toEqual({ entries: 0, answered: 0, response_rate: null, median_first_reply_minutes: null });
    expect(responseStats([fact('comment', '2026-11-02T00:00:00.000Z')], period)).toEqual({ entries: 1, answered: 0, response_rate: 0, median_first_reply_minutes: null });
  });
});
