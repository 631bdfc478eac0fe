// The web app end to end: the real server (on this Vitest project's database) driven in Chromium.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, type Server } from './harness.ts';
import { useServerAndBrowser } from './suite.ts';
import { apiAs, signIn } from './session.ts';

const ADMIN = { email: 'admin@example.org', password: 'e2e-admin-password-1', role: 'admin', name: 'Ada Admin' };
const VIEWER = { email: 'viewer@example.org', password: 'e2e-viewer-password-1', role: 'viewer', name: 'Vera Viewer', org: 'BSN' };
const XSS = '<img src=x onerror=alert(1)>';
const BSN_2019 = 'from=2019-01-01&to=2019-08-09';

describe.skipIf(!chromiumPath())('web app in Chromium', () => {
  const e2e = useServerAndBrowser([ADMIN, VIEWER]);
  let server: Server;
  let browser: Browser;
  let auth = false;
  beforeAll(() => {
    ({ server, browser, auth } = e2e);
  });

  /** A fresh browser context (no storage), signed in as `user` when the server has sign-in. */
  async function open(path: string, user: { email: string; password: string } | null = ADMIN, width = 1280): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}${path}`);
    if (auth && user) {
      await signIn(page, user.email, user.password);
      await page.getByRole('navigation').first().waitFor();
    }
    return { page, errors, dialogs };
  }

  it("shows BSN's overview, and in Indonesian writes 8.470", async () => {
    const { page, errors } = await open(`/org/BSN?${BSN_2019}`);
    const fb = page.getByTestId('followers-facebook');
    await expect.poll(() => fb.textContent()).toBe('8,470');
    expect(await page.getByTestId('followers-instagram').textContent()).toBe('76,670');
    expect(await page.getByTestId('growth-instagram').textContent()).toBe('+24,370');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Badan Standardisasi Nasional');
    expect(await page.getByTestId('synthetic-note').textContent()).toMatch(/synthetic.*reported/);
    expect(await page.getByText('Asia/Jakarta').first().textContent()).toContain('UTC+07:00');
    await page.getByTestId('chart-summary').waitFor();

    await page.locator('label', { hasText: /^ID$/ }).click();
    await expect.poll(() => fb.textContent()).toBe('8.470');
    expect(await page.getByTestId('followers-instagram').textContent()).toBe('76.670');
    expect(await page.getByRole('link', { name: 'Ringkasan' }).count()).toBe(1);
    // remembered across a reload
    await page.reload();
    await expect.poll(() => page.getByTestId('followers-facebook').textContent()).toBe('8.470');
    expect(await page.evaluate('document.documentElement.lang')).toBe('id');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the benchmark and sorts it by name and by a pillar', async () => {
    const { page } = await open(`/benchmark?group=ISO&platform=instagram&${BSN_2019}`);
    const table = page.getByTestId('league-table');
    await table.waitFor();
    const names = () => table.locator('tbody tr th a').allTextContents();
    await expect.poll(async () => (await names())[0]).toBe('Badan Standardisasi Nasional');

    await table.locator('button[data-sort="org"]').click();
    await expect.poll(async () => table.locator('th[aria-sort="ascending"] button[data-sort="org"]').count()).toBe(1);
    const asc = await names();
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
    await table.locator('button[data-sort="org"]').click();
    await expect.poll(names).toEqual([...asc].reverse());

    await table.locator('button[data-sort="posts_per_week"]').click();
    await expect.poll(async () => table.locator('th[aria-sort="descending"] button[data-sort="posts_per_week"]').count()).toBe(1);
    expect((await names())[0]).toBe('Badan Standardisasi Nasional');
    // click through to an organisation
    await table.getByRole('link', { name: 'Badan Standardisasi Nasional' }).click();
    await expect.poll(() => page.getByTestId('followers-facebook').textContent()).toBe('8,470');
    await page.context().close();
  });

  it('uploads a broken file and names its row and column', async () => {
    const { page } = await open('/import');
    const csv = 'platform,handle,date,followers\ninstagram,bsn_sni,2019-08-10,77000\ninstagram,bsn_sni,2019-08-11,abc\n';
    await page.locator('input[type="file"]').setInputFiles({ name: 'broken-snapshots.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const row = problems.locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual(['broken-snapshots.csv', '3', 'followers', 'abc is not a number']);
    expect(await page.getByTestId('import-report').textContent()).toContain('rejected');
    await page.context().close();
  });

  it('makes a report, lists it and downloads it', async () => {
    const { page } = await open(`/reports?${BSN_2019}`);
    await page.getByLabel('Format').selectOption('html');
    await page.getByRole('button', { name: 'Make the report' }).click();
    const table = page.getByTestId('reports-table');
    await table.waitFor();
    const link = table.getByRole('link', { name: /Download/ }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/reports\/\d+\/download$/);
    const file = await page.request.get(`${server.url}${href ?? ''}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('text/html');
    await page.context().close();
  });

  it('renders hostile organisation names and post texts as text', async () => {
    const { page, dialogs } = await open('/network');
    await page.getByTestId('groups-table').waitFor();
    expect((await apiAs(page, 'POST', '/api/organizations', { code: 'XSS', name: XSS, timezone: 'UTC' })).status).toBe(201);
    expect((await apiAs(page, 'POST', '/api/accounts', { org: 'XSS', platform: 'instagram', handle: 'xss_probe' })).status).toBe(201);
    const posts = `platform,handle,post_id,published_at,type,text,likes,comments\ninstagram,xss_probe,xss1,2024-03-01T03:00:00Z,image,"${XSS}",10,2\n`;
    const imported = await apiAs(page, 'POST', '/api/imports', undefined, { file: { name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(posts) } });
    expect(imported.status).toBe(200);

    await page.goto(`${server.url}/org/XSS/posts?from=2024-01-01&to=2024-12-31`);
    const text = page.getByTestId('post-text').first();
    await text.waitFor();
    expect(await text.textContent()).toBe(XSS);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('can be used with the keyboard and at 375 px wide', async () => {
    const { page } = await open(`/org/BSN?${BSN_2019}`, ADMIN, 375);
    await page.getByTestId('followers-facebook').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.className')).toContain('skip-link');
    const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    // the menu opens from its button, with the keyboard
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")')).toBe('Menu');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Benchmark', exact: true }).click();
    await page.getByTestId('league-table').waitFor();
    await page.context().close();
  });

  it('sends an anonymous visitor to the sign-in page', async (ctx) => {
    if (!auth) ctx.skip();
    const { page } = await open('/org/BSN', null);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('followers-facebook').count()).toBe(0);
    await signIn(page, ADMIN.email, 'wrong password');
    await page.getByTestId('login-error').waitFor();
    await signIn(page, ADMIN.email, ADMIN.password);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Ada Admin');
    await page.context().close();
  });

  it('refuses a viewer an edit', async (ctx) => {
    if (!auth) ctx.skip();
    const { page } = await open('/import', VIEWER);
    await page.getByTestId('not-allowed').waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    const refused = await apiAs(page, 'PATCH', '/api/organizations/BSN', { name: 'Renamed by a viewer' });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: { code: 'forbidden' } });
    await page.context().close();
  });
});
