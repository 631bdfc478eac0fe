// Opens an input file as tables (CSV, JSON Lines, XLSX, Excel 97-2003 .xls) and reads each table's records into the store.
import { createHash } from 'node:crypto';
import type { Platform } from '../core/platforms.ts';
import type { ErrorDetail } from '../core/errors.ts';
import { bindHeader, bindObject } from './bind.ts';
import { csvRecords } from './csv.ts';
import type { Encoding } from './decode.ts';
import { detect } from './detect.ts';
import type { NumberLocale } from './numbers.ts';
import type { MapContext } from './platforms/index.ts';
import { RecordStream, SourceError, type Rec, type Table } from './records.ts';
import { norm } from './platforms/common.ts';
import type { ImportStore } from './store.ts';
import { keyOf, KEY_COLUMNS, readRow, TEMPLATES, type PostRecord, type Problem, type Problems, type SnapshotRecord, type TemplateName } from './templates.ts';
import { xlsxTables } from './xlsx.ts';
import { xlsTables } from './xls.ts';
import { jsonlRecords } from './jsonl.ts';
import { KeySet } from './keyset.ts';
import { NOTICE_SHEET } from './writers.ts';

export interface InputFile {
  /** The name the user gave it (a path or an upload's file name). */
  name: string;
  size: number | undefined;
  open(): AsyncIterable<Uint8Array>;
}

export interface ReadOptions {
  locale: NumberLocale;
  ignoreUnknown: boolean;
  encoding: Encoding | undefined;
  /** `platform/handle` for platform exports. */
  account: { platform: Platform; handle: string } | undefined;
  /** The zone of the --account's organisation. */
  accountZone: string | undefined;
  asOf: string;
  onRows?: (rows: number, bytes: number) => void;
}

export type Format = 'csv' | 'xlsx' | 'xls' | 'jsonl';

/** The format by the first bytes (a workbook's signature), else by the file name. */
export function formatOf(name: string, head: Uint8Array): Format {
  const n = name.toLowerCase();
  if (isCompoundFile(head)) return 'xls';
  if (n.endsWith('.xlsx') || (head[0] === 0x50 && head[1] === 0x4b)) return 'xlsx';
  if (n.endsWith('.jsonl') || n.endsWith('.ndjson')) return 'jsonl';
  return 'csv';
}

/** An OLE2 / Compound File (D0 CF 11 E0 A1 B1 1A E1): a BIFF .xls workbook, or another old Office file. */
export function isCompoundFile(head: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (head.length < 4) return false;
  for (let i = 0; i < Math.min(head.length, magic.length); i++) if (head[i] !== magic[i]) return false;
  return true;
}

/** The order files and sheets are read in: organisations before accounts before figures. */
export function templateRank(name: string): number {
  const base = name.toLowerCase().replace(/^.*[\\/]/, '').replace('organisations', 'organizations');
  const i = TEMPLATES.findIndex((t) => new RegExp(`(^|[^a-z])${t}([^a-z]|$)`).test(base));
  return i < 0 ? TEMPLATES.length : i;
}

/** What reading a file found, apart from the counts the store keeps. */
export interface FileRead {
  kinds: string[];
  rows: number;
  notes: string[];
  sha256: string;
}

/** Streams the file into the store; problems go to `problems` (with row and column). */
export async function readFile(file: InputFile, store: ImportStore, o: ReadOptions, problems: Problems): Promise<FileRead> {
  const hash = createHash('sha256');
  let bytes = 0;
  let head: Uint8Array = new Uint8Array(0);
  const out: FileRead = { kinds: [], rows: 0, notes: [], sha256: '' };
  const source = file.open();
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }
  const it = hashed();
  const first = await it.next();
  if (!first.done) head = first.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    if (!first.done) yield first.value;
    yield* it;
  }
  const format = formatOf(file.name, head);
  let tables: Table[];
  if (format === 'xlsx' || format === 'xls') {
    const parts: Uint8Array[] = [];
    for await (const c of all()) parts.push(c);
    const bytes = Buffer.concat(parts);
    tables = format === 'xls' ? xlsTables(file.name, bytes) : await xlsxTables(file.name, bytes);
    // Our own exports carry a sheet saying what the figures are; it holds no data.
    tables = tables.filter((t) => t.name.toLowerCase() !== NOTICE_SHEET.toLowerCase());
    tables.sort((a, b) => templateRank(a.name) - templateRank(b.name));
  } else {
    const records = format === 'jsonl' ? jsonlRecords(all(), o.encoding) : csvRecords(all(), o.encoding);
    tables = [{ file: file.name, name: file.name.replace(/^.*[\\/]/, ''), format, records: RecordStream.of(records) }];
  }
  for (const table of tables) {
    // Rows of a workbook are numbered per sheet, so its problems say which sheet.
    const sink: Problems = table.format === 'xlsx' ? { push: (...ps) => problems.push(...ps.map((p) => ({ ...p, sheet: table.name }))) } : problems;
    await readTable(table, store, o, sink, out, () => bytes);
  }
  for await (const _ of it) void _; // drain what a reader left unread, so the hash covers the whole file
  out.sha256 = hash.digest('hex');
  return out;
}

async function readTable(table: Table, store: ImportStore, o: ReadOptions, problems: Problems, out: FileRead, bytes: () => number): Promise<void> {
  const d = await detect(table);
  const seen = new KeySet();
  const tick = () => {
    out.rows++;
    if ((out.rows & 1023) === 0) o.onRows?.(out.rows, bytes());
  };
  if (d.type === 'template') {
    out.kinds.push(d.template);
    const binding = d.header ? bindHeader(d.template, d.header, d.headerRow, o.ignoreUnknown, table.format === 'csv', problems) : bindObject(d.template, o.ignoreUnknown);
    if (!binding) return;
    const rowOptions = { locale: o.locale, unguard: table.format !== 'jsonl' };
    for await (const batch of table.records.batches()) {
      for (const rec of batch) {
        tick();
        const cells = binding.cells(rec, problems);
        if (!cells) continue;
        const r = readRow(d.template, rec.row, cells, rowOptions, problems);
        if (!r) continue;
        if (!seen.add(keyOf(d.template, r))) {
          problems.push({ row: rec.row, column: KEY_COLUMNS[d.template], message: `the same ${d.template === 'posts' ? 'post and measured_at' : d.template.replace(/s$/, '')} appears earlier in this file` });
          continue;
        }
        const pending = write(store, d.template, rec.row, r);
        if (pending) await pending;
      }
    }
    return;
  }
  out.kinds.push(d.kind.id);
  if (!o.account) throw new SourceError(`this is a ${d.kind.label}, which does not name its account: pass --account ${d.platform}/HANDLE (the API's "account" field)`, d.headerRow, undefined);
  if (o.account.platform !== d.platform) throw new SourceError(`this is a ${d.kind.label} (${d.platform}) but --account names a ${o.account.platform} account`, d.headerRow, undefined);
  const ctx: MapContext = { handle: o.account.handle, zone: o.accountZone ?? 'UTC', asOf: o.asOf, locale: o.locale };
  let map = d.kind.bind(d.header, ctx, d.platform);
  const template: TemplateName = d.kind.template === 'snapshots' ? 'snapshots' : 'posts';
  let read = 0;
  // Multi-block files: a one-cell line is held until the next line tells whether it titles a new block.
  let title: Rec | undefined;
  const rows = async function* (): AsyncGenerator<Rec> {
    for await (const batch of table.records.batches()) {
      for (const rec of batch) {
        if (!d.kind.blocks) {
          yield rec;
          continue;
        }
        const cells = rec.cells ?? [];
        if (d.kind.matches(cells.map(norm), title ? [title] : [])) {
          map = d.kind.bind(cells, ctx, d.platform);
          title = undefined;
          continue;
        }
        if (title) yield title;
        title = cells.filter((c) => c.trim() !== '').length === 1 ? rec : undefined;
        if (!title) yield rec;
      }
    }
    if (title) yield title;
  };
  for await (const rec of rows()) {
    {
      tick();
      const r = map(rec, problems);
      if (r === undefined || r === 'skip') {
        if (r === 'skip') read++;
        continue;
      }
      if (!seen.add(keyOf(template, r))) {
        problems.push({ row: rec.row, column: template === 'posts' ? 'post id' : 'date', message: 'the same key appears earlier in this file' });
        continue;
      }
      const pending = write(store, template, rec.row, r);
      if (pending) await pending;
    }
  }
  if (d.kind.template === 'none') out.notes.push(`${table.file}: a ${d.kind.label} holds daily figures that socialbench does not store (it keeps follower totals and per-post counts); ${read} rows read and checked, nothing imported`);
}

/** Hands a record to the store; a promise only when the store has work to wait for. */
function write(store: ImportStore, template: TemplateName, row: number, r: unknown): Promise<void> | undefined {
  switch (template) {
    case 'organizations': return store.organization(row, r as Parameters<ImportStore['organization']>[1]);
    case 'accounts': return store.account(row, r as Parameters<ImportStore['account']>[1]);
    case 'snapshots': return store.snapshot(row, r as SnapshotRecord);
    case 'posts': return store.post({ row, r: r as PostRecord });
  }
}
export function toDetail(file: string, p: Problem): ErrorDetail {
  return { file, ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), row: p.row, column: p.column, message: p.message };
}
