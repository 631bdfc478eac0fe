// Streams a JSON Lines file: one object a line, keys are the template's column names.
import { decodeChunks, DecodeError, type Encoding } from './decode.ts';
import { SourceError, type Rec } from './records.ts';

export async function* jsonlRecords(chunks: AsyncIterable<Uint8Array>, encoding: Encoding | undefined): AsyncGenerator<Rec[]> {
  let carry = '';
  let line = 0;
  const parseLine = (text: string): Rec | undefined => {
    line++;
    const t = text.replace(/\r$/, '');
    if (t.trim() === '') return undefined;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (err) {
      throw new SourceError(`the line is not valid JSON (${err instanceof Error ? err.message : String(err)})`, line, undefined);
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SourceError('each line must be one JSON object', line, undefined);
    return { row: line, object: v as Record<string, unknown> };
  };
  try {
    for await (const chunk of decodeChunks(chunks, encoding)) {
      carry += chunk;
      const lines = carry.split('\n');
      carry = lines.pop() ?? '';
      const batch: Rec[] = [];
      for (const l of lines) {
        const r = parseLine(l);
        if (r) batch.push(r);
      }
      if (batch.length > 0) yield batch;
    }
  } catch (err) {
    if (err instanceof DecodeError) throw new SourceError(err.message, undefined, undefined);
    throw err;
  }
  if (carry.length > 0) {
    const r = parseLine(carry);
    if (r) yield [r];
  }
}
