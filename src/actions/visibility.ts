// Filtering lists by what a signed-in caller may read (reports, schedules, connections), with the same
// policy the HTTP layer applies to single resources.
import { allows, type Permission, type Scope } from '../core/auth/policy.ts';
import { groupIdByCode, networkOfGroup, networksOf, orgIdByCode } from '../db/queries/scopes.ts';
import type { Actor, Deps } from './context.ts';

/** A memoised test "may this actor read what belongs to org / group code X?". */
export function visibility(actor: Actor, deps: Deps, permission: Permission = 'org_read') {
  const db = deps.db.kysely;
  const cache = new Map<string, Promise<boolean>>();
  const everything = actor.kind === 'system' || actor.principal.role === 'admin';
  const check = async (scope: Scope | null) => scope !== null && actor.kind === 'user' && allows(actor.principal, scope.kind === 'network' ? 'network_read' : permission, scope);
  const memo = (key: string, f: () => Promise<boolean>) => {
    let v = cache.get(key);
    if (!v) cache.set(key, (v = f()));
    return v;
  };
  return {
    everything,
    org(code: string): Promise<boolean> {
      if (everything) return Promise.resolve(true);
      return memo(`o:${code}`, async () => {
        const id = await orgIdByCode(db, code);
        return check(id === undefined ? null : { kind: 'org', organizationId: id, networks: await networksOf(db, id) });
      });
    },
    group(code: string): Promise<boolean> {
      if (everything) return Promise.resolve(true);
      return memo(`g:${code}`, async () => {
        const id = await groupIdByCode(db, code);
        return check(id === undefined ? null : { kind: 'network', networkId: await networkOfGroup(db, id) });
      });
    },
    /** Report or schedule parameters: {org} or {group}. */
    async params(json: string): Promise<boolean> {
      if (everything) return true;
      const p = JSON.parse(json) as Record<string, unknown>;
      if (typeof p.org === 'string') return this.org(p.org);
      if (typeof p.group === 'string') return this.group(p.group);
      return false;
    },
  };
}

/** Keeps the items the caller may see (a page may come back shorter; its cursor still continues). */
export async function keepVisible<T>(items: T[], test: (item: T) => Promise<boolean>): Promise<T[]> {
  const keep = await Promise.all(items.map(test));
  return items.filter((_, i) => keep[i]);
}
