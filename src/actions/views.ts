// Row -> public JSON shapes, shared by the HTTP API and the CLI.
import { z } from 'zod';
import type { OrganizationRow, GroupRow, TeamMemberRow } from '../db/schema.ts';
import type { AccountWithOrg } from '../db/queries/accounts.ts';
import type { ContactWithRefs } from '../db/queries/team.ts';

export const organizationView = z
  .object({
    code: z.string(),
    name: z.string(),
    country: z.string().nullable(),
    timezone: z.string(),
    languages: z.array(z.string()),
    category: z.string().nullable(),
    synthetic: z.boolean().meta({ description: 'true when the figures are generated demo data' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Organization' });
export type OrganizationView = z.infer<typeof organizationView>;

export function viewOrganization(r: OrganizationRow): OrganizationView {
  return {
    code: r.code,
    name: r.name,
    country: r.country,
    timezone: r.timezone,
    languages: r.languages.split(';').filter(Boolean),
    category: r.category,
    synthetic: r.synthetic === 1,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export const accountView = z
  .object({
    org: z.string(),
    platform: z.string(),
    handle: z.string(),
    external_id: z.string().nullable(),
    url: z.string().nullable(),
    display_name: z.string().nullable(),
    owned: z.boolean(),
    holders: z.array(z.object({ id: z.number(), name: z.string() })).optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Account' });
export type AccountView = z.infer<typeof accountView>;

export function viewAccount(r: AccountWithOrg, holders?: { id: number; name: string }[]): AccountView {
  return {
    org: r.org_code,
    platform: r.platform,
    handle: r.handle,
    external_id: r.external_id,
    url: r.url,
    display_name: r.display_name,
    owned: r.owned === 1,
    ...(holders ? { holders } : {}),
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export const groupView = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['network', 'peer']),
    parent: z.string().nullable(),
    description: z.string().nullable(),
    members: z.number().optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Group' });
export type GroupView = z.infer<typeof groupView>;

export function viewGroup(r: GroupRow, parentCode: string | null, members?: number): GroupView {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind === 'network' ? 'network' : 'peer',
    parent: parentCode,
    description: r.description,
    ...(members !== undefined ? { members } : {}),
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export const teamMemberView = z
  .object({
    id: z.number(),
    org: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role_title: z.string().nullable(),
    active: z.boolean(),
    accounts: z.array(z.object({ platform: z.string(), handle: z.string() })),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'TeamMember' });
export type TeamMemberView = z.infer<typeof teamMemberView>;

export function viewTeamMember(r: TeamMemberRow, org: string, accounts: { platform: string; handle: string }[]): TeamMemberView {
  return {
    id: r.id,
    org,
    name: r.name,
    email: r.email,
    role_title: r.role_title,
    active: r.active === 1,
    accounts,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export const contactView = z
  .object({
    id: z.number(),
    org: z.string(),
    group: z.string(),
    member_id: z.number().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    role: z.string().nullable(),
    since: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Contact' });
export type ContactView = z.infer<typeof contactView>;

export function viewContact(r: ContactWithRefs): ContactView {
  return {
    id: r.id,
    org: r.org_code,
    group: r.group_code,
    member_id: r.team_member_id,
    name: r.name,
    email: r.email,
    role: r.role,
    since: r.since,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

export function pageView<T extends z.ZodType>(item: T, id: string) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() }).meta({ id });
}
