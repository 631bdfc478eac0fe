// Recognises what a table is: a generic template (by file name, sheet name or header) or a platform export.
import type { Platform } from '../core/platforms.ts';
import { PLATFORM_KINDS, type PlatformKind } from './platforms/index.ts';
import { norm } from './platforms/common.ts';
import { SourceError, type Rec, type Table } from './records.ts';
import { COLUMNS, TEMPLATES, type TemplateName } from './templates.ts';

export type Detected =
  | { type: 'template'; template: TemplateName; header: string[] | undefined; headerRow: number }
  | { type: 'platform'; kind: PlatformKind; platform: Platform; header: string[]; headerRow: number };

const PREAMBLE_MAX = 3;

/** The kinds socialbench reads, for the message that refuses a file it cannot recognise. */
export function readableKinds(): string {
  return [`generic templates (${TEMPLATES.join(', ')}) as CSV, XLSX or XLS sheets or JSON Lines`, ...PLATFORM_KINDS.map((k) => k.label)].join('; ');
}

function templateByName(name: string): TemplateName | undefined {
  const base = name.toLowerCase().replace(/\.[a-z0-9]+$/, '').replace('organisations', 'organizations');
  return TEMPLATES.find((t) => base === t || new RegExp(`(^|[^a-z])${t}([^a-z]|$)`).test(base));
}

function templateByHeader(header: string[]): TemplateName | undefined {
  // The template whose required columns are all present, preferring the one with most of its columns present.
  let best: { t: TemplateName; score: number } | undefined;
  for (const t of TEMPLATES) {
    const cols = COLUMNS[t];
    if (!cols.filter((c) => c.required).every((c) => header.includes(c.name))) continue;
    const score = cols.filter((c) => header.includes(c.name)).length - header.filter((h) => !cols.some((c) => c.name === h)).length;
    if (!best || score > best.score) best = { t, score };
  }
  return best?.t;
}

/** Looks at the first records (without consuming data rows) and consumes the preamble and header. */
export async function detect(table: Table): Promise<Detected> {
  const head = await table.records.peek(PREAMBLE_MAX + 1);
  // A JSON Lines file of no lines is a valid empty table (an export of a template without rows).
  if (head.length === 0 && !(table.format === 'jsonl' && templateByName(table.name))) throw new SourceError('the file is empty', 1, undefined);
  const first = (head[0] ?? { row: 0, object: {} }) as Rec;

  if (table.format === 'jsonl') {
    const keys = Object.keys(first.object ?? {}).map(norm);
    const template = templateByName(table.name) ?? templateByHeader(keys);
    if (template) return { type: 'template', template, header: undefined, headerRow: 0 };
    throw unknownKind(table);
  }

  for (let i = 0; i < head.length; i++) {
    const rec = head[i] as Rec;
    const header = (rec.cells ?? []).map(norm);
    const preamble = head.slice(0, i);
    const kind = PLATFORM_KINDS.find((k) => k.matches(header, preamble));
    if (!kind) continue;
    const platform = typeof kind.platform === 'function' ? kind.platform(preamble) : kind.platform;
    if (!platform) throw new SourceError(`recognised a ${kind.label} but not which platform its title names`, preamble[0]?.row, undefined);
    for (let j = 0; j <= i; j++) await table.records.next();
    return { type: 'platform', kind, platform, header: rec.cells ?? [], headerRow: rec.row };
  }

  const header = (first.cells ?? []).map(norm);
  const template = (table.format === 'xlsx' ? templateByName(table.name) : undefined) ?? templateByName(table.name) ?? templateByHeader(header);
  if (template) {
    await table.records.next();
    return { type: 'template', template, header: first.cells ?? [], headerRow: first.row };
  }
  if (header.length === 1 && /[|\t]/.test(header[0] ?? ''))
    throw new SourceError('the header has a single column: separate the columns with commas or semicolons', first.row, first.cells?.[0]);
  throw unknownKind(table);
}

function unknownKind(table: Table): SourceError {
  const what = table.format === 'xlsx' ? `sheet ${table.name}` : 'the file';
  return new SourceError(`cannot tell what ${what} holds; socialbench reads: ${readableKinds()}`, 1, undefined);
}
