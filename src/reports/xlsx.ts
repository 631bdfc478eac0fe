// Renders a report as an XLSX workbook: an overview sheet (title, period, notes) and one sheet per table.
import ExcelJS from 'exceljs';
import type { CellKind, ReportDoc } from './model.ts';
import { mergedTables, safeCell } from './tables.ts';

const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined, int: '#,##0', signed: '+#,##0;-#,##0;0', dec: '#,##0.00', signedDec: '+#,##0.00;-#,##0.00;0.00',
};

/** Sheet names: at most 31 characters (cut at a word, without a parenthesis), none of []:*?/\, unique. */
function sheetName(raw: string, used: Set<string>): string {
  let base = raw.split(' (')[0]?.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet';
  if (base.length > 28) base = base.slice(0, 28).replace(/\s+\S*$/, '');
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

export async function renderXlsx(doc: ReportDoc, generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'socialbench';
  wb.created = new Date(generatedAt);
  const used = new Set<string>();
  const info = wb.addWorksheet(sheetName(doc.lang === 'id' ? 'Ringkasan' : 'Overview', used));
  info.getColumn(1).width = 110;
  info.addRow([safeCell(doc.title)]).font = { bold: true, size: 14 };
  info.addRow([safeCell(doc.subtitle)]);
  for (const n of doc.notes) info.addRow([safeCell(n)]).font = { italic: true, color: { argb: 'FF9C6500' } };
  for (const b of doc.blocks) if (b.kind === 'paragraph') info.addRow([safeCell(b.text)]).alignment = { wrapText: true };

  for (const t of mergedTables(doc)) {
    const ws = wb.addWorksheet(sheetName(t.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(t.columns.map((c) => safeCell(c.label)));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDF2F7' } };
    for (const r of t.rows) ws.addRow(r.map(safeCell));
    t.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      const fmt = NUMBER_FORMATS[c.kind];
      if (fmt) column.numFmt = fmt;
      const longest = Math.max(c.label.length, ...t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
      column.width = Math.min(c.kind === 'text' ? 80 : 18, Math.max(8, longest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
