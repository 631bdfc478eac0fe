// What every reader yields: numbered records (cells or a JSON object), with a look-ahead for detection.
export type Cells = string[];

/** A record of a table: `row` counts as a spreadsheet does (the header is row 1 of a plain CSV). */
export type Rec = { row: number; cells: Cells; object?: undefined } | { row: number; object: Record<string, unknown>; cells?: undefined };

export interface Table {
  /** The file as the user named it, for error messages. */
  file: string;
  /** The sheet name for XLSX and XLS, the file's base name otherwise. */
  name: string;
  /** 'xlsx' for every workbook sheet, .xls ones included: their cells are rendered alike. */
  format: 'csv' | 'xlsx' | 'jsonl';
  records: RecordStream;
}

/** A problem in a file that is not a row-level validation error (bad encoding, broken quoting...). */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly row: number | undefined,
    readonly column: string | undefined,
  ) {
    super(message);
  }
}

/**
 * An async stream of records, pulled in batches (one await per batch, not per record, which matters
 * for a million rows), that can look ahead a few records to recognise a file by its header.
 */
export class RecordStream {
  private buffer: Rec[] = [];
  private done = false;
  constructor(private readonly it: AsyncIterator<Rec[]>) {}

  static of(batches: AsyncIterable<Rec[]>): RecordStream {
    return new RecordStream(batches[Symbol.asyncIterator]());
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const r = await this.it.next();
    if (r.done) {
      this.done = true;
      return false;
    }
    this.buffer.push(...r.value);
    return true;
  }

  /** Up to n records from the current position, without consuming them. */
  async peek(n: number): Promise<Rec[]> {
    while (this.buffer.length < n && (await this.fill()));
    return this.buffer.slice(0, n);
  }

  async next(): Promise<Rec | undefined> {
    while (this.buffer.length === 0 && (await this.fill()));
    return this.buffer.shift();
  }

  /** The remaining records, a batch at a time. */
  async *batches(): AsyncGenerator<Rec[]> {
    for (;;) {
      if (this.buffer.length === 0 && !(await this.fill())) return;
      const b = this.buffer;
      this.buffer = [];
      yield b;
    }
  }
}

/** A cell as text; JSON values and spreadsheet values alike. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(cellText).join(';');
  return JSON.stringify(v);
}
