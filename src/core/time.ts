// Instants, local dates and IANA zones: the conversions every layer shares.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatLocalDate(ms: number, zone: string): string {
  let f = dateFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateFormatters.set(zone, f);
  }
  const parts = f.formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The zone's offset from UTC in minutes at an instant. */
function offsetMinutes(ms: number, zone: string): number {
  const local = formatLocalDate(ms, zone);
  return Math.round((Date.parse(`${local}:00Z`) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

// Offsets per zone and UTC day; null marks a day with a change of offset (looked up per instant).
const dayOffsets = new Map<string, Map<number, number | null>>();
const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a day number since 1970-01-01 (civil-from-days, proleptic Gregorian). */
function civilDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: string | Date | number, zone: string): string {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const day = Math.floor(ms / DAY_MS);
  let days = dayOffsets.get(zone);
  if (!days) {
    days = new Map();
    dayOffsets.set(zone, days);
  }
  let offset = days.get(day);
  if (offset === undefined) {
    const atStart = offsetMinutes(day * DAY_MS, zone);
    const atEnd = offsetMinutes(day * DAY_MS + DAY_MS - 60_000, zone);
    offset = atStart === atEnd ? atStart : null;
    if (days.size > 50_000) days.clear();
    days.set(day, offset);
  }
  if (offset === null) offset = offsetMinutes(ms, zone);
  return civilDate(Math.floor((ms + offset * 60_000) / DAY_MS));
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2019-02-30 is not). */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Days from a to b (b - a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Parses an ISO-8601 instant that carries Z or an offset; undefined for zone-less or impossible values. */
export function parseInstant(value: string): string | undefined {
  if (!INSTANT_RE.test(value.trim())) return undefined;
  if (!isLocalDate(value.trim().slice(0, 10))) return undefined;
  const ms = Date.parse(value.trim());
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}

export function nowInstant(): string {
  return new Date().toISOString();
}
