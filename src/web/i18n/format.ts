// Numbers and dates per language with Intl: Indonesian writes 8.470 and 48,9 %, English 8,470 and 48.9%.
export type Lang = 'en' | 'id';

export const LOCALES: Record<Lang, string> = { en: 'en-GB', id: 'id-ID' };

export interface Formatters {
  int(n: number | null | undefined): string;
  dec(n: number | null | undefined, digits?: number): string;
  pct(n: number | null | undefined, digits?: number): string;
  signedInt(n: number | null | undefined): string;
  signedPct(n: number | null | undefined, digits?: number): string;
  /** A local calendar date YYYY-MM-DD, shown without any zone shift. */
  date(d: string | null | undefined): string;
  shortDate(d: string | null | undefined): string;
  /** An instant shown in the given IANA zone. */
  dateTime(iso: string | null | undefined, timeZone: string): string;
}

const DASH = '–';

export function formatters(lang: Lang): Formatters {
  const locale = LOCALES[lang];
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (key: string, opts: Intl.NumberFormatOptions) => {
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, opts)));
    return f;
  };
  const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  const dateFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const shortFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const asUtc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, day ?? 1));
  };
  return {
    int: (n) => (ok(n) ? nf('int', { maximumFractionDigits: 0 }).format(n) : DASH),
    dec: (n, digits = 1) => (ok(n) ? nf(`dec${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n) : DASH),
    pct: (n, digits = 1) =>
      ok(n) ? nf(`pct${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n / 100) : DASH,
    signedInt: (n) => (ok(n) ? nf('sint', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(n) : DASH),
    signedPct: (n, digits = 1) =>
      ok(n)
        ? nf(`spct${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n / 100)
        : DASH,
    date: (d) => (d ? dateFmt.format(asUtc(d)) : DASH),
    shortDate: (d) => (d ? shortFmt.format(asUtc(d)) : DASH),
    dateTime: (iso, timeZone) =>
      iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)) : DASH,
  };
}

/** "UTC+07:00" for a zone at a given instant (now by default). */
export function utcOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    const v = part?.value ?? 'GMT';
    return v === 'GMT' ? 'UTC' : v.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

/** Today's calendar date in a zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return t.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
