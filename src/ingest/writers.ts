// Writes the generic templates as CSV (one file each), JSON Lines (one file each) or one XLSX workbook,
// with the formula-injection guard on text cells of CSV and XLSX (see neutralise.ts).
import { writeFile } from 'node:fs/promises';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { neutralise } from './neutralise.ts';
import { COLUMNS, TEXT_TYPES, type TemplateName } from './templates.ts';
import { writeWorkbook, type SheetWriter } from './xlsx.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'jsonl';
/** A template row for export: column name -> value (null = empty cell). */
export type ExportRow = Record<string, string | number | boolean | null>;

export interface TemplateSink {
  write(row: ExportRow): Promise<void>;
}

function csvCell(v: string): string {
  return /[",;\n\r]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

async function put(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

function cellsOf(template: TemplateName, row: ExportRow, guard: boolean): (string | number | null)[] {
  return COLUMNS[template].map((c) => {
    const v = row[c.name];
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return v;
    return guard && TEXT_TYPES.has(c.type) ? neutralise(v) : v;
  });
}

/** The sheet (XLSX) or file (CSV, JSON Lines: NOTICE.txt) that says what the figures are; the importer skips it. */
export const NOTICE_SHEET = 'Notice';

/**
 * Writes every template through `fill`, which calls sink(template) once per template in order, and
 * the `notice` lines, if any. Returns the paths written.
 */
export async function writeTemplates(
  format: ExportFormat,
  out: string,
  fill: (sink: (t: TemplateName) => Promise<TemplateSink>) => Promise<void>,
  /** Read after `fill` has run, so it can depend on what was written. */
  notice: () => string[] = () => [],
): Promise<string[]> {
  if (format === 'xlsx') {
    await writeWorkbook(out, async (sheet) => {
      await fill(async (t) => {
        const ws: SheetWriter = sheet(t, COLUMNS[t].map((c) => c.name));
        return { write: async (row) => ws.addRow(cellsOf(t, row, true)) };
      });
      const lines = notice();
      if (lines.length) {
        const ws = sheet(NOTICE_SHEET, [NOTICE_SHEET]);
        for (const line of lines) ws.addRow([line]);
      }
    });
    return [out];
  }
  const paths: string[] = [];
  let open: WriteStream | undefined;
  await fill(async (t) => {
    if (open) await close(open);
    const path = join(out, `${t}.${format}`);
    paths.push(path);
    const stream = createWriteStream(path);
    open = stream;
    if (format === 'csv') await put(stream, '\uFEFF' + COLUMNS[t].map((c) => c.name).join(',') + '\n');
    return {
      write: async (row) => {
        if (format === 'jsonl') {
          const obj = Object.fromEntries(COLUMNS[t].map((c) => [c.name, row[c.name] ?? null]).filter(([, v]) => v !== null));
          await put(stream, JSON.stringify(obj) + '\n');
        } else {
          await put(stream, cellsOf(t, row, true).map((v) => (v === null ? '' : csvCell(String(v)))).join(',') + '\n');
        }
      },
    };
  });
  if (open) await close(open);
  const lines = notice();
  if (lines.length) {
    const path = join(out, 'NOTICE.txt');
    await writeFile(path, lines.join('\n') + '\n');
    paths.push(path);
  }
  return paths;
}
