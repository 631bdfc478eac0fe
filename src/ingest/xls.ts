// Reads Excel 97-2003 workbooks (BIFF8 records in a Compound File, [MS-XLS]): one table per worksheet,
// every cell as text rendered as xlsx.ts renders the same cell of an XLSX workbook (numbers as
// String(n), dates as YYYY-MM-DD or an ISO instant, booleans as true/false, formulas as their cached
// result). Untrusted input: every read is bounds-checked, record and string sizes are capped by the
// format's own limits, sheets may not overlap, and a damaged file is a SourceError naming the file and
// the byte offset of the record in the Workbook stream.
import { CfbError, openCompoundFile } from './cfb.ts';
import { cellText, RecordStream, SourceError, type Rec, type Table } from './records.ts';
import { dateText } from './xlsx.ts';
import { Damaged, f64, records, rkValue, Segments, u16, u32, type BiffRecord } from './xls-records.ts';

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
/** BIFF8 limits: columns (A..IV); rows fit the 16-bit row field (65,536); record data is capped in xls-records.ts. */
const MAX_COLUMNS = 256;
const MAX_NESTING = 16;
const ROWS_PER_BATCH = 512;

/** Built-in number formats that show a date or time (used when no FORMAT record redefines them). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** A date or time format, by the test exceljs applies to XLSX number formats (so both read alike). */
export function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const OLD_BIFF = 'it is an Excel 5.0/95 workbook (BIFF5/BIFF7), older than Excel 97, which socialbench does not read: open it in Excel or LibreOffice Calc, save it as an Excel Workbook (.xlsx) or CSV UTF-8, and import that file';
const ENCRYPTED = 'it is a password-protected (encrypted) workbook: open it in Excel or LibreOffice Calc, remove the password, save it, and import it again';

const columnName = (c: number): string => (c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : '') + String.fromCharCode(65 + (c % 26));

interface Sheet {
  name: string;
  offset: number;
  /** Row number (1-based) -> cells by column (holes are empty). */
  rows: Map<number, string[]>;
}

/** Parses the whole workbook; throws Damaged or SourceError. */
function parseWorkbook(wb: Uint8Array, refusal: (message: string) => SourceError): Sheet[] {
  const it = records(wb, 0);
  const first = it.next();
  if (first.done) throw new Damaged('the Workbook stream is empty', 0);
  const bof = first.value;
  if (bof.type === 0x0009 || bof.type === 0x0209 || bof.type === 0x0409)
    throw refusal('it is an Excel 2.x-4.0 workbook, older than Excel 97, which socialbench does not read: open it in Excel or LibreOffice Calc, save it as an Excel Workbook (.xlsx), and import that file');
  if (bof.type !== BOF) throw new Damaged('the Workbook stream does not start with a BOF record', 0);
  const version = u16(bof, 0);
  if (version !== 0x0600)
    throw refusal(OLD_BIFF);
  if (u16(bof, 2) !== 0x0005) throw new Damaged('the Workbook stream does not start with the workbook globals', 0);

  let date1904 = false;
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const sheets: Sheet[] = [];
  let sst: string[] = [];
  let ended = false;
  const takeSst = (segs: BiffRecord[]) => {
    const r = new Segments(segs, 'the shared-string table');
    r.u32(); // total references to the table
    const unique = r.u32();
    const out: string[] = [];
    // The declared count only bounds the loop; the data itself decides how many strings there are.
    while (out.length < unique && !r.atEnd()) {
      const at = r.at;
      try {
        out.push(r.richString());
      } catch (err) {
        if (err instanceof Damaged) throw new Damaged(`the shared-string table ends inside string ${out.length + 1}`, at);
        throw err;
      }
    }
    sst = out;
  };
  let sstSegs: BiffRecord[] | undefined;
  for (let r = it.next(); !r.done; r = it.next()) {
    const rec = r.value;
    if (sstSegs) {
      if (rec.type === CONTINUE) {
        sstSegs.push(rec);
        continue;
      }
      takeSst(sstSegs);
      sstSegs = undefined;
    }
    switch (rec.type) {
      case FILEPASS:
        throw refusal(ENCRYPTED);
      case DATEMODE:
        date1904 = u16(rec, 0) === 1;
        break;
      case FORMAT: {
        const s = new Segments([rec], 'a FORMAT record');
        const id = s.u16();
        const cch = s.u16();
        formats.set(id, s.chars(cch, (s.u8() & 1) === 1));
        break;
      }
      case XF:
        xfFormats.push(u16(rec, 2));
        break;
      case BOUNDSHEET: {
        const s = new Segments([rec], 'a BOUNDSHEET record');
        const offset = s.u32();
        s.u8();
        const kind = s.u8();
        const cch = s.u8();
        const name = s.chars(cch, (s.u8() & 1) === 1);
        if (kind === 0) sheets.push({ name, offset, rows: new Map() });
        break;
      }
      case SST:
        sstSegs = [rec];
        break;
      case EOF:
        ended = true;
        break;
    }
    if (ended) break;
  }
  if (sstSegs) takeSst(sstSegs);
  if (!ended) throw new Damaged('the workbook globals have no EOF record (truncated file?)', wb.length);

  const dateXf = new Map<number, boolean>();
  const isDate = (xf: number): boolean => {
    let d = dateXf.get(xf);
    if (d === undefined) {
      const f = xfFormats[xf];
      const fmt = f === undefined ? undefined : formats.get(f);
      d = f !== undefined && (fmt !== undefined ? isDateFormat(fmt) : BUILTIN_DATES.has(f));
      dateXf.set(xf, d);
    }
    return d;
  };
  const numberText = (v: number, xf: number): string => {
    if (isDate(xf)) {
      const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
      if (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15) return dateText(new Date(ms));
    }
    return cellText(v);
  };

  // Sheets in stream order; each must start after the previous one ended (no overlaps, no loops).
  let end = 0;
  for (const sheet of [...sheets].sort((a, b) => a.offset - b.offset)) {
    if (sheet.offset < end) throw new Damaged(`sheet ${sheet.name} starts inside another sheet`, sheet.offset);
    if (sheet.offset >= wb.length) throw new Damaged(`sheet ${sheet.name} starts at byte ${sheet.offset}, beyond the end of the Workbook stream (truncated file?)`, sheet.offset);
    end = readSheet(wb, sheet, sst, numberText);
  }
  return sheets;
}

/** Reads one worksheet's cells; returns the offset just after its EOF. */
function readSheet(wb: Uint8Array, sheet: Sheet, sst: string[], numberText: (v: number, xf: number) => string): number {
  let depth = 0;
  let formulaString: { row: number; col: number } | undefined;
  let stringSegs: BiffRecord[] | undefined;
  const set = (rec: BiffRecord, row: number, col: number, text: string) => {
    if (col >= MAX_COLUMNS) throw new Damaged(`a cell in column ${col + 1} (an .xls sheet has ${MAX_COLUMNS} columns)`, rec.at);
    let cells = sheet.rows.get(row + 1);
    if (!cells) sheet.rows.set(row + 1, (cells = []));
    cells[col] = text;
  };
  const takeString = () => {
    if (stringSegs && formulaString) {
      const s = new Segments(stringSegs, 'a formula result string');
      const cch = s.u16();
      set(stringSegs[0] as BiffRecord, formulaString.row, formulaString.col, s.chars(cch, (s.u8() & 1) === 1));
    }
    stringSegs = undefined;
    formulaString = undefined;
  };
  for (const rec of records(wb, sheet.offset)) {
    if (depth === 0) {
      if (rec.type !== BOF) throw new Damaged(`sheet ${sheet.name} does not start with a BOF record`, rec.at);
      if (u16(rec, 0) !== 0x0600) throw new Damaged(`sheet ${sheet.name} is not a BIFF8 sheet`, rec.at);
      depth = 1;
      continue;
    }
    if (stringSegs) {
      if (rec.type === CONTINUE) {
        stringSegs.push(rec);
        continue;
      }
      takeString();
    }
    if (rec.type === BOF) {
      // An embedded chart's substream: skipped whole.
      if (++depth > MAX_NESTING) throw new Damaged('substreams nest too deep', rec.at);
      continue;
    }
    if (rec.type === EOF) {
      if (--depth === 0) return rec.at + 4;
      continue;
    }
    if (depth > 1) continue;
    switch (rec.type) {
      case LABELSST: {
        const i = u32(rec, 6);
        const s = sst[i];
        if (s === undefined) throw new Damaged(`cell ${columnName(u16(rec, 2))}${u16(rec, 0) + 1} of sheet ${sheet.name} refers to shared string ${i + 1} but the table holds ${sst.length}`, rec.at);
        set(rec, u16(rec, 0), u16(rec, 2), s);
        break;
      }
      case LABEL: {
        const s = new Segments([rec], 'a LABEL record');
        const [row, col] = [s.u16(), s.u16()];
        s.u16();
        const cch = s.u16();
        set(rec, row, col, s.chars(cch, (s.u8() & 1) === 1));
        break;
      }
      case NUMBER:
        set(rec, u16(rec, 0), u16(rec, 2), numberText(f64(rec, 6), u16(rec, 4)));
        break;
      case RK:
        set(rec, u16(rec, 0), u16(rec, 2), numberText(rkValue(u32(rec, 6)), u16(rec, 4)));
        break;
      case MULRK: {
        const n = (rec.data.length - 6) / 6;
        const [row, first] = [u16(rec, 0), u16(rec, 2)];
        if (!Number.isInteger(n) || n < 1 || u16(rec, rec.data.length - 2) !== first + n - 1) throw new Damaged('a MULRK record has a wrong length', rec.at);
        for (let i = 0; i < n; i++) set(rec, row, first + i, numberText(rkValue(u32(rec, 6 + i * 6)), u16(rec, 4 + i * 6)));
        break;
      }
      case BOOLERR: {
        const [v, isError] = [rec.data[6], rec.data[7]];
        if (v === undefined || isError === undefined) throw new Damaged('a BOOLERR record is too short', rec.at);
        set(rec, u16(rec, 0), u16(rec, 2), isError ? (ERRORS[v] ?? '#N/A') : v ? 'true' : 'false');
        break;
      }
      case FORMULA: {
        const [row, col, xf] = [u16(rec, 0), u16(rec, 2), u16(rec, 4)];
        if (u16(rec, 12) !== 0xffff) {
          set(rec, row, col, numberText(f64(rec, 6), xf));
          break;
        }
        const kind = rec.data[6];
        const v = rec.data[8] ?? 0;
        if (kind === 0) formulaString = { row, col }; // the text follows in a STRING record
        else if (kind === 1) set(rec, row, col, v ? 'true' : 'false');
        else if (kind === 2) set(rec, row, col, ERRORS[v] ?? '#N/A');
        else set(rec, row, col, '');
        break;
      }
      case STRING:
        stringSegs = [rec];
        break;
    }
  }
  throw new Damaged(`sheet ${sheet.name} has no EOF record (truncated file?)`, wb.length);
}

/** The worksheets of an .xls workbook held in memory, as tables like xlsxTables gives. */
export function xlsTables(file: string, bytes: Uint8Array): Table[] {
  const base = file.replace(/^.*[\\/]/, '');
  const refusal = (message: string) => new SourceError(`${base}: ${message}`, undefined, undefined);
  const damaged = (detail: string) => new SourceError(`${base} is not a readable Excel 97-2003 workbook (.xls): ${detail}`, undefined, undefined);
  let sheets: Sheet[];
  try {
    const cf = openCompoundFile(bytes);
    const wb = cf.stream('Workbook');
    if (!wb) {
      if (cf.stream('Book')) throw refusal(OLD_BIFF);
      if (cf.names().some((n) => n === 'EncryptedPackage'))
        throw refusal(ENCRYPTED);
      throw new CfbError('it is an Office Compound File without a Workbook stream (a Word or PowerPoint file, or another non-spreadsheet document?)');
    }
    sheets = parseWorkbook(wb, refusal);
  } catch (err) {
    if (err instanceof Damaged) throw damaged(`${err.message}${err.offset === undefined ? '' : ` (record at byte ${err.offset} of the Workbook stream)`}`);
    if (err instanceof CfbError) throw damaged(err.message);
    throw err;
  }
  return sheets.map((sheet) => {
    async function* rows(): AsyncGenerator<Rec[]> {
      let batch: Rec[] = [];
      for (const row of [...sheet.rows.keys()].sort((a, b) => a - b)) {
        const sparse = sheet.rows.get(row) as string[];
        const cells = Array.from(sparse, (c) => c ?? '');
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length === 0) continue;
        batch.push({ row, cells });
        if (batch.length >= ROWS_PER_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    }
    return { file, name: sheet.name, format: 'xlsx' as const, records: RecordStream.of(rows()) };
  });
}
