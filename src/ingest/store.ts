// Writes validated records inside the caller's transaction, in batches, and counts what changed:
// added, updated or unchanged per template; snapshot changes leave audit records.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { handleKey } from '../core/platforms.ts';
import { findAccount, insertAccount, updateAccount } from '../db/queries/accounts.ts';
import { insertAudit, type NewAudit } from '../db/queries/audit.ts';
import { addMember, findGroupByCode, insertGroup, removeMember } from '../db/queries/groups.ts';
import { findOrganizationByCode, groupCodesOf, insertOrganization, updateOrganization } from '../db/queries/organizations.ts';
import { findSnapshots, insertSnapshots, updateSnapshot } from '../db/queries/ingest.ts';
import type { Database } from '../db/schema.ts';
import { flushPosts, PostTracker, type PendingPost } from './store-posts.ts';
import type { AccountRecord, OrganizationRecord, Problems, SnapshotRecord, TemplateName } from './templates.ts';

export interface Counts { added: number; updated: number; unchanged: number }
export type Outcome = keyof Counts;
export const BATCH = 2000;

export interface StoreContext {
  k: Kysely<Database>;
  sqlite: SQLite.Database | undefined;
  now: string;
  actor: string;
  source: string;
  problems: Problems;
  count(template: TemplateName, outcome: Outcome): void;
  /** (platform, handle) -> account id, or null when there is no such account. */
  account(platform: string, handle: string): Promise<number | null>;
  /** The same, synchronously, when this handle as written was resolved before; else undefined. */
  cachedAccount(platform: string, handle: string): number | null | undefined;
  /** Why account() gave null: no such account, or one of an organisation the importer may not change. */
  missingAccount(platform: string, handle: string): string;
}

export class ImportStore {
  private readonly accounts = new Map<string, number | null>();
  /** platform -> handle as written -> account id: the per-row look-up without building a key. */
  private readonly byHandle = new Map<string, Map<string, number | null>>();
  private readonly orgIds = new Map<string, number | null>();
  private snapshots: { row: number; r: SnapshotRecord }[] = [];
  private posts: PendingPost[] = [];
  private readonly postTracker = new PostTracker();
  readonly ctx: StoreContext;

  /** Accounts found but of organisations the importer may not change (platform/handle key). */
  private readonly refused = new Set<string>();
  /** Which organisations the importer may change (all when absent); null asks about a new organisation. */
  private readonly mayWrite: ((organizationId: number | null) => boolean) | undefined;

  constructor(
    k: Kysely<Database>,
    sqlite: SQLite.Database | undefined,
    o: { now: string; actor: string; source: string; problems: Problems; count: StoreContext['count']; mayWrite?: ((organizationId: number | null) => boolean) | undefined },
  ) {
    const { mayWrite, ...rest } = o;
    this.mayWrite = mayWrite;
    this.ctx = {
      k, sqlite, ...rest,
      account: (p, h) => this.accountId(p, h),
      cachedAccount: (p, h) => this.byHandle.get(p)?.get(h),
      missingAccount: (p, h) =>
        this.refused.has(`${p}/${handleKey(h)}`)
          ? `account ${p}/${h} belongs to an organisation whose data you may not change`
          : `no account ${p}/${h}; add it with an accounts file first`,
    };
  }

  private refuse(row: number, column: string, what: string): void {
    this.ctx.problems.push({ row, column, message: `${what}: you may not change this organisation's data` });
  }

  private async accountId(platform: string, handle: string): Promise<number | null> {
    const key = `${platform}/${handleKey(handle)}`;
    if (!this.accounts.has(key)) {
      const a = await findAccount(this.ctx.k, platform, handleKey(handle));
      const allowed = !a || !this.mayWrite || this.mayWrite(a.organization_id);
      if (!allowed) this.refused.add(key);
      this.accounts.set(key, allowed ? (a?.id ?? null) : null);
    }
    const id = this.accounts.get(key) ?? null;
    let m = this.byHandle.get(platform);
    if (!m) this.byHandle.set(platform, (m = new Map()));
    m.set(handle, id);
    return id;
  }

  private async orgId(code: string): Promise<number | null> {
    if (!this.orgIds.has(code)) this.orgIds.set(code, (await findOrganizationByCode(this.ctx.k, code))?.id ?? null);
    return this.orgIds.get(code) ?? null;
  }

  async organization(row: number, r: OrganizationRecord): Promise<void> {
    const { k, now } = this.ctx;
    const existing = await findOrganizationByCode(k, r.code);
    if (this.mayWrite && !this.mayWrite(existing?.id ?? null)) return this.refuse(row, 'code', `organisation ${r.code}`);
    let id: number;
    let changed = false;
    if (!existing) {
      id = (await insertOrganization(k, { code: r.code, name: r.name, country: r.country, timezone: r.timezone ?? 'UTC', languages: r.languages ?? 'en', category: null, synthetic: 0, created_at: now, updated_at: now })).id;
    } else {
      id = existing.id;
      // An empty cell means "unknown": it keeps the stored value.
      const patch = {
        ...(r.name !== existing.name ? { name: r.name } : {}),
        ...(r.country !== null && r.country !== existing.country ? { country: r.country } : {}),
        ...(r.timezone !== null && r.timezone !== existing.timezone ? { timezone: r.timezone } : {}),
        ...(r.languages !== null && r.languages !== existing.languages ? { languages: r.languages } : {}),
      };
      if (Object.keys(patch).length > 0) {
        await updateOrganization(k, id, { ...patch, updated_at: now });
        changed = true;
      }
    }
    if (r.groups !== null) changed = (await this.setGroups(id, r.groups)) || changed;
    this.orgIds.set(r.code, id);
    this.ctx.count('organizations', !existing ? 'added' : changed ? 'updated' : 'unchanged');
  }

  /** Makes the organisation a member of exactly these groups (created when first named). */
  private async setGroups(orgId: number, codes: string[]): Promise<boolean> {
    const { k, now } = this.ctx;
    const current = await groupCodesOf(k, orgId);
    let changed = false;
    for (const code of codes.filter((c) => !current.includes(c))) {
      const g = (await findGroupByCode(k, code)) ?? (await insertGroup(k, { code, name: code, kind: 'peer', parent_id: null, description: null, created_at: now, updated_at: now }));
      changed = (await addMember(k, g.id, orgId, now)) || changed;
    }
    for (const code of current.filter((c) => !codes.includes(c))) {
      const g = await findGroupByCode(k, code);
      if (g) changed = (await removeMember(k, g.id, orgId)) || changed;
    }
    return changed;
  }

  async account(row: number, r: AccountRecord): Promise<void> {
    const { k, now } = this.ctx;
    const orgId = await this.orgId(r.org);
    if (orgId === null) {
      this.ctx.problems.push({ row, column: 'org', message: `organisation ${r.org} does not exist; list it in an organizations file first` });
      return;
    }
    const existing = await findAccount(k, r.platform, handleKey(r.handle));
    if (this.mayWrite && (!this.mayWrite(orgId) || (existing && !this.mayWrite(existing.organization_id)))) return this.refuse(row, 'org', `account ${r.platform}/${r.handle}`);
    if (!existing) {
      const a = await insertAccount(k, { organization_id: orgId, platform: r.platform, handle: r.handle, handle_key: handleKey(r.handle), external_id: r.external_id, url: r.url, display_name: null, owned: r.owned ? 1 : 0, created_at: now, updated_at: now });
      this.accounts.set(`${r.platform}/${handleKey(r.handle)}`, a.id);
      this.byHandle.clear();
      this.ctx.count('accounts', 'added');
      return;
    }
    const patch = {
      ...(orgId !== existing.organization_id ? { organization_id: orgId } : {}),
      ...(r.handle !== existing.handle ? { handle: r.handle } : {}),
      ...(r.external_id !== null && r.external_id !== existing.external_id ? { external_id: r.external_id } : {}),
      ...(r.url !== null && r.url !== existing.url ? { url: r.url } : {}),
      ...(r.owned !== null && (r.owned ? 1 : 0) !== existing.owned ? { owned: r.owned ? 1 : 0 } : {}),
    };
    if (Object.keys(patch).length > 0) await updateAccount(k, existing.id, { ...patch, updated_at: now });
    this.ctx.count('accounts', Object.keys(patch).length > 0 ? 'updated' : 'unchanged');
  }

  /** Buffers the row; returns a promise when a full batch is being written. */
  snapshot(row: number, r: SnapshotRecord): Promise<void> | undefined {
    this.snapshots.push({ row, r });
    return this.snapshots.length >= BATCH ? this.flushSnapshots() : undefined;
  }

  post(p: PendingPost): Promise<void> | undefined {
    this.posts.push(p);
    return this.posts.length >= BATCH ? this.flushPostBatch() : undefined;
  }

  async flush(): Promise<void> {
    await this.flushSnapshots();
    await this.flushPostBatch();
  }

  private async flushPostBatch(): Promise<void> {
    const batch = this.posts;
    this.posts = [];
    if (batch.length > 0) await flushPosts(this.ctx, this.postTracker, batch);
  }

  private async flushSnapshots(): Promise<void> {
    const batch = this.snapshots;
    this.snapshots = [];
    if (batch.length === 0) return;
    const { k, now, actor, source } = this.ctx;
    const resolved: { row: number; r: SnapshotRecord; accountId: number }[] = [];
    for (const b of batch) {
      const accountId = await this.accountId(b.r.platform, b.r.handle);
      if (accountId === null) this.ctx.problems.push({ row: b.row, column: 'handle', message: this.ctx.missingAccount(b.r.platform, b.r.handle) });
      else resolved.push({ ...b, accountId });
    }
    const existing = new Map((await findSnapshots(k, resolved.map((x) => x.accountId), resolved.map((x) => x.r.date))).map((s) => [`${s.account_id}|${s.date}`, s]));
    const inserts = [];
    const audits: NewAudit[] = [];
    for (const { r, accountId } of resolved) {
      const old = existing.get(`${accountId}|${r.date}`);
      if (!old) {
        inserts.push({ account_id: accountId, date: r.date, followers: r.followers, following: r.following, posts_total: r.posts_total, views_total: r.views_total, source: 'import', recorded_at: now });
        this.ctx.count('snapshots', 'added');
        continue;
      }
      const changes = snapshotChanges(old, r);
      if (changes.length === 0) {
        this.ctx.count('snapshots', 'unchanged');
        continue;
      }
      await updateSnapshot(k, accountId, r.date, { ...Object.fromEntries(changes.map((c) => [c.field, c.to])), source: 'import', recorded_at: now });
      const key = `${r.platform}/${handleKey(r.handle)}/${r.date}`;
      for (const c of changes) audits.push({ entity: 'snapshot', entity_key: key, field: c.field, old_value: c.from === null ? null : String(c.from), new_value: String(c.to), actor, source, at: now });
      this.ctx.count('snapshots', 'updated');
    }
    await insertSnapshots(k, inserts);
    await insertAudit(k, audits);
  }
}

export const SNAPSHOT_FIELDS = ['followers', 'following', 'posts_total', 'views_total'] as const;
type SnapshotValues = Record<(typeof SNAPSHOT_FIELDS)[number], number | null>;

/** The fields whose new value is known and differs from the stored one (empty means unknown: kept). */
export function snapshotChanges(old: SnapshotValues, r: SnapshotValues): { field: (typeof SNAPSHOT_FIELDS)[number]; from: number | null; to: number }[] {
  const out = [];
  for (const f of SNAPSHOT_FIELDS) {
    const to = r[f];
    const from = old[f] === null ? null : Number(old[f]);
    if (to !== null && to !== from) out.push({ field: f, from, to });
  }
  return out;
}
