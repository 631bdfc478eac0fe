import { describe, expect, it } from 'vitest';
import { cadence, cadenceWeeks, itemDate, weekStart, type CadenceItem } from './cadence.ts';

const ZONE = 'Asia/Jakarta';
const item = (status: CadenceItem['status'], over: Partial<CadenceItem> = {}): CadenceItem => ({
  status, accountIds: [1], dueDate: null, scheduledAt: null, publishedAt: null, ...over,
});

describe('cadence', () => {
  it('splits a period into whole Monday-to-Sunday weeks', () => {
    expect(weekStart('2026-05-03')).toBe('2026-04-27'); // a Sunday
    expect(weekStart('2026-05-04')).toBe('2026-05-04'); // a Monday
    expect(cadenceWeeks('2026-05-01', '2026-05-12')).toEqual([
      { start: '2026-04-27', end: '2026-05-03' },
      { start: '2026-05-04', end: '2026-05-10' },
      { start: '2026-05-11', end: '2026-05-17' },
    ]);
  });

  it("dates an item by when it goes out, else by its due date, in the organisation's zone", () => {
    // 20:00 UTC on Sunday is already Monday in Jakarta.
    expect(itemDate(item('scheduled', { scheduledAt: '2026-05-03T20:00:00.000Z', dueDate: '2026-05-01' }), ZONE)).toBe('2026-05-04');
    expect(itemDate(item('published', { publishedAt: '2026-05-03T16:59:00.000Z' }), ZONE)).toBe('2026-05-03');
    // Back in review after a move: the due date counts, not the stale scheduled time.
    expect(itemDate(item('in_review', { scheduledAt: '2026-05-03T20:00:00.000Z', dueDate: '2026-05-07' }), ZONE)).toBe('2026-05-07');
    expect(itemDate(item('draft'), ZONE)).toBeNull();
  });

  it('counts planned, scheduled and published against the target per account and week', () => {
    const r = cadence({
      from: '2026-04-27', to: '2026-05-10', today: '2026-05-05', zone: ZONE,
      accounts: [{ id: 1, target: 3 }, { id: 2, target: null }],
      items: [
        // last week (past): a planned item that never went out does not count
        item('draft', { dueDate: '2026-04-28' }),
        item('published', { scheduledAt: '2026-04-29T01:00:00.000Z', accountIds: [1, 2] }),
        // this week
        item('scheduled', { scheduledAt: '2026-05-06T01:00:00.000Z' }),
        item('in_review', { dueDate: '2026-05-08' }),
        item('rejected', { dueDate: '2026-05-08' }),
        item('idea', { dueDate: '2026-06-01' }), // outside
      ],
      posts: [
        { accountId: 1, publishedAt: '2026-04-29T01:00:00.000Z' }, // the published item, read back
        { accountId: 1, publishedAt: '2026-04-30T01:00:00.000Z' },
        { accountId: 1, publishedAt: '2026-05-03T17:30:00.000Z' }, // Monday 4 May in Jakarta
        { accountId: 9, publishedAt: '2026-05-05T01:00:00.000Z' }, // another account
      ],
    });
    expect(r.weeks.map((w) => w.start)).toEqual(['2026-04-27', '2026-05-04']);
    const [one, two] = r.accounts;
    expect(one?.weeks).toEqual([
      { start: '2026-04-27', end: '2026-05-03', planned: 1, scheduled: 0, publishedItems: 1, publishedPosts: 2, covered: 2, target: 3, gap: 1, state: 'gap', past: true },
      { start: '2026-05-04', end: '2026-05-10', planned: 1, scheduled: 1, publishedItems: 0, publishedPosts: 1, covered: 3, target: 3, gap: 0, state: 'met', past: false },
    ]);
    expect(one?.gapWeeks).toBe(1);
    expect(two?.weeks.map((w) => [w.publishedItems, w.state, w.gap])).toEqual([[1, 'no_target', 0], [0, 'no_target', 0]]);
    expect(two?.gapWeeks).toBe(0);
  });
});
