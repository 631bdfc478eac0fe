// Tests of the network view: level counts, maturity percentiles and peer groups.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid, NotFound } from '../errors.ts';
import { DEFAULT_FRAMEWORK } from './framework.ts';
import type { Answers } from './maturity.ts';
import { memberPosition, networkPracticeBenchmark, practiceDistribution, type MemberAssessment } from './network.ts';

const IDS = DEFAULT_FRAMEWORK.practices.map((p) => p.id);
const all = (level: number): Answers => Object.fromEntries(IDS.map((id) => [id, level]));

// A at level 3 everywhere (100), B and C at 2 (66.67), D answered only 3 practices (no stage).
const MEMBERS: MemberAssessment[] = [
  { memberId: 'A', groups: ['asean'], answers: all(3) },
  { memberId: 'B', groups: ['asean'], answers: all(2) },
  { memberId: 'C', groups: ['europe'], answers: all(2) },
  { memberId: 'D', groups: ['europe'], answers: { team_ownership: 0, planning_meetings: 1, visual_content: 3 } },
];

describe('networkPracticeBenchmark', () => {
  const bench = networkPracticeBenchmark(DEFAULT_FRAMEWORK, MEMBERS);

  it('counts members per level for each practice', () => {
    expect(bench.distribution[0]).toEqual({ practiceId: 'team_ownership', counts: [1, 0, 2, 1], answered: 4, unanswered: 0 });
    expect(bench.distribution.find((d) => d.practiceId === 'network_liaison')).toEqual({ practiceId: 'network_liaison', counts: [0, 0, 2, 1], answered: 3, unanswered: 1 });
  });

  it('places members by (below + 0.5 * equal) / n * 100 among those with a stage', () => {
    // A: (2 + 0.5) / 3; B and C: (0 + 0.5 * 2) / 3; D has too few answers to take part.
    expect(bench.standings.map((s) => [s.memberId, s.percentile])).toEqual([
      ['A', ((2 + 0.5) / 3) * 100], ['B', ((0 + 0.5 * 2) / 3) * 100], ['C', ((0 + 0.5 * 2) / 3) * 100], ['D', null],
    ]);
    expect(bench.overall.n).toBe(3);
    expect(bench.overall.median).toBeCloseTo(200 / 3, 12);
    expect(bench.overall.q3).toBeCloseTo((200 / 3 + 100) / 2, 12);
  });

  it('gives the median maturity per peer group over its participants', () => {
    expect(bench.groups.map((g) => [g.group, g.members, g.n])).toEqual([['asean', 2, 2], ['europe', 2, 1]]);
    expect(bench.groups[0]?.median).toBeCloseTo((100 + 200 / 3) / 2, 12);
    expect(bench.groups[1]?.median).toBeCloseTo(200 / 3, 12);
  });

  it("states a member's position in the network and against its peers", () => {
    const b = memberPosition(bench, 'B');
    expect(b.percentile).toBe(((0 + 0.5 * 2) / 3) * 100);
    expect(b.groups).toEqual([{ group: 'asean', n: 2, median: expect.closeTo(250 / 3, 12), percentileInGroup: 25, differenceFromMedian: expect.closeTo(-50 / 3, 12) }]);
    expect(memberPosition(bench, 'D').groups[0]).toMatchObject({ percentileInGroup: null, differenceFromMedian: null });
    expect(() => memberPosition(bench, 'Z')).toThrow(NotFound);
  });

  it('ties members with the same mean level however many practices they answered', () => {
    const six: Answers = Object.fromEntries(IDS.slice(0, 6).map((id) => [id, 2]));
    const b = networkPracticeBenchmark(DEFAULT_FRAMEWORK, [
      { memberId: 'all', groups: [], answers: all(2) },
      { memberId: 'six', groups: [], answers: six },
    ]);
    expect(b.standings.map((s) => s.percentile)).toEqual([50, 50]);
  });

  it('refuses a member listed twice and a level the practice does not have', () => {
    expect(() => networkPracticeBenchmark(DEFAULT_FRAMEWORK, [...MEMBERS, { memberId: 'A', groups: [], answers: {} }])).toThrow(Invalid);
    expect(() => practiceDistribution(DEFAULT_FRAMEWORK, [{ memberId: 'X', groups: [], answers: { team_ownership: 7 } }])).toThrow(Invalid);
  });

  it('keeps every percentile in (0, 100]', () => {
    const answers = fc.array(fc.option(fc.integer({ min: 0, max: 3 })), { minLength: IDS.length, maxLength: IDS.length })
      .map((levels) => Object.fromEntries(IDS.map((id, i) => [id, levels[i] ?? null])));
    fc.assert(
      fc.property(fc.array(answers, { minLength: 1, maxLength: 30 }), (list) => {
        const members = list.map((a, i) => ({ memberId: `m${i}`, groups: [i % 2 ? 'odd' : 'even'], answers: a }));
        const b = networkPracticeBenchmark(DEFAULT_FRAMEWORK, members);
        for (const s of b.standings) {
          if (s.percentile === null) continue;
          expect(s.percentile).toBeGreaterThan(0);
          expect(s.percentile).toBeLessThanOrEqual(100);
        }
        for (const m of members) {
          for (const g of memberPosition(b, m.memberId).groups) {
            if (g.percentileInGroup !== null) expect(g.percentileInGroup).toBeGreaterThan(0);
            if (g.percentileInGroup !== null) expect(g.percentileInGroup).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });
});
