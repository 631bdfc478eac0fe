// Practice against outcome across members: outcome by level, Spearman's rho and a bootstrap interval.
import { Invalid } from '../errors.ts';
import { groupStats } from '../metrics/stats.ts';
import { bootstrapSpearman, spearman, type BootstrapInterval, type BootstrapOptions } from './correlation.ts';
import type { Bilingual, Practice } from './framework.ts';

/** One member's declared (or confirmed) level and its outcome value; null = not known. */
export interface MemberPair {
  memberId: string;
  level: number | null;
  outcome: number | null;
}

export interface LevelGroup {
  level: number;
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface AssociationResult {
  practiceId: string;
  /** The outcome metric's name as in METRICS.md (e.g. composite, er, growth_pct). */
  metric: string;
  /** Members with both a level and an outcome. */
  n: number;
  /** Every level of the practice, including those no member is at (n = 0). */
  byLevel: LevelGroup[];
  /** Spearman's rho between level and outcome; null when hidden. */
  rho: number | null;
  /** Percentile bootstrap of rho; null when hidden, or when under half of the resamples had a rho. */
  interval: BootstrapInterval | null;
  hidden: boolean;
  /** Why it is hidden; null when shown. */
  hiddenReason: Bilingual | null;
  /** Set when the outcome metric measures part of the practice itself (Practice.outcomeOverlap). */
  caution: Bilingual | null;
  /** Always carried, so no screen or report can show the figure without it. */
  note: Bilingual;
}

export const ASSOCIATION_NOTE: Bilingual = {
  id: 'Ini adalah asosiasi, bukan sebab-akibat: anggota dengan praktik lebih matang bisa saja memang sudah punya hasil lebih baik, dan hasil yang baik juga bisa mendorong investasi pada praktik.',
  en: 'This is an association, not a cause: members with more mature practice may have had better results anyway, and good results can also lead to more investment in practice.',
};

/** Below this many pairs a rank correlation says next to nothing (at n = 8, |rho| must pass about 0.74 to stand out from chance at the 5% level). */
export const MIN_PAIRS = 8;
/** Members must sit at two or more levels, or there is nothing to compare. */
export const MIN_DISTINCT_LEVELS = 2;

export interface AssociationOptions extends BootstrapOptions {
  minPairs?: number;
}

function hiddenReason(n: number, distinctLevels: number, outcomeVaries: boolean, minPairs: number): Bilingual | null {
  if (n < minPairs) {
    return {
      id: `Hanya ${n} anggota yang punya level dan hasil; perlu paling sedikit ${minPairs} untuk menyatakan sesuatu.`,
      en: `Only ${n} members have both a level and an outcome; at least ${minPairs} are needed to say anything.`,
    };
  }
  if (distinctLevels < MIN_DISTINCT_LEVELS) {
    return {
      id: 'Semua anggota berada pada level yang sama, jadi tidak ada yang bisa dibandingkan.',
      en: 'All members are at the same level, so there is nothing to compare.',
    };
  }
  if (!outcomeVaries) {
    return {
      id: 'Semua anggota punya nilai hasil yang sama, jadi tidak ada yang bisa dibandingkan.',
      en: 'All members have the same outcome value, so there is nothing to compare.',
    };
  }
  return null;
}

function overlapCaution(practice: Practice, metric: string): Bilingual | null {
  if (!practice.outcomeOverlap.includes(metric)) return null;
  return {
    id: `${metric} juga mengukur sebagian dari praktik ini, sehingga hal yang sama terhitung di kedua sisi dan asosiasinya tampak lebih kuat.`,
    en: `${metric} also measures part of this practice, so the same thing is counted on both sides and the association looks stronger than it is.`,
  };
}

/**
 * Relates one practice to one outcome metric across members. Pairs with an unknown level or outcome
 * are left out; levels must be the practice's own (0..max), outcomes finite numbers.
 */
export function practiceOutcomeAssociation(
  input: { practice: Practice; metric: string; pairs: readonly MemberPair[] },
  opts: AssociationOptions = {},
): AssociationResult {
  const { practice, metric } = input;
  const top = practice.levels.length - 1;
  const levels: number[] = [];
  const outcomes: number[] = [];
  input.pairs.forEach((p, i) => {
    if (p.level === null || p.outcome === null) return;
    if (!Number.isInteger(p.level) || p.level < 0 || p.level > top) {
      throw new Invalid(`member ${p.memberId}: level ${p.level} is not a level of ${practice.id}`, [{ path: `pairs.${i}.level`, message: `must be a whole level from 0 to ${top}` }]);
    }
    if (!Number.isFinite(p.outcome)) {
      throw new Invalid(`member ${p.memberId}: outcome must be a finite number`, [{ path: `pairs.${i}.outcome`, message: 'must be finite' }]);
    }
    levels.push(p.level);
    outcomes.push(p.outcome);
  });

  const byLevel: LevelGroup[] = practice.levels.map(({ level }) => {
    const s = groupStats(outcomes.filter((_, i) => levels[i] === level));
    return { level, n: s.n, median: s.median, q1: s.q1, q3: s.q3 };
  });
  const n = levels.length;
  const distinct = byLevel.filter((g) => g.n > 0).length;
  const outcomeVaries = outcomes.some((o) => o !== outcomes[0]);
  const reason = hiddenReason(n, distinct, outcomeVaries, opts.minPairs ?? MIN_PAIRS);
  const rho = reason ? null : spearman(levels, outcomes);
  return {
    practiceId: practice.id,
    metric,
    n,
    byLevel,
    rho,
    interval: reason ? null : bootstrapSpearman(levels, outcomes, opts),
    hidden: reason !== null,
    hiddenReason: reason,
    caution: overlapCaution(practice, metric),
    note: ASSOCIATION_NOTE,
  };
}
