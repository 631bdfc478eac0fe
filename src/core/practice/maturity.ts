// A member's practice maturity: weighted mean level as 0-100 and a stage after Mergel and Bretschneider (2013).
import { Invalid, type ErrorDetail } from '../errors.ts';
import { maxLevel, type Bilingual, type Framework } from './framework.ts';

/** Declared levels by practice id; null or a missing key means "not answered". */
export type Answers = Readonly<Record<string, number | null | undefined>>;

/**
 * The three stages of government social media adoption (Mergel & Bretschneider 2013, PAR 73(3)):
 * informal experiments, then order as norms and rules are drafted, then institutions in strategy and policy.
 */
export type Stage = 'experimentation' | 'order' | 'institutionalisation';

export const STAGE_NAMES: Record<Stage, Bilingual> = {
  experimentation: { id: 'Eksperimen', en: 'Experimentation' },
  order: { id: 'Penataan', en: 'Order' },
  institutionalisation: { id: 'Pelembagaan', en: 'Institutionalisation' },
};

/**
 * Cut-offs on the 0-100 score: below 40 experimentation; 40 up to (not including) 70 order; 70 and
 * above institutionalisation. On the default levels, 40 is a little above "everything ad hoc" (level 1
 * = 33.3) and 70 a little above "everything defined" (level 2 = 66.7): a member is in order once some
 * practices are defined, and institutionalised once some are embedded on top of all being defined.
 */
export const STAGE_CUTOFFS = { order: 40, institutionalisation: 70 } as const;

/**
 * A stage needs answers to at least half of the framework's practices (6 of the default 11), so a
 * member that answered two practices well is not called institutionalised.
 */
export function minAnswersForStage(framework: Framework): number {
  return Math.ceil(framework.practices.length / 2);
}

export interface Maturity {
  /** sum(weight * level / maxLevel) / sum(weight) * 100 over the answered practices; null if none. */
  score: number | null;
  answered: number;
  total: number;
  /** null when fewer than minAnswers practices were answered. */
  stage: Stage | null;
  minAnswers: number;
}

export function stageOf(score: number): Stage {
  if (score >= STAGE_CUTOFFS.institutionalisation) return 'institutionalisation';
  if (score >= STAGE_CUTOFFS.order) return 'order';
  return 'experimentation';
}

/** Throws Invalid, with a path per answer, for unknown practices and levels the practice does not have. */
export function validateAnswers(framework: Framework, answers: Answers): void {
  const problems: ErrorDetail[] = [];
  const known = new Map(framework.practices.map((p) => [p.id, p]));
  for (const [id, level] of Object.entries(answers)) {
    const practice = known.get(id);
    if (!practice) {
      problems.push({ path: `answers.${id}`, message: 'not a practice of this framework' });
      continue;
    }
    if (level === null || level === undefined) continue;
    if (!Number.isInteger(level) || level < 0 || level > maxLevel(practice)) {
      problems.push({ path: `answers.${id}`, message: `must be a whole level from 0 to ${maxLevel(practice)}` });
    }
  }
  if (problems.length > 0) throw new Invalid(`the answers have ${problems.length} problem(s)`, problems);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The score is sum(w * level * (M / max)) * 100 / (M * sum(w)) with M the least common multiple of the
 * practices' top levels: with whole weights every part is a whole number until the one division, so equal
 * ratios give identical numbers (2 of 3 everywhere is the same score over 6 answers as over 11) and ties
 * in the percentiles stay ties.
 */
export function maturity(framework: Framework, answers: Answers, opts: { minAnswers?: number } = {}): Maturity {
  validateAnswers(framework, answers);
  const minAnswers = opts.minAnswers ?? minAnswersForStage(framework);
  const common = framework.practices.reduce((m, p) => (m * maxLevel(p)) / gcd(m, maxLevel(p)), 1);
  let weighted = 0;
  let weights = 0;
  let answered = 0;
  for (const practice of framework.practices) {
    const level = answers[practice.id];
    if (level === null || level === undefined) continue;
    weighted += practice.weight * level * (common / maxLevel(practice));
    weights += practice.weight;
    answered++;
  }
  const score = answered === 0 ? null : Math.min(100, (weighted * 100) / (common * weights));
  return {
    score,
    answered,
    total: framework.practices.length,
    stage: score !== null && answered >= minAnswers ? stageOf(score) : null,
    minAnswers,
  };
}
