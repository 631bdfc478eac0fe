// Who may do what: roles, the signed-in principal, permissions and the scopes they apply to. Pure.
import type { Role } from '../content/workflow.ts';

export type { Role };
export const ROLES = ['admin', 'coordinator', 'manager', 'editor', 'analyst', 'viewer'] as const satisfies readonly Role[];

/** Roles that belong to one organisation (the others: admin has no scope, a coordinator has a network). */
export const ORG_ROLES: readonly Role[] = ['manager', 'editor', 'analyst', 'viewer'];

export interface Principal {
  userId: number;
  role: Role;
  /** The organisation of manager, editor, analyst and viewer users. */
  organizationId: number | null;
  /** The network group of a coordinator. */
  networkGroupId: number | null;
  /** Networks the user's organisation belongs to (a member sees their benchmarks). */
  memberOfNetworks: readonly number[];
  /** The team member this user is, and the accounts that member holds. */
  teamMemberId: number | null;
  heldAccountIds: readonly number[];
}

/**
 * - `signed_in`: anything any signed-in user may read (organisation profiles, public account figures).
 * - `org_read`: an organisation's private data (team, contacts, content, meetings, connections, reports).
 * - `org_manage`: change the organisation, its team, accounts, holders, connections, persona.
 * - `org_content`: draft and schedule content (editors: the workflow also checks the accounts they hold).
 * - `org_report`: make reports and import data for the organisation.
 * - `org_contacts`: edit its contact persons for the network.
 * - `org_practice`: fill in its practice self-assessment.
 * - `network_read`: a network's benchmarks and practice benchmark.
 * - `network_manage`: a network's groups, membership, practice framework, review requests, case pages.
 * - `admin`: users, creating and deleting organisations, the audit log.
 */
export type Permission =
  | 'signed_in' | 'org_read' | 'org_manage' | 'org_content' | 'org_report' | 'org_contacts' | 'org_practice'
  | 'network_read' | 'network_manage' | 'admin';

export type Scope =
  | { kind: 'global' }
  /** An organisation, with the networks it belongs to. */
  | { kind: 'org'; organizationId: number; networks: readonly number[] }
  /** A group: the network it is (or belongs to), null when it belongs to none; and its member organisations when known. */
  | { kind: 'network'; networkId: number | null };

const ORG_PERMISSION_ROLES: Record<string, readonly Role[]> = {
  org_read: ['manager', 'editor', 'analyst', 'viewer'],
  org_manage: ['manager'],
  org_content: ['manager', 'editor'],
  org_report: ['manager', 'analyst'],
  org_contacts: ['manager'],
  org_practice: ['manager'],
};

/** Permissions a coordinator has over the organisations of their network. */
const COORDINATOR_ORG: ReadonlySet<Permission> = new Set(['org_read', 'org_report', 'org_contacts']);

export function allows(p: Principal, permission: Permission, scope: Scope): boolean {
  if (p.role === 'admin') return true;
  if (permission === 'signed_in') return true;
  if (permission === 'admin') return false;
  if (permission === 'network_read' || permission === 'network_manage') {
    if (scope.kind !== 'network' || scope.networkId === null) return false;
    if (p.role === 'coordinator') return p.networkGroupId === scope.networkId;
    return permission === 'network_read' && p.memberOfNetworks.includes(scope.networkId);
  }
  if (scope.kind !== 'org') return false;
  if (p.role === 'coordinator') return COORDINATOR_ORG.has(permission) && p.networkGroupId !== null && scope.networks.includes(p.networkGroupId);
  return p.organizationId === scope.organizationId && (ORG_PERMISSION_ROLES[permission] ?? []).includes(p.role);
}

/** Whether the principal may read every organisation's private data (no filtering of lists). */
export function seesEverything(p: Principal): boolean {
  return p.role === 'admin';
}
