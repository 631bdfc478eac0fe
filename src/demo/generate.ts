// The deterministic demo data set: ISO's members with BSN at the centre, as streams of plain rows.
//
// Scale formula (s = scale > 0):
//   s >= 1: all 169 organisations of iso-members.csv;
//           history of every account but BSN's = round(365 * (2 + 3 * (s - 1) / 9)) days (2 years at 1, 5 at 10);
//           posting rate factor = 1 + 2.9 * (s - 1) / 9 (1 at 1, 3.9 at 10).
//           About 200k posts at s = 1 and 2 million at s = 10.
//   s <  1: max(4, round(169 * s)) organisations (ISO and BSN always, the others chosen by a hash of the
//           code), history = max(60, round(730 * s)) days, posting rate factor 1 (for fast tests).
// BSN's four accounts always run from 2018-01-01 to `today` at their own rates, whatever the scale, and
// pass exactly through the follower figures reported for 2019-01-01 and 2019-08-09.
// The same seed, scale and `today` give the same rows; nothing else (not the clock) enters.
import type { AccountHoldersTable, AccountRow, ContactRow, GroupMembersTable, GroupRow, OrganizationRow, PostMetricRow, PostRow, SnapshotRow, TeamMemberRow } from '../db/schema.ts';
import { isLocalDate } from '../core/time.ts';
import { isoMembers } from './members.ts';
import { planDemo, ZERO_IDS, type DemoPlan, type DemoScale, type IdBase } from './plan.ts';
import { accountActivity, type AccountActivity } from './activity.ts';

export const DEFAULT_SEED = 20190809;

export interface DemoOptions {
  scale?: number;
  seed?: number;
  /** The last day of data, YYYY-MM-DD (the caller passes today's UTC date). */
  today: string;
  /** Ids already used in the database; generated ids follow them. */
  idBase?: Partial<IdBase>;
}

export function demoScale(scale: number): DemoScale {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`demo scale must be a positive number (got ${scale})`);
  const total = isoMembers().length;
  if (scale >= 1) {
    return {
      organizations: total,
      historyDays: Math.round(365 * (2 + (3 * (scale - 1)) / 9)),
      postRate: 1 + (2.9 * (scale - 1)) / 9,
    };
  }
  return { organizations: Math.max(4, Math.round(total * scale)), historyDays: Math.max(60, Math.round(730 * scale)), postRate: 1 };
}

/** Rows in the order they must be inserted (parents first). */
export type DemoChunk =
  | { table: 'organizations'; rows: OrganizationRow[] }
  | { table: 'groups'; rows: GroupRow[] }
  | { table: 'group_members'; rows: GroupMembersTable[] }
  | { table: 'accounts'; rows: AccountRow[] }
  | { table: 'team_members'; rows: TeamMemberRow[] }
  | { table: 'account_holders'; rows: AccountHoldersTable[] }
  | { table: 'contacts'; rows: ContactRow[] }
  | { table: 'audience_snapshots'; rows: SnapshotRow[] }
  | { table: 'posts'; rows: PostRow[] }
  | { table: 'post_metrics'; rows: PostMetricRow[] };
export type DemoTable = DemoChunk['table'];

export interface DemoData {
  plan: DemoPlan;
  /** Each account's activity in turn; only one account's rows are held at a time. */
  activity(): Generator<AccountActivity>;
  /** The plan's rows, table by table, parents first. */
  planChunks(): Generator<DemoChunk>;
  /** Every row: the plan's, then each account's activity. */
  chunks(): Generator<DemoChunk>;
}

export function generateDemo(opts: DemoOptions): DemoData {
  if (!isLocalDate(opts.today)) throw new Error(`today must be a date YYYY-MM-DD (got ${opts.today})`);
  const seed = opts.seed ?? DEFAULT_SEED;
  const ids: IdBase = { ...ZERO_IDS, ...opts.idBase };
  const plan = planDemo(seed, opts.today, demoScale(opts.scale ?? 1), ids);

  function* activity(): Generator<AccountActivity> {
    let nextPostId = ids.posts + 1;
    for (const profile of plan.profiles) {
      const a = accountActivity(profile, {
        seed, today: opts.today, firstPostId: nextPostId, mentionPool: plan.handles.get(profile.platform) ?? [],
      });
      nextPostId += a.posts.length;
      yield a;
    }
  }

  function* planChunks(): Generator<DemoChunk> {
    yield { table: 'organizations', rows: plan.organizations };
    yield { table: 'groups', rows: plan.groups };
    yield { table: 'group_members', rows: plan.groupMembers };
    yield { table: 'accounts', rows: plan.accounts };
    yield { table: 'team_members', rows: plan.teamMembers };
    yield { table: 'account_holders', rows: plan.accountHolders };
    yield { table: 'contacts', rows: plan.contacts };
  }

  function* chunks(): Generator<DemoChunk> {
    yield* planChunks();
    for (const a of activity()) {
      yield { table: 'audience_snapshots', rows: a.snapshots };
      yield { table: 'posts', rows: a.posts };
      yield { table: 'post_metrics', rows: a.metrics };
    }
  }

  return { plan, activity, planChunks, chunks };
}
