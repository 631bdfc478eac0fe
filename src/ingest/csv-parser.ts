// A streaming CSV tokenizer over decoded text (RFC 4180 quoting), written for the million-row
// import: it scans each chunk once with charCodeAt / indexOf and allocates nothing per cell but the
// cell's string, where csv-parse (a byte-level Transform) built each cell through a buffer and a
// stream callback. Behaviour follows the csv-parse options the importer used (delimiter given,
// relax_column_count, skip_empty_lines, strict quotes):
// - a record ends at LF, CRLF, or a lone CR when the file's first line ended so (old Mac files);
// - a cell that starts with a quote runs to the closing quote; "" inside it is one quote;
// - a quote inside an unquoted cell, or anything but a delimiter or line end after a closing
//   quote, is an error, as is a quoted cell still open at the end of the file;
// - an empty line (no cell text, no quotes) is skipped; cells are never trimmed.

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly code: 'quote-not-closed' | 'invalid-quote',
    /** Records completed before the one in error. */
    readonly records: number,
  ) {
    super(message);
  }
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
}

const enum Newline {
  Unknown,
  Lf,
  Cr,
}

export class CsvParser {
  private cells: string[] = [];
  /** Text of the current cell taken from earlier chunks (or, in a quoted cell, before the last quote). */
  private partial = '';
  private state = State.FieldStart;
  private quotedInRecord = false;
  private newline = Newline.Unknown;
  /** A CR at the very end of a chunk, held back until the next chunk tells whether LF follows. */
  private heldCr = false;
  /** Records completed so far. */
  records = 0;

  constructor(private readonly delimiter: number) {}

  /** Tokenizes one chunk; completed records are appended to `out`. */
  push(chunk: string, out: string[][]): void {
    let s = chunk;
    if (this.heldCr) {
      s = '\r' + s;
      this.heldCr = false;
    }
    let n = s.length;
    if (n > 0 && s.charCodeAt(n - 1) === CR) {
      this.heldCr = true;
      n--;
    }
    this.scan(s, n, out);
  }

  /** Ends the input: the last record (without a final line break) and the open-quote check. */
  end(out: string[][]): void {
    if (this.heldCr) {
      this.heldCr = false;
      this.scan('\r', 1, out);
    }
    switch (this.state) {
      case State.Quoted:
        throw new CsvSyntaxError('Quote Not Closed: the file ends inside a quoted cell', 'quote-not-closed', this.records);
      case State.AfterQuote:
        this.endRecord(this.partial, out);
        break;
      case State.Unquoted:
        this.endRecord(this.partial, out);
        break;
      case State.FieldStart:
        if (this.cells.length > 0) this.endRecord('', out);
        break;
    }
  }

  private endField(value: string): void {
    this.cells.push(value);
    this.partial = '';
    this.state = State.FieldStart;
  }

  private endRecord(value: string, out: string[][]): void {
    this.partial = '';
    this.state = State.FieldStart;
    if (this.cells.length === 0 && value === '' && !this.quotedInRecord) return; // an empty line
    this.cells.push(value);
    out.push(this.cells);
    this.cells = [];
    this.records++;
    this.quotedInRecord = false;
  }

  /**
   * At a CR (outside quotes) at i: the length of the line break there (2 for CRLF, 1 for a lone CR
   * that ends lines in this file), or 0 when the CR is cell text. i + 1 < n always (see heldCr) or
   * the input is ending.
   */
  private crBreak(s: string, i: number, n: number): number {
    if (i + 1 < n && s.charCodeAt(i + 1) === LF) {
      if (this.newline === Newline.Unknown) this.newline = Newline.Lf;
      return 2;
    }
    if (this.newline === Newline.Unknown) this.newline = Newline.Cr;
    return this.newline === Newline.Cr ? 1 : 0;
  }

  private scan(s: string, n: number, out: string[][]): void {
    const d = this.delimiter;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.FieldStart: {
          if (s.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            this.quotedInRecord = true;
            i++;
            break;
          }
          this.state = State.Unquoted;
          break;
        }
        case State.Unquoted: {
          const start = i;
          let ended = false;
          while (i < n) {
            const c = s.charCodeAt(i);
            if (c === d) {
              this.endField(this.partial + s.slice(start, i));
              i++;
              ended = true;
              break;
            }
            if (c === LF) {
              if (this.newline === Newline.Unknown) this.newline = Newline.Lf;
              this.endRecord(this.partial + s.slice(start, i), out);
              i++;
              ended = true;
              break;
            }
            if (c === CR) {
              const len = this.crBreak(s, i, n);
              if (len > 0) {
                this.endRecord(this.partial + s.slice(start, i), out);
                i += len;
                ended = true;
                break;
              }
            } else if (c === QUOTE) {
              const value = this.partial + s.slice(start, i);
              throw new CsvSyntaxError(`Invalid Opening Quote: a quote is found in cell ${this.cells.length + 1}, whose value so far is "${value.slice(0, 40)}"; put the whole cell in quotes and double the quotes inside it`, 'invalid-quote', this.records);
            }
            i++;
          }
          if (!ended) this.partial += s.slice(start, n);
          break;
        }
        case State.Quoted: {
          const j = s.indexOf('"', i);
          if (j < 0 || j >= n) {
            this.partial += s.slice(i, n);
            i = n;
            break;
          }
          this.partial += s.slice(i, j);
          this.state = State.AfterQuote;
          i = j + 1;
          break;
        }
        case State.AfterQuote: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.partial += '"';
            this.state = State.Quoted;
            i++;
          } else if (c === d) {
            this.endField(this.partial);
            i++;
          } else if (c === LF) {
            if (this.newline === Newline.Unknown) this.newline = Newline.Lf;
            this.endRecord(this.partial, out);
            i++;
          } else {
            const len = c === CR ? this.crBreak(s, i, n) : 0;
            if (len === 0) throw new CsvSyntaxError(`Invalid Closing Quote: got "${s.charAt(i)}" after a quoted cell instead of a delimiter or a line break`, 'invalid-quote', this.records);
            this.endRecord(this.partial, out);
            i += len;
          }
          break;
        }
      }
    }
  }
}
