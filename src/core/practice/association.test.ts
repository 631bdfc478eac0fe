// Tests of practice-versus-outcome association: groups by level, rho, interval, hiding.
import { describe, it, expect } from 'vitest';
import { Invalid } from '../errors.ts';
import { ASSOCIATION_NOTE, practiceOutcomeAssociation, type MemberPair } from './association.ts';
import { findPractice, DEFAULT_FRAMEWORK, type Practice } from './framework.ts';

function practice(id: string): Practice {
  const p = findPractice(DEFAULT_FRAMEWORK, id);
  if (!p) throw new Error(`no practice ${id}`);
  return p;
}

function pairs(rows: readonly (readonly [number | null, number | null])[]): MemberPair[] {
  return rows.map(([level, outcome], i) => ({ memberId: `m${i}`, level, outcome }));
}

// Composite index by planning-meeting level for ten members (two more have no data).
const TEN = pairs([[0, 20], [0, 30], [1, 35], [1, 25], [1, 50], [2, 45], [2, 60], [2, 55], [3, 70], [3, 65], [null, 90], [2, null]]);

describe('practiceOutcomeAssociation', () => {
  it('gives n, median and quartiles per level, every level listed', () => {
    const r = practiceOutcomeAssociation({ practice: practice('planning_meetings'), metric: 'composite', pairs: TEN });
    expect(r.n).toBe(10);
    expect(r.byLevel).toEqual([
      { level: 0, n: 2, median: 25, q1: 22.5, q3: 27.5 },
      { level: 1, n: 3, median: 35, q1: 30, q3: 42.5 },
      { level: 2, n: 3, median: 55, q1: 50, q3: 57.5 },
      { level: 3, n: 2, median: 67.5, q1: 66.25, q3: 68.75 },
    ]);
  });

  it('shows rho and an interval around it when there is enough, with the fixed sentence', () => {
    const r = practiceOutcomeAssociation({ practice: practice('planning_meetings'), metric: 'composite', pairs: TEN });
    expect(r.hidden).toBe(false);
    expect(r.hiddenReason).toBeNull();
    expect(r.rho).toBeGreaterThan(0.8);
    expect(r.interval?.low).toBeLessThanOrEqual(r.rho ?? Number.NaN);
    expect(r.interval?.high).toBeGreaterThanOrEqual(r.rho ?? Number.NaN);
    expect(r.note).toBe(ASSOCIATION_NOTE);
    expect(r.note.en).toMatch(/association, not a cause/);
    expect(r.note.id).toMatch(/asosiasi, bukan sebab-akibat/);
    expect(r.caution).toBeNull();
    const again = practiceOutcomeAssociation({ practice: practice('planning_meetings'), metric: 'composite', pairs: TEN });
    expect(again.interval).toEqual(r.interval);
  });

  it('hides rho below 8 pairs, but still counts members per level', () => {
    const r = practiceOutcomeAssociation({ practice: practice('planning_meetings'), metric: 'composite', pairs: TEN.slice(0, 7) });
    expect(r).toMatchObject({ n: 7, hidden: true, rho: null, interval: null });
    expect(r.hiddenReason?.en).toBe('Only 7 members have both a level and an outcome; at least 8 are needed to say anything.');
    expect(r.byLevel.map((g) => g.n)).toEqual([2, 3, 2, 0]);
    expect(r.note).toBe(ASSOCIATION_NOTE);
  });

  it('hides rho when everyone is at one level or has the same outcome', () => {
    const oneLevel = pairs(Array.from({ length: 12 }, (_, i) => [2, i] as const));
    expect(practiceOutcomeAssociation({ practice: practice('planning_meetings'), metric: 'er', pairs: oneLevel }).hiddenReason?.en).toMatch(/same level/);
    const flat = pairs(Array.from({ length: 12 }, (_, i) => [i % 4, 5] as const));
    expect(practiceOutcomeAssociation({ practice: practice('planning_meetings'), metric: 'er', pairs: flat }).hiddenReason?.en).toMatch(/same outcome/);
  });

  it('cautions when the outcome measures part of the practice itself', () => {
    const r = practiceOutcomeAssociation({ practice: practice('visual_content'), metric: 'visual_share', pairs: TEN });
    expect(r.caution?.en).toMatch(/counted on both sides/);
  });

  it('refuses a level the practice does not have', () => {
    expect(() => practiceOutcomeAssociation({ practice: practice('planning_meetings'), metric: 'er', pairs: pairs([[4, 1]]) })).toThrow(Invalid);
  });
});
