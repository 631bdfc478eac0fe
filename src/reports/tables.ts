// The tables of a document for the spreadsheet formats: tables sharing an id (one per member) become one,
// and text cells are guarded against formula injection.
import { neutralise } from '../ingest/neutralise.ts';
import type { Cell, ReportDoc, Table } from './model.ts';

export function mergedTables(doc: ReportDoc): Table[] {
  const byId = new Map<string, Table>();
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const seen = byId.get(b.id);
    if (seen) seen.rows.push(...b.rows);
    else byId.set(b.id, { ...b, rows: [...b.rows] });
  }
  return [...byId.values()];
}

/** Numbers stay numbers (never touched); text that a spreadsheet would run as a formula gets a leading '. */
export function safeCell(v: Cell): string | number | null {
  return typeof v === 'string' ? neutralise(v) : v;
}
