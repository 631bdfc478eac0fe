// Use cases for accounts (platform, handle) and who on the team holds them.
import { z } from 'zod';
import { Conflict, Invalid, NotFound } from '../core/errors.ts';
import { handleKey } from '../core/platforms.ts';
import * as q from '../db/queries/accounts.ts';
import { findTeamMember } from '../db/queries/team.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { handle, orgCode, pageQuery, platform } from './fields.ts';
import { requireOrganization } from './organizations.ts';
import { viewAccount, type AccountView } from './views.ts';

const accountFields = {
  external_id: z.string().max(200).nullable(),
  url: z.url('must be a URL').max(2000).nullable(),
  display_name: z.string().max(300).nullable(),
  owned: z.boolean().meta({ description: "whether the organisation's team manages it here" }),
};

export const createAccountInput = z
  .object({
    org: orgCode,
    platform,
    handle,
    external_id: accountFields.external_id.optional(),
    url: accountFields.url.optional(),
    display_name: accountFields.display_name.optional(),
    owned: accountFields.owned.default(false),
  })
  .strict()
  .meta({ id: 'AccountCreate' });

export const updateAccountInput = z
  .object({ ...accountFields, handle, org: orgCode })
  .partial()
  .strict()
  .meta({ id: 'AccountUpdate' });

export const listAccountsInput = pageQuery.extend({
  org: orgCode.optional(),
  platform: platform.optional(),
  owned: z.enum(['true', 'false']).optional(),
});

export async function requireAccount(deps: Deps, platformName: string, h: string): Promise<q.AccountWithOrg> {
  const a = await q.findAccount(deps.db.kysely, platformName.toLowerCase() === 'twitter' ? 'x' : platformName.toLowerCase(), handleKey(h));
  if (!a) throw new NotFound(`account ${platformName}/${h} does not exist`);
  return a;
}

async function withHolders(deps: Deps, accounts: q.AccountWithOrg[]): Promise<AccountView[]> {
  const holders = await q.holdersOf(deps.db.kysely, accounts.map((a) => a.id));
  return accounts.map((a) =>
    viewAccount(a, holders.filter((h) => h.account_id === a.id).map((h) => ({ id: h.team_member_id, name: h.name }))),
  );
}

export async function getAccount(_actor: Actor, platformName: string, h: string, deps: Deps): Promise<AccountView> {
  const [view] = await withHolders(deps, [await requireAccount(deps, platformName, h)]);
  if (!view) throw new NotFound(`account ${platformName}/${h} does not exist`);
  return view;
}

export async function listAccounts(_actor: Actor, input: unknown, deps: Deps): Promise<Page<AccountView>> {
  const i = parseInput(listAccountsInput, input);
  const organizationId = i.org ? (await requireOrganization(deps, i.org)).id : undefined;
  const rows = await q.listAccounts(deps.db.kysely, {
    after: decodeCursor<number>(i.cursor, 'number'),
    limit: i.limit,
    organizationId,
    platform: i.platform,
    owned: i.owned === undefined ? undefined : i.owned === 'true',
  });
  const page = toPage(rows, i.limit, (r) => r.id);
  return { items: await withHolders(deps, page.items), next_cursor: page.next_cursor };
}

function conflict(platformName: string, h: string): Conflict {
  return new Conflict(`account ${platformName}/${h} already exists`, [{ path: 'handle', message: 'already taken on this platform' }]);
}

export async function createAccount(actor: Actor, input: unknown, deps: Deps): Promise<AccountView> {
  const i = parseInput(createAccountInput, input);
  const org = await requireOrganization(deps, i.org);
  const at = deps.now();
  try {
    await q.insertAccount(deps.db.kysely, {
      organization_id: org.id,
      platform: i.platform,
      handle: i.handle,
      handle_key: handleKey(i.handle),
      external_id: i.external_id ?? null,
      url: i.url ?? null,
      display_name: i.display_name ?? null,
      owned: i.owned ? 1 : 0,
      created_at: at,
      updated_at: at,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(i.platform, i.handle);
    throw err;
  }
  return getAccount(actor, i.platform, i.handle, deps);
}

export async function updateAccount(actor: Actor, platformName: string, h: string, input: unknown, deps: Deps): Promise<AccountView> {
  const i = parseInput(updateAccountInput, input);
  const a = await requireAccount(deps, platformName, h);
  const orgId = i.org ? (await requireOrganization(deps, i.org)).id : undefined;
  try {
    await q.updateAccount(deps.db.kysely, a.id, {
      ...(i.handle !== undefined ? { handle: i.handle, handle_key: handleKey(i.handle) } : {}),
      ...(orgId !== undefined ? { organization_id: orgId } : {}),
      ...(i.external_id !== undefined ? { external_id: i.external_id } : {}),
      ...(i.url !== undefined ? { url: i.url } : {}),
      ...(i.display_name !== undefined ? { display_name: i.display_name } : {}),
      ...(i.owned !== undefined ? { owned: i.owned ? 1 : 0 } : {}),
      updated_at: deps.now(),
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(a.platform, i.handle ?? h);
    throw err;
  }
  return getAccount(actor, a.platform, i.handle ?? a.handle, deps);
}

export async function deleteAccount(_actor: Actor, platformName: string, h: string, deps: Deps): Promise<void> {
  const a = await requireAccount(deps, platformName, h);
  await q.deleteAccount(deps.db.kysely, a.id);
}

export async function addHolder(actor: Actor, platformName: string, h: string, memberId: number, deps: Deps): Promise<AccountView> {
  const a = await requireAccount(deps, platformName, h);
  const m = await findTeamMember(deps.db.kysely, memberId);
  if (!m) throw new NotFound(`team member ${memberId} does not exist`);
  if (m.organization_id !== a.organization_id)
    throw new Invalid(`team member ${memberId} is not on ${a.org_code}'s team`, [{ path: 'member_id', message: 'another organisation' }]);
  await q.addHolder(deps.db.kysely, a.id, m.id, deps.now());
  return getAccount(actor, a.platform, a.handle, deps);
}

export async function removeHolder(_actor: Actor, platformName: string, h: string, memberId: number, deps: Deps): Promise<void> {
  const a = await requireAccount(deps, platformName, h);
  if (!(await q.removeHolder(deps.db.kysely, a.id, memberId)))
    throw new NotFound(`team member ${memberId} does not hold ${a.platform}/${a.handle}`);
}
