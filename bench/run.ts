// Runs the benchmarks of bench/*.bench.ts and prints each figure against its same-run baseline.
// Usage: npm run bench -- [--only NAME]... [--json]
//   --only NAME  runs the benchmark NAME, or if none is so named those whose name starts with NAME (repeatable)
//   --json       prints one JSON object per benchmark and line: {"name","value","unit","baseline","ratio","target"}
// Progress goes to stderr. Exit code: 0 when every target is met, 1 when one is missed, 2 on bad usage.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meetsTarget, type Benchmark, type BenchFigure } from './types.ts';

interface Args {
  json: boolean;
  only: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--only') {
      const name = argv[++i];
      if (!name) usage('--only needs a benchmark name');
      args.only.push(name);
    } else if (a?.startsWith('--only=')) args.only.push(a.slice('--only='.length));
    else if (a === '--') continue;
    else usage(`unknown argument ${a}`);
  }
  return args;
}

function usage(problem: string): never {
  process.stderr.write(`bench: ${problem}\nusage: npm run bench -- [--only NAME]... [--json]\n`);
  process.exit(2);
}

async function discover(): Promise<Benchmark[]> {
  const dir = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
  const all: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { benchmarks?: Benchmark[] };
    if (!Array.isArray(mod.benchmarks)) throw new Error(`${file} exports no "benchmarks" array`);
    all.push(...mod.benchmarks);
  }
  return all;
}

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toLocaleString('en-US', { maximumSignificantDigits: 3 });

interface Row {
  name: string;
  figure: BenchFigure;
  ratio: number;
  ok: boolean;
}

function printTable(rows: readonly Row[]): void {
  const header = ['benchmark', 'value', 'baseline', 'unit', 'ratio', 'target', ''];
  const cells = rows.map((r) => [r.name, fmt(r.figure.value), fmt(r.figure.baseline), r.figure.unit, r.ratio.toFixed(3), r.figure.target, r.ok ? 'ok' : 'MISSED']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c.map((v, i) => (i === 0 || i === 3 || i === 6 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  for (const r of rows) if (r.figure.notes) out.push(`  ${r.name}: ${r.figure.notes}`);
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const all = await discover();
  // An exact name picks that benchmark alone; otherwise a name is a prefix (demo: demo-scale-1 and -10).
  const matches = (p: string) => (all.some((b) => b.name === p) ? all.filter((b) => b.name === p) : all.filter((b) => b.name.startsWith(p)));
  const chosen = args.only.length === 0 ? all : all.filter((b) => args.only.some((p) => matches(p).includes(b)));
  if (chosen.length === 0) usage(`no benchmark matches ${args.only.join(', ')} (known: ${all.map((b) => b.name).join(', ')})`);

  const rows: Row[] = [];
  for (const b of chosen) {
    process.stderr.write(`bench: ${b.name}: ${b.description}…\n`);
    const figure = await b.run();
    const ratio = figure.value / figure.baseline;
    const row = { name: b.name, figure, ratio, ok: meetsTarget(ratio, figure.target) };
    rows.push(row);
    if (args.json) {
      const { value, unit, baseline, target } = figure;
      process.stdout.write(JSON.stringify({ name: b.name, value, unit, baseline, ratio, target }) + '\n');
    } else {
      process.stderr.write(`bench: ${b.name}: ${fmt(figure.value)} ${figure.unit}, ratio ${ratio.toFixed(3)} (${figure.target})\n`);
    }
  }
  if (!args.json) printTable(rows);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
