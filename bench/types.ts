// What a benchmark file (bench/*.bench.ts) exports: `export const benchmarks: Benchmark[]`.

export interface BenchFigure {
  /** Our figure, e.g. rows inserted per second. */
  value: number;
  unit: string;
  /** The same figure for the baseline, measured in the same run on the same machine. */
  baseline: number;
  /** The condition on ratio = value / baseline, e.g. ">=0.5" or "<=1.0". */
  target: string;
  /** Extra facts for the readable table (row counts, seconds); never in --json output. */
  notes?: string;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchFigure>;
}

/** True when the ratio meets a target like ">=0.5", "<=1.0", ">1" or "<2". */
export function meetsTarget(ratio: number, target: string): boolean {
  const m = /^\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(target);
  if (!m) throw new Error(`bad benchmark target "${target}" (expected e.g. ">=0.5")`);
  const bound = Number(m[2]);
  switch (m[1]) {
    case '>=': return ratio >= bound;
    case '<=': return ratio <= bound;
    case '>': return ratio > bound;
    default: return ratio < bound;
  }
}
