// The practice benchmark across a network: level counts per practice, maturity percentiles, peer-group medians.
import { Invalid, NotFound } from '../errors.ts';
import { standings } from '../metrics/ranking.ts';
import { groupStats } from '../metrics/stats.ts';
import { maxLevel, type Framework } from './framework.ts';
import { maturity, validateAnswers, type Answers, type Maturity } from './maturity.ts';

export interface MemberAssessment {
  memberId: string;
  /** Peer groups the member belongs to (region, size class ...); may be empty. */
  groups: readonly string[];
  answers: Answers;
}

export interface PracticeDistribution {
  practiceId: string;
  /** counts[level] = members that declared that level. */
  counts: number[];
  answered: number;
  unanswered: number;
}

export interface MemberStanding extends Maturity {
  memberId: string;
  groups: readonly string[];
  /**
   * (below + 0.5 * equal) / n * 100 among the participants, as METRICS.md's benchmarks. Participants
   * are the members with a stage (enough answers); the others get null.
   */
  percentile: number | null;
}

export interface MaturitySummary {
  /** Participants, i.e. members with a stage. */
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface PeerGroupSummary extends MaturitySummary {
  group: string;
  /** All members of the group, participants or not. */
  members: number;
}

export interface NetworkPracticeBenchmark {
  members: number;
  distribution: PracticeDistribution[];
  standings: MemberStanding[];
  overall: MaturitySummary;
  /** One per group name, sorted by name. */
  groups: PeerGroupSummary[];
}

export interface MemberPosition {
  memberId: string;
  score: number | null;
  percentile: number | null;
  groups: {
    group: string;
    n: number;
    median: number | null;
    /** The member's percentile among the group's participants; null if it is no participant. */
    percentileInGroup: number | null;
    /** score - group median; positive is above the peers. */
    differenceFromMedian: number | null;
  }[];
}

function summary(scores: readonly (number | null)[]): MaturitySummary {
  const s = groupStats(scores);
  return { n: s.n, median: s.median, q1: s.q1, q3: s.q3 };
}

function checkUniqueIds(members: readonly MemberAssessment[]): void {
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.memberId)) throw new Invalid(`member ${m.memberId} is listed twice`, [{ path: `members.${i}.memberId`, message: 'duplicate' }]);
    seen.add(m.memberId);
  });
}

export function practiceDistribution(framework: Framework, members: readonly MemberAssessment[]): PracticeDistribution[] {
  for (const m of members) validateAnswers(framework, m.answers);
  return framework.practices.map((practice) => {
    const counts = new Array<number>(maxLevel(practice) + 1).fill(0);
    let answered = 0;
    for (const m of members) {
      const level = m.answers[practice.id];
      if (level === null || level === undefined) continue;
      counts[level] = (counts[level] ?? 0) + 1;
      answered++;
    }
    return { practiceId: practice.id, counts, answered, unanswered: members.length - answered };
  });
}

/** Maturity and network percentile of every member, in input order. */
export function maturityStandings(
  framework: Framework,
  members: readonly MemberAssessment[],
  opts: { minAnswers?: number } = {},
): MemberStanding[] {
  checkUniqueIds(members);
  const rows = members.map((m) => ({ m, mat: maturity(framework, m.answers, opts) }));
  const ranks = standings(rows.map(({ mat }) => (mat.stage === null ? null : mat.score)));
  return rows.map(({ m, mat }, i) => ({ ...mat, memberId: m.memberId, groups: m.groups, percentile: ranks[i]?.percentile ?? null }));
}

function participantScore(s: MemberStanding): number | null {
  return s.stage === null ? null : s.score;
}

export function peerGroups(memberStandings: readonly MemberStanding[]): PeerGroupSummary[] {
  const names = [...new Set(memberStandings.flatMap((s) => s.groups))].sort();
  return names.map((group) => {
    const inGroup = memberStandings.filter((s) => s.groups.includes(group));
    return { group, members: inGroup.length, ...summary(inGroup.map(participantScore)) };
  });
}

export function networkPracticeBenchmark(
  framework: Framework,
  members: readonly MemberAssessment[],
  opts: { minAnswers?: number } = {},
): NetworkPracticeBenchmark {
  const memberStandings = maturityStandings(framework, members, opts);
  return {
    members: members.length,
    distribution: practiceDistribution(framework, members),
    standings: memberStandings,
    overall: summary(memberStandings.map(participantScore)),
    groups: peerGroups(memberStandings),
  };
}

/** Where one member stands in the network and in each of its peer groups. */
export function memberPosition(bench: NetworkPracticeBenchmark, memberId: string): MemberPosition {
  const me = bench.standings.find((s) => s.memberId === memberId);
  if (!me) throw new NotFound(`member ${memberId} is not in this benchmark`);
  const myScore = participantScore(me);
  const groups = me.groups.map((group) => {
    const peers = bench.standings.filter((s) => s.groups.includes(group));
    const ranks = standings(peers.map(participantScore));
    const stats = summary(peers.map(participantScore));
    const mine = ranks[peers.indexOf(me)];
    return {
      group,
      n: stats.n,
      median: stats.median,
      percentileInGroup: mine?.percentile ?? null,
      differenceFromMedian: myScore === null || stats.median === null ? null : myScore - stats.median,
    };
  });
  return { memberId, score: me.score, percentile: me.percentile, groups };
}
