// Use cases: record an account's audience counts for a date by hand (every change audited), list them,
// and read the audit log.
import { z } from 'zod';
import { Invalid } from '../core/errors.ts';
import { handleKey } from '../core/platforms.ts';
import { insertAudit, listAudit, type AuditRow } from '../db/queries/audit.ts';
import { getSnapshot, insertSnapshots, listSnapshots, updateSnapshot } from '../db/queries/ingest.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import type { SnapshotRow } from '../db/schema.ts';
import { snapshotChanges, SNAPSHOT_FIELDS } from '../ingest/store.ts';
import { requireAccount } from './accounts.ts';
import { actorLabel, parseInput, type Actor, type Deps } from './context.ts';
import { localDate, pageQuery } from './fields.ts';

const count = z.number().int('must be a whole number').min(0, 'must be >= 0').max(Number.MAX_SAFE_INTEGER);

export const putSnapshotInput = z
  .object({ followers: count, following: count.nullable().optional(), posts_total: count.nullable().optional(), views_total: count.nullable().optional() })
  .strict()
  .meta({ id: 'SnapshotPut', description: 'A field left out keeps its stored value; null clears it' });

export const listSnapshotsInput = pageQuery.extend({ from: localDate.optional(), to: localDate.optional() });

export const listAuditInput = pageQuery.extend({
  entity: z.enum(['snapshot']).optional(),
  key: z.string().max(300).optional().meta({ description: "an entity key such as instagram/bsn_sni/2019-08-09, or a prefix ending in '/'" }),
  from: z.string().optional().meta({ description: 'instant, inclusive' }),
  to: z.string().optional().meta({ description: 'instant, exclusive' }),
});

export const snapshotView = z
  .object({
    platform: z.string(), handle: z.string(), date: z.string(),
    followers: z.number(), following: z.number().nullable(), posts_total: z.number().nullable(), views_total: z.number().nullable(),
    source: z.string().meta({ description: 'demo, import, api or manual' }), recorded_at: z.string(),
  })
  .meta({ id: 'Snapshot' });
export type SnapshotView = z.infer<typeof snapshotView>;

export const auditView = z
  .object({
    id: z.number(), entity: z.string(), key: z.string(), field: z.string(),
    old_value: z.string().nullable(), new_value: z.string().nullable(), actor: z.string(), source: z.string(), at: z.string(),
  })
  .meta({ id: 'AuditRecord' });
export type AuditView = z.infer<typeof auditView>;

export const putSnapshotResult = z
  .object({ snapshot: snapshotView, created: z.boolean(), changes: z.array(auditView.pick({ field: true, old_value: true, new_value: true })) })
  .meta({ id: 'SnapshotPutResult' });

const n = (v: number | null): number | null => (v === null ? null : Number(v));

function viewSnapshot(platform: string, handle: string, r: SnapshotRow): SnapshotView {
  return { platform, handle, date: r.date, followers: Number(r.followers), following: n(r.following), posts_total: n(r.posts_total), views_total: n(r.views_total), source: r.source, recorded_at: r.recorded_at };
}

function viewAudit(r: AuditRow): AuditView {
  return { id: r.id, entity: r.entity, key: r.entity_key, field: r.field, old_value: r.old_value, new_value: r.new_value, actor: r.actor, source: r.source, at: r.at };
}

export async function putSnapshot(actor: Actor, platformName: string, h: string, date: string, input: unknown, deps: Deps): Promise<z.infer<typeof putSnapshotResult>> {
  const i = parseInput(putSnapshotInput, input);
  if (!localDate.safeParse(date).success) throw new Invalid(`${date} is not a date YYYY-MM-DD`, [{ path: 'date', message: 'must be a date YYYY-MM-DD' }]);
  const a = await requireAccount(deps, platformName, h);
  const at = deps.now();
  const key = `${a.platform}/${handleKey(a.handle)}/${date}`;
  return deps.db.kysely.transaction().execute(async (trx) => {
    const old = await getSnapshot(trx, a.id, date);
    if (!old) {
      const row = { account_id: a.id, date, followers: i.followers, following: i.following ?? null, posts_total: i.posts_total ?? null, views_total: i.views_total ?? null, source: 'manual', recorded_at: at };
      await insertSnapshots(trx, [row]);
      return { snapshot: viewSnapshot(a.platform, a.handle, row), created: true, changes: [] };
    }
    const next = {
      followers: i.followers,
      following: i.following === undefined ? n(old.following) : i.following,
      posts_total: i.posts_total === undefined ? n(old.posts_total) : i.posts_total,
      views_total: i.views_total === undefined ? n(old.views_total) : i.views_total,
    };
    const changes: { field: string; old_value: string | null; new_value: string | null }[] = snapshotChanges(old, next).map((c) => ({ field: c.field, old_value: c.from === null ? null : String(c.from), new_value: String(c.to) }));
    // snapshotChanges treats null as "unknown"; an explicit null in a manual entry clears the value.
    for (const f of SNAPSHOT_FIELDS) if (next[f] === null && old[f] !== null) changes.push({ field: f, old_value: String(old[f]), new_value: null });
    if (changes.length === 0) return { snapshot: viewSnapshot(a.platform, a.handle, old), created: false, changes: [] };
    await updateSnapshot(trx, a.id, date, { ...next, source: 'manual', recorded_at: at });
    await insertAudit(trx, changes.map((c) => ({ entity: 'snapshot', entity_key: key, field: c.field, old_value: c.old_value, new_value: c.new_value, actor: actorLabel(actor), source: 'manual', at })));
    const row = await getSnapshot(trx, a.id, date);
    return { snapshot: viewSnapshot(a.platform, a.handle, row ?? old), created: false, changes };
  });
}

export async function listAccountSnapshots(_actor: Actor, platformName: string, h: string, input: unknown, deps: Deps): Promise<Page<SnapshotView>> {
  const i = parseInput(listSnapshotsInput, input);
  const a = await requireAccount(deps, platformName, h);
  const rows = await listSnapshots(deps.db.kysely, { accountId: a.id, from: i.from, to: i.to, after: decodeCursor<string>(i.cursor, 'string'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.date);
  return { items: page.items.map((r) => viewSnapshot(a.platform, a.handle, r)), next_cursor: page.next_cursor };
}

export async function listAuditLog(_actor: Actor, input: unknown, deps: Deps): Promise<Page<AuditView>> {
  const i = parseInput(listAuditInput, input);
  const rows = await listAudit(deps.db.kysely, { entity: i.entity, key: i.key?.toLowerCase(), from: i.from, to: i.to, before: decodeCursor<number>(i.cursor, 'number'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.id);
  return { items: page.items.map(viewAudit), next_cursor: page.next_cursor };
}
