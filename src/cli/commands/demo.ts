// socialbench demo: load the deterministic demo data set (synthetic figures).
import type { Command } from 'commander';
import { loadDemoData } from '../../actions/demo.ts';
import { ExitError, withDeps, type GlobalOptions } from '../context.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the demo data: BSN, the ISO network and peer groups (synthetic figures)')
    .option('--scale <n>', 'size: 1 is the default, 10 is about 2 million posts', '1')
    .option('--seed <n>', 'random seed (same seed, same data)')
    .option('--replace', 'replace demo data already in the database')
    .action(async (opts: { scale: string; seed?: string; replace?: boolean }, cmd: Command) => {
      const scale = Number(opts.scale);
      if (!Number.isFinite(scale) || scale <= 0) throw new ExitError(`--scale must be a positive number (got "${opts.scale}")`, 2);
      const seed = opts.seed === undefined ? undefined : Number(opts.seed);
      if (seed !== undefined && !Number.isInteger(seed)) throw new ExitError(`--seed must be an integer (got "${opts.seed}")`, 2);
      await withDeps(cmd.optsWithGlobals<GlobalOptions>(), async (deps) => {
        let last = 0;
        const r = await loadDemoData(deps, {
          scale,
          seed,
          replace: opts.replace,
          onProgress: (done, total, phase) => {
            const now = Date.now();
            if (now - last < 1000) return;
            last = now;
            process.stderr.write(`${phase}: ${done}${total ? ` of ${total}` : ''}\n`);
          },
        });
        process.stdout.write(
          `loaded demo data in ${r.seconds.toFixed(1)} s: ${r.organizations} organisations, ${r.accounts} accounts, ` +
            `${r.snapshots} audience snapshots, ${r.posts} posts (figures are synthetic, except BSN's reported 2019 counts)\n`,
        );
      });
    });
}
