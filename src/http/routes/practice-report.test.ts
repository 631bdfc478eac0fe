import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../actions/context.ts';
import { buildReport } from '../../actions/reports.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addSnapshot } from '../../testing/fixtures.ts';

type Json = Record<string, unknown>;
// Eight members; P<i> ends January with 1000 i + 100 followers and declares planning level LEVELS[i - 1].
const LEVELS = [0, 1, 1, 2, 2, 3, 3, 3];
const OUTCOMES = '/api/groups/NW/practice-outcomes?period=2019&metric=end&from=2019-01-01&to=2019-01-31';

describe('practice against outcome, and the network practice report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.request('POST', '/api/groups', { code: 'NW', name: 'Small network', kind: 'network' });
    for (const [n, level] of LEVELS.entries()) {
      const code = `P${n + 1}`;
      const handle = `${code.toLowerCase()}_ig`;
      await t.request('POST', '/api/organizations', { code, name: `Member ${n + 1}`, timezone: 'UTC' });
      await t.request('PUT', `/api/groups/NW/members/${code}`);
      const acc = await t.request('POST', '/api/accounts', { org: code, platform: 'instagram', handle });
      expect(acc.status, acc.text).toBe(201);
      await addSnapshot(t.deps, 'instagram', handle, '2019-01-01', 1000 * (n + 1));
      await addSnapshot(t.deps, 'instagram', handle, '2019-01-31', 1000 * (n + 1) + 100);
      const saved = await t.request('PUT', `/api/organizations/${code}/practice-assessments/2019`, { answers: { planning_meetings: { level }, visual_content: { level: 2 } } });
      expect(saved.status, saved.text).toBe(200);
    }
  });
  afterAll(async () => t.close());

  it('relates every practice to the outcome, by hand: rho = sqrt(39/42) for planning meetings', async () => {
    const r = await t.request('GET', OUTCOMES);
    expect(r.status, r.text).toBe(200);
    const o = r.json as { platform: string; assessed: number; items: { practiceId: string; n: number; rho: number | null; hidden: boolean; hiddenReason: { en: string } | null; interval: { low: number; high: number } | null; byLevel: { level: number; n: number; median: number | null }[] }[]; note: { en: string } };
    expect(o).toMatchObject({ platform: 'instagram', assessed: 8 });
    expect(o.note.en).toContain('association, not a cause');
    const planning = o.items.find((i) => i.practiceId === 'planning_meetings');
    // Level ranks 1, 2.5, 2.5, 4.5, 4.5, 7, 7, 7 against 1..8: sum dx dy = 39, sum dx^2 = 39, sum dy^2 = 42.
    expect(planning?.rho).toBeCloseTo(Math.sqrt(39 / 42), 10);
    expect(planning?.hidden).toBe(false);
    expect(planning?.interval?.low).toBeLessThanOrEqual(planning?.rho ?? 0);
    expect(planning?.byLevel).toEqual([
      expect.objectContaining({ level: 0, n: 1, median: 1100 }),
      expect.objectContaining({ level: 1, n: 2, median: 2600 }),
      expect.objectContaining({ level: 2, n: 2, median: 4600 }),
      expect.objectContaining({ level: 3, n: 3, median: 7100 }),
    ]);
    // Everyone at level 2: nothing to compare. Nobody answered: too few.
    const visual = o.items.find((i) => i.practiceId === 'visual_content');
    expect(visual).toMatchObject({ n: 8, hidden: true, rho: null });
    expect(visual?.hiddenReason?.en).toContain('same level');
    expect(o.items.find((i) => i.practiceId === 'persona_style')).toMatchObject({ n: 0, hidden: true });
  });

  it('hides everything for a period nobody assessed', async () => {
    const r = (await t.request('GET', OUTCOMES.replace('period=2019', 'period=2018'))).json as { assessed: number; items: { hidden: boolean }[] };
    expect(r.assessed).toBe(0);
    expect(r.items.every((i) => i.hidden)).toBe(true);
  });

  it('builds the report in HTML and PDF with stages, levels, outcomes and the association wording', async () => {
    const html = await buildReport(SYSTEM, { kind: 'practice', format: 'html', params: { group: 'NW', period: '2019', metric: 'end', from: '2019-01-01', to: '2019-01-31', lang: 'en' } }, t.deps);
    const text = html.bytes.toString('utf8');
    expect(html.filename).toBe('practice-NW-2019-en.html');
    expect(text).toContain('Network practice report: Small network (NW)');
    for (const id of ['stages', 'distribution', 'members', 'association', 'outcome-by-level']) expect(text).toContain(`data-table="${id}"`);
    expect(text).toContain('association, not a cause');
    expect(text).toContain('0.96');
    const id = await buildReport(SYSTEM, { kind: 'practice', format: 'html', params: { group: 'NW', period: '2019', metric: 'end', from: '2019-01-01', to: '2019-01-31', lang: 'id' } }, t.deps);
    expect(id.bytes.toString('utf8')).toContain('Laporan praktik jejaring');
    expect(id.bytes.toString('utf8')).toContain('0,96');
    const pdf = await buildReport(SYSTEM, { kind: 'practice', format: 'pdf', params: { group: 'NW', period: '2019', lang: 'en' } }, t.deps);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is made, listed and downloaded through /api/reports; xlsx is refused', async () => {
    const made = await t.request('POST', '/api/reports', { kind: 'practice', format: 'html', params: { group: 'NW', period: '2019', lang: 'id' } });
    expect(made.status, made.text).toBe(201);
    const r = made.json as Json;
    expect(r).toMatchObject({ kind: 'practice', params: { group: 'NW', period: '2019' }, filename: 'practice-NW-2019-id.html' });
    const list = (await t.request('GET', '/api/reports')).json as { items: Json[] };
    expect(list.items.map((x) => x.kind)).toContain('practice');
    const file = await t.request('GET', String(r.download_url));
    expect(file.status).toBe(200);
    expect(file.text).toContain('Tahap kematangan');
    expect((await t.request('POST', '/api/reports', { kind: 'practice', format: 'xlsx', params: { group: 'NW', period: '2019' } })).status).toBe(400);
  });
});
