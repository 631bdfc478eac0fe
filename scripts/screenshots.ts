// Saves screenshots of the main pages to docs/screenshots/ (PNG; 1280 px wide, and the overview at
// 375 px), from a fresh server with the demo data at scale 1. Run: node bin/run-ts.js scripts/screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureWebBuild, launchBrowser, ROOT, startServer } from '../src/web/e2e/harness.ts';
import { addUser, hasAuth, signIn } from '../src/web/e2e/session.ts';

const OUT = join(ROOT, 'docs/screenshots');
const PERIOD = 'from=2019-01-01&to=2019-08-09';
/** A recent quarter, when every member of the demo network has figures. */
const QUARTER = 'from=2026-04-01&to=2026-06-30';
const ADMIN = { email: 'screenshots@example.org', password: 'screenshots-password-1', role: 'admin', name: 'Screenshots' };

const shots: { file: string; path: string; width?: number; wait: string; before?: 'import' }[] = [
  { file: 'overview.png', path: `/org/BSN?${PERIOD}`, wait: '[data-testid="chart-summary"]' },
  { file: 'overview-375.png', path: `/org/BSN?${PERIOD}`, width: 375, wait: '[data-testid="chart-summary"]' },
  { file: 'overview-id.png', path: `/org/BSN?${PERIOD}&lang=id`, wait: '[data-testid="chart-summary"]' },
  { file: 'benchmark.png', path: `/benchmark?group=ISO&platform=instagram&${QUARTER}`, wait: '[data-testid="composite-table"]' },
  { file: 'posts.png', path: `/org/BSN/posts?${QUARTER}`, wait: '[data-testid="best-times-summary"]' },
  { file: 'accounts.png', path: '/org/BSN/accounts', wait: '[data-testid="team-table"]' },
  { file: 'network.png', path: '/network?group=ISO', wait: '[data-testid="contacts-table"]' },
  { file: 'import.png', path: '/import', wait: '[data-testid="import-problems"]', before: 'import' },
  { file: 'reports.png', path: '/reports', wait: 'h1' },
  { file: 'settings.png', path: '/settings', wait: 'h1' },
  { file: 'calendar.png', path: '/org/BSN/calendar', wait: 'h1' },
  { file: 'composer.png', path: '/org/BSN/compose', wait: 'h1' },
  { file: 'meetings.png', path: '/org/BSN/meetings', wait: 'h1' },
  { file: 'media.png', path: '/org/BSN/media', wait: 'h1' },
  { file: 'inbox.png', path: '/org/BSN/inbox', wait: 'h1' },
  { file: 'practice.png', path: '/org/BSN/practice', wait: 'h1' },
  { file: 'practice-network.png', path: '/practice', wait: 'h1' },
];

mkdirSync(OUT, { recursive: true });
ensureWebBuild();
const server = await startServer({ scale: 1 });
const browser = await launchBrowser();
try {
  const auth = await hasAuth(server);
  if (auth) await addUser(server, ADMIN);
  for (const s of shots) {
    const context = await browser.newContext({ viewport: { width: s.width ?? 1280, height: 900 }, locale: 'en-GB', deviceScaleFactor: 1 });
    const page = await context.newPage();
    const lang = s.path.includes('lang=id') ? 'id' : 'en';
    await page.addInitScript(`localStorage.setItem('socialbench.lang', '${lang}')`);
    await page.goto(`${server.url}${s.path.replace(/&lang=id$/, '')}`);
    if (auth) {
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('navigation').first().waitFor();
    }
    if (s.before === 'import') {
      const csv = 'platform,handle,date,followers\ninstagram,bsn_sni,2019-08-10,77000\ninstagram,bsn_sni,2019-08-11,77.1k\n';
      await page.locator('input[type="file"]').setInputFiles({ name: 'followers-august.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.locator('form button[type="submit"]').click();
    }
    await page.locator(s.wait).first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800); // charts draw after their module loads
    // Long pages (the league table of ~170 members) are cut at 2,000 px to keep the files small.
    const height = Math.min(2000, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({ path: join(OUT, s.file), fullPage: true, clip: { x: 0, y: 0, width: s.width ?? 1280, height } });
    process.stdout.write(`saved docs/screenshots/${s.file}\n`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
