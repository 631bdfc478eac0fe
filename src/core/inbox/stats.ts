// Responsiveness of an account's inbox over a period: response rate and median time to first reply
// (definitions in docs/inbox.md). Pure: the caller passes the entries others wrote to the account.
import { quantile, sortAscending } from '../metrics/stats.ts';
import { localDate } from '../time.ts';

/** Entries that ask for an answer: comments under the account's posts and mentions of it (not replies in threads). */
export const COUNTED_KINDS: readonly string[] = ['comment', 'mention'];

export interface InboxFact {
  kind: string;
  /** When the comment or mention arrived (ISO instant). */
  receivedAt: string;
  /** Our first reply (sent through socialbench or seen on the platform), or null. */
  firstReplyAt: string | null;
}

export interface ResponseStats {
  /** Comments and mentions by others received in the period. */
  entries: number;
  /** Of those, answered by asOf. */
  answered: number;
  /** answered / entries × 100; null when nothing arrived. */
  response_rate: number | null;
  /** Median minutes from arrival to our first reply over the answered entries; null when none. */
  median_first_reply_minutes: number | null;
}

export interface StatsPeriod {
  /** Local dates YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** The organisation's IANA zone: an entry belongs to the local date it arrived on. */
  zone: string;
  /** Replies after this instant do not count (the moment the figures are taken). */
  asOf: string;
}

const MINUTE = 60_000;

export function inPeriod(receivedAt: string, p: Pick<StatsPeriod, 'from' | 'to' | 'zone'>): boolean {
  const d = localDate(receivedAt, p.zone);
  return d >= p.from && d <= p.to;
}

/** Minutes from arrival to first reply; a reply stamped before the arrival (clock skew) counts as 0. */
export function minutesToReply(f: InboxFact): number | null {
  if (f.firstReplyAt === null) return null;
  return Math.max(0, (Date.parse(f.firstReplyAt) - Date.parse(f.receivedAt)) / MINUTE);
}

export function responseStats(facts: readonly InboxFact[], p: StatsPeriod): ResponseStats {
  const asOf = Date.parse(p.asOf);
  const counted = facts.filter((f) => COUNTED_KINDS.includes(f.kind) && inPeriod(f.receivedAt, p));
  const waits: number[] = [];
  for (const f of counted) {
    if (f.firstReplyAt === null || Date.parse(f.firstReplyAt) > asOf) continue;
    const m = minutesToReply(f);
    if (m !== null) waits.push(m);
  }
  const sorted = sortAscending(waits);
  return {
    entries: counted.length,
    answered: waits.length,
    response_rate: counted.length === 0 ? null : (waits.length / counted.length) * 100,
    median_first_reply_minutes: sorted.length === 0 ? null : quantile(sorted, 0.5),
  };
}

/** Figures of several accounts together (the organisation's line): every entry weighs the same. */
export function combinedStats(perAccount: readonly (readonly InboxFact[])[], p: StatsPeriod): ResponseStats {
  return responseStats(perAccount.flat(), p);
}
