// Streams a CSV file's records: encoding sniffed, delimiter (comma or semicolon) found from the first lines.
import { CsvParser, CsvSyntaxError } from './csv-parser.ts';
import { decodeChunks, DecodeError, type Encoding } from './decode.ts';
import { SourceError, type Rec } from './records.ts';

const SAMPLE_LINES = 5;

/** The delimiter of the first lines: a `sep=X` hint (Excel), else the one seen most outside quotes. */
export function sniffDelimiter(text: string): { delimiter: string; skipFirstLine: boolean } {
  const first = /^sep=(.)\r?\n/.exec(text);
  if (first?.[1]) return { delimiter: first[1], skipFirstLine: true };
  let best = { delimiter: ',', count: 0 };
  for (const d of [',', ';']) {
    let quoted = false;
    let line = 0;
    let count = 0;
    let max = 0;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) count++;
      else if (!quoted && ch === '\n') {
        max = Math.max(max, count);
        count = 0;
        if (++line >= SAMPLE_LINES) break;
      }
    }
    max = Math.max(max, count);
    if (max > best.count) best = { delimiter: d, count: max };
  }
  return { delimiter: best.delimiter, skipFirstLine: false };
}

/** Records of a CSV byte stream. Errors become SourceError naming the row. */
export async function* csvRecords(chunks: AsyncIterable<Uint8Array>, encoding: Encoding | undefined): AsyncGenerator<Rec[]> {
  const text = decodeChunks(chunks, encoding);
  let head = '';
  let rest: IteratorResult<string> | undefined;
  try {
    while ((head.match(/\n/g)?.length ?? 0) < SAMPLE_LINES + 1) {
      rest = await text.next();
      if (rest.done) break;
      head += rest.value;
    }
  } catch (err) {
    throw asSourceError(err, 0);
  }
  if (head.trim() === '') throw new SourceError('the file is empty', 1, undefined);
  const { delimiter, skipFirstLine } = sniffDelimiter(head);
  const rowOffset = skipFirstLine ? 1 : 0;
  if (skipFirstLine) head = head.replace(/^sep=.\r?\n/, '');

  // One batch of records per decoded chunk (about a megabyte): one await per batch, not per record.
  const parser = new CsvParser(delimiter.charCodeAt(0));
  let row = rowOffset;
  const numbered = (cells: string[][]): Rec[] => {
    const out: Rec[] = new Array(cells.length);
    for (let i = 0; i < cells.length; i++) out[i] = { row: ++row, cells: cells[i] as string[] };
    return out;
  };
  try {
    let out: string[][] = [];
    parser.push(head, out);
    if (!rest?.done) {
      for (;;) {
        if (out.length > 0) {
          yield numbered(out);
          out = [];
        }
        const r = await text.next();
        if (r.done) break;
        parser.push(r.value, out);
      }
    }
    parser.end(out);
    if (out.length > 0) yield numbered(out);
  } catch (err) {
    throw asSourceError(err, rowOffset);
  }
}

function asSourceError(err: unknown, rowOffset: number): Error {
  if (err instanceof DecodeError) return new SourceError(err.message, undefined, undefined);
  if (err instanceof CsvSyntaxError) {
    const row = err.records + 1 + rowOffset;
    if (err.code === 'quote-not-closed')
      return new SourceError(`a quoted cell is never closed (the file may be truncated): ${err.message}`, row, undefined);
    return new SourceError(`the CSV cannot be read: ${err.message}`, row, undefined);
  }
  return err instanceof Error ? err : new Error(String(err));
}
