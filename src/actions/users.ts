// Users: create (CLI or an admin), list, change role or scope, deactivate, delete, reset passwords;
// the first admin on first start.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ORG_ROLES, ROLES, type Role } from '../core/auth/policy.ts';
import { Conflict, Invalid, NotFound, Unauthenticated } from '../core/errors.ts';
import { findGroupByCode } from '../db/queries/groups.ts';
import { findOrganizationByCode } from '../db/queries/organizations.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import { findTeamMember } from '../db/queries/team.ts';
import * as q from '../db/queries/users.ts';
import { hashPassword, password, verifyPassword } from './passwords.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { groupCode, orgCode, pageQuery } from './fields.ts';

export const userSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    org: z.string().nullable().meta({ description: 'organisation code (manager, editor, analyst, viewer)' }),
    network: z.string().nullable().meta({ description: 'network group code (coordinator)' }),
    team_member_id: z.number().nullable(),
    active: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userSchema>;

export function userView(u: q.UserWithRefs): UserView {
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role, org: u.org_code, network: u.network_code, team_member_id: u.team_member_id, active: u.active === 1, created_at: u.created_at };
}

const email = z.email('not an e-mail address').max(320).transform((s) => s.toLowerCase());
const role = z.enum(ROLES);

export const createUserInput = z
  .object({
    email,
    name: z.string().trim().min(1).max(200).optional(),
    role,
    org: orgCode.optional(),
    network: groupCode.optional(),
    team_member_id: z.number().int().positive().optional(),
    password,
  })
  .strict()
  .meta({ id: 'UserCreate' });

export const updateUserInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    role,
    org: orgCode.nullable(),
    network: groupCode.nullable(),
    team_member_id: z.number().int().positive().nullable(),
    active: z.boolean(),
  })
  .partial()
  .strict()
  .meta({ id: 'UserUpdate' });

export const setPasswordInput = z.object({ password }).strict().meta({ id: 'PasswordSet' });
export const changePasswordInput = z.object({ current_password: z.string().min(1).max(200), password }).strict().meta({ id: 'PasswordChange' });
export const listUsersInput = pageQuery.extend({ org: orgCode.optional() });

interface Scoped {
  organization_id: number | null;
  network_group_id: number | null;
  team_member_id: number | null;
}

/** Resolves and checks a role's scope: organisation roles need --org, coordinators --network, admins neither. */
async function scopeFor(deps: Deps, r: Role, org: string | null | undefined, network: string | null | undefined, teamMember: number | null | undefined): Promise<Scoped> {
  const db = deps.db.kysely;
  if (ORG_ROLES.includes(r)) {
    if (!org) throw new Invalid(`the role ${r} needs an organisation`, [{ path: 'org', message: 'required for this role' }]);
    if (network) throw new Invalid(`the role ${r} belongs to an organisation, not a network`, [{ path: 'network', message: 'only for coordinators' }]);
    const o = await findOrganizationByCode(db, org);
    if (!o) throw new Invalid(`organisation ${org} does not exist`, [{ path: 'org', message: 'unknown organisation' }]);
    if (teamMember) {
      const m = await findTeamMember(db, teamMember);
      if (!m || m.organization_id !== o.id) throw new Invalid(`team member ${teamMember} is not on ${org}'s team`, [{ path: 'team_member_id', message: 'unknown team member' }]);
    }
    return { organization_id: o.id, network_group_id: null, team_member_id: teamMember ?? null };
  }
  if (org) throw new Invalid(`the role ${r} has no organisation`, [{ path: 'org', message: 'only for organisation roles' }]);
  if (r === 'coordinator') {
    if (!network) throw new Invalid('a coordinator needs a network', [{ path: 'network', message: 'required for this role' }]);
    const g = await findGroupByCode(db, network);
    if (!g || g.kind !== 'network') throw new Invalid(`${network} is not a network group`, [{ path: 'network', message: 'unknown network' }]);
    return { organization_id: null, network_group_id: g.id, team_member_id: null };
  }
  if (network) throw new Invalid('an admin has no network', [{ path: 'network', message: 'only for coordinators' }]);
  return { organization_id: null, network_group_id: null, team_member_id: null };
}

async function requireUser(deps: Deps, id: number): Promise<q.UserWithRefs> {
  const u = await q.findUserById(deps.db.kysely, id);
  if (!u) throw new NotFound(`user ${id} does not exist`);
  return u;
}

export async function createUser(_actor: Actor, input: unknown, deps: Deps): Promise<UserView> {
  const i = parseInput(createUserInput, input);
  const db = deps.db.kysely;
  if (await q.findUserByEmail(db, i.email)) throw new Conflict(`a user with the e-mail ${i.email} exists`, [{ path: 'email', message: 'taken' }]);
  const scope = await scopeFor(deps, i.role, i.org, i.network, i.team_member_id);
  const now = deps.now();
  const row = await q.insertUser(db, {
    email: i.email, name: i.name ?? i.email.split('@')[0] ?? i.email, role: i.role, ...scope,
    password_hash: await hashPassword(i.password), active: 1, password_changed_at: now, created_at: now, updated_at: now,
  });
  return userView(await requireUser(deps, row.id));
}

export async function listUsers(_actor: Actor, input: unknown, deps: Deps): Promise<Page<UserView>> {
  const i = parseInput(listUsersInput, input);
  const organizationId = i.org ? (await findOrganizationByCode(deps.db.kysely, i.org))?.id ?? -1 : undefined;
  const rows = await q.listUsers(deps.db.kysely, { after: decodeCursor<number>(i.cursor, 'number'), limit: i.limit, organizationId });
  const page = toPage(rows, i.limit, (r) => r.id);
  return { items: page.items.map(userView), next_cursor: page.next_cursor };
}

export async function getUser(_actor: Actor, id: number, deps: Deps): Promise<UserView> {
  return userView(await requireUser(deps, id));
}

/** Refuses changes that would leave no active admin. */
async function keepAnAdmin(deps: Deps, u: q.UserWithRefs, losing: boolean): Promise<void> {
  if (losing && u.role === 'admin' && u.active === 1 && (await q.countActiveAdmins(deps.db.kysely)) <= 1)
    throw new Conflict('this is the last active admin; make another admin first');
}

export async function updateUser(_actor: Actor, id: number, input: unknown, deps: Deps): Promise<UserView> {
  const i = parseInput(updateUserInput, input);
  const u = await requireUser(deps, id);
  const r = i.role ?? (u.role as Role);
  const org = i.org !== undefined ? i.org : i.role && !ORG_ROLES.includes(i.role) ? null : u.org_code;
  const network = i.network !== undefined ? i.network : i.role && i.role !== 'coordinator' ? null : u.network_code;
  const member = i.team_member_id !== undefined ? i.team_member_id : org === u.org_code ? u.team_member_id : null;
  const scope = await scopeFor(deps, r, org, network, member);
  await keepAnAdmin(deps, u, r !== 'admin' || i.active === false);
  await q.updateUser(deps.db.kysely, id, { ...(i.name ? { name: i.name } : {}), role: r, ...scope, ...(i.active !== undefined ? { active: i.active ? 1 : 0 } : {}), updated_at: deps.now() });
  if (i.active === false || r !== u.role) await q.deleteSessionsOf(deps.db.kysely, id);
  return userView(await requireUser(deps, id));
}

export async function deleteUser(actor: Actor, id: number, deps: Deps): Promise<void> {
  const u = await requireUser(deps, id);
  if (actor.kind === 'user' && actor.principal.userId === id) throw new Conflict('you cannot delete yourself');
  await keepAnAdmin(deps, u, true);
  await q.deleteUser(deps.db.kysely, id);
}

/** An admin sets a new password; every session of that user ends. */
export async function resetPassword(_actor: Actor, id: number, input: unknown, deps: Deps): Promise<void> {
  const i = parseInput(setPasswordInput, input);
  await requireUser(deps, id);
  const now = deps.now();
  await q.updateUser(deps.db.kysely, id, { password_hash: await hashPassword(i.password), password_changed_at: now, updated_at: now });
  await q.deleteSessionsOf(deps.db.kysely, id);
}

/** A user changes their own password; their other sessions end. */
export async function changeOwnPassword(actor: Actor, sessionId: string, input: unknown, deps: Deps): Promise<void> {
  if (actor.kind !== 'user') throw new Unauthenticated();
  const i = parseInput(changePasswordInput, input);
  const u = await requireUser(deps, actor.principal.userId);
  if (!(await verifyPassword(u.password_hash, i.current_password)))
    throw new Invalid('the current password is wrong', [{ path: 'current_password', message: 'wrong password' }]);
  const now = deps.now();
  await q.updateUser(deps.db.kysely, u.id, { password_hash: await hashPassword(i.password), password_changed_at: now, updated_at: now });
  await q.deleteSessionsOf(deps.db.kysely, u.id, sessionId);
}

export const FIRST_ADMIN_EMAIL = 'admin@socialbench.local';

/** On a database without users, creates an admin with a random password and returns it (to print once). */
export async function ensureFirstAdmin(deps: Deps): Promise<{ email: string; password: string } | null> {
  if ((await q.countUsers(deps.db.kysely)) > 0) return null;
  const pw = randomBytes(12).toString('base64url');
  const now = deps.now();
  try {
    await q.insertUser(deps.db.kysely, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin', organization_id: null, network_group_id: null, team_member_id: null, password_hash: await hashPassword(pw), active: 1, password_changed_at: now, created_at: now, updated_at: now });
  } catch {
    return null; // another process made it first
  }
  return { email: FIRST_ADMIN_EMAIL, password: pw };
}
