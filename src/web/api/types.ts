// The JSON shapes of the API (src/actions/views.ts and the analytics routes), as the web app reads them.
export type Num = number | null;

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type Role = 'admin' | 'coordinator' | 'manager' | 'editor' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'manager', 'editor', 'analyst', 'viewer'];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  org: string | null;
  network: string | null;
}

export interface Session {
  user: User;
  csrf_token: string;
}

export interface Organization {
  code: string;
  name: string;
  country: string | null;
  timezone: string;
  languages: string[];
  category: string | null;
  synthetic: boolean;
}

export interface Account {
  org: string;
  platform: string;
  handle: string;
  external_id: string | null;
  url: string | null;
  display_name: string | null;
  owned: boolean;
  holders?: { id: number; name: string }[];
}

export interface OrganizationDetail extends Organization {
  groups: string[];
  accounts: Account[];
}

export interface Group {
  code: string;
  name: string;
  kind: 'network' | 'peer';
  parent: string | null;
  description: string | null;
  members?: number;
}

export interface TeamMember {
  id: number;
  org: string;
  name: string;
  email: string | null;
  role_title: string | null;
  active: boolean;
  accounts: { platform: string; handle: string }[];
}

export interface Contact {
  id: number;
  org: string;
  group: string;
  member_id: number | null;
  name: string;
  email: string | null;
  role: string | null;
  since: string | null;
}

export interface MetricSet {
  start: Num;
  end: Num;
  growth: Num;
  growth_pct: Num;
  weekly_growth_pct: Num;
  baseline: 'full' | 'partial';
  posts: Num;
  posts_per_week: Num;
  engagements_per_post: Num;
  er: Num;
  visual_share: Num;
  video_share: Num;
  mention_share: Num;
  accounts_mentioned: Num;
  followers: Num;
}

export interface OrganizationMetrics {
  org: string;
  from: string;
  to: string;
  er_method: string;
  platforms: Record<string, MetricSet>;
  accounts: (MetricSet & { platform: string; handle: string })[];
}

export interface SeriesPoint {
  start: string;
  end: string;
  value: Num;
}

export interface FollowerSeries {
  org: string;
  from: string;
  to: string;
  interval: string;
  platforms: Record<string, SeriesPoint[]>;
  total: SeriesPoint[];
}

export interface PostView {
  platform: string;
  handle: string;
  post_id: string;
  published_at: string;
  date: string;
  type: string;
  text: string | null;
  permalink: string | null;
  engagements: Num;
  followers: Num;
  er: Num;
}

export interface TopPosts {
  org: string;
  by: string;
  order: string;
  posts: PostView[];
}

export interface BestTimeCell {
  weekday: number;
  hour: number;
  posts: number;
  mean_er: Num;
}

export interface BestTimes {
  org: string;
  timezone: string;
  grid: BestTimeCell[][];
}

export const PILLARS = ['posts_per_week', 'visual_share', 'er', 'growth_pct', 'mention_share'] as const;
export type Pillar = (typeof PILLARS)[number];

export interface GroupStats {
  n: number;
  min: Num;
  q1: Num;
  median: Num;
  q3: Num;
  max: Num;
  mean: Num;
  sd: Num;
}

export interface BenchmarkRow {
  org: string;
  values: Record<string, Num>;
  ranks: Record<string, number>;
  percentiles: Record<string, number>;
  z: Record<string, Num>;
  composite: Num;
}

export interface Benchmark {
  group: string;
  platform: string;
  from: string;
  to: string;
  er_method: string;
  metrics: string[];
  organizations: BenchmarkRow[];
  stats: Record<string, GroupStats>;
}

export interface Composite {
  group: string;
  from: string;
  to: string;
  platforms: string[];
  organizations: { org: string; platforms: Record<string, Num>; composite: Num }[];
}

/** Answer of POST /api/imports (src/actions/imports.ts importReportView). */
export interface ImportProblem {
  file?: string;
  /** The workbook sheet (XLSX, XLS). */
  sheet?: string;
  row?: number;
  column?: string;
  message: string;
}

export interface ImportFileReport {
  file: string;
  kinds: string[];
  status: 'committed' | 'rejected' | 'dry-run' | 'not-run';
  rows: number;
  counts: Record<string, { added: number; updated: number; unchanged: number }>;
  problems: ImportProblem[];
  problem_count: number;
  notes: string[];
}

export interface ImportReport {
  dry_run: boolean;
  atomic: boolean;
  rejected: boolean;
  files: ImportFileReport[];
}

/** A stored report (src/actions/reports.ts reportView). */
export interface ReportItem {
  id: number;
  kind: 'evaluation' | 'benchmark' | 'practice';
  params: Record<string, unknown>;
  format: string;
  title: string;
  filename: string;
  content_type: string;
  size: number;
  schedule_id: number | null;
  created_at: string;
  download_url: string;
}

export const PLATFORM_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
};

/** A platform's name as it was called at the end of a period (X was Twitter until 2023-07-23). */
export function platformName(p: string, asOf?: string): string {
  if (p === 'x' && asOf && asOf < '2023-07-24') return 'Twitter';
  return PLATFORM_NAMES[p] ?? p;
}

// Planning (src/actions/content-schemas.ts, src/actions/cadence.ts)

export type ContentStatus = 'idea' | 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'rejected';

export interface ContentMedia {
  kind: 'image' | 'video' | 'gif';
  url: string;
  bytes: number;
  width: number;
  height: number;
  durationSec?: number;
  altText?: string;
  /** Set for files of the media library (saved as {media_id}; the figures come from the library). */
  media_id?: number;
  thumbnail_url?: string | null;
}

export interface ContentVariant {
  platform: string;
  text: string;
  title: string | null;
  first_comment: string | null;
  link: string | null;
  media: ContentMedia[];
}

export interface ContentTransition {
  actor_id: number;
  at: string;
  from: ContentStatus;
  to: ContentStatus;
  action: string;
  comment: string | null;
  reason: string | null;
  scheduled_at: string | null;
}

export interface ContentItem {
  id: number;
  org: string;
  title: string;
  campaign: string | null;
  pillar: string | null;
  status: ContentStatus;
  accounts: { id: number; platform: string; handle: string }[];
  variants: ContentVariant[];
  owner_id: number | null;
  reviewer_id: number | null;
  due_date: string | null;
  scheduled_at: string | null;
  scheduled_local: string | null;
  timezone: string;
  published_at: string | null;
  rejection_reason: string | null;
  allowed_transitions: ContentStatus[];
  transitions?: ContentTransition[];
  created_at: string;
  updated_at: string;
}

export interface ContentComment {
  id: number;
  author_id: number;
  body: string;
  created_at: string;
}

export interface CadenceWeek {
  start: string;
  end: string;
  planned: number;
  scheduled: number;
  published_items: number;
  published_posts: number;
  covered: number;
  target: number | null;
  gap: number;
  state: 'met' | 'gap' | 'no_target';
  past: boolean;
}

export interface CadenceReport {
  org: string;
  timezone: string;
  from: string;
  to: string;
  today: string;
  weeks: { start: string; end: string }[];
  accounts: { platform: string; handle: string; posts_per_week: number | null; gap_weeks: number; weeks: CadenceWeek[] }[];
  posts?: { platform: string; handle: string; post_id: string; published_at: string; local: string; type: string; text: string | null; permalink: string | null }[];
  posts_truncated?: boolean;
}

export interface CalendarToken {
  org: string;
  token: string;
  path: string;
  created_at: string;
}
