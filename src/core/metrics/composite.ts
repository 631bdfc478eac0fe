// The composite index: one number per organisation from its percentiles on the five pillars.
import { Invalid } from '../errors.ts';

/** activity, creativity, engagement, growth, interaction. */
export const PILLARS = ['posts_per_week', 'visual_share', 'er', 'growth_pct', 'mention_share'] as const;
export type Pillar = (typeof PILLARS)[number];

/** A pillar left out of custom weights keeps the default weight 1. */
export type PillarWeights = Partial<Record<Pillar, number>>;

export function assertWeights(weights: PillarWeights): void {
  for (const pillar of PILLARS) {
    const w = weights[pillar];
    if (w !== undefined && !(Number.isFinite(w) && w >= 0)) throw new Invalid(`weight of ${pillar} must be a number >= 0, got ${w}`);
  }
}

/**
 * Weighted mean of the percentiles the organisation has, weights normalised over those pillars only,
 * so a missing pillar neither counts as 0 nor shifts weight unevenly. Null when it has none (or all weigh 0).
 */
export function compositeIndex(percentiles: Partial<Record<Pillar, number | null>>, weights?: PillarWeights): number | null {
  if (weights) assertWeights(weights);
  let weighted = 0;
  let total = 0;
  for (const pillar of PILLARS) {
    const p = percentiles[pillar];
    if (p === null || p === undefined) continue;
    const w = weights?.[pillar] ?? 1;
    weighted += w * p;
    total += w;
  }
  if (total === 0) return null;
  // Float rounding of w * p can overshoot the 0..100 scale by an ulp; keep the promise of the scale.
  return Math.min(100, Math.max(0, weighted / total));
}

/** Mean of the platform composites that exist; null when none does. */
export function crossPlatformComposite(composites: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const c of composites) {
    if (c === null) continue;
    sum += c;
    n++;
  }
  return n === 0 ? null : sum / n;
}
