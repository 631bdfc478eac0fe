// Reads and writes XLSX workbooks (exceljs): one table per sheet, every cell as text.
import ExcelJS from 'exceljs';
import { cellText, RecordStream, SourceError, type Rec, type Table } from './records.ts';

// XML cannot hold CR (it reads back as LF) nor most control characters: like Excel, write them as
// _xHHHH_ escapes (and a literal "_xHHHH_" as "_x005F_xHHHH_"), and read such escapes back.
const encodeXml = (s: string) =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
const decodeXml = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A date typed by Excel (XLSX or XLS): a whole day is a date, anything else an instant. */
export function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function cellValue(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return decodeXml(v);
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    if ('richText' in v) return decodeXml(v.richText.map((t) => t.text).join(''));
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
  }
  return cellText(v);
}

/** The sheets of a workbook held in memory (Excel itself caps a sheet at 1,048,576 rows). */
export async function xlsxTables(file: string, bytes: Buffer): Promise<Table[]> {
  if (bytes.length === 0) throw new SourceError('the file is empty (0 bytes)', 1, undefined);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new SourceError(`the file is not a readable XLSX workbook (${err instanceof Error ? err.message : String(err)})`, undefined, undefined);
  }
  return wb.worksheets.map((ws) => {
    async function* rows(): AsyncGenerator<Rec[]> {
      const width = ws.columnCount;
      for (let r = 1; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        const cells: string[] = [];
        for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length === 0) continue;
        yield [{ row: r, cells }];
      }
    }
    return { file, name: ws.name, format: 'xlsx' as const, records: RecordStream.of(rows()) };
  });
}

export interface SheetWriter {
  addRow(cells: (string | number | null)[]): void;
}

/** Writes a workbook sheet by sheet, streaming rows to disk. */
export async function writeWorkbook(path: string, fill: (sheet: (name: string, header: string[]) => SheetWriter) => Promise<void>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  await fill((name, header) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header).commit();
    return { addRow: (cells) => ws.addRow(cells.map((c) => (typeof c === 'string' ? encodeXml(c) : c))).commit() };
  });
  await wb.commit();
}
