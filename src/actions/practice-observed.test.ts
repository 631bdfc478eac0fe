import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationByCode } from '../db/queries/organizations.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { seedSmallNetwork } from '../testing/fixtures.ts';
import { makeDeps, type Deps } from './context.ts';
import { observeOrganization } from './practice-observed.ts';
import { extraSources, type ExtraSources } from './practice-observed-sources.ts';
import { monthsIn, periodWindow } from './practice-period.ts';

describe('observed practice from the meeting log and the inbox', () => {
  let db: TestDb;
  let deps: Deps;
  beforeAll(async () => {
    db = await createTestDb();
    deps = { ...makeDeps(db), now: () => '2026-11-27T12:00:00.000Z' };
    await seedSmallNetwork(deps);
  });
  afterAll(async () => db.drop());

  const observe = async (sources: Partial<ExtraSources>, period = '2019') => {
    const org = await findOrganizationByCode(db.kysely, 'BSN');
    if (!org) throw new Error('no BSN');
    return observeOrganization(deps, org, period, undefined, { ...extraSources, ...sources });
  };

  it('turns meetings held into meetings a month: 2019 has 365 / 30.4375 = 11.99 months', async () => {
    expect(monthsIn('2019-01-01', '2019-12-31')).toBeCloseTo(365 / 30.4375, 12);
    // 3 planning meetings: 0.25 a month -> level 1; 12 evaluation meetings: 1.0007 a month -> level 2;
    // 24 would be 2.0014 a month -> level 3.
    const o = await observe({ meetings: async () => ({ planning: 3, evaluation: 12, ever: 15 }) });
    const by = (id: string) => o.proposals.find((p) => p.practiceId === id);
    expect(o.signals.meetingsPerMonth?.planning).toBeCloseTo(3 / (365 / 30.4375), 12);
    expect(by('planning_meetings')?.level).toBe(1);
    expect(by('evaluation_meetings')?.level).toBe(2);
    expect(by('evaluation_meetings')?.reason.en).toContain('1 evaluation meetings a month');
    const more = await observe({ meetings: async () => ({ planning: 24, evaluation: 0, ever: 30 }) });
    expect(more.proposals.find((p) => p.practiceId === 'planning_meetings')?.level).toBe(3);
    // Meetings were logged once but none in this period: an observed 0, level 0.
    const none = await observe({ meetings: async () => ({ planning: 0, evaluation: 0, ever: 4 }) });
    expect(none.proposals.find((p) => p.practiceId === 'planning_meetings')?.level).toBe(0);
  });

  it('reads the median first reply in hours; no replies and no entries give no proposal', async () => {
    const fast = await observe({ replies: async () => ({ entries: 10, answered: 6, medianHours: 3.5 }) });
    expect(fast.proposals.find((p) => p.practiceId === 'interaction_response')?.level).toBe(3);
    expect(fast.inputs.find((i) => i.input === 'median_first_reply_hours')?.values).toEqual({ entries: 10, answered: 6, median_hours: 3.5 });
    const slow = await observe({ replies: async () => ({ entries: 10, answered: 2, medianHours: 30 }) });
    expect(slow.proposals.find((p) => p.practiceId === 'interaction_response')?.level).toBe(1);
    const unanswered = await observe({ replies: async () => ({ entries: 4, answered: 0, medianHours: null }) });
    expect(unanswered.proposals.find((p) => p.practiceId === 'interaction_response')).toBeUndefined();
    expect(unanswered.inputs.find((i) => i.input === 'median_first_reply_hours')?.note?.en).toContain('no replies');
  });

  it('reads the real meeting log and inbox, empty here', async () => {
    const o = await observe({});
    expect(o.inputs.find((i) => i.input === 'planning_meetings_per_month')).toMatchObject({ observed: false });
    expect(o.inputs.find((i) => i.input === 'median_first_reply_hours')).toMatchObject({ observed: false, values: { entries: 0 } });
  });

  it('reads periods: years, halves, quarters, months; cut at today; none ahead', () => {
    expect(periodWindow('2019', '2026-11-27')).toEqual({ from: '2019-01-01', to: '2019-12-31', end: '2019-12-31', exact: true });
    expect(periodWindow('2024-Q1', '2026-11-27')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodWindow('2024-02', '2026-11-27')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodWindow('2026-H2', '2026-11-27')).toMatchObject({ from: '2026-07-01', to: '2026-11-27', end: '2026-12-31' });
    expect(periodWindow('2025-spring', '2026-11-27')).toMatchObject({ from: '2025-01-01', to: '2025-12-31', exact: false });
    expect(() => periodWindow('2027', '2026-11-27')).toThrow(/starts after today/);
  });
});
