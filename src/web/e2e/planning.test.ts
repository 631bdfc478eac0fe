// Planning end to end: an editor drafts an Instagram post for BSN in the composer, the voice check flags
// a forbidden word, the editor fixes it and submits; a manager approves and schedules it; the item is on
// the calendar and in the iCalendar feed. Then moving items on the calendar, by drag and by keyboard.
import ical from 'node-ical';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { weekStart } from '../../core/content/cadence.ts';
import { addDays } from '../../core/time.ts';
import { chromiumPath, type Server } from './harness.ts';
import { useServerAndBrowser } from './suite.ts';
import { apiAs, signIn } from './session.ts';

const ADMIN = { email: 'plan-admin@example.org', password: 'e2e-admin-password-1', role: 'admin', name: 'Ada Admin' };
const EDITOR = { email: 'editor@bsn.example.org', password: 'e2e-editor-password-1', role: 'editor', name: 'Eka Editor', org: 'BSN' };
const MANAGER = { email: 'manager@bsn.example.org', password: 'e2e-manager-password-1', role: 'manager', name: 'Maya Manager', org: 'BSN' };
type User = { email: string; password: string };

const ZONE = 'Asia/Jakarta';
const inJakarta = (days: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now() + days * 86_400_000);

describe.skipIf(!chromiumPath())('planning in Chromium', () => {
  const e2e = useServerAndBrowser([ADMIN, EDITOR, MANAGER]);
  let server: Server;
  let browser: Browser;
  let auth = false;
  beforeAll(() => {
    ({ server, browser, auth } = e2e);
  });

  /** A fresh browser context, signed in as `user` when the server has sign-in. */
  async function open(path: string, user: User, width = 1280): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${path}`);
    if (auth) {
      await signIn(page, user.email, user.password);
      await page.getByRole('navigation').first().waitFor();
    }
    return { page, errors };
  }

  const status = (page: Page) => page.getByTestId('status-badge').first().getAttribute('data-status');

  /** The editor's part: draft with a forbidden word, see it flagged, fix it, save and submit. */
  async function draftAndSubmit(page: Page, title: string): Promise<number> {
    await page.goto(`${server.url}/org/BSN/compose`);
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByLabel('Campaign or theme').fill('Helm SNI');
    await page.getByRole('checkbox', { name: 'Instagram @bsn_sni' }).check();
    const text = page.getByLabel('Instagram text');
    await text.fill('Halo SNIzen! Apakah Anda sudah cek tanda SNI pada helm? 🪖 #SNI');

    const voice = page.getByTestId('voice-findings-instagram');
    const forbidden = voice.locator('[data-rule="persona.term.forbidden"]');
    await forbidden.waitFor();
    expect(await forbidden.getByTestId('finding-suggestion').textContent()).toBe('Suggestion: Write "kamu" instead.');
    expect(await page.getByTestId('voice-score-instagram').getAttribute('data-passed')).toBe('false');
    expect(await page.getByTestId('marked-text').locator('mark[data-severity="error"]').allTextContents()).toEqual(['Anda']);
    // "Select in the text" selects the flagged word in the field.
    await forbidden.getByRole('button', { name: 'Select in the text' }).click();
    const selected = await text.evaluate((el) => {
      const field = el as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return field.value.slice(field.selectionStart, field.selectionEnd);
    });
    expect(selected).toBe('Anda');

    await page.getByLabel('Media address (URL)').fill('https://example.org/helm.jpg');
    await page.getByLabel('Alt text').fill('Helm dengan tanda SNI');
    await page.getByRole('button', { name: 'Add media' }).click();
    await page.getByTestId('media-row').waitFor();

    await text.fill('Halo SNIzen! Kamu sudah cek tanda SNI pada helm? 🪖 #SNI');
    await expect.poll(() => page.getByTestId('voice-score-instagram').getAttribute('data-passed')).toBe('true');
    expect(await voice.locator('[data-rule="persona.term.forbidden"]').count()).toBe(0);
    expect(await page.getByTestId('platform-findings-instagram').locator('[data-severity="error"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/org\/BSN\/compose\?id=\d+$/);
    const id = Number(new URL(page.url()).searchParams.get('id'));
    await expect.poll(() => status(page)).toBe('draft');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => status(page)).toBe('in_review');
    return id;
  }

  /** The manager's part: approve, then schedule at 08:00 Jakarta time on `date`. */
  async function approveAndSchedule(page: Page, id: number, date: string): Promise<void> {
    await page.goto(`${server.url}/org/BSN/compose?id=${id}`);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => status(page)).toBe('approved');
    await page.getByLabel('Publish date').fill(date);
    await page.getByLabel('Publish time').fill('08:00');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => status(page)).toBe('scheduled');
    expect(await page.getByTestId('scheduled-local').textContent()).toBe(`goes out ${date} 08:00 (${ZONE})`);
    expect(await page.getByTestId('history').locator('li').count()).toBe(4);
  }

  /** The item is on the calendar on its day, and in the feed at its instant (parsed with node-ical). */
  async function onCalendarAndInFeed(page: Page, id: number, title: string, date: string): Promise<void> {
    await page.goto(`${server.url}/org/BSN/calendar?date=${date}`);
    const item = page.locator(`[data-testid="calendar-day"][data-date="${date}"] [data-testid="calendar-item"][data-id="${id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(title);
    expect(await item.textContent()).toContain('08:00');

    await page.getByRole('button', { name: 'Show the feed address' }).click();
    const url = await page.getByTestId('feed-url').inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/api/calendar/[\\w-]+\\.ics$`));
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const calendar = ical.sync.parseICS(await feed.text());
    const event = Object.values(calendar).find((c) => c?.type === 'VEVENT' && c.uid === `content-${id}@socialbench`);
    expect(event?.type).toBe('VEVENT');
    if (event?.type !== 'VEVENT') return;
    expect(String(event.summary)).toBe(`${title} (Instagram)`);
    expect(new Date(event.start).toISOString()).toBe(`${date}T01:00:00.000Z`);
  }

  it("an editor drafts and submits, a manager approves and schedules; it shows on the calendar and in the feed", async (ctx) => {
    if (!auth) ctx.skip();
    // Editors draft only for accounts they hold: the editor's team member holds BSN's Instagram.
    const admin = await open('/org/BSN', ADMIN);
    const member = await apiAs(admin.page, 'POST', '/api/organizations/BSN/members', { name: EDITOR.name, email: EDITOR.email });
    expect(member.status).toBe(201);
    const memberId = (member.json as { id: number }).id;
    expect((await apiAs(admin.page, 'PUT', `/api/accounts/instagram/bsn_sni/holders/${memberId}`)).status).toBe(200);
    await admin.page.context().close();

    const title = 'Helm ber-SNI (signed in)';
    const date = inJakarta(2);
    const editor = await open('/org/BSN', EDITOR);
    const id = await draftAndSubmit(editor.page, title);
    // The editor cannot approve.
    expect(await editor.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(editor.errors).toEqual([]);
    await editor.page.context().close();

    const manager = await open('/org/BSN', MANAGER);
    await approveAndSchedule(manager.page, id, date);
    await onCalendarAndInFeed(manager.page, id, title, date);
    expect(manager.errors).toEqual([]);
    await manager.page.context().close();
  });

  it('takes the same path while the API is open (no sign-in yet)', async (ctx) => {
    if (auth) ctx.skip();
    const title = 'Helm ber-SNI';
    const date = inJakarta(2);
    const { page, errors } = await open('/org/BSN', ADMIN);
    const id = await draftAndSubmit(page, title);
    await approveAndSchedule(page, id, date);
    await onCalendarAndInFeed(page, id, title, date);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('moves items by drag and by keyboard, shows the cadence against a target, and fits 375 px', async () => {
    const { page, errors } = await open('/org/BSN', ADMIN);
    // Monday and Tuesday of next week: both in one week view.
    const day = weekStart(inJakarta(7));
    const next = addDays(day, 1);
    const image = { kind: 'image', url: 'https://example.org/kuis.jpg', width: 1080, height: 1080, bytes: 300_000, altText: 'Kuis SNI' };
    const make = async (title: string) => {
      const r = await apiAs(page, 'POST', '/api/organizations/BSN/content', {
        title, status: 'draft', due_date: day, accounts: [{ platform: 'instagram', handle: 'bsn_sni' }],
        variants: [{ platform: 'instagram', text: 'Halo SNIzen! #SNI', media: [image] }],
      });
      expect(r.status).toBe(201);
      return (r.json as { id: number }).id;
    };
    const dragged = await make('Kuis SNI (drag)');
    const keyed = await make('Kuis SNI (keyboard)');
    await page.goto(`${server.url}/org/BSN/calendar?view=week&date=${day}`);
    const cell = (date: string, id: number) => page.locator(`[data-testid="calendar-day"][data-date="${date}"] [data-testid="calendar-item"][data-id="${id}"]`);
    await cell(day, dragged).waitFor();

    await page.locator(`[data-testid="calendar-item"][data-id="${dragged}"]`).dragTo(page.locator(`[data-testid="calendar-day"][data-date="${next}"]`));
    await page.getByTestId('move-done').waitFor();
    await cell(next, dragged).waitFor();

    // The keyboard's way: the item's "Move" button opens a date field with the focus in it.
    await page.getByRole('button', { name: 'Move “Kuis SNI (keyboard)”' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('move-panel');
    await panel.waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.type')).toBe('date');
    await panel.getByLabel('New date').fill(next);
    await page.keyboard.press('Enter');
    await cell(next, keyed).waitFor();
    const moved = await apiAs(page, 'GET', `/api/content/${keyed}`);
    expect(moved.json).toMatchObject({ due_date: next, status: 'draft' });

    // Approved content keeps the workflow's rule: moving it asks first, then sends it back to review.
    const approved = await make('Kuis SNI (approved)');
    for (const to of ['in_review', 'approved']) expect((await apiAs(page, 'POST', `/api/content/${approved}/transitions`, { to })).status).toBe(200);
    await page.reload();
    await page.locator(`[data-testid="calendar-item"][data-id="${approved}"]`).dragTo(page.locator(`[data-testid="calendar-day"][data-date="${next}"]`));
    expect(await panel.getByRole('note').textContent()).toContain('sends it back to review');
    expect(await panel.getByLabel('New date').inputValue()).toBe(next);
    await panel.getByRole('button', { name: 'Move' }).click();
    await cell(next, approved).locator('[data-status="in_review"]').waitFor();

    // A target of 5 posts a week shows the shortfall per account and week.
    expect((await apiAs(page, 'PUT', '/api/accounts/instagram/bsn_sni/cadence', { posts_per_week: 5 })).status).toBe(200);
    await page.reload();
    const row = page.locator('[data-testid="cadence-table"] tr[data-account="instagram/bsn_sni"]');
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe('5');

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/org/BSN/calendar?view=list&date=${day}`);
    await page.getByTestId('calendar-list').waitFor();
    const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await page.goto(`${server.url}/org/BSN/compose?id=${keyed}`);
    await page.getByLabel('Instagram text').waitFor();
    const composerWidths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
    expect(composerWidths[0]).toBeLessThanOrEqual(composerWidths[1] ?? 0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
