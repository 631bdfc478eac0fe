// Use cases for an organisation's team members and its contact persons to networks.
import { z } from 'zod';
import { Invalid, NotFound } from '../core/errors.ts';
import * as q from '../db/queries/team.ts';
import { findOrganizationById } from '../db/queries/organizations.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import type { TeamMemberRow } from '../db/schema.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { email, groupCode, localDate, orgCode, pageQuery } from './fields.ts';
import { requireOrganization } from './organizations.ts';
import { requireGroup } from './groups.ts';
import { viewContact, viewTeamMember, type ContactView, type TeamMemberView } from './views.ts';

const memberFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  email: email.nullable(),
  role_title: z.string().max(200).nullable(),
  active: z.boolean(),
};

export const createMemberInput = z
  .object({
    ...memberFields,
    email: memberFields.email.optional(),
    role_title: memberFields.role_title.optional(),
    active: memberFields.active.default(true),
  })
  .strict()
  .meta({ id: 'TeamMemberCreate' });

export const updateMemberInput = z.object(memberFields).partial().strict().meta({ id: 'TeamMemberUpdate' });

async function presentMembers(deps: Deps, org: string, rows: TeamMemberRow[]): Promise<TeamMemberView[]> {
  const held = await q.heldAccounts(deps.db.kysely, rows.map((r) => r.id));
  return rows.map((r) =>
    viewTeamMember(r, org, held.filter((h) => h.team_member_id === r.id).map((h) => ({ platform: h.platform, handle: h.handle }))),
  );
}

async function requireMember(deps: Deps, id: number): Promise<{ row: TeamMemberRow; org: string }> {
  const row = await q.findTeamMember(deps.db.kysely, id);
  if (!row) throw new NotFound(`team member ${id} does not exist`);
  const org = await findOrganizationById(deps.db.kysely, row.organization_id);
  return { row, org: org?.code ?? '' };
}

export async function getMember(_actor: Actor, id: number, deps: Deps): Promise<TeamMemberView> {
  const { row, org } = await requireMember(deps, id);
  const [view] = await presentMembers(deps, org, [row]);
  if (!view) throw new NotFound(`team member ${id} does not exist`);
  return view;
}

export async function listMembers(_actor: Actor, org: string, input: unknown, deps: Deps): Promise<Page<TeamMemberView>> {
  const i = parseInput(pageQuery, input);
  const o = await requireOrganization(deps, org);
  const rows = await q.listTeamMembers(deps.db.kysely, { organizationId: o.id, after: decodeCursor<number>(i.cursor, 'number'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.id);
  return { items: await presentMembers(deps, o.code, page.items), next_cursor: page.next_cursor };
}

export async function createMember(actor: Actor, org: string, input: unknown, deps: Deps): Promise<TeamMemberView> {
  const i = parseInput(createMemberInput, input);
  const o = await requireOrganization(deps, org);
  const at = deps.now();
  const row = await q.insertTeamMember(deps.db.kysely, {
    organization_id: o.id,
    name: i.name,
    email: i.email ?? null,
    role_title: i.role_title ?? null,
    active: i.active ? 1 : 0,
    created_at: at,
    updated_at: at,
  });
  return getMember(actor, row.id, deps);
}

export async function updateMember(actor: Actor, id: number, input: unknown, deps: Deps): Promise<TeamMemberView> {
  const i = parseInput(updateMemberInput, input);
  await requireMember(deps, id);
  await q.updateTeamMember(deps.db.kysely, id, {
    ...(i.name !== undefined ? { name: i.name } : {}),
    ...(i.email !== undefined ? { email: i.email } : {}),
    ...(i.role_title !== undefined ? { role_title: i.role_title } : {}),
    ...(i.active !== undefined ? { active: i.active ? 1 : 0 } : {}),
    updated_at: deps.now(),
  });
  return getMember(actor, id, deps);
}

export async function deleteMember(_actor: Actor, id: number, deps: Deps): Promise<void> {
  await requireMember(deps, id);
  await q.deleteTeamMember(deps.db.kysely, id);
}

const contactFields = {
  member_id: z.number().int().positive().nullable().meta({ description: 'the team member who is the contact, if on the team' }),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  email: email.nullable(),
  role: z.string().max(200).nullable(),
  since: localDate.nullable(),
};

export const createContactInput = z
  .object({
    org: orgCode,
    group: groupCode.meta({ description: 'the network this person is the liaison to' }),
    ...contactFields,
    member_id: contactFields.member_id.optional(),
    email: contactFields.email.optional(),
    role: contactFields.role.optional(),
    since: contactFields.since.optional(),
  })
  .strict()
  .meta({ id: 'ContactCreate' });

export const updateContactInput = z.object(contactFields).partial().strict().meta({ id: 'ContactUpdate' });

export const listContactsInput = pageQuery.extend({ org: orgCode.optional(), group: groupCode.optional() });

async function checkMember(deps: Deps, memberId: number | null | undefined, organizationId: number): Promise<void> {
  if (memberId === null || memberId === undefined) return;
  const m = await q.findTeamMember(deps.db.kysely, memberId);
  if (!m || m.organization_id !== organizationId)
    throw new Invalid(`team member ${memberId} is not on this organisation's team`, [{ path: 'member_id', message: 'unknown team member' }]);
}

async function requireContact(deps: Deps, id: number): Promise<q.ContactWithRefs> {
  const c = await q.findContact(deps.db.kysely, id);
  if (!c) throw new NotFound(`contact ${id} does not exist`);
  return c;
}

export async function getContact(_actor: Actor, id: number, deps: Deps): Promise<ContactView> {
  return viewContact(await requireContact(deps, id));
}

export async function listContacts(_actor: Actor, input: unknown, deps: Deps): Promise<Page<ContactView>> {
  const i = parseInput(listContactsInput, input);
  const organizationId = i.org ? (await requireOrganization(deps, i.org)).id : undefined;
  const groupId = i.group ? (await requireGroup(deps, i.group)).id : undefined;
  const rows = await q.listContacts(deps.db.kysely, { organizationId, groupId, after: decodeCursor<number>(i.cursor, 'number'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.id);
  return { items: page.items.map(viewContact), next_cursor: page.next_cursor };
}

export async function createContact(actor: Actor, input: unknown, deps: Deps): Promise<ContactView> {
  const i = parseInput(createContactInput, input);
  const o = await requireOrganization(deps, i.org);
  const g = await requireGroup(deps, i.group);
  await checkMember(deps, i.member_id, o.id);
  const at = deps.now();
  const row = await q.insertContact(deps.db.kysely, {
    organization_id: o.id,
    group_id: g.id,
    team_member_id: i.member_id ?? null,
    name: i.name,
    email: i.email ?? null,
    role: i.role ?? null,
    since: i.since ?? null,
    created_at: at,
    updated_at: at,
  });
  return getContact(actor, row.id, deps);
}

export async function updateContact(actor: Actor, id: number, input: unknown, deps: Deps): Promise<ContactView> {
  const i = parseInput(updateContactInput, input);
  const c = await requireContact(deps, id);
  await checkMember(deps, i.member_id, c.organization_id);
  await q.updateContact(deps.db.kysely, id, {
    ...(i.member_id !== undefined ? { team_member_id: i.member_id } : {}),
    ...(i.name !== undefined ? { name: i.name } : {}),
    ...(i.email !== undefined ? { email: i.email } : {}),
    ...(i.role !== undefined ? { role: i.role } : {}),
    ...(i.since !== undefined ? { since: i.since } : {}),
    updated_at: deps.now(),
  });
  return getContact(actor, id, deps);
}

export async function deleteContact(_actor: Actor, id: number, deps: Deps): Promise<void> {
  await requireContact(deps, id);
  await q.deleteContact(deps.db.kysely, id);
}
