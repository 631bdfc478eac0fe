// Use case: export organisations, accounts, snapshots and posts as the generic templates, so that
// import -> export -> import is the identity.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Invalid } from '../core/errors.ts';
import { exportAccountRows, exportOrganizationRows, exportPostRows, exportSnapshotRows } from '../db/queries/ingest.ts';
import { writeTemplates, type ExportFormat } from '../ingest/writers.ts';
import { COUNTS } from '../ingest/templates.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { orgCode } from './fields.ts';
import { requireOrganization } from './organizations.ts';

export const exportInput = z
  .object({
    format: z.enum(['csv', 'xlsx', 'jsonl']),
    out: z.string().min(1).meta({ description: 'a directory for csv and jsonl (one file per template), a file for xlsx' }),
    org: orgCode.optional(),
  })
  .strict();

export interface ExportReport {
  format: ExportFormat;
  paths: string[];
  rows: Record<string, number>;
}

export async function exportData(_actor: Actor, input: unknown, deps: Deps): Promise<ExportReport> {
  const i = parseInput(exportInput, input);
  const orgId = i.org ? (await requireOrganization(deps, i.org)).id : undefined;
  if (i.format === 'xlsx') mkdirSync(dirname(i.out), { recursive: true });
  else {
    mkdirSync(i.out, { recursive: true });
    if (!statSync(i.out).isDirectory()) throw new Invalid(`${i.out} is not a directory`, [{ path: 'out', message: 'must be a directory for csv and jsonl' }]);
  }
  const k = deps.db.kysely;
  const rows: Record<string, number> = {};
  const synthetic: string[] = [];
  const paths = await writeTemplates(i.format, i.out, async (sink) => {
    let s = await sink('organizations');
    rows.organizations = 0;
    for await (const o of exportOrganizationRows(k, orgId)) {
      if (o.synthetic === 1) synthetic.push(o.code);
      await s.write({ code: o.code, name: o.name, country: o.country, timezone: o.timezone, language: o.languages, groups: o.groups.length ? o.groups.join(';') : null });
      rows.organizations++;
    }
    s = await sink('accounts');
    rows.accounts = 0;
    for await (const a of exportAccountRows(k, orgId)) {
      await s.write({ org: a.org, platform: a.platform, handle: a.handle, external_id: a.external_id, url: a.url, owned: a.owned === 1 });
      rows.accounts++;
    }
    s = await sink('snapshots');
    rows.snapshots = 0;
    for await (const r of exportSnapshotRows(k, orgId)) {
      await s.write({ platform: r.platform, handle: r.handle, date: r.date, followers: num(r.followers), following: num(r.following), posts_total: num(r.posts_total), views_total: num(r.views_total) });
      rows.snapshots++;
    }
    s = await sink('posts');
    rows.posts = 0;
    for await (const p of exportPostRows(k, orgId)) {
      const m = p.measurement;
      await s.write({
        platform: p.platform, handle: p.handle, post_id: p.post_id, published_at: p.published_at, type: p.type, text: p.text, media_count: num(p.media_count),
        ...Object.fromEntries(COUNTS.map((c) => [c, m ? num(m[c]) : null])),
        measured_at: m?.measured_at ?? null,
      });
      rows.posts++;
    }
  }, () => syntheticNotice(synthetic));
  return { format: i.format, paths, rows };
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** The label every export of demo data carries: its figures are synthetic (BSN's 2019 reported counts excepted). */
function syntheticNotice(codes: string[]): string[] {
  if (codes.length === 0) return [];
  return [
    `The figures of these organisations are synthetic demo data, made by socialbench's demo generator: ${codes.join(', ')}.`,
    ...(codes.includes('BSN') ? ["Except BSN's follower counts on 2019-01-01 and 2019-08-09, which are the ones BSN reported (Facebook 7,853 and 8,470 followers; Instagram 52,300 and 76,670; Twitter 9,900 and 13,300; YouTube 692 and 905 subscribers)."] : []),
    'Names and codes of the organisations are real; nothing else about them is.',
  ];
}
