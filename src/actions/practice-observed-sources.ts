// Inputs of observed practice that other parts of the product record: the meeting log (migration 012),
// the inbox's reply times (011) and per-account posting targets (013). Tests replace them.
import { cadenceOfAccounts } from '../db/queries/cadence.ts';
import { meetingsHeldCount } from '../db/queries/meetings.ts';
import type { OrganizationRow } from '../db/schema.ts';
import type { Deps } from './context.ts';
import { computeInboxStats } from './inbox.ts';

export interface ExtraSources {
  /** Planning and evaluation meetings held in [fromInstant, toInstant), and meetings ever held (0: the log is not used). */
  meetings(deps: Deps, organizationId: number, fromInstant: string, toInstant: string): Promise<{ planning: number; evaluation: number; ever: number }>;
  /** Comments and mentions that arrived in [from, to] (local dates), how many were answered, and the median hours to the first reply. */
  replies(deps: Deps, org: OrganizationRow, from: string, to: string): Promise<{ entries: number; answered: number; medianHours: number | null }>;
  /** Weekly posting target per account id (accounts without one are left out). */
  targets(deps: Deps, accountIds: readonly number[]): Promise<Map<number, number>>;
}

// Far enough apart to hold every instant stored as ISO-8601 text.
const EVER: [string, string] = ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'];

export const extraSources: ExtraSources = {
  meetings: async (deps, organizationId, fromInstant, toInstant) => {
    const k = deps.db.kysely;
    return {
      planning: await meetingsHeldCount(k, organizationId, fromInstant, toInstant, 'planning'),
      evaluation: await meetingsHeldCount(k, organizationId, fromInstant, toInstant, 'evaluation'),
      ever: await meetingsHeldCount(k, organizationId, ...EVER),
    };
  },
  replies: async (deps, org, from, to) => {
    const { total } = await computeInboxStats(deps, org, from, to);
    return { entries: total.entries, answered: total.answered, medianHours: total.median_first_reply_minutes === null ? null : total.median_first_reply_minutes / 60 };
  },
  targets: async (deps, accountIds) => {
    const rows = await cadenceOfAccounts(deps.db.kysely, [...accountIds]);
    return new Map(rows.filter((r) => r.posts_per_week > 0).map((r) => [r.account_id, r.posts_per_week]));
  },
};
