import { describe, expect, it } from 'vitest';
import { allows, type Principal, type Role } from './policy.ts';

const base = { userId: 1, organizationId: null, networkGroupId: null, memberOfNetworks: [], teamMemberId: null, heldAccountIds: [] };
const user = (role: Role, extra: Partial<Principal> = {}): Principal => ({ ...base, role, ...extra });
const bsn = { kind: 'org', organizationId: 10, networks: [1] } as const;
const other = { kind: 'org', organizationId: 11, networks: [2] } as const;
const iso = { kind: 'network', networkId: 1 } as const;

describe('allows', () => {
  it('lets an admin do everything', () => {
    expect(allows(user('admin'), 'admin', { kind: 'global' })).toBe(true);
    expect(allows(user('admin'), 'org_manage', other)).toBe(true);
  });
  it('keeps organisation roles inside their organisation', () => {
    const m = user('manager', { organizationId: 10, memberOfNetworks: [1] });
    expect(allows(m, 'org_manage', bsn)).toBe(true);
    expect(allows(m, 'org_read', other)).toBe(false);
    expect(allows(m, 'network_read', iso)).toBe(true);
    expect(allows(m, 'network_manage', iso)).toBe(false);
    expect(allows(m, 'admin', { kind: 'global' })).toBe(false);
  });
  it('gives each organisation role its own rights', () => {
    const r = (role: Role) => ['org_read', 'org_manage', 'org_content', 'org_report', 'org_contacts', 'org_practice'].filter((p) => allows(user(role, { organizationId: 10 }), p as never, bsn));
    expect(r('manager')).toEqual(['org_read', 'org_manage', 'org_content', 'org_report', 'org_contacts', 'org_practice']);
    expect(r('editor')).toEqual(['org_read', 'org_content']);
    expect(r('analyst')).toEqual(['org_read', 'org_report']);
    expect(r('viewer')).toEqual(['org_read']);
  });
  it('lets a coordinator read, report and keep contacts for the network, and nothing outside it', () => {
    const c = user('coordinator', { networkGroupId: 1 });
    expect(allows(c, 'org_read', bsn)).toBe(true);
    expect(allows(c, 'org_contacts', bsn)).toBe(true);
    expect(allows(c, 'org_manage', bsn)).toBe(false);
    expect(allows(c, 'org_content', bsn)).toBe(false);
    expect(allows(c, 'org_read', other)).toBe(false);
    expect(allows(c, 'network_manage', iso)).toBe(true);
    expect(allows(c, 'network_manage', { kind: 'network', networkId: 2 })).toBe(false);
    expect(allows(c, 'network_read', { kind: 'network', networkId: null })).toBe(false);
  });
});
