import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeps } from '../../actions/context.ts';
import { createLogger } from '../../logging.ts';
import { createTestDb, type TestDb } from '../../testing/db.ts';
import { seedSmallNetwork } from '../../testing/fixtures.ts';
import { createApp } from '../app.ts';
import { adminSession } from '../../testing/app.ts';

/** The app in-process, with raw responses too (downloads need their headers and bytes). */
async function testApp() {
  const db: TestDb = await createTestDb();
  const deps = makeDeps(db);
  const app = createApp({ deps, log: createLogger('silent'), worker: () => ({ mode: 'none', status: 'idle', last_heartbeat: null }) });
  const auth = await adminSession(app, deps);
  return {
    app: { request: (path: string, init: RequestInit = {}) => app.request(path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string> | undefined) } }) },
    deps,
    async request(method: string, path: string, body?: unknown) {
      const res = await app.request(path, { method, headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
    },
    close: () => db.drop(),
  };
}

interface ReportJson { id: number; kind: string; format: string; filename: string; content_type: string; size: number; params: Record<string, unknown>; download_url: string }

describe('reports API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    await seedSmallNetwork(t.deps);
  });
  afterAll(async () => t.close());

  it('generates a report, keeps it with its parameters, and serves the file again', async () => {
    const created = await t.request('POST', '/api/reports', { kind: 'evaluation', params: { org: 'BSN', from: '2019-01-01', to: '2019-08-09', lang: 'en' }, format: 'csv' });
    expect(created.status).toBe(201);
    const r = created.json as ReportJson;
    expect(r).toMatchObject({ kind: 'evaluation', format: 'csv', filename: 'evaluation-BSN-2019-01-01-2019-08-09-en.csv', content_type: 'text/csv; charset=utf-8' });
    expect(r.params).toEqual({ org: 'BSN', from: '2019-01-01', to: '2019-08-09', lang: 'en' });
    expect((await t.request('GET', `/api/reports/${r.id}`)).json).toEqual(r);

    const res = await t.app.request(r.download_url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="evaluation-BSN-2019-01-01-2019-08-09-en.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(r.size);
    expect(bytes.toString('utf8')).toContain('Instagram,52300,76670,24370');
  });

  it('serves a PDF with its content type and lists reports newest first, page by page', async () => {
    const pdf = await t.request('POST', '/api/reports', { kind: 'benchmark', params: { group: 'NET', from: '2019-01-01', to: '2019-01-31' }, format: 'pdf' });
    expect(pdf.status).toBe(201);
    const id = (pdf.json as ReportJson).id;
    const res = await t.app.request(`/api/reports/${id}/download`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    await t.request('POST', '/api/reports', { kind: 'evaluation', params: { org: 'AAA', from: '2019-01-01', to: '2019-01-31' }, format: 'html' });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = (await t.request('GET', `/api/reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json as { items: ReportJson[]; next_cursor: string | null };
      seen.push(...page.items.map((x) => x.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.length).toBe(3);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('answers bad requests and unknown reports with the error shape', async () => {
    const bad = await t.request('POST', '/api/reports', { kind: 'evaluation', params: { org: 'BSN', from: '2019-02-30', to: '2019-08-09' }, format: 'docx' });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: { code: string } }).error.code).toBe('invalid');
    expect((await t.request('POST', '/api/reports', { kind: 'evaluation', params: { org: 'NOPE', from: '2019-01-01', to: '2019-01-31' }, format: 'csv' })).status).toBe(404);
    expect((await t.request('GET', '/api/reports/9999')).status).toBe(404);
    expect((await t.request('GET', '/api/reports/9999/download')).status).toBe(404);
  });

  it('creates, reads, lists, changes and deletes report schedules', async () => {
    const created = await t.request('POST', '/api/report-schedules', {
      name: 'BSN monthly', kind: 'evaluation', params: { org: 'BSN', lang: 'id' }, format: 'pdf', cron: '0 8 1 * *', recipients: ['humas@bsn.go.id'],
    });
    expect(created.status).toBe(201);
    const s = created.json as { id: number; timezone: string; period: string; next_run_at: string; active: boolean };
    expect(s).toMatchObject({ timezone: 'Asia/Jakarta', period: 'previous_month', active: true });
    // 08:00 in Jakarta is 01:00 UTC on the 1st of a month.
    expect(s.next_run_at).toMatch(/^\d{4}-\d{2}-01T01:00:00\.000Z$/);
    expect((await t.request('GET', `/api/report-schedules/${s.id}`)).json).toMatchObject({ id: s.id, runs: [] });
    const patched = await t.request('PATCH', `/api/report-schedules/${s.id}`, { active: false, cron: '0 7 * * 1' });
    expect(patched.json).toMatchObject({ active: false, cron: '0 7 * * 1', next_run_at: null });
    const list = (await t.request('GET', '/api/report-schedules')).json as { items: { id: number }[] };
    expect(list.items.map((x) => x.id)).toContain(s.id);
    const badCron = await t.request('POST', '/api/report-schedules', { name: 'x', kind: 'benchmark', params: { group: 'NET' }, format: 'csv', cron: 'every day' });
    expect(badCron.status).toBe(400);
    expect((await t.request('DELETE', `/api/report-schedules/${s.id}`)).status).toBe(204);
    expect((await t.request('GET', `/api/report-schedules/${s.id}`)).status).toBe(404);
  });
});
