import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BSN_PERSONA } from '../../core/content/index.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { seedSmallNetwork } from '../../testing/fixtures.ts';

const NOW = '2026-05-01T03:00:00.000Z';
const AT = '2026-05-02T01:00:00.000Z'; // 08:00 in Jakarta

interface Item {
  id: number;
  status: string;
  scheduled_at: string | null;
  scheduled_local: string | null;
  rejection_reason: string | null;
  allowed_transitions: string[];
  transitions: { actor_id: number; from: string; to: string; action: string; comment: string | null; reason: string | null }[];
}
interface ErrorJson {
  error: { code: string; message: string; details: { path?: string; message: string }[] };
}

/** A minimal iCalendar reader: unfolds lines, splits VEVENTs, unescapes TEXT values. */
function parseIcs(text: string): Record<string, string>[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    }
  }
  return events;
}

const image = { kind: 'image', url: 'https://example.org/helm.jpg', width: 1080, height: 1080, bytes: 400_000, altText: 'Helm ber-SNI' };
const persona = { ...BSN_PERSONA, forbiddenTerms: [{ term: 'Anda', suggestion: 'kamu' }] };

describe('planning API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.deps.now = () => NOW;
    await seedSmallNetwork(t.deps);
  });
  afterAll(async () => t.close());

  async function draft(title: string, text: string): Promise<Item> {
    const r = await t.request('POST', '/api/organizations/BSN/content', {
      title, status: 'draft', campaign: 'Helm SNI', pillar: 'Edukasi', due_date: '2026-05-02',
      accounts: [{ platform: 'instagram', handle: 'bsn_ig' }],
      variants: [{ platform: 'instagram', text, media: [image] }],
    });
    expect(r.status, r.text).toBe(201);
    return r.json as Item;
  }

  async function move(id: number, body: Record<string, unknown>): Promise<{ status: number; item: Item; error: ErrorJson['error'] }> {
    const r = await t.request('POST', `/api/content/${id}/transitions`, body);
    return { status: r.status, item: r.json as Item, error: (r.json as ErrorJson).error };
  }

  it('takes a draft through review, refusing approval on a forbidden term, to the calendar feed', async () => {
    // An organisation without a persona has no voice check until one is set.
    const none = await t.request('GET', '/api/organizations/BSN/persona');
    expect(none.json).toMatchObject({ org: 'BSN', persona: null, require_voice_pass: false });
    const put = await t.request('PUT', '/api/organizations/BSN/persona', { persona, require_voice_pass: true });
    expect(put.status, put.text).toBe(200);
    expect((await t.request('GET', '/api/organizations/AAA/persona')).json).toMatchObject({ persona: null, require_voice_pass: false });

    const item = await draft('Helm SNI, aman; nyaman', 'Halo SNIzen! Apakah Anda sudah pakai helm ber-SNI? #SNI');
    expect(item).toMatchObject({ status: 'draft', allowed_transitions: ['in_review'] });
    expect((await move(item.id, { to: 'in_review', comment: 'siap dicek' })).item.status).toBe('in_review');

    const checks = await t.request('GET', `/api/content/${item.id}/checks`);
    expect(checks.json).toMatchObject({ approvable: false, voice: { required: true, passed: false }, variants: [{ platform: 'instagram' }] });

    const refused = await move(item.id, { to: 'approved' });
    expect(refused.status).toBe(400);
    expect(refused.error.message).toMatch(/requires the persona voice check to pass/);
    expect(refused.error.details).toContainEqual({ path: 'variants.instagram.text', message: expect.stringMatching(/^persona\.term\.forbidden: SNImin does not say "Anda"\. Write "kamu" instead\./) });

    const fixed = await t.request('PATCH', `/api/content/${item.id}`, { variants: [{ platform: 'instagram', text: 'Halo SNIzen! Sudah pakai helm ber-SNI? #SNI', media: [image] }] });
    expect(fixed.status, fixed.text).toBe(200);
    expect((fixed.json as Item).status).toBe('in_review');
    expect((await t.request('GET', `/api/content/${item.id}/checks`)).json).toMatchObject({ approvable: true, voice: { passed: true } });

    expect((await move(item.id, { to: 'approved', comment: 'oke' })).item.status).toBe('approved');
    const early = await move(item.id, { to: 'scheduled', scheduled_at: '2026-04-30T00:00:00Z' });
    expect(early.status).toBe(400);
    const scheduled = await move(item.id, { to: 'scheduled', scheduled_at: '2026-05-02T08:00:00+07:00' });
    expect(scheduled.status).toBe(200);
    expect(scheduled.item).toMatchObject({ status: 'scheduled', scheduled_at: AT, scheduled_local: '2026-05-02 08:00' });

    const token = await t.request('GET', '/api/organizations/BSN/calendar-token');
    expect(token.status).toBe(200);
    const { path } = token.json as { path: string };
    expect((await t.request('GET', '/api/organizations/BSN/calendar-token')).json).toMatchObject({ path });
    const feed = await t.request('GET', path);
    expect(feed.status).toBe(200);
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const events = parseIcs(feed.text);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ UID: `content-${item.id}@socialbench`, DTSTART: '20260502T010000Z', SUMMARY: 'Helm SNI, aman; nyaman (Instagram)' });
    expect(events[0]?.DESCRIPTION).toContain('Accounts: instagram/bsn_ig');

    // Rotating the token retires the old address.
    const rotated = await t.request('POST', '/api/organizations/BSN/calendar-token');
    expect((rotated.json as { path: string }).path).not.toBe(path);
    expect((await t.request('GET', path)).status).toBe(404);
    expect((await t.request('GET', (rotated.json as { path: string }).path)).status).toBe(200);
    expect((await t.request('GET', '/api/calendar/nope.ics')).status).toBe(404);

    const published = await move(item.id, { to: 'published' });
    expect(published.item.status).toBe('published');
    expect(parseIcs((await t.request('GET', (rotated.json as { path: string }).path)).text)[0]?.UID).toBe(`content-${item.id}@socialbench`);
    expect((await t.request('PATCH', `/api/content/${item.id}`, { title: 'late' })).status).toBe(400);
  });

  it('sends an item edited after approval back to review and records every transition', async () => {
    const item = await draft('Hari Standar Dunia', 'Selamat Hari Standar Dunia, SNIzen! #SNI');
    await move(item.id, { to: 'in_review' });
    await move(item.id, { to: 'approved' });
    await move(item.id, { to: 'scheduled', scheduled_at: AT });
    const edited = await t.request('PATCH', `/api/content/${item.id}`, { title: 'Hari Standar Dunia 2026', comment: 'judul diperbarui' });
    expect(edited.status, edited.text).toBe(200);
    const after = edited.json as Item;
    expect(after.status).toBe('in_review');
    expect(after.transitions.map((r) => [r.from, r.to, r.action])).toEqual([
      ['idea', 'draft', 'draft'],
      ['draft', 'in_review', 'submit'],
      ['in_review', 'approved', 'approve'],
      ['approved', 'scheduled', 'schedule'],
      ['scheduled', 'in_review', 'edit'],
    ]);
    expect(after.transitions.at(-1)).toMatchObject({ actor_id: 1, comment: 'judul diperbarui' });
    // Back in review, it leaves the feed.
    const { path } = (await t.request('GET', '/api/organizations/BSN/calendar-token')).json as { path: string };
    expect(parseIcs((await t.request('GET', path)).text).map((e) => e.UID)).not.toContain(`content-${item.id}@socialbench`);
  });

  it('needs a reason to reject, and refuses moves outside the workflow', async () => {
    const item = await draft('Kuis SNI', 'Kuis SNI minggu ini, SNIzen! #SNI');
    await move(item.id, { to: 'in_review' });
    const noReason = await move(item.id, { to: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.error.details).toContainEqual({ path: 'reason', message: 'required' });
    const rejected = await move(item.id, { to: 'rejected', reason: 'Terlalu kaku' });
    expect(rejected.item).toMatchObject({ status: 'rejected', rejection_reason: 'Terlalu kaku' });
    expect(rejected.item.transitions.at(-1)).toMatchObject({ action: 'reject', reason: 'Terlalu kaku' });
    const skip = await move(item.id, { to: 'published' });
    expect(skip.status).toBe(400);
    expect(skip.error.message).toMatch(/cannot go from rejected to published/);
    expect((await move(item.id, { to: 'nowhere' })).status).toBe(400);
  });

  it('blocks approval on platform errors and a missing variant, naming the rule', async () => {
    const r = await t.request('POST', '/api/organizations/BSN/content', {
      title: 'Tanpa varian', status: 'draft', accounts: [{ platform: 'instagram', handle: 'bsn_ig' }],
    });
    const item = r.json as Item;
    await move(item.id, { to: 'in_review' });
    const refused = await move(item.id, { to: 'approved' });
    expect(refused.status).toBe(400);
    expect(refused.error.details).toContainEqual({ path: 'variants.instagram', message: expect.stringMatching(/^content\.variant\.missing/) });
  });

  it('lists by status and date, keeps comments, validates references and deletes', async () => {
    const list = await t.request('GET', '/api/organizations/BSN/content?status=in_review,rejected&limit=2');
    expect(list.status).toBe(200);
    const page = list.json as { items: Item[]; next_cursor: string | null };
    expect(page.items.every((i) => ['in_review', 'rejected'].includes(i.status))).toBe(true);
    expect(page.next_cursor).not.toBeNull();
    const byDue = (await t.request('GET', '/api/organizations/BSN/content?by=due&from=2026-05-02&to=2026-05-02')).json as { items: Item[] };
    expect(byDue.items.length).toBeGreaterThanOrEqual(3);
    expect(((await t.request('GET', '/api/organizations/BSN/content?by=due&from=2026-05-03')).json as { items: Item[] }).items).toEqual([]);
    // 2026-05-02 01:00Z is the 2nd in Jakarta; the published item counts as scheduled that day.
    const byScheduled = (await t.request('GET', '/api/organizations/BSN/content?from=2026-05-02&to=2026-05-02')).json as { items: Item[] };
    expect(byScheduled.items.map((i) => i.status).sort()).toContain('published');
    expect((await t.request('GET', '/api/organizations/BSN/content?status=bogus')).status).toBe(400);
    expect(((await t.request('GET', '/api/organizations/AAA/content')).json as { items: Item[] }).items).toEqual([]);

    const item = await draft('Komentar', 'Halo SNIzen #SNI');
    const c = await t.request('POST', `/api/content/${item.id}/comments`, { body: 'Gambarnya kurang terang 🌞' });
    expect(c.status).toBe(201);
    expect((await t.request('GET', `/api/content/${item.id}/comments`)).json).toMatchObject({ items: [{ author_id: 1, body: 'Gambarnya kurang terang 🌞' }] });
    expect((await t.request('POST', `/api/content/${item.id}/comments`, { body: '  ' })).status).toBe(400);

    const other = await t.request('POST', '/api/organizations/BSN/content', { title: 'x', accounts: [{ platform: 'instagram', handle: 'aaa_ig' }] });
    expect(other.status).toBe(400);
    expect((other.json as ErrorJson).error.message).toMatch(/belongs to AAA/);
    expect((await t.request('POST', '/api/organizations/BSN/content', { title: 'x', owner_id: 999 })).status).toBe(400);

    expect((await t.request('DELETE', `/api/content/${item.id}`)).status).toBe(204);
    expect((await t.request('GET', `/api/content/${item.id}`)).status).toBe(404);
    expect((await t.request('GET', `/api/content/${item.id}/comments`)).status).toBe(404);
  });
});
