// Row types of the core tables (migration 001), as Kysely sees them; tables of later migrations declare
// theirs beside their queries (db/queries/*.ts). Dates are 'YYYY-MM-DD' text, instants ISO-8601 UTC text.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** An ISO-8601 UTC instant with milliseconds, e.g. 2019-08-09T03:00:00.000Z. */
export type Instant = string;
/** A local calendar date, YYYY-MM-DD. */
export type LocalDate = string;
/** 0 or 1; booleans are stored as integers so both dialects read them alike. */
export type Flag = number;

export interface OrganizationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  country: string | null;
  timezone: string;
  /** BCP 47 tags separated by ';', first one preferred, e.g. "id;en". */
  languages: string;
  category: string | null;
  /** 1 when the organisation's figures are generated demo data. */
  synthetic: Flag;
  created_at: Instant;
  updated_at: Instant;
}

export interface GroupsTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** 'network' (e.g. the ISO members) or 'peer' (a peer group inside a network). */
  kind: string;
  parent_id: number | null;
  description: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface GroupMembersTable {
  group_id: number;
  organization_id: number;
  created_at: Instant;
}

export interface AccountsTable {
  id: Generated<number>;
  organization_id: number;
  platform: string;
  handle: string;
  /** lower-cased handle: the natural key (platform, handle) compares without case. */
  handle_key: string;
  external_id: string | null;
  url: string | null;
  display_name: string | null;
  owned: Flag;
  created_at: Instant;
  updated_at: Instant;
}

export interface TeamMembersTable {
  id: Generated<number>;
  organization_id: number;
  name: string;
  email: string | null;
  role_title: string | null;
  active: Flag;
  created_at: Instant;
  updated_at: Instant;
}

export interface AccountHoldersTable {
  account_id: number;
  team_member_id: number;
  created_at: Instant;
}

export interface ContactsTable {
  id: Generated<number>;
  organization_id: number;
  /** The network this person is the organisation's liaison to. */
  group_id: number;
  team_member_id: number | null;
  name: string;
  email: string | null;
  role: string | null;
  since: LocalDate | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface AudienceSnapshotsTable {
  account_id: number;
  date: LocalDate;
  followers: number;
  following: number | null;
  posts_total: number | null;
  views_total: number | null;
  /** demo, import, api, manual */
  source: string;
  recorded_at: Instant;
}

export interface PostsTable {
  id: Generated<number>;
  account_id: number;
  platform: string;
  /** The platform's own id, kept as text (Meta and X ids exceed 2^53). */
  post_id: string;
  published_at: Instant;
  type: string;
  text: string | null;
  media_count: number | null;
  permalink: string | null;
  created_at: Instant;
}

export interface PostMetricsTable {
  post_id: number;
  measured_at: Instant;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  quotes: number | null;
  saves: number | null;
  views: number | null;
  impressions: number | null;
  reach: number | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: ColumnType<Instant, Instant, Instant>;
}

export interface Database {
  organizations: OrganizationsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  accounts: AccountsTable;
  team_members: TeamMembersTable;
  account_holders: AccountHoldersTable;
  contacts: ContactsTable;
  audience_snapshots: AudienceSnapshotsTable;
  posts: PostsTable;
  post_metrics: PostMetricsTable;
  settings: SettingsTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type OrganizationUpdate = Updateable<OrganizationsTable>;
export type GroupRow = Selectable<GroupsTable>;
export type AccountRow = Selectable<AccountsTable>;
export type TeamMemberRow = Selectable<TeamMembersTable>;
export type ContactRow = Selectable<ContactsTable>;
export type SnapshotRow = Selectable<AudienceSnapshotsTable>;
export type PostRow = Selectable<PostsTable>;
export type PostMetricRow = Selectable<PostMetricsTable>;
