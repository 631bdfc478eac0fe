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

export interface Problem { row: number; column: string; message: string }
/** Where problems go: an array, or a sink that keeps the first few and counts the rest. */
export interface Problems { push(...p: Problem[]): unknown }

export interface RowOptions {
  locale: NumberLocale;
  /** CSV and XLSX cells carry the export guard; JSON Lines do not. */
  unguard: boolean;
}

type Value = string | number | boolean | string[] | null;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Converted = { value: Value } | { error: string };
let lastInstant: { text: string; result: Converted } = { text: '', result: { error: '' } };

function convertInstant(text: string): Converted {
  // Fast path for the canonical form our exports write (most rows of big files).
  if (text.length === 24 && text.charCodeAt(23) === 90 && CANONICAL.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === text) return { value: text };
  }
  const i = parseInstant(text);
  if (i) return { value: i };
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return { error: `${text} has no time zone; add Z or an offset such as +07:00` };
  return { error: `${text} is not an ISO 8601 instant such as 2025-03-01T10:00:00Z` };
}

function convert(col: Column, raw: string, o: RowOptions): Converted {
  const s = col.type === 'text' ? raw : raw.trim();
  const text = o.unguard && TEXT_TYPES.has(col.type) ? unneutralise(s) : s;
  switch (col.type) {
    case 'text':
    case 'id': return { value: text };
    case 'code': return /^[A-Z0-9_-]{2,32}$/.test(text) ? { value: text } : { error: `${text} is not a code (2-32 characters of A-Z, 0-9, _ or -)` };
    case 'platform': {
      const p = parsePlatform(text);
      return p ? { value: p } : { error: `unknown platform ${text}; use one of ${PLATFORMS.join(', ')} (or twitter)` };
    }
    case 'handle': {
      const h = normalizeHandle(text);
      return h !== '' && /^\S+$/.test(h) && h.length <= 100 ? { value: h } : { error: `${text} is not a handle` };
    }
    case 'date': return isLocalDate(text) ? { value: text } : { error: /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} is not a possible date` : `${text} is not a date YYYY-MM-DD` };
    case 'instant': {
      // A file often repeats one instant (measured_at of a whole export): reuse the last answer.
      if (text === lastInstant.text) return lastInstant.result;
      const result = convertInstant(text);
      lastInstant = { text, result };
      return result;
    }
    case 'count': {
      const n = parseCount(text, o.locale);
      return n.ok ? { value: n.value } : { error: n.reason };
    }
    case 'bool': {
      const b = text.toLowerCase();
      return b === 'true' || b === '1' ? { value: true } : b === 'false' || b === '0' ? { value: false } : { error: `${text} is not true or false` };
    }
    case 'zone': return isIanaZone(text) && text.includes('/') || text === 'UTC' ? { value: text } : { error: `${text} is not an IANA time zone such as Asia/Jakarta` };
    case 'country': return /^[A-Z]{2}$/.test(text) ? { value: text } : { error: `${text} is not an ISO 3166-1 alpha-2 country code` };
    case 'language': {
      const tags = text.split(';').map((t) => t.trim());
      return tags.every((t) => /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(t)) ? { value: tags.join(';') } : { error: `${text} is not a BCP 47 language tag such as id or en-GB` };
    }
    case 'groups': {
      const codes = text.split(';').map((t) => t.trim()).filter(Boolean);
      const bad = codes.find((g) => !/^[A-Z0-9_-]{2,32}$/.test(g));
      return bad === undefined ? { value: codes } : { error: `${bad} is not a group code` };
    }
    case 'post_type': {
      const t = text.toLowerCase();
      return (POST_TYPES as readonly string[]).includes(t) ? { value: t } : { error: `unknown post type ${text}; use one of ${POST_TYPES.join(', ')}` };
    }
  }
}

/**
 * Validates one row given as cells in template column order (null = column absent). Returns the record,
 * or pushes problems and returns undefined.
 */
export function readRow<T extends TemplateName>(template: T, row: number, cells: (string | null)[], o: RowOptions, problems: Problems): RecordOf[T] | undefined {
  const cols = COLUMNS[template];
  const out: Record<string, Value> = {};
  let bad = false;
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i] as Column;
    const raw = cells[i];
    if (raw === null || raw === undefined || raw.trim() === '') {
      if (col.required) {
        problems.push({ row, column: col.name, message: 'is required' });
        bad = true;
      }
      out[col.name] = null;
      continue;
    }
    const v = convert(col, raw, o);
    if ('error' in v) {
      problems.push({ row, column: col.name, message: v.error });
      bad = true;
    } else out[col.name] = v.value;
  }
  if (bad) return undefined;
  if (template === 'organizations') {
    out.languages = out.language ?? null;
    delete out.language;
  }
  if (template === 'posts') out.permalink = null;
  return out as unknown as RecordOf[T];
}

/** The natural key of a record within its template, for duplicate detection inside one file. */
export function keyOf(template: TemplateName, r: RecordOf[TemplateName]): string {
  switch (template) {
    case 'organizations': return (r as OrganizationRecord).code;
    case 'accounts': { const a = r as AccountRecord; return `${a.platform}\u0000${a.handle.toLowerCase()}`; }
    case 'snapshots': { const s = r as SnapshotRecord; return `${s.platform}\u0000${s.handle.toLowerCase()}\u0000${s.date}`; }
    case 'posts': { const p = r as PostRecord; return `${p.platform.charAt(0)}${p.platform.length}${p.post_id}\u0000${p.measured_at === null ? '' : Date.parse(p.measured_at).toString(36)}`; }
  }
}

export const KEY_COLUMNS: Record<TemplateName, string> = {
  organizations: 'code',
  accounts: 'handle',
  snapshots: 'date',
  posts: 'post_id',
};
