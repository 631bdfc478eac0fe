// What needs the signed-in user's attention: accounts to connect again (those their team member holds;
// a manager's whole organisation) and publications of their organisation that a person must settle.
import { z } from 'zod';
import * as q from '../db/queries/alerts.ts';
import type { Actor, Deps } from './context.ts';

const LIMIT = 20;

export const alertView = z
  .object({
    kind: z.enum(['connection_expired', 'publication_needs_check', 'publication_failed']),
    org: z.string(),
    platform: z.string(),
    handle: z.string(),
    publication_id: z.number().nullable(),
    item_title: z.string().nullable(),
    since: z.string().nullable().meta({ description: 'when the problem was found' }),
    message: z.string().nullable().meta({ description: "the platform's or the worker's last error" }),
    link: z.string().meta({ description: "the web app's page where it is put right" }),
  })
  .meta({ id: 'Alert' });
export type AlertView = z.infer<typeof alertView>;
export const alertsView = z.object({ items: z.array(alertView) }).meta({ id: 'Alerts' });

const enc = encodeURIComponent;

/** Which rows an actor is told about: undefined fields mean no limit; null means none at all. */
function reach(actor: Actor): { connections: { organizationId?: number; accountIds?: readonly number[] } | null; publications: { organizationId?: number } | null } {
  if (actor.kind === 'system' || actor.principal.role === 'admin') return { connections: {}, publications: {} };
  const p = actor.principal;
  if (p.organizationId === null) return { connections: null, publications: null };
  const organizationId = p.organizationId;
  if (p.role === 'manager') return { connections: { organizationId }, publications: { organizationId } };
  const publications = p.role === 'editor' ? { organizationId } : null;
  return { connections: p.heldAccountIds.length ? { organizationId, accountIds: p.heldAccountIds } : null, publications };
}

export async function myAlerts(actor: Actor, deps: Deps): Promise<{ items: AlertView[] }> {
  const db = deps.db.kysely;
  const r = reach(actor);
  const [conns, pubs] = await Promise.all([
    r.connections ? q.expiredConnections(db, { ...r.connections, limit: LIMIT }) : [],
    r.publications ? q.problemPublications(db, { ...r.publications, limit: LIMIT }) : [],
  ]);
  return {
    items: [
      ...conns.map((c): AlertView => ({
        kind: 'connection_expired', org: c.org_code, platform: c.platform, handle: c.handle, publication_id: null, item_title: null,
        since: c.flagged_at, message: c.last_error, link: `/org/${enc(c.org_code)}/accounts`,
      })),
      ...pubs.map((p): AlertView => ({
        kind: p.state === 'failed' ? 'publication_failed' : 'publication_needs_check', org: p.org_code, platform: p.platform, handle: p.handle,
        publication_id: Number(p.id), item_title: p.item_title, since: p.updated_at, message: p.last_error, link: `/org/${enc(p.org_code)}/publishing?show=problems`,
      })),
    ],
  };
}
