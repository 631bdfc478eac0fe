// Assessment periods of the practice benchmark (2026, 2026-H1, 2026-Q3, 2026-05) and the dates they cover.
import { z } from 'zod';
import { Invalid } from '../core/errors.ts';
import { addDays } from '../core/time.ts';

export const practicePeriod = z
  .string()
  .regex(/^[0-9]{4}(-[A-Za-z0-9]{1,10})?$/, 'must be a year such as 2026, optionally with a part such as 2026-H1')
  .meta({ description: 'Assessment period: a year, optionally with a part', example: '2026' });

export interface PeriodWindow {
  /** First local date the period covers. */
  from: string;
  /** Last local date: the period's end, or today when the period is still running. */
  to: string;
  /** The period's own last date, which may lie after today. */
  end: string;
  /** false when the part of the period is not one we can read (e.g. 2026-spring): the whole year is used. */
  exact: boolean;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** [first month, last month] of a known part: H1/H2, Q1..Q4, 01..12 (or M01..M12). */
function monthsOf(part: string): [number, number] | null {
  const p = part.toUpperCase();
  const half = /^H([12])$/.exec(p);
  if (half) return half[1] === '1' ? [1, 6] : [7, 12];
  const quarter = /^Q([1-4])$/.exec(p);
  if (quarter) {
    const q = Number(quarter[1]);
    return [3 * q - 2, 3 * q];
  }
  const month = /^M?(0[1-9]|1[0-2])$/.exec(p);
  if (month) return [Number(month[1]), Number(month[1])];
  return null;
}

/**
 * The local dates a period covers, cut at `today` (the organisation's local date). A period that starts
 * after today is refused: nothing can have been observed in it.
 */
export function periodWindow(period: string, today: string): PeriodWindow {
  const [yearText, part] = period.split('-', 2);
  const year = Number(yearText);
  const months = part === undefined ? ([1, 12] as [number, number]) : monthsOf(part);
  const [first, last] = months ?? [1, 12];
  const from = monthStart(year, first);
  const end = lastDayOfMonth(year, last);
  if (from > today) throw new Invalid(`the period ${period} starts after today (${today}); nothing can be observed yet`, [{ path: 'period', message: 'in the future' }]);
  return { from, to: end < today ? end : today, end, exact: months !== null };
}

/** Months (of 30.44 days) a window spans, for rates such as meetings per month. */
export function monthsIn(from: string, to: string): number {
  const days = (Date.parse(`${addDays(to, 1)}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return days / 30.4375;
}
