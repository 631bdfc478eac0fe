// Reads counts, decimals and percentages as written in spreadsheets, with or without a locale.
export type NumberLocale = 'id' | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const PLAIN_INT = /^\d+$/;
const GROUPED_ANY = /^-?\d{1,3}([.,\u00a0 ']\d{3})+([.,]\d+)?$/;
const ID_GROUPED_INT = /^\d{1,3}(\.\d{3})+$/;
const DECIMAL_DOT = /^-?\d+(\.\d+)?$/;
const ID_DECIMAL = /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/**
 * A count: a whole number >= 0. `8470` always; `8.470` only with locale `id` (dot groups thousands);
 * without a locale a grouping separator is an error, never a guess.
 */
export function parseCount(text: string, locale: NumberLocale): Parsed<number> {
  const s = text.trim();
  if (PLAIN_INT.test(s)) return safe(Number(s), s);
  if (locale === 'id' && ID_GROUPED_INT.test(s)) return safe(Number(s.replace(/\./g, '')), s);
  if (s.startsWith('-') && /^-\d/.test(s)) return fail(`${s} is negative; counts are whole numbers >= 0`);
  if (locale === undefined && GROUPED_ANY.test(s))
    return fail(`${s} has a grouping separator; write ${s.replace(/[.,\u00a0 ']/g, '')} or pass --locale id for Indonesian numbers`);
  const d = parseDecimal(s, locale);
  if (d.ok) return fail(`${s} is not a whole number`);
  return fail(`${s} is not a number`);
}

function safe(n: number, s: string): Parsed<number> {
  return Number.isSafeInteger(n) ? ok(n) : fail(`${s} is too large`);
}

/** A decimal: `12.5`; with locale `id`, `12,5` and `1.234,5`. */
export function parseDecimal(text: string, locale: NumberLocale): Parsed<number> {
  const s = text.trim();
  if (locale === 'id') {
    if (ID_DECIMAL.test(s)) return ok(Number(s.replace(/\./g, '').replace(',', '.')));
    return fail(`${s} is not a number`);
  }
  if (DECIMAL_DOT.test(s)) return ok(Number(s));
  if (/^-?\d+,\d+$/.test(s)) return fail(`${s} uses a decimal comma; pass --locale id for Indonesian numbers`);
  return fail(`${s} is not a number`);
}

/** A percentage: `12.5%` (or `12,5%` with locale id) is 12.5; a bare `12.5` too. */
export function parsePercent(text: string, locale: NumberLocale): Parsed<number> {
  return parseDecimal(text.trim().replace(/\s*%$/, ''), locale);
}

/** A count written as a float by an exporter (X legacy writes "424.0"): whole values only. */
export function parseFloatCount(text: string): Parsed<number> {
  const s = text.trim();
  if (!/^\d+(\.0+)?$/.test(s)) return fail(`${s} is not a whole number >= 0`);
  return safe(Number(s), s);
}
