// Renders the sample reports under docs/samples/ from a small demo: PNG pages of the evaluation and
// benchmark PDFs (100 dpi) and a screenshot of the evaluation HTML. Run: node bin/run-ts.js src/reports/samples.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeDeps, SYSTEM } from '../actions/context.ts';
import { buildReport } from '../actions/reports.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemo } from '../demo/load.ts';
import { launchBrowser } from '../web/e2e/harness.ts';

const OUT = resolve(import.meta.dirname, '../../docs/samples');
const PERIOD = { from: '2026-01-01', to: '2026-10-31' };

const work = mkdtempSync(join(tmpdir(), 'sb-samples-'));
const db = openDatabase({ kind: 'sqlite', path: join(work, 'demo.db') });
try {
  await migrateToLatest(db);
  await loadDemo(db, { scale: 0.05, today: '2026-11-27' });
  const deps = { ...makeDeps(db), now: () => '2026-11-27T08:00:00.000Z' };
  mkdirSync(OUT, { recursive: true });

  const pages = async (name: string, input: unknown, count: number) => {
    const r = await buildReport(SYSTEM, input, deps);
    const file = join(work, `${name}.pdf`);
    writeFileSync(file, r.bytes);
    execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', String(count), file, join(OUT, name)]);
    console.log(`${name}: ${r.title}, ${r.bytes.length} bytes`);
  };
  await pages('evaluation-pdf', { kind: 'evaluation', params: { org: 'BSN', ...PERIOD, lang: 'id' }, format: 'pdf' }, 4);
  await pages('benchmark-pdf', { kind: 'benchmark', params: { group: 'ISO', ...PERIOD, lang: 'en' }, format: 'pdf' }, 3);

  const html = await buildReport(SYSTEM, { kind: 'evaluation', params: { org: 'BSN', ...PERIOD, lang: 'id' }, format: 'html' }, deps);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1500 } });
    await page.setContent(html.bytes.toString('utf8'));
    await page.screenshot({ path: join(OUT, 'evaluation-html.png') });
  } finally {
    await browser.close();
  }
  console.log(`samples written to ${OUT}`);
} finally {
  await db.close();
  rmSync(work, { recursive: true, force: true });
}
