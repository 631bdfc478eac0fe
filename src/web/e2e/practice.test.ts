// The practice benchmark end to end: a manager of BSN fills the self-assessment, the coordinator of the
// ISO network sees it in the network view and reads BSN's case page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, type Server } from './harness.ts';
import { useServerAndBrowser } from './suite.ts';
import { signIn } from './session.ts';

const MANAGER = { email: 'manager@bsn.example', password: 'e2e-manager-password-1', role: 'manager', name: 'Maya Manager', org: 'BSN' };
const COORDINATOR = { email: 'coordinator@iso.example', password: 'e2e-coordinator-password-1', role: 'coordinator', name: 'Cory Coordinator', network: 'ISO' };
const PERIOD = String(new Date().getUTCFullYear());
// Six of the eleven practices at level 2: enough answers for a stage; 2 of 3 everywhere scores 66.7, "Order".
const ANSWERED = ['team_ownership', 'planning_meetings', 'evaluation_meetings', 'visual_content', 'persona_style', 'network_liaison'];

describe.skipIf(!chromiumPath())('practice benchmark in Chromium', () => {
  const e2e = useServerAndBrowser([MANAGER, COORDINATOR]);
  let server: Server;
  let browser: Browser;
  let auth = false;
  beforeAll(() => {
    ({ server, browser, auth } = e2e);
  });

  async function open(path: string, user: { email: string; password: string }, width = 1280): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    await context.addInitScript(() => localStorage.setItem('socialbench.lang', 'en'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${path}`);
    await signIn(page, user.email, user.password);
    await page.getByRole('navigation').first().waitFor();
    return { page, errors };
  }

  it('a manager fills the assessment; the observed proposal stands beside it', async (ctx) => {
    if (!auth) ctx.skip();
    const { page, errors } = await open(`/org/BSN/practice?period=${PERIOD}`, MANAGER, 375);
    const first = page.getByTestId('practice-team_ownership');
    await first.waitFor();
    // What socialbench observed for BSN (its accounts, posts and named ISO liaison) is shown beside the choices.
    await page.getByTestId('practice-network_liaison').getByTestId('proposal').waitFor();
    for (const id of ANSWERED) {
      await page.getByTestId(`practice-${id}`).getByRole('radio', { name: /^Level 2:/ }).check();
    }
    await first.getByLabel('Evidence note').fill('Each team member holds one account.');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Saved as version 1.').waitFor();
    await expect.poll(() => page.getByTestId('maturity').textContent()).toContain('Order');
    await page.getByTestId('practice-history').getByRole('cell', { name: '6 / 11' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the ISO coordinator sees it in the network view and opens the case library', async (ctx) => {
    if (!auth) ctx.skip();
    const { page, errors } = await open(`/practice?group=ISO&period=${PERIOD}`, COORDINATOR);
    const positions = page.getByTestId('practice-positions');
    await positions.waitFor();
    const bsn = positions.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'BSN', exact: true }) });
    await expect.poll(() => bsn.textContent()).toContain('Order');
    expect(await bsn.textContent()).toContain('6 / 11');
    const ownership = page.getByTestId('practice-distribution').getByRole('row').filter({ hasText: 'Team and account ownership' });
    expect(await ownership.count()).toBe(1);
    await page.getByTestId('association-note').getByText('not a cause').waitFor();

    await page.getByRole('link', { name: /^BSN, Indonesia/ }).first().click();
    await expect.poll(() => page.getByTestId('case-body').textContent()).toContain('SNImin');
    await page.getByText('Bahasa Indonesia', { exact: true }).click();
    await expect.poll(() => page.getByTestId('case-body').textContent()).toContain('76.670');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
