// The generic templates of FORMATS.md: their columns, and the rules that turn one row into a record.
import { PLATFORMS, POST_TYPES, normalizeHandle, parsePlatform, type Platform, type PostType } from '../core/platforms.ts';
import { isIanaZone, isLocalDate, parseInstant } from '../core/time.ts';
import { parseCount, type NumberLocale } from './numbers.ts';
import { unneutralise } from './neutralise.ts';

export const TEMPLATES = ['organizations', 'accounts', 'snapshots', 'posts'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

type ColType = 'text' | 'id' | 'code' | 'platform' | 'handle' | 'date' | 'instant' | 'count' | 'bool' | 'zone' | 'country' | 'language' | 'groups' | 'post_type';
interface Column {
  name: string;
  type: ColType;
  required?: boolean;
}

const c = (name: string, type: ColType, required = false): Column => ({ name, type, required });
export const COUNTS = ['likes', 'comments', 'shares', 'quotes', 'saves', 'views', 'impressions', 'reach'] as const;
export type CountName = (typeof COUNTS)[number];

export const COLUMNS: Record<TemplateName, Column[]> = {
  organizations: [c('code', 'code', true), c('name', 'id', true), c('country', 'country'), c('timezone', 'zone'), c('language', 'language'), c('groups', 'groups')],
  accounts: [c('org', 'code', true), c('platform', 'platform', true), c('handle', 'handle', true), c('external_id', 'id'), c('url', 'id'), c('owned', 'bool')],
  snapshots: [c('platform', 'platform', true), c('handle', 'handle', true), c('date', 'date', true), c('followers', 'count', true), c('following', 'count'), c('posts_total', 'count'), c('views_total', 'count')],
  posts: [
    c('platform', 'platform', true), c('handle', 'handle', true), c('post_id', 'id', true), c('published_at', 'instant', true), c('type', 'post_type', true),
    c('text', 'text'), c('media_count', 'count'), ...COUNTS.map((n) => c(n, 'count')), c('measured_at', 'instant'),
  ],
};

/** Column types whose values are free text, so the export guard applies to them. */
export const TEXT_TYPES: ReadonlySet<ColType> = new Set(['text', 'id', 'code', 'handle', 'groups', 'language', 'country', 'zone']);

export interface OrganizationRecord { code: string; name: string; country: string | null; timezone: string | null; languages: string | null; groups: string[] | null }
export interface AccountRecord { org: string; platform: Platform; handle: string; external_id: string | null; url: string | null; owned: boolean | null }
export interface SnapshotRecord { platform: Platform; handle: string; date: string; followers: number; following: number | null; posts_total: number | null; views_total: number | null }
export type Counts = Record<CountName, number | null>;
export interface PostRecord extends Counts {
  platform: Platform; handle: string; post_id: string; published_at: string; type: PostType;
  text: string | null; media_count: number | null; permalink: string | null; measured_at: string | null;
}
export interface RecordOf { organizations: OrganizationRecord; accounts: AccountRecord; snapshots: SnapshotRecord; posts: PostRecord }

/** `sheet` names the workbook sheet (XLSX, XLS) the row is on. */
export interface Problem { row: number; column: string; message: string; sheet?: string }
/** Where problems go: an array, or a sink that keeps the first few and counts the rest. */
export interface Problems { push(...p: Problem[]): unknown }

export interface RowOptions {
  locale: NumberLocale;
  /** CSV and XLSX cells carry the export guard; JSON Lines do not. */
  unguard: boolean;
}

type Value = string | number | boolean | string[] | null;

/** What `convert` returns for a bad cell; the reason is in `convertError` (no object per cell). */
const BAD: unique symbol = Symbol('bad cell');
let convertError = '';
const bad = (reason: string): typeof BAD => {
  convertError = reason;
  return BAD;
};

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1e6;
};
const num2 = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` naming a real instant, checked by hand (no Date round trip: ~40x faster). */
export function isCanonicalInstant(t: string): boolean {
  if (t.length !== 24 || t.charCodeAt(23) !== 90 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58 || t.charCodeAt(19) !== 46) return false;
  const y = num2(t, 0) * 100 + num2(t, 2);
  const mo = num2(t, 5);
  const d = num2(t, 8);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : (DAYS[mo - 1] as number))) return false;
  const h = num2(t, 11);
  const mi = num2(t, 14);
  const se = num2(t, 17);
  const ms = digit(t, 20) + digit(t, 21) + digit(t, 22);
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && se >= 0 && se <= 59 && ms >= 0;
}

function convertInstant(text: string): Value | typeof BAD {
  // Fast path for the canonical form our exports write (most rows of big files).
  if (isCanonicalInstant(text)) return text;
  const i = parseInstant(text);
  if (i) return i;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return bad(`${text} has no time zone; add Z or an offset such as +07:00`);
  return bad(`${text} is not an ISO 8601 instant such as 2025-03-01T10:00:00Z`);
}

// A file often repeats one instant (measured_at of a whole export): the last answer is reused.
let lastInstantText: string | undefined;
let lastInstantValue: Value | typeof BAD = BAD;
let lastInstantError = '';
const PLAIN_DIGITS = /^\d+$/;

function convert(col: Column, raw: string, o: RowOptions): Value | typeof BAD {
  const s = col.type === 'text' ? raw : raw.trim();
  const text = o.unguard && TEXT_TYPES.has(col.type) ? unneutralise(s) : s;
  switch (col.type) {
    case 'text':
    case 'id': return text;
    case 'code': return /^[A-Z0-9_-]{2,32}$/.test(text) ? text : bad(`${text} is not a code (2-32 characters of A-Z, 0-9, _ or -)`);
    case 'platform': return parsePlatform(text) ?? bad(`unknown platform ${text}; use one of ${PLATFORMS.join(', ')} (or twitter)`);
    case 'handle': {
      const h = normalizeHandle(text);
      return h !== '' && /^\S+$/.test(h) && h.length <= 100 ? h : bad(`${text} is not a handle`);
    }
    case 'date': return isLocalDate(text) ? text : bad(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} is not a possible date` : `${text} is not a date YYYY-MM-DD`);
    case 'instant': {
      if (text !== lastInstantText) {
        lastInstantText = text;
        lastInstantValue = convertInstant(text);
        lastInstantError = convertError;
      }
      if (lastInstantValue === BAD) convertError = lastInstantError;
      return lastInstantValue;
    }
    case 'count': {
      // Plain digits (most cells of big files) skip the general parser and its result object.
      if (text.length <= 15 && PLAIN_DIGITS.test(text)) return Number(text);
      const n = parseCount(text, o.locale);
      return n.ok ? n.value : bad(n.reason);
    }
    case 'bool': {
      const b = text.toLowerCase();
      return b === 'true' || b === '1' ? true : b === 'false' || b === '0' ? false : bad(`${text} is not true or false`);
    }
    case 'zone': return (isIanaZone(text) && text.includes('/')) || text === 'UTC' ? text : bad(`${text} is not an IANA time zone such as Asia/Jakarta`);
    case 'country': return /^[A-Z]{2}$/.test(text) ? text : bad(`${text} is not an ISO 3166-1 alpha-2 country code`);
    case 'language': {
      const tags = text.split(';').map((t) => t.trim());
      return tags.every((t) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(t)) ? tags.join(';') : bad(`${text} is not a BCP 47 language tag such as id or en-GB`);
    }
    case 'groups': {
      const codes = text.split(';').map((t) => t.trim()).filter(Boolean);
      const b = codes.find((g) => !/^[A-Z0-9_-]{2,32}$/.test(g));
      return b === undefined ? codes : bad(`${b} is not a group code`);
    }
    case 'post_type': {
      const t = text.toLowerCase();
      return (POST_TYPES as readonly string[]).includes(t) ? t : bad(`unknown post type ${text}; use one of ${POST_TYPES.join(', ')}`);
    }
  }
}

/** Builds each template's record from its values in column order: one fixed-shape object per row. */
const BUILD: { [T in TemplateName]: (v: Value[]) => RecordOf[T] } = {
  organizations: (v) => ({ code: v[0], name: v[1], country: v[2], timezone: v[3], languages: v[4], groups: v[5] }) as unknown as OrganizationRecord,
  accounts: (v) => ({ org: v[0], platform: v[1], handle: v[2], external_id: v[3], url: v[4], owned: v[5] }) as unknown as AccountRecord,
  snapshots: (v) => ({ platform: v[0], handle: v[1], date: v[2], followers: v[3], following: v[4], posts_total: v[5], views_total: v[6] }) as unknown as SnapshotRecord,
  posts: (v) =>
    ({
      platform: v[0], handle: v[1], post_id: v[2], published_at: v[3], type: v[4], text: v[5], media_count: v[6],
      likes: v[7], comments: v[8], shares: v[9], quotes: v[10], saves: v[11], views: v[12], impressions: v[13], reach: v[14],
      measured_at: v[15], permalink: null,
    }) as unknown as PostRecord,
};
const scratch: Value[] = [];

/**
 * Validates one row given as cells in template column order (null = column absent). Returns the record,
 * or pushes problems and returns undefined.
 */
export function readRow<T extends TemplateName>(template: T, row: number, cells: readonly (string | null)[], o: RowOptions, problems: Problems): RecordOf[T] | undefined {
  const cols = COLUMNS[template];
  const values = scratch;
  values.length = cols.length;
  let failed = false;
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i] as Column;
    const raw = cells[i];
    values[i] = null;
    if (raw === null || raw === undefined || raw === '' || raw.trim() === '') {
      if (col.required) {
        problems.push({ row, column: col.name, message: 'is required' });
        failed = true;
      }
      continue;
    }
    const v = convert(col, raw, o);
    if (v === BAD) {
      problems.push({ row, column: col.name, message: convertError });
      failed = true;
    } else values[i] = v;
  }
  if (failed) return undefined;
  return BUILD[template](values);
}

// measured_at repeats across a file's rows: its compact form is computed once per distinct value.
let lastKeyInstant: string | null = null;
let lastKeyText = '';
function instantKey(at: string | null): string {
  if (at === null) return '';
  if (at !== lastKeyInstant) {
    lastKeyInstant = at;
    lastKeyText = Date.parse(at).toString(36);
  }
  return lastKeyText;
}

/** The natural key of a record within its template, for duplicate detection inside one file. */
export function keyOf(template: TemplateName, r: RecordOf[TemplateName]): string {
  switch (template) {
    case 'organizations': return (r as OrganizationRecord).code;
    case 'accounts': { const a = r as AccountRecord; return `${a.platform}\u0000${a.handle.toLowerCase()}`; }
    case 'snapshots': { const s = r as SnapshotRecord; return `${s.platform}\u0000${s.handle.toLowerCase()}\u0000${s.date}`; }
    case 'posts': { const p = r as PostRecord; return `${p.platform.charAt(0)}${p.platform.length}${p.post_id}\u0000${instantKey(p.measured_at)}`; }
  }
}

export const KEY_COLUMNS: Record<TemplateName, string> = {
  organizations: 'code',
  accounts: 'handle',
  snapshots: 'date',
  posts: 'post_id',
};
