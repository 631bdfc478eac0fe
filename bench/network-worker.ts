// Child process of benchmark-network: times groupBenchmark on a demo database in a fresh process,
// so the heap left behind by building the demo does not weigh on the figure. Prints one JSON line.
import { openDatabase } from '../src/db/database.ts';
import { makeDeps, SYSTEM } from '../src/actions/context.ts';
import { groupBenchmark } from '../src/actions/metrics.ts';

const [, , path, from, to] = process.argv;
if (!path || !from || !to) throw new Error('usage: network-worker DB FROM TO');
const db = openDatabase({ kind: 'sqlite', path });
const input = { group: 'ISO', platform: 'instagram', from, to };

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

// Fresh deps (an empty result cache) per call: this measures computing the benchmark, not recalling it.
const cold = await timed(() => groupBenchmark(SYSTEM, input, makeDeps(db)));
const warm: number[] = [];
for (let i = 0; i < 7; i++) warm.push(await timed(() => groupBenchmark(SYSTEM, input, makeDeps(db))));
const cachedDeps = makeDeps(db);
await groupBenchmark(SYSTEM, input, cachedDeps);
const cached = await timed(() => groupBenchmark(SYSTEM, input, cachedDeps));
await db.close();
process.stdout.write(JSON.stringify({ cold, warm, cached }) + '\n');
