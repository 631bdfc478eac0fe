// Streams a CSV file's records: encoding sniffed, delimiter (comma or semicolon) found from the first lines.
import { Readable } from 'node:stream';
import { readBatches } from './stream.ts';
import { parse, CsvError } from 'csv-parse';
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

  async function* all(): AsyncGenerator<string> {
    yield head;
    if (rest?.done) return;
    for (;;) {
      const r = await text.next();
      if (r.done) return;
      yield r.value;
    }
  }
  const source = Readable.from(all(), { objectMode: false });
  const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: true, bom: false });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  let row = rowOffset;
  try {
    for await (const batch of readBatches<string[]>(parser, 1000)) yield batch.map((cells) => ({ row: ++row, cells }));
  } catch (err) {
    throw asSourceError(err, rowOffset);
  }
}

function asSourceError(err: unknown, rowOffset: number): Error {
  if (err instanceof DecodeError) return new SourceError(err.message, undefined, undefined);
  if (err instanceof CsvError) {
    const rec = (err as unknown as { records?: number }).records;
    const row = rec !== undefined ? rec + 1 + rowOffset : undefined;
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      return new SourceError(`a quoted cell is never closed (the file may be truncated): ${err.message}`, row, undefined);
    return new SourceError(`the CSV cannot be read: ${err.message}`, row, undefined);
  }
  return err instanceof Error ? err : new Error(String(err));
}
