// Use cases for organisations: create, read, list, update, delete.
import { z } from 'zod';
import { Conflict, NotFound } from '../core/errors.ts';
import * as q from '../db/queries/organizations.ts';
import { findGroupByCode } from '../db/queries/groups.ts';
import { listAccounts } from '../db/queries/accounts.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { country, groupCode, languages, orgCode, pageQuery, timezone } from './fields.ts';
import { viewAccount, viewOrganization, type AccountView, type OrganizationView } from './views.ts';

const organizationFields = {
  name: z.string().trim().min(1, 'must not be empty').max(300),
  country: country.nullable(),
  timezone,
  languages,
  category: z.string().max(100).nullable(),
};

export const createOrganizationInput = z
  .object({
    code: orgCode,
    ...organizationFields,
    country: country.nullish(),
    timezone: timezone.default('UTC'),
    languages: languages.default(['en']),
    category: organizationFields.category.optional(),
  })
  .strict()
  .meta({ id: 'OrganizationCreate' });

// No defaults here: a field left out of a PATCH keeps its value.
export const updateOrganizationInput = z
  .object(organizationFields)
  .partial()
  .strict()
  .meta({ id: 'OrganizationUpdate' });

export const listOrganizationsInput = pageQuery.extend({
  group: groupCode.optional().meta({ description: 'only members of this group' }),
  q: z.string().max(100).optional().meta({ description: 'search in code and name' }),
});

export async function requireOrganization(deps: Deps, code: string): Promise<OrganizationRow> {
  const row = await q.findOrganizationByCode(deps.db.kysely, code);
  if (!row) throw new NotFound(`organisation ${code} does not exist`);
  return row;
}

export interface OrganizationDetail extends OrganizationView {
  groups: string[];
  accounts: AccountView[];
}

export async function getOrganization(_actor: Actor, code: string, deps: Deps): Promise<OrganizationDetail> {
  const row = await requireOrganization(deps, code);
  const k = deps.db.kysely;
  const [groups, accounts] = await Promise.all([
    q.groupCodesOf(k, row.id),
    listAccounts(k, { organizationId: row.id, limit: 1000 }),
  ]);
  return { ...viewOrganization(row), groups, accounts: accounts.map((a) => viewAccount(a)) };
}

export async function listOrganizations(_actor: Actor, input: unknown, deps: Deps): Promise<Page<OrganizationView>> {
  const i = parseInput(listOrganizationsInput, input);
  let groupId: number | undefined;
  if (i.group) {
    const g = await findGroupByCode(deps.db.kysely, i.group);
    if (!g) throw new NotFound(`group ${i.group} does not exist`);
    groupId = g.id;
  }
  const rows = await q.listOrganizations(deps.db.kysely, {
    after: decodeCursor<string>(i.cursor, 'string'),
    limit: i.limit,
    groupId,
    search: i.q,
  });
  const page = toPage(rows, i.limit, (r) => r.code);
  return { items: page.items.map(viewOrganization), next_cursor: page.next_cursor };
}

export async function createOrganization(_actor: Actor, input: unknown, deps: Deps): Promise<OrganizationView> {
  const i = parseInput(createOrganizationInput, input);
  const at = deps.now();
  try {
    const row = await q.insertOrganization(deps.db.kysely, {
      code: i.code,
      name: i.name,
      country: i.country ?? null,
      timezone: i.timezone,
      languages: i.languages.join(';'),
      category: i.category ?? null,
      synthetic: 0,
      created_at: at,
      updated_at: at,
    });
    return viewOrganization(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict(`organisation ${i.code} already exists`, [{ path: 'code', message: 'already taken' }]);
    throw err;
  }
}

export async function updateOrganization(_actor: Actor, code: string, input: unknown, deps: Deps): Promise<OrganizationView> {
  const i = parseInput(updateOrganizationInput, input);
  const row = await requireOrganization(deps, code);
  const updated = await q.updateOrganization(deps.db.kysely, row.id, {
    ...(i.name !== undefined ? { name: i.name } : {}),
    ...(i.country !== undefined ? { country: i.country } : {}),
    ...(i.timezone !== undefined ? { timezone: i.timezone } : {}),
    ...(i.languages !== undefined ? { languages: i.languages.join(';') } : {}),
    ...(i.category !== undefined ? { category: i.category } : {}),
    updated_at: deps.now(),
  });
  return viewOrganization(updated);
}

export async function deleteOrganization(_actor: Actor, code: string, deps: Deps): Promise<void> {
  const row = await requireOrganization(deps, code);
  await q.deleteOrganization(deps.db.kysely, row.id);
}
