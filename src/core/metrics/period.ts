// Validates a reporting period and maps its dates to day offsets, so per-day arrays can be indexed.
import { Invalid } from '../errors.ts';
import { daysBetween, isLocalDate } from '../time.ts';
import type { Period } from './types.ts';

export function assertPeriod(period: Period): void {
  if (!isLocalDate(period.from) || !isLocalDate(period.to)) {
    throw new Invalid(`period dates must be YYYY-MM-DD, got ${period.from} .. ${period.to}`);
  }
  if (period.from > period.to) throw new Invalid(`period starts after it ends: ${period.from} > ${period.to}`);
}

/** days(P) = to - from + 1. */
export function periodDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

/** to - from: the span weekly growth is compounded over. */
export function periodSpan(period: Period): number {
  return daysBetween(period.from, period.to);
}

// YYYY-MM-DD strings order like the dates they name, so plain comparison suffices.
export function inPeriod(period: Period, date: string): boolean {
  return date >= period.from && date <= period.to;
}
