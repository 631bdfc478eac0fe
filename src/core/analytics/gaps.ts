// Data gaps: runs of dates in a period without an audience snapshot.
import { addDays, daysBetween } from '../time.ts';

export interface Gap {
  from: string;
  to: string;
  days: number;
}

/** `dates` are the snapshot dates inside [from, to], sorted ascending (duplicates allowed). */
export function dataGaps(dates: readonly string[], from: string, to: string): Gap[] {
  const gaps: Gap[] = [];
  let expected = from;
  for (const d of dates) {
    if (d < expected) continue;
    if (d > to) break;
    if (d > expected) gaps.push({ from: expected, to: addDays(d, -1), days: daysBetween(expected, d) });
    expected = addDays(d, 1);
  }
  if (expected <= to) gaps.push({ from: expected, to, days: daysBetween(expected, to) + 1 });
  return gaps;
}
