// What every platform export mapper shares: header look-up by alias, null tokens, typed cell readers.
import type { Platform, PostType } from '../../core/platforms.ts';
import { parseCount, parseFloatCount, type NumberLocale } from '../numbers.ts';
import type { Rec } from '../records.ts';
import { COUNTS, type PostRecord, type Problems, type SnapshotRecord } from '../templates.ts';

export interface MapContext {
  /** The account named by --account (platform exports do not name it). */
  handle: string;
  /** The IANA zone of the account's organisation: local times in the file are read in it. */
  zone: string;
  /** The export date (default: today), for files whose dates carry no year (TikTok). */
  asOf: string;
  locale: NumberLocale;
}

export type RowResult<R> = R | 'skip' | undefined;

export interface PlatformKind {
  id: string;
  label: string;
  /** The platform, or a function of the preamble (Meta per-metric files name it in their title). */
  platform: Platform | ((preamble: Rec[]) => Platform | undefined);
  /** What the rows become; 'none' for daily series that socialbench does not store. */
  template: 'posts' | 'snapshots' | 'none';
  /** Does this record (lower-cased, trimmed cells) look like the kind's header? `preamble` = records before it. */
  matches(header: string[], preamble: Rec[]): boolean;
  bind(header: string[], ctx: MapContext, platform: Platform): (rec: Rec, problems: Problems) => RowResult<PostRecord | SnapshotRecord>;
  /**
   * The file may stack several blocks, each a title line then its own header (Meta per-metric
   * exports, exports.md §1.3; the blank lines between blocks are skipped by the reader). A later
   * header starts a new block; the one-cell line just before it is that block's title.
   */
  blocks?: boolean;
}

const NULLS = new Set(['', 'n/a', '-', '—', 'undefined']);

export const norm = (s: string): string => s.replace(/^\uFEFF/, '').trim().toLowerCase();

/** Index of the first header equal (without case) to one of the aliases; exact matches only. */
export function indexOf(header: string[], ...aliases: string[]): number {
  const h = header.map(norm);
  for (const a of aliases) {
    const i = h.indexOf(a.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

export function hasAll(header: string[], ...names: string[]): boolean {
  return names.every((n) => header.includes(n.toLowerCase()));
}

/** Reads cells of one record, pushing a problem naming the column for each bad value. */
export class CellReader {
  constructor(
    private readonly header: string[],
    private readonly ctx: MapContext,
  ) {}
  rec: Rec = { row: 0, cells: [] };
  problems: Problems = [];
  bad = false;

  at(rec: Rec, problems: Problems): this {
    this.rec = rec;
    this.problems = problems;
    this.bad = false;
    return this;
  }
  name(i: number): string {
    return this.header[i]?.replace(/^\uFEFF/, '').trim() ?? `column ${i + 1}`;
  }
  fail(i: number, message: string): undefined {
    this.problems.push({ row: this.rec.row, column: this.name(i), message });
    this.bad = true;
    return undefined;
  }
  text(i: number): string | null {
    if (i < 0) return null;
    const v = this.rec.cells?.[i];
    return v === undefined || NULLS.has(v.trim().toLowerCase()) ? null : v;
  }
  required(i: number): string | undefined {
    const v = this.text(i);
    if (v === null || v.trim() === '') return this.fail(i, 'is required');
    return v.trim();
  }
  count(i: number, floats = false): number | null {
    const v = this.text(i);
    if (v === null) return null;
    const n = floats ? parseFloatCount(v) : parseCount(v, this.ctx.locale);
    if (n.ok) return n.value;
    this.fail(i, n.reason);
    return null;
  }
}

export function emptyCounts(): Pick<PostRecord, (typeof COUNTS)[number]> {
  return { likes: null, comments: null, shares: null, quotes: null, saves: null, views: null, impressions: null, reach: null };
}

export function post(platform: Platform, handle: string, fields: Partial<PostRecord> & { post_id: string; published_at: string; type: PostType }): PostRecord {
  return { platform, handle, text: null, media_count: null, permalink: null, measured_at: null, ...emptyCounts(), ...fields };
}

export function snapshot(platform: Platform, handle: string, date: string, followers: number): SnapshotRecord {
  return { platform, handle, date, followers, following: null, posts_total: null, views_total: null };
}

/** The handle a profile or post link names, e.g. x.com/<handle>/status/1 or tiktok.com/@<handle>/video/1. */
export function handleInLink(link: string | null, re: RegExp): string | undefined {
  const m = link ? re.exec(link) : null;
  return m?.[1];
}
