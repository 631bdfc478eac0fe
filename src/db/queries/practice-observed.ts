// SQL for the practice levels proposed from observed data: accounts and holders, posts by type, planned
// (calendar) items, persona-checked variants, liaison contacts and reports of one organisation.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { ContentItemsTable, ContentVariantsTable } from './content.ts';
import type { ReportsTable } from './reports.ts';

interface ObservedTables {
  content_items: ContentItemsTable;
  content_variants: ContentVariantsTable;
  reports: ReportsTable;
}

type K = Kysely<Database & ObservedTables>;
type Db = Kysely<Database>;

function k(db: Db): K {
  return db as unknown as K;
}

export interface OrgAccount {
  id: number;
  platform: string;
  handle: string;
  /** Team members recorded as holding the account. */
  holders: number;
}

/** The organisation's accounts with how many team members hold each. */
export async function accountsWithHolders(db: Db, organizationId: number): Promise<OrgAccount[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('account_holders as h', 'h.account_id', 'a.id')
    .select((eb) => ['a.id', 'a.platform', 'a.handle', eb.fn.count<number | string>('h.team_member_id').as('holders')])
    .where('a.organization_id', '=', organizationId)
    .groupBy(['a.id', 'a.platform', 'a.handle'])
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, platform: r.platform, handle: r.handle, holders: Number(r.holders) }));
}

/** Team members recorded for the organisation: none means its team is not kept in socialbench. */
export async function teamMemberCount(db: Db, organizationId: number): Promise<number> {
  const r = await db.selectFrom('team_members').select((eb) => eb.fn.countAll<number | string>().as('n')).where('organization_id', '=', organizationId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Posts per account and type published in [fromInstant, toInstant). */
export async function postCountsByType(db: Db, accountIds: readonly number[], fromInstant: string, toInstant: string): Promise<{ account_id: number; type: string; n: number }[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .selectFrom('posts')
    .select((eb) => ['account_id', 'type', eb.fn.countAll<number | string>().as('n')])
    .where('account_id', 'in', [...accountIds])
    .where('published_at', '>=', fromInstant)
    .where('published_at', '<', toInstant)
    .groupBy(['account_id', 'type'])
    .execute();
  return rows.map((r) => ({ account_id: r.account_id, type: r.type, n: Number(r.n) }));
}

/** Calendar items published in [fromInstant, toInstant): when they were created and from which accounts. */
export function publishedItems(db: Db, organizationId: number, fromInstant: string, toInstant: string): Promise<{ id: number; account_ids: string; created_at: string; published_at: string | null }[]> {
  return k(db)
    .selectFrom('content_items')
    .select(['id', 'account_ids', 'created_at', 'published_at'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'published')
    .where('published_at', '>=', fromInstant)
    .where('published_at', '<', toInstant)
    .orderBy('id')
    .execute();
}

/**
 * Variant texts of the period's items: those published in it, and unpublished ones created in it
 * (rejected items are left out: a refused draft says nothing about what goes out).
 */
export function variantTextsOfPeriod(db: Db, organizationId: number, fromInstant: string, toInstant: string): Promise<{ item_id: number; platform: string; text: string }[]> {
  return k(db)
    .selectFrom('content_variants as v')
    .innerJoin('content_items as i', 'i.id', 'v.item_id')
    .select(['v.item_id', 'v.platform', 'v.text'])
    .where('i.organization_id', '=', organizationId)
    .where('i.status', '!=', 'rejected')
    .where((eb) =>
      eb.or([
        eb.and([eb('i.published_at', '>=', fromInstant), eb('i.published_at', '<', toInstant)]),
        eb.and([eb('i.published_at', 'is', null), eb('i.created_at', '>=', fromInstant), eb('i.created_at', '<', toInstant)]),
      ]),
    )
    .orderBy('v.item_id')
    .orderBy('v.platform')
    .execute();
}

/** Liaison contacts the organisation has named, to one network or to any when groupId is null. */
export async function liaisonCount(db: Db, organizationId: number, groupId: number | null): Promise<number> {
  let q = db.selectFrom('contacts').select((eb) => eb.fn.countAll<number | string>().as('n')).where('organization_id', '=', organizationId);
  if (groupId !== null) q = q.where('group_id', '=', groupId);
  const r = await q.executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Kind, parameters and time of the reports made before `toInstant` (not their bytes). */
export function reportsMadeBefore(db: Db, toInstant: string): Promise<{ kind: string; params: string; created_at: string }[]> {
  return k(db).selectFrom('reports').select(['kind', 'params', 'created_at']).where('created_at', '<', toInstant).orderBy('id').execute();
}

/** Calendar items the organisation has ever made: none means the calendar is not used in socialbench. */
export async function contentItemCount(db: Db, organizationId: number): Promise<number> {
  const r = await k(db).selectFrom('content_items').select((eb) => eb.fn.countAll<number | string>().as('n')).where('organization_id', '=', organizationId).executeTakeFirst();
  return Number(r?.n ?? 0);
}
