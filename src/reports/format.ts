// Display formatting of report values for one language (Intl), and HTML escaping of untrusted text.
import type { ReportLang } from './locales/index.ts';
import { messages } from './locales/index.ts';
import type { CellKind } from './model.ts';

export interface Formatter {
  lang: ReportLang;
  /** Integers grouped: 8.470 (id), 8,470 (en). */
  int(n: number | null): string;
  /** Two decimals: 12,34 (id), 12.34 (en). */
  dec(n: number | null, digits?: number): string;
  /** A signed change: +617, −150. */
  signed(n: number | null, digits?: number): string;
  /** 9 Agustus 2019 / 9 August 2019. */
  date(d: string): string;
  /** A period: 1 Januari 2019 – 9 Agustus 2019. */
  period(from: string, to: string): string;
  weekday(i: number): string;
  cell(v: string | number | null, kind: CellKind): string;
}

const DASH = '–';

export function formatter(lang: ReportLang): Formatter {
  const m = messages(lang);
  const intF = new Intl.NumberFormat(m.intl, { maximumFractionDigits: 0 });
  const decF = new Map<number, Intl.NumberFormat>();
  const dec = (n: number | null, digits = 2) => {
    if (n === null || !Number.isFinite(n)) return DASH;
    let f = decF.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(m.intl, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      decF.set(digits, f);
    }
    return f.format(n);
  };
  const dateF = new Intl.DateTimeFormat(m.intlDate, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const weekdayF = new Intl.DateTimeFormat(m.intlDate, { weekday: 'long', timeZone: 'UTC' });
  const int = (n: number | null) => (n === null || !Number.isFinite(n) ? DASH : intF.format(n));
  const f: Formatter = {
    lang,
    int,
    dec,
    signed: (n, digits) => (n === null ? DASH : `${n > 0 ? '+' : n < 0 ? '−' : ''}${digits === undefined ? int(Math.abs(n)) : dec(Math.abs(n), digits)}`),
    date: (d) => dateF.format(new Date(`${d}T12:00:00Z`)),
    period: (from, to) => `${f.date(from)} – ${f.date(to)}`,
    // 2024-01-01 was a Monday: index 0 = Monday as in the analytics core.
    weekday: (i) => weekdayF.format(new Date(Date.UTC(2024, 0, 1 + i, 12))),
    cell: (v, kind) => {
      if (v === null) return DASH;
      if (typeof v === 'string') return v;
      if (kind === 'int') return int(v);
      if (kind === 'signed') return f.signed(v);
      if (kind === 'signedDec') return f.signed(v, 2);
      return dec(v);
    },
  };
  return f;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every untrusted text (post texts, handles, names) goes through this before it reaches HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** One line of at most `max` characters, for post texts in tables. */
export function excerpt(text: string | null, max = 140): string {
  const s = (text ?? '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
