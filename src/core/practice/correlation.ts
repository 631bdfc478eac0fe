// Spearman rank correlation with average ranks for ties, and a seeded percentile bootstrap for it.
import { Invalid } from '../errors.ts';
import { quantile, sortAscending } from '../metrics/stats.ts';

/** Ranks 1..n in input order; tied values share the mean of the ranks they span (2 and 3 -> 2.5). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.[0] === order[start]?.[0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      const index = order[k]?.[1];
      if (index !== undefined) ranks[index] = rank;
    }
    start = end + 1;
  }
  return ranks;
}

/** Pearson correlation; null when either side does not vary (or fewer than 2 pairs). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n !== ys.length) throw new Invalid('correlation needs two lists of the same length');
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] ?? 0;
    my += ys[i] ?? 0;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  // Rounding can land a hair outside [-1, 1]; a correlation cannot.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Spearman's rho: Pearson on average ranks, which stays exact with ties (the 1 - 6 sum d^2 shortcut does not). */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Invalid('correlation needs two lists of the same length');
  // Constant sides have constant ranks; checking the raw values avoids float noise in the rank means.
  if (xs.every((x) => x === xs[0]) || ys.every((y) => y === ys[0])) return null;
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** splitmix32: small, fast and the same stream on every platform for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  /** Number of resamples B (default 2000). */
  resamples?: number;
  /** Two-sided confidence level in (0, 1) (default 0.95). */
  confidence?: number;
  /** Seed of the generator (default 20190809, the date of the BSN news item); same seed, same interval. */
  seed?: number;
}

export interface BootstrapInterval {
  low: number;
  high: number;
  confidence: number;
  resamples: number;
  /** Resamples where rho existed; one where a side came out constant has no rho and is left out. */
  resamplesUsed: number;
  seed: number;
}

export const BOOTSTRAP_DEFAULTS = { resamples: 2000, confidence: 0.95, seed: 20190809 } as const;

/**
 * Percentile bootstrap of Spearman's rho: draw n pairs with replacement B times, rank each resample
 * afresh, and take the (1 - c) / 2 and (1 + c) / 2 quantiles (linear interpolation, as groupStats).
 * null when fewer than half of the resamples had a rho: the interval would describe the lucky ones.
 */
export function bootstrapSpearman(xs: readonly number[], ys: readonly number[], opts: BootstrapOptions = {}): BootstrapInterval | null {
  const resamples = opts.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const confidence = opts.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  const seed = opts.seed ?? BOOTSTRAP_DEFAULTS.seed;
  if (!Number.isInteger(resamples) || resamples < 1) throw new Invalid('resamples must be a whole number, 1 or more', [{ path: 'resamples', message: 'must be 1 or more' }]);
  if (!(confidence > 0 && confidence < 1)) throw new Invalid('confidence must lie between 0 and 1', [{ path: 'confidence', message: 'must be in (0, 1)' }]);
  const n = xs.length;
  if (n !== ys.length) throw new Invalid('correlation needs two lists of the same length');
  if (n < 2) return null;
  const random = seededRandom(seed);
  const rhos: number[] = [];
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      bx[i] = xs[j] ?? 0;
      by[i] = ys[j] ?? 0;
    }
    const rho = spearman(bx, by);
    if (rho !== null) rhos.push(rho);
  }
  if (rhos.length * 2 < resamples) return null;
  const sorted = sortAscending(rhos);
  return {
    low: quantile(sorted, (1 - confidence) / 2),
    high: quantile(sorted, (1 + confidence) / 2),
    confidence,
    resamples,
    resamplesUsed: rhos.length,
    seed,
  };
}
