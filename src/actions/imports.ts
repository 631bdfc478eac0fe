// Use case: import files (generic templates and platform exports), each file whole or not at all,
// or all files together with `atomic`; `dryRun` reports what would change and changes nothing.
import { z } from 'zod';
import { Invalid } from '../core/errors.ts';
import { handleKey, parsePlatform } from '../core/platforms.ts';
import { isLocalDate } from '../core/time.ts';
import { findAccount } from '../db/queries/accounts.ts';
import { findCommittedImport, insertImport } from '../db/queries/audit.ts';
import { findOrganizationById } from '../db/queries/organizations.ts';
import type { Database } from '../db/schema.ts';
import type { ControlledTransaction } from 'kysely';
import { DecodeError, parseEncoding } from '../ingest/decode.ts';
import { readFile, templateRank, toDetail, type InputFile, type ReadOptions } from '../ingest/read.ts';
import { SourceError } from '../ingest/records.ts';
import { ImportStore, type Counts } from '../ingest/store.ts';
import { TEMPLATES, type Problem, type Problems, type TemplateName } from '../ingest/templates.ts';
import { membersOfGroup } from '../db/queries/scopes.ts';
import { actorLabel, parseInput, type Actor, type Deps } from './context.ts';

export const MAX_PROBLEMS = 50;

export const importOptionsInput = z
  .object({
    locale: z.enum(['id']).optional().meta({ description: 'id: 8.470 is 8470 and 12,5% is 12.5' }),
    ignore_unknown: z.boolean().default(false),
    encoding: z.string().optional().meta({ description: 'windows-1252 for files re-saved by Excel on Windows (BOMs are sniffed)' }),
    dry_run: z.boolean().default(false),
    atomic: z.boolean().default(false).meta({ description: 'all files in one transaction' }),
    account: z.string().regex(/^[a-z]+\/@?\S+$/i, 'must be platform/handle').optional().meta({ description: 'platform/handle, required for platform export files', example: 'instagram/bsn_sni' }),
    as_of: z.string().refine(isLocalDate, 'must be a date YYYY-MM-DD').optional().meta({ description: 'export date for files whose dates have no year (TikTok); default today' }),
  })
  .strict();
export type ImportOptions = z.input<typeof importOptionsInput>;

export const fileReportView = z
  .object({
    file: z.string(),
    kinds: z.array(z.string()),
    status: z.enum(['committed', 'rejected', 'dry-run', 'not-run']),
    rows: z.number(),
    counts: z.record(z.string(), z.object({ added: z.number(), updated: z.number(), unchanged: z.number() })),
    problems: z.array(z.object({ file: z.string().optional(), sheet: z.string().optional(), row: z.number().optional(), column: z.string().optional(), message: z.string() })),
    problem_count: z.number(),
    notes: z.array(z.string()),
    previously_imported: z.object({ id: z.number(), at: z.string() }).nullable(),
  })
  .meta({ id: 'ImportFileReport' });
export type FileReport = z.infer<typeof fileReportView>;

export const importReportView = z
  .object({ dry_run: z.boolean(), atomic: z.boolean(), rejected: z.boolean(), files: z.array(fileReportView) })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof importReportView>;

export interface ImportHooks {
  /** Who is importing, for the audit log (the CLI passes the OS user). */
  actorLabel?: string;
  onProgress?: (p: { file: string; rows: number; bytes: number; size: number | undefined }) => void;
}

type Trx = ControlledTransaction<Database>;

async function resolveAccount(deps: Deps, account: string | undefined): Promise<Pick<ReadOptions, 'account' | 'accountZone'>> {
  if (account === undefined) return { account: undefined, accountZone: undefined };
  const [p = '', ...rest] = account.split('/');
  const platform = parsePlatform(p);
  const handle = rest.join('/').replace(/^@/, '');
  if (!platform) throw new Invalid(`--account ${account}: unknown platform ${p}`, [{ path: 'account', message: 'unknown platform' }]);
  const a = await findAccount(deps.db.kysely, platform, handleKey(handle));
  if (!a) throw new Invalid(`--account ${account}: no such account; add it first (an accounts file or the API)`, [{ path: 'account', message: 'no such account' }]);
  const org = await findOrganizationById(deps.db.kysely, a.organization_id);
  return { account: { platform, handle: a.handle }, accountZone: org?.timezone ?? 'UTC' };
}

/**
 * Which organisations a signed-in importer may change: a coordinator those of their network; a manager
 * or an analyst their own; admins and the system all (undefined).
 */
async function writableOrganizations(actor: Actor, deps: Deps): Promise<((organizationId: number | null) => boolean) | undefined> {
  if (actor.kind === 'system' || actor.principal.role === 'admin') return undefined;
  const p = actor.principal;
  if (p.role === 'coordinator' && p.networkGroupId !== null) {
    const ids = new Set(await membersOfGroup(deps.db.kysely, p.networkGroupId));
    return (id) => id !== null && ids.has(id);
  }
  const own = p.organizationId;
  if (own !== null && (p.role === 'manager' || p.role === 'analyst')) return (id) => id === own;
  return () => false;
}

export async function importFiles(actor: Actor, files: InputFile[], input: ImportOptions, deps: Deps, hooks: ImportHooks = {}): Promise<ImportReport> {
  const o = parseInput(importOptionsInput, input);
  let encoding;
  try {
    encoding = parseEncoding(o.encoding);
  } catch (err) {
    throw new Invalid(err instanceof DecodeError ? err.message : String(err), [{ path: 'encoding', message: 'unknown encoding' }]);
  }
  const now = deps.now();
  const read: Omit<ReadOptions, 'onRows'> = {
    locale: o.locale,
    ignoreUnknown: o.ignore_unknown,
    encoding,
    asOf: o.as_of ?? now.slice(0, 10),
    ...(await resolveAccount(deps, o.account)),
  };
  const actorName = hooks.actorLabel ?? actorLabel(actor);
  const mayWrite = await writableOrganizations(actor, deps);
  const ordered = [...files].sort((a, b) => templateRank(a.name) - templateRank(b.name));
  const reports: FileReport[] = [];
  const db = deps.db;

  const runFile = async (trx: Trx, file: InputFile): Promise<{ report: FileReport; sha256: string }> => {
    let total = 0;
    const capped: Problem[] = [];
    const push = (p: Problem) => {
      total++;
      if (capped.length < MAX_PROBLEMS) capped.push(p);
    };
    const sink: Problems = { push: (...ps: Problem[]) => ps.forEach(push) };
    const counts: Partial<Record<TemplateName, Counts>> = {};
    const store = new ImportStore(trx, db.sqlite, {
      now,
      actor: actorName,
      source: `import:${file.name.replace(/^.*[\\/]/, '')}`,
      problems: sink,
      mayWrite,
      count: (t, outcome) => {
        const c = (counts[t] ??= { added: 0, updated: 0, unchanged: 0 });
        c[outcome]++;
      },
    });
    const report: FileReport = { file: file.name, kinds: [], status: 'committed', rows: 0, counts: {}, problems: [], problem_count: 0, notes: [], previously_imported: null };
    let sha256 = '';
    try {
      const r = await readFile(file, store, { ...read, onRows: (rows, bytes) => hooks.onProgress?.({ file: file.name, rows, bytes, size: file.size }) }, sink);
      await store.flush();
      Object.assign(report, { kinds: r.kinds, rows: r.rows, notes: r.notes });
      sha256 = r.sha256;
    } catch (err) {
      if (err instanceof SourceError) push({ row: err.row ?? 0, column: err.column ?? '', message: err.message });
      else throw err;
    }
    report.counts = Object.fromEntries(TEMPLATES.filter((t) => counts[t]).map((t) => [t, counts[t] as Counts]));
    report.problems = capped.sort((a, b) => a.row - b.row).map((p) => toDetail(file.name, p));
    report.problem_count = total;
    if (total > 0) report.status = 'rejected';
    if (sha256) {
      // Inside the transaction: on SQLite the connection is held by it.
      const prev = await findCommittedImport(trx, sha256);
      if (prev) report.previously_imported = { id: prev.id, at: prev.finished_at };
    }
    return { report, sha256 };
  };

  const record = async (r: FileReport, sha256: string, startedAt: string) => {
    if (o.dry_run) return;
    await insertImport(db.kysely, {
      file_name: r.file, kind: r.kinds.join(',') || 'unknown', sha256, status: r.status,
      counts: JSON.stringify(r.counts), errors: JSON.stringify(r.problems), started_at: startedAt, finished_at: deps.now(), actor: actorName,
    });
  };

  if (o.atomic) {
    const trx = await db.kysely.startTransaction().execute();
    const done: { report: FileReport; sha256: string }[] = [];
    try {
      for (const f of ordered) done.push(await runFile(trx, f));
    } catch (err) {
      await trx.rollback().execute();
      throw err;
    }
    const rejected = done.some((d) => d.report.status === 'rejected');
    if (rejected || o.dry_run) await trx.rollback().execute();
    else await trx.commit().execute();
    for (const d of done) {
      if (o.dry_run && d.report.status !== 'rejected') d.report.status = 'dry-run';
      // With --atomic, one rejected file rolls back the others too.
      if (rejected && d.report.status === 'committed') {
        d.report.status = 'not-run';
        d.report.notes.push('rolled back with the rejected file(s) (--atomic)');
      }
      await record(d.report, d.sha256, now);
      reports.push(d.report);
    }
  } else {
    for (const f of ordered) {
      const startedAt = deps.now();
      const trx = await db.kysely.startTransaction().execute();
      let r: { report: FileReport; sha256: string };
      try {
        r = await runFile(trx, f);
      } catch (err) {
        await trx.rollback().execute();
        throw err;
      }
      if (r.report.status === 'rejected' || o.dry_run) await trx.rollback().execute();
      else await trx.commit().execute();
      if (o.dry_run && r.report.status !== 'rejected') r.report.status = 'dry-run';
      await record(r.report, r.sha256, startedAt);
      reports.push(r.report);
    }
  }
  return { dry_run: o.dry_run, atomic: o.atomic, rejected: reports.some((r) => r.status === 'rejected'), files: reports };
}
