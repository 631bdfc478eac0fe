// Use cases for groups: networks (e.g. the ISO members) and peer groups inside them, with membership.
import { z } from 'zod';
import { Conflict, Invalid, NotFound } from '../core/errors.ts';
import * as q from '../db/queries/groups.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import type { GroupRow } from '../db/schema.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { groupCode, pageQuery } from './fields.ts';
import { requireOrganization } from './organizations.ts';
import { viewGroup, type GroupView } from './views.ts';

const groupFields = {
  name: z.string().trim().min(1, 'must not be empty').max(300),
  kind: z.enum(['network', 'peer']),
  parent: groupCode.nullable().meta({ description: 'the network a peer group belongs to' }),
  description: z.string().max(2000).nullable(),
};

export const createGroupInput = z
  .object({
    code: groupCode,
    ...groupFields,
    kind: groupFields.kind.default('peer'),
    parent: groupFields.parent.optional(),
    description: groupFields.description.optional(),
  })
  .strict()
  .meta({ id: 'GroupCreate' });

export const updateGroupInput = z.object(groupFields).partial().strict().meta({ id: 'GroupUpdate' });

export const listGroupsInput = pageQuery.extend({
  parent: groupCode.optional().meta({ description: 'only the peer groups of this network' }),
});

export async function requireGroup(deps: Deps, code: string): Promise<GroupRow> {
  const g = await q.findGroupByCode(deps.db.kysely, code);
  if (!g) throw new NotFound(`group ${code} does not exist`);
  return g;
}

async function parentIdOf(deps: Deps, parent: string | null | undefined, self?: string): Promise<number | null | undefined> {
  if (parent === undefined) return undefined;
  if (parent === null) return null;
  if (parent === self) throw new Invalid('a group cannot be its own parent', [{ path: 'parent', message: 'same as the group' }]);
  const p = await q.findGroupByCode(deps.db.kysely, parent);
  if (!p) throw new Invalid(`parent group ${parent} does not exist`, [{ path: 'parent', message: 'unknown group' }]);
  return p.id;
}

async function present(deps: Deps, g: GroupRow, withCount: boolean): Promise<GroupView> {
  const parent = g.parent_id === null ? null : ((await q.findGroupById(deps.db.kysely, g.parent_id))?.code ?? null);
  return viewGroup(g, parent, withCount ? await q.memberCount(deps.db.kysely, g.id) : undefined);
}

export async function getGroup(_actor: Actor, code: string, deps: Deps): Promise<GroupView> {
  return present(deps, await requireGroup(deps, code), true);
}

export async function listGroups(_actor: Actor, input: unknown, deps: Deps): Promise<Page<GroupView>> {
  const i = parseInput(listGroupsInput, input);
  const parentId = i.parent ? (await requireGroup(deps, i.parent)).id : undefined;
  const rows = await q.listGroups(deps.db.kysely, { after: decodeCursor<string>(i.cursor, 'string'), limit: i.limit, parentId });
  const page = toPage(rows, i.limit, (r) => r.code);
  return { items: await Promise.all(page.items.map((g) => present(deps, g, true))), next_cursor: page.next_cursor };
}

export async function createGroup(_actor: Actor, input: unknown, deps: Deps): Promise<GroupView> {
  const i = parseInput(createGroupInput, input);
  const at = deps.now();
  const parentId = await parentIdOf(deps, i.parent);
  try {
    const g = await q.insertGroup(deps.db.kysely, {
      code: i.code,
      name: i.name,
      kind: i.kind,
      parent_id: parentId ?? null,
      description: i.description ?? null,
      created_at: at,
      updated_at: at,
    });
    return present(deps, g, true);
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict(`group ${i.code} already exists`, [{ path: 'code', message: 'already taken' }]);
    throw err;
  }
}

export async function updateGroup(_actor: Actor, code: string, input: unknown, deps: Deps): Promise<GroupView> {
  const i = parseInput(updateGroupInput, input);
  const g = await requireGroup(deps, code);
  const parentId = await parentIdOf(deps, i.parent, code);
  const updated = await q.updateGroup(deps.db.kysely, g.id, {
    ...(i.name !== undefined ? { name: i.name } : {}),
    ...(i.kind !== undefined ? { kind: i.kind } : {}),
    ...(parentId !== undefined ? { parent_id: parentId } : {}),
    ...(i.description !== undefined ? { description: i.description } : {}),
    updated_at: deps.now(),
  });
  return present(deps, updated, true);
}

export async function deleteGroup(_actor: Actor, code: string, deps: Deps): Promise<void> {
  const g = await requireGroup(deps, code);
  await q.deleteGroup(deps.db.kysely, g.id);
}

export async function addGroupMember(_actor: Actor, group: string, org: string, deps: Deps): Promise<{ added: boolean }> {
  const g = await requireGroup(deps, group);
  const o = await requireOrganization(deps, org);
  return { added: await q.addMember(deps.db.kysely, g.id, o.id, deps.now()) };
}

export async function removeGroupMember(_actor: Actor, group: string, org: string, deps: Deps): Promise<void> {
  const g = await requireGroup(deps, group);
  const o = await requireOrganization(deps, org);
  if (!(await q.removeMember(deps.db.kysely, g.id, o.id))) throw new NotFound(`${org} is not a member of ${group}`);
}
