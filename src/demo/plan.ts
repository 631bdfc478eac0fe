// The small, in-memory part of the demo: organisations, groups, accounts, the team and contacts,
// plus the per-account parameters the activity generator draws from.
import type { AccountHoldersTable, AccountRow, ContactRow, GroupMembersTable, GroupRow, OrganizationRow, TeamMemberRow } from '../db/schema.ts';
import type { Platform, PostType } from '../core/platforms.ts';
import { Rng, hashString } from './random.ts';
import { CATEGORY_GROUPS, REGION_GROUPS, handleFromUrl, isoMembers, languagesOf, regionOf, type MemberRecord } from './members.ts';
import { BSN_ANCHORS, BSN_CODE, BSN_ENGAGEMENT_MULTIPLIER, BSN_FIRST_DATE, BSN_HANDLES, BSN_ISO_CONTACT, BSN_MENTION_SHARE, BSN_NAME, BSN_POSTS_PER_DAY, BSN_TEAM } from './bsn.ts';
import { addDays } from '../core/time.ts';

/** Ids of the rows already in the database; the demo's ids follow them. */
export interface IdBase {
  organizations: number;
  groups: number;
  accounts: number;
  team_members: number;
  contacts: number;
  posts: number;
}
export const ZERO_IDS: IdBase = { organizations: 0, groups: 0, accounts: 0, team_members: 0, contacts: 0, posts: 0 };

export interface DemoScale {
  organizations: number;
  /** Days of snapshots and posts for every account but BSN's (BSN always starts 2018-01-01). */
  historyDays: number;
  /** Multiplies every account's posting rate but BSN's. */
  postRate: number;
}

export type Audience =
  | { kind: 'anchored'; anchors: readonly (readonly [string, number])[] }
  | { kind: 'growth'; start: number; annualGrowth: number };

export interface AccountProfile {
  account: AccountRow;
  org: OrganizationRow;
  platform: Platform;
  /** Position among the demo's accounts: keeps generated ids unique per platform. */
  index: number;
  firstDate: string;
  audience: Audience;
  postsPerDay: number;
  typeMix: readonly (readonly [PostType, number])[];
  /** Scales the platform's typical engagement rate (log-normal across organisations). */
  engagement: number;
  mentionShare: number;
  persona: 'snimin' | 'member';
}

export interface DemoPlan {
  organizations: OrganizationRow[];
  groups: GroupRow[];
  groupMembers: GroupMembersTable[];
  accounts: AccountRow[];
  teamMembers: TeamMemberRow[];
  accountHolders: AccountHoldersTable[];
  contacts: ContactRow[];
  profiles: AccountProfile[];
  /** Handles per platform, for mentions. */
  handles: Map<Platform, string[]>;
}

/** Typical current followers of a national standards body's account (before the org's size factor). */
export const MEDIAN_FOLLOWERS: Readonly<Record<string, number>> = {
  facebook: 6000, instagram: 2500, x: 3000, youtube: 700, linkedin: 4000,
};
const POSTS_PER_WEEK: Readonly<Record<string, number>> = { facebook: 4, instagram: 3, x: 5, youtube: 0.6, linkedin: 2.5 };
const CATEGORY = {
  'member body': { size: 1.4, activity: 1.1, presence: { facebook: 0.9, x: 0.65, youtube: 0.6, instagram: 0.45, linkedin: 0.55 } },
  'correspondent member': { size: 0.4, activity: 0.7, presence: { facebook: 0.8, x: 0.4, youtube: 0.35, instagram: 0.3, linkedin: 0.25 } },
  'subscriber member': { size: 0.2, activity: 0.5, presence: { facebook: 0.7, x: 0.2, youtube: 0.2, instagram: 0.2, linkedin: 0.1 } },
} as const;
const MEMBER_PLATFORMS = ['facebook', 'instagram', 'x', 'youtube', 'linkedin'] as const;

export const TYPE_MIX: Readonly<Record<string, readonly (readonly [PostType, number])[]>> = {
  facebook: [['image', 0.5], ['link', 0.2], ['video', 0.14], ['text', 0.12], ['live', 0.04]],
  instagram: [['image', 0.5], ['carousel', 0.3], ['reel', 0.2]],
  x: [['text', 0.4], ['image', 0.35], ['link', 0.2], ['video', 0.05]],
  youtube: [['video', 0.65], ['short', 0.3], ['live', 0.05]],
  linkedin: [['image', 0.45], ['link', 0.3], ['text', 0.15], ['video', 0.1]],
};
// BSN posts images and infographics first (seed/README.md), and stories its own archive keeps.
const BSN_TYPE_MIX: Readonly<Record<string, readonly (readonly [PostType, number])[]>> = {
  facebook: [['image', 0.7], ['video', 0.15], ['link', 0.1], ['text', 0.05]],
  instagram: [['image', 0.4], ['carousel', 0.3], ['reel', 0.2], ['story', 0.1]],
  x: [['image', 0.6], ['text', 0.2], ['link', 0.2]],
  youtube: [['video', 0.7], ['short', 0.3]],
};

// ISO Central Secretariat: large, established accounts (synthetic levels).
const ISO_ACCOUNTS: readonly { platform: Platform; handle?: string; url?: string; followers: number; perWeek: number }[] = [
  { platform: 'facebook', followers: 182_000, perWeek: 5 },
  { platform: 'instagram', followers: 62_000, perWeek: 4 },
  { platform: 'x', followers: 161_000, perWeek: 10 },
  { platform: 'x', handle: 'isoconsumers', url: 'https://x.com/isoconsumers', followers: 9500, perWeek: 2 },
  { platform: 'youtube', followers: 56_000, perWeek: 1 },
  { platform: 'linkedin', followers: 950_000, perWeek: 7 },
];

const CONTACT_NAMES = ['Anna Keller', 'James Whitfield', 'Marie Dubois', 'Lukas Brandt', 'Yuki Tanaka', 'Carla Mendes'];
const CONTACT_ORGS = ['DIN', 'BSI', 'AFNOR', 'JISC', 'ABNT', 'SA'];

export function profileUrl(platform: Platform, handle: string): string {
  switch (platform) {
    case 'facebook': return `https://www.facebook.com/${handle}`;
    case 'instagram': return `https://www.instagram.com/${handle}`;
    case 'x': return `https://x.com/${handle}`;
    case 'youtube': return `https://www.youtube.com/@${handle}`;
    case 'tiktok': return `https://www.tiktok.com/@${handle}`;
    case 'linkedin': return `https://www.linkedin.com/company/${handle}`;
  }
}

/** Handle candidates from the code, in one of five house styles chosen by the code itself. */
function handleCandidates(code: string, country: string, platform: Platform): string[] {
  const b = code.toLowerCase();
  const cc = country.toLowerCase();
  const styles: Record<string, readonly string[]> = {
    facebook: [b, `${b}.standards`, `${b}official`, `${b}.${cc}`, `${b}${cc}`],
    instagram: [`${b}_official`, `${b}.standards`, `${b}official`, `${b}_${cc}`, `${b}${cc}`],
    x: [`${b}_official`, `${b}_standards`, b, `${b}_${cc}`, `${b}${cc}`],
    youtube: [b, `${b}standards`, `${b}official`, `${b}${cc}`, `${b}_${cc}`],
    linkedin: [b, `${b}-standards`, `${b}-official`, `${b}-${cc}`, `${b}${cc}`],
  };
  const list = styles[platform] ?? [b];
  const first = hashString(code) % list.length;
  const ordered = [...list.slice(first), ...list.slice(0, first), `${b}_${cc}_std`];
  return platform === 'x' ? ordered.map((h) => h.replaceAll('.', '_').slice(0, 15)) : ordered;
}

/** Which members take part at this scale: ISO and BSN always, the rest by a stable hash of the code. */
function selectMembers(all: readonly MemberRecord[], count: number): MemberRecord[] {
  if (count >= all.length) return [...all];
  const fixed = new Set(['ISO', BSN_CODE]);
  const others = all.filter((m) => !fixed.has(m.code)).sort((a, b) => hashString(a.code) - hashString(b.code));
  const keep = new Set([...fixed, ...others.slice(0, Math.max(0, count - fixed.size)).map((m) => m.code)]);
  return all.filter((m) => keep.has(m.code));
}

export function planDemo(seed: number, today: string, scale: DemoScale, ids: IdBase): DemoPlan {
  const at = `${today}T00:00:00.000Z`;
  const members = selectMembers(isoMembers(), scale.organizations);
  const firstDate = addDays(today, 1 - scale.historyDays);
  const plan: DemoPlan = {
    organizations: [], groups: [], groupMembers: [], accounts: [], teamMembers: [], accountHolders: [],
    contacts: [], profiles: [], handles: new Map(),
  };

  // Groups: the network, then regions, then categories.
  const groupId = new Map<string, number>();
  const addGroup = (code: string, name: string, kind: string, parent: number | null, description: string | null) => {
    const id = ids.groups + plan.groups.length + 1;
    groupId.set(code, id);
    plan.groups.push({ id, code, name, kind, parent_id: parent, description, created_at: at, updated_at: at });
    return id;
  };
  const iso = addGroup('ISO', 'ISO members', 'network', null, 'National standards bodies in ISO, and the ISO Central Secretariat as a benchmark');
  for (const [code, region] of Object.entries(REGION_GROUPS)) addGroup(code, `ISO members: ${region}`, 'peer', iso, null);
  for (const g of Object.values(CATEGORY_GROUPS)) addGroup(g.code, g.name, 'peer', iso, null);

  const taken = new Map<Platform, Set<string>>();
  const claim = (platform: Platform, candidates: readonly string[]): string => {
    let set = taken.get(platform);
    if (!set) taken.set(platform, (set = new Set(['isostandards', 'isoconsumers', 'iso', 'bsn_sni', 'bsn.sni', 'kemenperin_ri'])));
    const free = candidates.find((h) => !set.has(h.toLowerCase())) ?? `${candidates[0]}${set.size}`;
    set.add(free.toLowerCase());
    return free;
  };

  for (const m of members) {
    const orgId = ids.organizations + plan.organizations.length + 1;
    const org: OrganizationRow = {
      id: orgId, code: m.code, name: m.code === BSN_CODE ? BSN_NAME : m.name, country: m.countryCode,
      timezone: m.timezone, languages: m.code === 'ISO' ? 'en;fr' : languagesOf(m.countryCode),
      category: m.category, synthetic: 1, created_at: at, updated_at: at,
    };
    plan.organizations.push(org);
    plan.groupMembers.push({ group_id: iso, organization_id: orgId, created_at: at });
    const category = CATEGORY_GROUPS[m.category];
    if (m.code !== 'ISO') {
      plan.groupMembers.push({ group_id: groupId.get(regionOf(m.timezone)) ?? iso, organization_id: orgId, created_at: at });
      if (category) plan.groupMembers.push({ group_id: groupId.get(category.code) ?? iso, organization_id: orgId, created_at: at });
    }

    const rng = Rng.for(seed, 'org', m.code);
    const addAccount = (platform: Platform, handle: string, url: string, owned: boolean, displayName: string,
      shape: Omit<AccountProfile, 'account' | 'org' | 'platform' | 'index'>) => {
      const index = plan.accounts.length;
      const account: AccountRow = {
        id: ids.accounts + index + 1, organization_id: orgId, platform, handle, handle_key: handle.toLowerCase(),
        external_id: platform === 'facebook' ? String(100_064_000_000_000 + index * 7919) : null,
        url, display_name: displayName, owned: owned ? 1 : 0, created_at: at, updated_at: at,
      };
      plan.accounts.push(account);
      plan.profiles.push({ account, org, platform, index, ...shape });
      const list = plan.handles.get(platform) ?? [];
      list.push(handle);
      plan.handles.set(platform, list);
    };

    if (m.code === BSN_CODE) {
      for (const [platform, handle] of Object.entries(BSN_HANDLES) as [Platform, string][]) {
        addAccount(platform, handle, profileUrl(platform, handle), true, BSN_NAME, {
          firstDate: BSN_FIRST_DATE,
          audience: { kind: 'anchored', anchors: BSN_ANCHORS[platform] ?? [] },
          postsPerDay: BSN_POSTS_PER_DAY[platform] ?? 0.5,
          typeMix: BSN_TYPE_MIX[platform] ?? [['image', 1]],
          engagement: BSN_ENGAGEMENT_MULTIPLIER * rng.lognormal(0, 0.1),
          mentionShare: BSN_MENTION_SHARE,
          persona: 'snimin',
        });
      }
      continue;
    }

    if (m.code === 'ISO') {
      for (const a of ISO_ACCOUNTS) {
        const url = a.url ?? m.urls[a.platform] ?? profileUrl(a.platform, 'isostandards');
        const handle = a.handle ?? handleFromUrl(url);
        const growth = 0.06 + 0.08 * rng.next();
        addAccount(a.platform, handle, url, false, handle === 'isoconsumers' ? 'ISO Consumers' : 'ISO - International Organization for Standardization', {
          firstDate,
          audience: { kind: 'growth', start: a.followers / Math.pow(1 + growth, scale.historyDays / 365), annualGrowth: growth },
          postsPerDay: (a.perWeek / 7) * scale.postRate,
          typeMix: TYPE_MIX[a.platform] ?? [['image', 1]],
          engagement: rng.lognormal(0, 0.3),
          mentionShare: 0.15,
          persona: 'member',
        });
      }
      continue;
    }

    const cat = CATEGORY[m.category as keyof typeof CATEGORY] ?? CATEGORY['correspondent member'];
    const size = cat.size * rng.lognormal(0, 1.0);
    const activity = cat.activity * rng.lognormal(0, 0.7);
    const engagement = rng.lognormal(0, 0.5);
    const mentionShare = 0.03 + 0.25 * rng.next() ** 2;
    const present = MEMBER_PLATFORMS.filter((p) => rng.chance(cat.presence[p]));
    if (present.length === 0) present.push('facebook');
    for (const platform of present) {
      const handle = claim(platform, handleCandidates(m.code, m.countryCode, platform));
      const level = Math.max(20, (MEDIAN_FOLLOWERS[platform] ?? 1000) * size * rng.lognormal(0, 0.5));
      const growth = Math.min(2, rng.lognormal(Math.log(0.12), 0.8) - 0.03);
      addAccount(platform, handle, profileUrl(platform, handle), false, m.name, {
        firstDate,
        audience: { kind: 'growth', start: level / Math.pow(1 + growth, scale.historyDays / 365), annualGrowth: growth },
        postsPerDay: ((POSTS_PER_WEEK[platform] ?? 2) / 7) * activity * rng.lognormal(0, 0.3) * scale.postRate,
        typeMix: TYPE_MIX[platform] ?? [['image', 1]],
        engagement: engagement * rng.lognormal(0, 0.2),
        mentionShare,
        persona: 'member',
      });
    }
  }

  addTeamAndContacts(plan, ids, at, iso);
  return plan;
}

function addTeamAndContacts(plan: DemoPlan, ids: IdBase, at: string, isoGroup: number): void {
  const bsn = plan.organizations.find((o) => o.code === BSN_CODE);
  if (bsn) {
    for (const seed of BSN_TEAM) {
      const id = ids.team_members + plan.teamMembers.length + 1;
      plan.teamMembers.push({
        id, organization_id: bsn.id, name: seed.name, email: seed.email, role_title: seed.roleTitle, active: 1,
        created_at: at, updated_at: at,
      });
      for (const platform of seed.holds) {
        const account = plan.accounts.find((a) => a.organization_id === bsn.id && a.platform === platform);
        if (account) plan.accountHolders.push({ account_id: account.id, team_member_id: id, created_at: at });
      }
    }
    const person = plan.teamMembers[BSN_ISO_CONTACT.memberIndex];
    if (person) {
      plan.contacts.push({
        id: ids.contacts + 1, organization_id: bsn.id, group_id: isoGroup, team_member_id: person.id,
        name: person.name, email: person.email, role: BSN_ISO_CONTACT.role, since: BSN_ISO_CONTACT.since,
        created_at: at, updated_at: at,
      });
    }
  }
  CONTACT_ORGS.forEach((code, i) => {
    const org = plan.organizations.find((o) => o.code === code);
    const name = CONTACT_NAMES[i];
    if (!org || !name) return;
    plan.contacts.push({
      id: ids.contacts + plan.contacts.length + 1, organization_id: org.id, group_id: isoGroup, team_member_id: null,
      name, email: `socialmedia@${code.toLowerCase()}.example`, role: 'Social media contact', since: null,
      created_at: at, updated_at: at,
    });
  });
}
