// Posting cadence: per account and local week (Monday to Sunday), what is planned, scheduled and
// published against the account's target, and where the plan falls short.
import { addDays, localDate } from '../time.ts';
import type { ContentStatus } from './workflow.ts';

/** What the cadence needs of a content item. */
export interface CadenceItem {
  status: ContentStatus;
  accountIds: readonly number[];
  /** The organisation's local date, YYYY-MM-DD. */
  dueDate: string | null;
  /** UTC instants. */
  scheduledAt: string | null;
  publishedAt: string | null;
}

export interface CadencePost {
  accountId: number;
  /** UTC instant. */
  publishedAt: string;
}

export interface CadenceAccount {
  id: number;
  /** Posts a week; null when the account has no target. */
  target: number | null;
}

export type WeekState = 'met' | 'gap' | 'no_target';

export interface CadenceWeek {
  /** Monday and Sunday of the week, local dates. */
  start: string;
  end: string;
  /** Items from idea to approved dated in the week. */
  planned: number;
  scheduled: number;
  /** Content items marked published. */
  publishedItems: number;
  /** Posts read from the platform or imported. */
  publishedPosts: number;
  /** What counts toward the target: see `covered` in cadence(). */
  covered: number;
  target: number | null;
  /** Posts missing to reach the target (0 when met or without target). */
  gap: number;
  state: WeekState;
  /** The week ended before today: only what was published counts. */
  past: boolean;
}

export interface AccountCadence {
  id: number;
  target: number | null;
  weeks: CadenceWeek[];
  /** Weeks short of the target. */
  gapWeeks: number;
}

const PLANNED: readonly ContentStatus[] = ['idea', 'draft', 'in_review', 'approved'];

/** 0 = Monday ... 6 = Sunday. */
function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function weekStart(date: string): string {
  return addDays(date, -weekday(date));
}

/** The whole Monday-to-Sunday weeks that cover [from, to]. */
export function cadenceWeeks(from: string, to: string): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  for (let start = weekStart(from); start <= to; start = addDays(start, 7)) out.push({ start, end: addDays(start, 6) });
  return out;
}

/**
 * The local date an item belongs to on the calendar: scheduled and published items on the day they
 * go out, the others on their due date (an item sent back to review keeps a stale scheduled time,
 * which is only used when it has no due date).
 */
export function itemDate(item: Pick<CadenceItem, 'status' | 'dueDate' | 'scheduledAt' | 'publishedAt'>, zone: string): string | null {
  const at = item.scheduledAt ?? (item.status === 'published' ? item.publishedAt : null);
  if (item.status === 'scheduled' || item.status === 'published') return at ? localDate(at, zone) : item.dueDate;
  if (item.status === 'rejected') return item.dueDate;
  return item.dueDate ?? (item.scheduledAt ? localDate(item.scheduledAt, zone) : null);
}

/**
 * Cadence per account and week over [from, to] (whole weeks), with `today` the organisation's local date.
 * A published item usually comes back as a post once the account is read, and nothing links the two yet,
 * so published counts the larger of published items and posts. Past weeks count only what was published;
 * the current and later weeks add what is scheduled and planned. Rejected items do not count.
 */
export function cadence(input: {
  from: string;
  to: string;
  today: string;
  zone: string;
  accounts: readonly CadenceAccount[];
  items: readonly CadenceItem[];
  posts: readonly CadencePost[];
}): { weeks: { start: string; end: string }[]; accounts: AccountCadence[] } {
  const weeks = cadenceWeeks(input.from, input.to);
  const index = new Map(weeks.map((w, n) => [w.start, n]));
  const counts = new Map<number, { planned: number; scheduled: number; publishedItems: number; publishedPosts: number }[]>();
  for (const a of input.accounts) counts.set(a.id, weeks.map(() => ({ planned: 0, scheduled: 0, publishedItems: 0, publishedPosts: 0 })));
  const cell = (accountId: number, date: string | null) => {
    if (date === null) return undefined;
    const n = index.get(weekStart(date));
    return n === undefined ? undefined : counts.get(accountId)?.[n];
  };

  for (const item of input.items) {
    if (item.status === 'rejected') continue;
    const date = itemDate(item, input.zone);
    for (const id of new Set(item.accountIds)) {
      const c = cell(id, date);
      if (!c) continue;
      if (item.status === 'published') c.publishedItems++;
      else if (item.status === 'scheduled') c.scheduled++;
      else if (PLANNED.includes(item.status)) c.planned++;
    }
  }
  for (const p of input.posts) {
    const c = cell(p.accountId, localDate(p.publishedAt, input.zone));
    if (c) c.publishedPosts++;
  }

  const accounts = input.accounts.map((a): AccountCadence => {
    const list = (counts.get(a.id) ?? []).map((c, n): CadenceWeek => {
      const w = weeks[n] ?? { start: '', end: '' };
      const past = w.end < input.today;
      const published = Math.max(c.publishedItems, c.publishedPosts);
      const covered = past ? published : published + c.scheduled + c.planned;
      const gap = a.target === null ? 0 : Math.max(0, a.target - covered);
      const state: WeekState = a.target === null ? 'no_target' : gap > 0 ? 'gap' : 'met';
      return { ...w, ...c, covered, target: a.target, gap, state, past };
    });
    return { id: a.id, target: a.target, weeks: list, gapWeeks: list.filter((w) => w.state === 'gap').length };
  });
  return { weeks, accounts };
}
