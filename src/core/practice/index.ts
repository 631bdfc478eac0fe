// Public API of the practice benchmark (issue 9): framework, level proposals, maturity, association, network view; pure, no I/O.
export {
  DEFAULT_FRAMEWORK, PRACTICE_AREAS, findPractice, frameworkSchema, maxLevel, validateFramework,
  type Bilingual, type Framework, type Practice, type PracticeArea, type PracticeLevel,
} from './framework.ts';
export type { DefaultPracticeId } from './default-framework.ts';
export { OBSERVED_THRESHOLDS, needsReview, proposeLevels, type LevelProposal, type ObservedSignals } from './observed.ts';
export {
  STAGE_CUTOFFS, STAGE_NAMES, maturity, minAnswersForStage, stageOf, validateAnswers,
  type Answers, type Maturity, type Stage,
} from './maturity.ts';
export {
  BOOTSTRAP_DEFAULTS, averageRanks, bootstrapSpearman, pearson, seededRandom, spearman,
  type BootstrapInterval, type BootstrapOptions,
} from './correlation.ts';
export {
  ASSOCIATION_NOTE, MIN_DISTINCT_LEVELS, MIN_PAIRS, practiceOutcomeAssociation,
  type AssociationOptions, type AssociationResult, type LevelGroup, type MemberPair,
} from './association.ts';
export {
  maturityStandings, memberPosition, networkPracticeBenchmark, peerGroups, practiceDistribution,
  type MaturitySummary, type MemberAssessment, type MemberPosition, type MemberStanding,
  type NetworkPracticeBenchmark, type PeerGroupSummary, type PracticeDistribution,
} from './network.ts';
