import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { makeDeps, SYSTEM, type Deps } from '../actions/context.ts';
import { claimDueRuns, createSchedule, getSchedule, periodBefore } from '../actions/report-schedules.ts';
import { listReports } from '../actions/reports.ts';
import { openDatabase } from '../db/database.ts';
import { createLogger } from '../logging.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { seedSmallNetwork } from '../testing/fixtures.ts';
import { runDueReports } from './scheduler.ts';

const log = createLogger('silent');
let db: TestDb;
let smtp: SMTPServer;
let port = 0;
const received: { to: string[]; raw: string }[] = [];

function at(now: string, base: Deps): Deps {
  return { ...base, now: () => now };
}

beforeAll(async () => {
  db = await createTestDb();
  await seedSmallNetwork(makeDeps(db));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const addr = smtp.server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.drop();
});

describe('periods of scheduled runs', () => {
  it('covers the whole previous day, week, month, quarter or year', () => {
    expect(periodBefore('2019-09-01', 'previous_month')).toEqual({ from: '2019-08-01', to: '2019-08-31' });
    expect(periodBefore('2020-01-15', 'previous_month')).toEqual({ from: '2019-12-01', to: '2019-12-31' });
    expect(periodBefore('2019-09-04', 'previous_week')).toEqual({ from: '2019-08-26', to: '2019-09-01' });
    expect(periodBefore('2019-05-02', 'previous_quarter')).toEqual({ from: '2019-01-01', to: '2019-03-31' });
    expect(periodBefore('2019-01-01', 'previous_day')).toEqual({ from: '2018-12-31', to: '2018-12-31' });
    expect(periodBefore('2019-01-01', 'previous_year')).toEqual({ from: '2018-01-01', to: '2018-12-31' });
  });
});

describe('scheduled reports', () => {
  it('makes the due report once, keeps it and e-mails it over SMTP', async () => {
    const base = { ...makeDeps(db), mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'socialbench <reports@example.org>' } };
    const s = await createSchedule(SYSTEM, {
      name: 'BSN monthly', kind: 'evaluation', params: { org: 'BSN', lang: 'id' }, format: 'pdf', cron: '0 8 1 * *', recipients: ['humas@bsn.go.id'],
    }, at('2019-08-20T00:00:00.000Z', base));
    expect(s.timezone).toBe('Asia/Jakarta');

    // 31 August 23:00 UTC is 1 September 06:00 in Jakarta: not yet due.
    expect(await runDueReports(at('2019-08-31T23:00:00.000Z', base), log)).toBe(0);
    // 08:30 in Jakarta on 1 September: due since 08:00 (01:00 UTC).
    const now = at('2019-09-01T01:30:00.000Z', base);
    expect(await runDueReports(now, log)).toBe(1);
    expect(await runDueReports(now, log)).toBe(0);

    const reports = await listReports(SYSTEM, { schedule: s.id }, now);
    expect(reports.items).toHaveLength(1);
    expect(reports.items[0]).toMatchObject({ kind: 'evaluation', format: 'pdf', params: { org: 'BSN', lang: 'id', from: '2019-08-01', to: '2019-08-31' }, schedule_id: s.id });
    const detail = await getSchedule(SYSTEM, s.id, now);
    expect(detail.runs).toEqual([expect.objectContaining({ due_at: '2019-09-01T01:00:00.000Z', status: 'done', delivery: 'sent', report_id: reports.items[0]?.id })]);

    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['humas@bsn.go.id']);
    expect(received[0]?.raw).toContain('Subject: [socialbench] BSN monthly');
    expect(received[0]?.raw).toMatch(/Content-Type: application\/pdf;?\s*name=evaluation-BSN-2019-08-01-2019-08-31-id\.pdf/);
  });

  it('lets exactly one of several processes claim a due run', async () => {
    const base = makeDeps(db);
    const s = await createSchedule(SYSTEM, { name: 'NET daily', kind: 'benchmark', params: { group: 'NET' }, format: 'csv', cron: '0 6 * * *' }, at('2019-01-01T00:00:00.000Z', base));
    // Other processes: separate connections (pools) to the same database.
    const others = [openDatabase(db.target), openDatabase(db.target), openDatabase(db.target)];
    try {
      const now = '2019-01-10T07:00:00.000Z';
      const claims = await Promise.all([base, ...others.map((o) => makeDeps(o))].map((d) => claimDueRuns(at(now, d))));
      const mine = claims.flat().filter((c) => c.schedule.id === s.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.dueAt).toBe('2019-01-10T06:00:00.000Z');
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it('lets one process take over a run left running by a process that died, after an hour', async () => {
    const base = makeDeps(db);
    const s = await createSchedule(SYSTEM, { name: 'NET weekly', kind: 'benchmark', params: { group: 'NET' }, format: 'csv', cron: '0 6 * * 1' }, at('2019-02-01T00:00:00.000Z', base));
    const first = (await claimDueRuns(at('2019-02-04T07:00:00.000Z', base))).filter((c) => c.schedule.id === s.id);
    expect(first).toHaveLength(1);
    // Its process dies without finishing: half an hour later nobody may take it, after an hour one may.
    expect((await claimDueRuns(at('2019-02-04T07:30:00.000Z', base))).filter((c) => c.schedule.id === s.id)).toEqual([]);
    const other = openDatabase(db.target);
    try {
      const later = '2019-02-04T08:01:00.000Z';
      const claims = await Promise.all([base, makeDeps(other)].map((d) => claimDueRuns(at(later, d))));
      const mine = claims.flat().filter((c) => c.schedule.id === s.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]?.runId).toBe(first[0]?.runId);
    } finally {
      await other.close();
    }
  });

  it('keeps the report but records "skipped" when recipients are set and SMTP is not', async () => {
    const base = makeDeps(db);
    const s = await createSchedule(SYSTEM, { name: 'AAA weekly', kind: 'evaluation', params: { org: 'AAA', lang: 'en' }, period: 'previous_week', format: 'csv', cron: '0 9 * * 1', recipients: ['a@example.org'] }, at('2019-01-01T00:00:00.000Z', base));
    const now = at('2019-01-07T09:30:00.000Z', base);
    await runDueReports(now, log);
    const detail = await getSchedule(SYSTEM, s.id, now);
    expect(detail.runs?.[0]).toMatchObject({ status: 'done', delivery: 'skipped' });
    const reports = await listReports(SYSTEM, { schedule: s.id }, now);
    expect(reports.items[0]?.params).toMatchObject({ from: '2018-12-31', to: '2019-01-06' });
  });
});

describe('scheduled practice reports', () => {
  it("makes the network practice report of the year the run's period falls in", async () => {
    const base = makeDeps(db);
    const s = await createSchedule(SYSTEM, { name: 'NET practice', kind: 'practice', params: { group: 'NET', lang: 'en' }, period: 'previous_year', format: 'html', cron: '0 6 2 1 *' }, at('2019-06-01T00:00:00.000Z', base));
    expect(s.kind).toBe('practice');
    const now = at('2020-01-02T07:00:00.000Z', base);
    await runDueReports(now, log); // other schedules of this file are due too
    const reports = await listReports(SYSTEM, { schedule: s.id }, now);
    expect(reports.items).toHaveLength(1);
    expect(reports.items[0]).toMatchObject({ kind: 'practice', format: 'html', params: { group: 'NET', period: '2019', from: '2019-01-01', to: '2019-12-31' } });
    await expect(createSchedule(SYSTEM, { name: 'x', kind: 'practice', params: { group: 'NET' }, format: 'csv', cron: '0 6 2 1 *' }, base)).rejects.toThrow(/not valid/);
  });
});
