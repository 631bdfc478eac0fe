// Renders a report's tables as one CSV file (UTF-8 with BOM): each table is a section — a title row,
// a header row, its rows, then an empty row. Numbers are unrounded with a dot as decimal separator.
import { formatter } from './format.ts';
import type { ReportDoc } from './model.ts';
import { mergedTables, safeCell } from './tables.ts';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: (string | number | null)[]) => cells.map(cell).join(',');

export function renderCsv(doc: ReportDoc): Buffer {
  const lines: string[] = [line([safeCell(doc.title)]), line([safeCell(doc.subtitle)]), ...doc.notes.map((n) => line([safeCell(n)])), ''];
  const fmt = formatter(doc.lang);
  for (const t of mergedTables(doc)) {
    lines.push(line([`[${t.id}]`, safeCell(t.title)]));
    lines.push(line(t.columns.map((c) => safeCell(c.label))));
    // Dates inside text cells are already localised; numbers stay machine-readable.
    for (const r of t.rows) lines.push(line(r.map((v, i) => (typeof v === 'number' && t.columns[i]?.kind === 'text' ? fmt.cell(v, 'text') : safeCell(v)))));
    lines.push('');
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8');
}
