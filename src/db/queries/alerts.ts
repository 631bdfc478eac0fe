// SQL for the signed-in user's alerts: connections whose token died, publications needing a person.
import type { Kysely } from 'kysely';
import type { ConnectionsTable } from './connections.ts';
import type { PublicationsTable } from './publishing.ts';
import type { Database } from '../schema.ts';

type K = Kysely<Database>;
const t = (db: K) => db.withTables<{ connections: ConnectionsTable; publications: PublicationsTable; content_items: { id: number; organization_id: number; title: string } }>();

export interface ExpiredConnectionRow {
  org_code: string;
  platform: string;
  handle: string;
  flagged_at: string | null;
  last_error: string | null;
}

/** Expired connections, newest first; limited to an organisation and/or a set of accounts when given. */
export function expiredConnections(db: K, f: { organizationId?: number | undefined; accountIds?: readonly number[] | undefined; limit: number }): Promise<ExpiredConnectionRow[]> {
  let q = t(db)
    .selectFrom('connections as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .innerJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['o.code as org_code', 'c.platform', 'a.handle', 'c.flagged_at', 'c.last_error'])
    .where('c.status', '=', 'expired');
  if (f.organizationId !== undefined) q = q.where('a.organization_id', '=', f.organizationId);
  if (f.accountIds !== undefined) {
    if (f.accountIds.length === 0) return Promise.resolve([]);
    q = q.where('c.account_id', 'in', [...f.accountIds]);
  }
  return q.orderBy('c.updated_at', 'desc').orderBy('c.account_id').limit(f.limit).execute();
}

export interface ProblemPublicationRow {
  id: number;
  org_code: string;
  platform: string;
  handle: string;
  item_title: string;
  state: string;
  last_error: string | null;
  updated_at: string;
}

/** Publications in needs_check or failed, newest first; one organisation's when given. */
export function problemPublications(db: K, f: { organizationId?: number | undefined; limit: number }): Promise<ProblemPublicationRow[]> {
  let q = t(db)
    .selectFrom('publications as p')
    .innerJoin('content_items as i', 'i.id', 'p.item_id')
    .innerJoin('accounts as a', 'a.id', 'p.account_id')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .select(['p.id', 'o.code as org_code', 'p.platform', 'a.handle', 'i.title as item_title', 'p.state', 'p.last_error', 'p.updated_at'])
    .where('p.state', 'in', ['needs_check', 'failed']);
  if (f.organizationId !== undefined) q = q.where('i.organization_id', '=', f.organizationId);
  return q.orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').limit(f.limit).execute();
}
