// Publishing benchmarks (the burst itself is in publish-burst.ts).
import { publishBurstBenchmark } from './publish-burst.ts';
import type { Benchmark } from './types.ts';

export const benchmarks: Benchmark[] = [publishBurstBenchmark];
