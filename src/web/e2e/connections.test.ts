// Platform connections, the publishing queue and the service status in Chromium: a manager of BSN sees
// each official account's connection (connected, expired -> connect again, not connected), the alerts
// banner and the notice after connecting, settles a failed publication; an admin sees the service status.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAccount } from '../../db/queries/accounts.ts';
import { saveConnection } from '../../db/queries/connections.ts';
import { insertPublications } from '../../db/queries/publishing.ts';
import { chromiumPath, type Server } from './harness.ts';
import { apiAs, signIn } from './session.ts';
import { useServerAndBrowser, withServerDatabase } from './suite.ts';

const ADMIN = { email: 'conn-admin@example.org', password: 'e2e-conn-password-1', role: 'admin' };
const MANAGER = { email: 'conn-manager@example.org', password: 'e2e-conn-password-2', role: 'manager', org: 'BSN' };

describe.skipIf(!chromiumPath())('connections, publishing queue and service status in Chromium', () => {
  const e2e = useServerAndBrowser([ADMIN, MANAGER]);
  let server: Server;
  let browser: Browser;
  let auth = false;

  beforeAll(async () => {
    ({ server, browser, auth } = e2e);
    // Connections as OAuth and a dead token would have left them, written straight into the server's database.
    await withServerDatabase(e2e, async (db) => {
      const now = new Date().toISOString();
      for (const [platform, handle, status] of [['x', 'bsn_sni', 'expired'], ['facebook', 'bsn.sni', 'active']] as const) {
        const a = await findAccount(db.kysely, platform, handle);
        if (!a) throw new Error(`the demo has no ${platform}/${handle}`);
        await saveConnection(db.kysely, {
          account_id: a.id, platform, status, access_token: null, refresh_token: null, expires_at: null, scopes: '',
          last_error: status === 'expired' ? 'the token was revoked' : null, flagged_at: status === 'expired' ? now : null, created_at: now, updated_at: now,
        });
      }
    });
  });

  async function open(path: string, who: { email: string; password: string }, width = 1280): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${path}`);
    if (auth) await signIn(page, who.email, who.password);
    return { page, errors };
  }

  it("shows a manager each official account's connection, the actions and the alerts banner", async () => {
    const { page, errors } = await open('/org/BSN/accounts', MANAGER);
    const table = page.getByTestId('connections-table');
    await table.waitFor();
    const status = (platform: string, handle: string) => page.getByTestId(`connection-${platform}-${handle}`).locator('[data-status]').getAttribute('data-status');
    expect(await status('x', 'bsn_sni')).toBe('expired');
    expect(await status('facebook', 'bsn.sni')).toBe('active');
    expect(await status('youtube', 'bsn_sni')).toBe('none');
    const x = page.getByTestId('connection-x-bsn_sni');
    expect(await x.textContent()).toContain('Expired: connect again');
    expect(await x.getByRole('link', { name: /^Connect again/ }).getAttribute('href')).toBe('/api/connections/x/authorize?account=bsn_sni');
    expect(await page.getByTestId('connection-youtube-bsn_sni').getByRole('link', { name: /^Connect:/ }).count()).toBe(1);
    expect(await page.getByTestId('connection-facebook-bsn.sni').getByRole('button', { name: /^Disconnect/ }).count()).toBe(1);
    const banner = page.getByTestId('alerts-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('X @bsn_sni (BSN): connect it again');
    expect(errors).toEqual([]);
  });

  it('shows the notice after connecting, and fits a 375 px screen', async () => {
    const { page } = await open('/org/BSN/accounts?connected=youtube/bsn_sni', MANAGER, 375);
    const notice = page.getByTestId('connect-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Connected: YouTube @bsn_sni');
    await page.getByTestId('connections-table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('lists the publishing queue and lets a manager settle a failed publication', async () => {
    const { page, errors } = await open('/org/BSN/publishing', MANAGER);
    await page.getByRole('heading', { name: 'Publishing queue' }).waitFor();
    // A failed publication of a new item, as the worker would have left it.
    const item = await apiAs(page, 'POST', '/api/organizations/BSN/content', { title: 'E2E Hari Standar' });
    expect(item.status).toBe(201);
    await withServerDatabase(e2e, async (db) => {
      const a = await findAccount(db.kysely, 'x', 'bsn_sni');
      const now = new Date().toISOString();
      await insertPublications(db.kysely, [{ item_id: (item.json as { id: number }).id, account_id: a?.id ?? 0, platform: 'x', state: 'failed', due_at: now, next_attempt_at: now, attempts: 2, checks: 0, last_error: 'rejected: duplicate', created_at: now, updated_at: now }]);
    });
    await page.goto(`${server.url}/org/BSN/publishing?show=problems`);
    const table = page.getByTestId('publications-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('rejected: duplicate');
    await page.getByLabel('Address of the post').fill('https://x.com/bsn_sni/status/1790000000000000001');
    await page.getByRole('button', { name: 'Settle', exact: true }).click();
    await page.getByText('Settled.').waitFor();
    await page.getByLabel('Show', { exact: true }).selectOption('published');
    await expect.poll(async () => (await page.getByTestId('publications-table').textContent()) ?? '').toContain('E2E Hari Standar');
    expect(errors).toEqual([]);
  });

  it('shows an admin the service status in the settings', async () => {
    const { page, errors } = await open('/settings', ADMIN);
    const status = page.getByTestId('service-status');
    await status.waitFor();
    expect(await page.getByTestId('status-database').textContent()).toMatch(/^sqlite|^postgres/);
    expect(await page.getByTestId('status-queue').textContent()).toContain('Needs a check');
    expect(errors).toEqual([]);
  });
});
