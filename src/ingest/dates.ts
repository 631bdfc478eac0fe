// Dates and times as the platforms write them, turned into local dates and UTC instants.
import { isLocalDate } from '../core/time.ts';
import type { Parsed } from './numbers.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Indonesian month names and abbreviations that differ from English
  januari: 1, februari: 2, maret: 3, mei: 5, juni: 6, juli: 7, agustus: 8, agu: 8, agt: 8, okt: 10, oktober: 10, des: 12, desember: 12,
};

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[n] ?? MONTHS[n.slice(0, 3)];
}

function ymd(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isLocalDate(s) ? s : undefined;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at the instant ms. */
function zoneOffset(ms: number, zone: string): number {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The UTC instant of a wall-clock time in an IANA zone (the earlier one when clocks go back). */
export function zonedInstant(date: string, hour: number, minute: number, zone: string): string {
  const wall = Date.parse(`${date}T00:00:00Z`) + (hour * 60 + minute) * 60000;
  let ms = wall - zoneOffset(wall, zone) * 60000;
  ms = wall - zoneOffset(ms, zone) * 60000;
  return new Date(ms).toISOString();
}

/** `MM/DD/YYYY HH:mm` or `M/D/YYYY H:mm` (Meta), or `MM/DD/YYYY` (LinkedIn): date and minutes. */
export function parseUsDateTime(text: string): Parsed<{ date: string; hour: number; minute: number }> {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return fail(`${text} is not a date MM/DD/YYYY HH:mm`);
  const date = ymd(Number(m[3]), Number(m[1]), Number(m[2]));
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  if (!date || hour > 23 || minute > 59) return fail(`${text} is not a possible date and time`);
  return ok({ date, hour, minute });
}

/** `Sep 26, 2026`, `Tue, Oct 6, 2026` (YouTube, X) or `26 Sep 2026`. */
export function parseNamedDate(text: string): Parsed<string> {
  const s = text.trim().replace(/^[A-Za-z]{3},\s*/, '');
  let m = /^([A-Za-z.]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  let month: number | undefined, day: number, year: number;
  if (m) {
    month = monthNumber(m[1] ?? '');
    day = Number(m[2]);
    year = Number(m[3]);
  } else {
    m = /^(\d{1,2})\s+([A-Za-z.]+)\s+(\d{4})$/.exec(s);
    if (!m) return fail(`${text} is not a date such as Sep 26, 2026`);
    month = monthNumber(m[2] ?? '');
    day = Number(m[1]);
    year = Number(m[3]);
  }
  const date = month ? ymd(year, month, day) : undefined;
  return date ? ok(date) : fail(`${text} is not a possible date`);
}

/**
 * TikTok's year-less dates (`September 25` or `25 August`): the latest such date not after `asOf`,
 * i.e. walking back from the export date (a file spans less than a year).
 */
export function parseYearlessDate(text: string, asOf: string): Parsed<string> {
  const s = text.trim();
  const m = /^([A-Za-z]+)\s+(\d{1,2})$/.exec(s) ?? /^(\d{1,2})\s+([A-Za-z]+)$/.exec(s);
  if (!m) return fail(`${text} is not a date such as September 25`);
  const [a, b] = [m[1] ?? '', m[2] ?? ''];
  const month = /^\d/.test(a) ? monthNumber(b) : monthNumber(a);
  const day = Number(/^\d/.test(a) ? a : b);
  if (!month) return fail(`${text}: unknown month`);
  const year = Number(asOf.slice(0, 4));
  for (const y of [year, year - 1]) {
    const d = ymd(y, month, day);
    if (d && d <= asOf) return ok(d);
    if (!d && y === year - 1) return fail(`${text} is not a possible date`);
  }
  return fail(`${text} is not a possible date`);
}

/** `2026-10-01T00:00:00` (Meta per-metric) or `2026-10-01`: the date part. */
export function parseIsoDay(text: string): Parsed<string> {
  const s = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(T00:00(:00)?)?$/.exec(s);
  if (!m || !isLocalDate(m[1] ?? '')) return fail(`${text} is not a date YYYY-MM-DD`);
  return ok(m[1] ?? '');
}

/** X legacy: `2020-10-01 02:15 +0000`. */
export function parseOffsetDateTime(text: string): Parsed<string> {
  const m = /^(\d{4}-\d{2}-\d{2})\s+(\d{2}):(\d{2})\s*([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m || !isLocalDate(m[1] ?? '')) return fail(`${text} is not a time YYYY-MM-DD HH:mm +0000`);
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:00${m[4]}${m[5]}:${m[6]}`);
  return Number.isNaN(ms) ? fail(`${text} is not a possible time`) : ok(new Date(ms).toISOString());
}

/** X snowflake ids carry their creation time: (id >> 22) + 1288834974657 ms. */
export function snowflakeInstant(id: string): string | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  return new Date(Number((BigInt(id) >> 22n) + 1288834974657n)).toISOString();
}

/** TikTok video ids carry their creation time: id >> 32 seconds. */
export function tiktokInstant(id: string): string | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  return new Date(Number(BigInt(id) >> 32n) * 1000).toISOString();
}

/** LinkedIn activity ids are time-based too: id >> 22 ms. */
export function linkedinInstant(id: string): string | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  return new Date(Number(BigInt(id) >> 22n)).toISOString();
}
