// Binds a generic template's header to its columns, and turns each record into cells in template order.
import type { Problems, TemplateName } from './templates.ts';
import { COLUMNS } from './templates.ts';
import { cellText, type Rec } from './records.ts';
import { norm } from './platforms/common.ts';

export interface Binding {
  /** Cells in template column order (null = the file has no such column). */
  cells(rec: Rec, problems: Problems): (string | null)[] | undefined;
}

/**
 * Checks the header (missing required columns, unknown or repeated columns) and returns the binding;
 * header problems are pushed with row = the header row.
 */
export function bindHeader(template: TemplateName, header: string[], headerRow: number, ignoreUnknown: boolean, strictWidth: boolean, problems: Problems): Binding | undefined {
  const cols = COLUMNS[template];
  const names = header.map(norm);
  const index = cols.map((c) => names.indexOf(c.name));
  if (names.length === 1 && cols.length > 1 && /[|\t:\s]/.test(names[0] ?? '')) {
    problems.push({ row: headerRow, column: header[0] ?? '', message: 'the header has a single column: separate the columns with commas or semicolons' });
    return undefined;
  }
  let ok = true;
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) {
      problems.push({ row: headerRow, column: header[i] ?? n, message: 'the column appears twice' });
      ok = false;
    } else if (n !== '' && !cols.some((c) => c.name === n) && !ignoreUnknown) {
      problems.push({ row: headerRow, column: header[i] ?? n, message: `unknown column for ${template}; known: ${cols.map((c) => c.name).join(', ')} (or pass --ignore-unknown)` });
      ok = false;
    }
  });
  cols.forEach((c, i) => {
    if (c.required && index[i] === -1) {
      problems.push({ row: headerRow, column: c.name, message: `the required column is missing from the header` });
      ok = false;
    }
  });
  if (!ok) return undefined;
  return {
    cells(rec, p) {
      const cells = rec.cells ?? [];
      if (strictWidth && cells.length !== header.length) {
        const col = cells.length < header.length ? header[cells.length] : `(cell ${cells.length})`;
        p.push({ row: rec.row, column: col ?? '', message: `the row has ${cells.length} cells but the header has ${header.length} (a truncated row or a wrong delimiter)` });
        return undefined;
      }
      return index.map((i) => (i < 0 ? null : (cells[i] ?? '')));
    },
  };
}

/** JSON Lines: every object is checked against the template's columns on its own. */
export function bindObject(template: TemplateName, ignoreUnknown: boolean): Binding {
  const cols = COLUMNS[template];
  return {
    cells(rec, p) {
      const obj = rec.object ?? {};
      const lower = new Map(Object.entries(obj).map(([k, v]) => [norm(k), v]));
      let ok = true;
      if (!ignoreUnknown) {
        for (const k of lower.keys()) {
          if (!cols.some((c) => c.name === k)) {
            p.push({ row: rec.row, column: k, message: `unknown key for ${template}; known: ${cols.map((c) => c.name).join(', ')} (or pass --ignore-unknown)` });
            ok = false;
          }
        }
      }
      if (!ok) return undefined;
      return cols.map((c) => (lower.has(c.name) ? cellText(lower.get(c.name)) : null));
    },
  };
}
