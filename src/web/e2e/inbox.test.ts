// The inbox in Chromium: entries of BSN's accounts (one with markup in its text, shown as text), the
// responsiveness summary, marking done and the status filter; usable at 375 px.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findAccount } from '../../db/queries/accounts.ts';
import { insertEntries } from '../../db/queries/inbox.ts';
import { chromiumPath, type Server } from './harness.ts';
import { useServerAndBrowser, withServerDatabase } from './suite.ts';
import { signIn } from './session.ts';

const ADMIN = { email: 'inbox-admin@example.org', password: 'e2e-inbox-password-1', role: 'admin' };
const XSS = '<img src=x onerror="window.__pwned=1"> Kapan webinar berikutnya?';

describe.skipIf(!chromiumPath())('inbox in Chromium', () => {
  const e2e = useServerAndBrowser([ADMIN]);
  let server: Server;
  let browser: Browser;
  let auth = false;

  beforeAll(async () => {
    ({ server, browser, auth } = e2e);
    // Entries as the sync would have stored them, written straight into the server's database.
    await withServerDatabase(e2e, async (db) => {
      const a = await findAccount(db.kysely, 'x', 'bsn_sni');
      if (!a) throw new Error('the demo has no x/bsn_sni');
      const now = Date.now();
      const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
      const row = (id: string, text: string, received: string, reply: string | null) => ({
        organization_id: a.organization_id, account_id: a.id, platform: 'x', external_id: id, kind: 'mention', post_external_id: null, parent_external_id: null,
        author_handle: `fan_${id}`, author_name: null, author_external_id: id, text, received_at: received, assignee_id: null, status: 'open',
        first_reply_at: reply, done_at: null, created_at: received, updated_at: received,
      });
      await insertEntries(db.kysely, [row('e2e1', XSS, at(5), null), row('e2e2', 'Terima kasih infonya!', at(30), at(29.5))]);
    });
  });

  async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${path}`);
    if (auth) await signIn(page, ADMIN.email, ADMIN.password);
    return { page, errors };
  }

  it('lists entries as text, sums up responsiveness, marks done and filters by status', async () => {
    const { page, errors } = await open('/org/BSN/inbox');
    await page.getByRole('link', { name: 'Inbox' }).first().waitFor();
    const list = page.getByTestId('inbox-entries');
    await list.waitFor();
    await expect.poll(() => list.getByRole('article').count()).toBe(2);
    expect(await list.getByText(XSS).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.getByTestId('inbox-summary').textContent()).toBe('1 of 2 comments and mentions of this period were answered (50.0%); the median time to a first reply was 30 min.');

    const first = list.getByRole('article').first();
    await first.getByRole('button', { name: 'Mark done' }).click();
    await expect.poll(() => list.getByRole('article').count()).toBe(1);
    await page.getByLabel('Status').first().selectOption('done');
    await expect.poll(() => list.getByRole('article').count()).toBe(1);
    expect(await list.getByText(XSS).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('fits a 375 px screen', async () => {
    const { page } = await open('/org/BSN/inbox', 375);
    await page.getByTestId('inbox-entries').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
