// Tests of level proposals from observed data, at the edges of each threshold.
import { describe, it, expect } from 'vitest';
import { Invalid } from '../errors.ts';
import { needsReview, proposeLevels, type ObservedSignals } from './observed.ts';

const UNKNOWN: ObservedSignals = {
  meetingsPerMonth: null, plannedShare: null, cadence: null, visualShare: null, personaChecks: null,
  medianFirstReplyHours: null, liaisonNamed: null, accountsWithHolder: null, accountsTotal: null, reportsLast90Days: null,
};

/** The proposed level for one practice, or null when there is no proposal. */
function level(practiceId: string, signals: Partial<ObservedSignals>): number | null {
  return proposeLevels({ ...UNKNOWN, ...signals }).find((p) => p.practiceId === practiceId)?.level ?? null;
}

describe('proposeLevels', () => {
  it('proposes nothing from unknown signals, never a silent 0', () => {
    expect(proposeLevels(UNKNOWN)).toEqual([]);
    expect(level('planning_meetings', { meetingsPerMonth: { planning: null, evaluation: 1 } })).toBeNull();
    expect(level('persona_style', { personaChecks: { run: 0, passed: 0 } })).toBeNull();
    expect(level('team_ownership', { accountsWithHolder: 0, accountsTotal: 0 })).toBeNull();
    expect(level('posting_cadence', { cadence: [] })).toBeNull();
  });

  it('reads meetings per month at the edges: any, monthly, twice a month', () => {
    const planning = (n: number) => level('planning_meetings', { meetingsPerMonth: { planning: n, evaluation: null } });
    expect([0, 0.5, 0.99, 1, 1.99, 2, 4].map(planning)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(level('evaluation_meetings', { meetingsPerMonth: { planning: null, evaluation: 1 } })).toBe(2);
  });

  it('reads the planned share at 0, 50 and 80 percent', () => {
    const cal = (share: number) => level('editorial_calendar', { plannedShare: share });
    expect([0, 0.1, 49.9, 50, 79.9, 80, 100].map(cal)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  it('counts an account on target from 90% of its weekly target', () => {
    const cad = (cadence: ObservedSignals['cadence']) => level('posting_cadence', { cadence });
    expect(cad([{ actualPerWeek: 2.7, targetPerWeek: 3 }, { actualPerWeek: 5, targetPerWeek: 5 }])).toBe(3);
    expect(cad([{ actualPerWeek: 2.7, targetPerWeek: 3 }, { actualPerWeek: 2.69, targetPerWeek: 3 }])).toBe(2);
    expect(cad([{ actualPerWeek: 2, targetPerWeek: 3 }, { actualPerWeek: 1, targetPerWeek: 3 }, { actualPerWeek: 3, targetPerWeek: 3 }])).toBe(1);
    expect(cad([{ actualPerWeek: 4, targetPerWeek: null }, { actualPerWeek: 4, targetPerWeek: 0 }])).toBe(1);
    expect(cad([{ actualPerWeek: 0, targetPerWeek: 3 }])).toBe(0);
  });

  it('reads visual_share at 20, 60 and 85 percent and says it is also an outcome pillar', () => {
    const vis = (share: number) => level('visual_content', { visualShare: share });
    expect([19.99, 20, 59.99, 60, 84.99, 85].map(vis)).toEqual([0, 1, 1, 2, 2, 3]);
    const [p] = proposeLevels({ ...UNKNOWN, visualShare: 60 });
    expect(p?.reason.en).toBe('60% of posts are visual; level 1 from 20%, level 2 from 60%, level 3 from 85%. The same figure is the creativity pillar of the outcomes.');
    expect(p?.reason.id).toMatch(/^60% unggahan bersifat visual; level 1 mulai 20%/);
  });

  it('reads persona checks at 50 and 80 percent passed, level 1 once checks run', () => {
    const per = (passed: number) => level('persona_style', { personaChecks: { run: 10, passed } });
    expect([0, 4, 5, 7, 8, 10].map(per)).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('reads the median first reply at 4 and 24 hours, both included', () => {
    const rep = (h: number) => level('interaction_response', { medianFirstReplyHours: h });
    expect([0.5, 4, 4.01, 24, 24.01, 200].map(rep)).toEqual([3, 3, 2, 2, 1, 1]);
    const [p] = proposeLevels({ ...UNKNOWN, medianFirstReplyHours: 2.5 });
    expect(p?.reason.id).toMatch(/^Median balasan pertama 2,5 jam;/);
    expect(p?.reason.en).toMatch(/^Median first reply 2.5 hours;/);
  });

  it('reads liaison, account holders and reports, stopping where the signal cannot show more', () => {
    expect(level('network_liaison', { liaisonNamed: true })).toBe(2);
    expect(level('network_liaison', { liaisonNamed: false })).toBe(0);
    const holders = (n: number) => level('team_ownership', { accountsWithHolder: n, accountsTotal: 4 });
    expect([0, 1, 3, 4].map(holders)).toEqual([0, 1, 1, 2]);
    const rep = (n: number) => level('measurement_reporting', { reportsLast90Days: n });
    expect([0, 1, 2, 3, 12].map(rep)).toEqual([0, 1, 1, 2, 2]);
  });

  it('never proposes a level for the language practice, which has no signal', () => {
    const all = proposeLevels({
      meetingsPerMonth: { planning: 2, evaluation: 1 }, plannedShare: 90, cadence: [{ actualPerWeek: 3, targetPerWeek: 3 }],
      visualShare: 90, personaChecks: { run: 20, passed: 18 }, medianFirstReplyHours: 3, liaisonNamed: true,
      accountsWithHolder: 4, accountsTotal: 4, reportsLast90Days: 3,
    });
    expect(all.map((p) => p.practiceId)).toEqual([
      'team_ownership', 'planning_meetings', 'evaluation_meetings', 'editorial_calendar', 'posting_cadence',
      'visual_content', 'persona_style', 'interaction_response', 'network_liaison', 'measurement_reporting',
    ]);
    for (const p of all) {
      expect(p.reason.id.length).toBeGreaterThan(0);
      expect(p.reason.en.length).toBeGreaterThan(0);
    }
  });

  it('refuses impossible inputs, naming each path', () => {
    try {
      proposeLevels({ ...UNKNOWN, plannedShare: 120, personaChecks: { run: 3, passed: 4 }, accountsWithHolder: 5, accountsTotal: 4, cadence: [{ actualPerWeek: -1, targetPerWeek: 2 }] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(Invalid);
      if (err instanceof Invalid) {
        expect(err.details.map((d) => d.path)).toEqual(['plannedShare', 'cadence.0.actualPerWeek', 'personaChecks.passed', 'accountsWithHolder']);
      }
    }
  });
});

describe('needsReview', () => {
  it('flags a declared level two or more from the proposal', () => {
    expect([needsReview(3, 2), needsReview(3, 1), needsReview(0, 2), needsReview(2, 2)]).toEqual([false, true, true, false]);
  });
});
