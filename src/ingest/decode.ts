// Turns a file's bytes into text: sniffs the BOM (UTF-8, UTF-16LE/BE), or uses a declared encoding.
import { TextDecoder } from 'node:util';
export const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export class DecodeError extends Error {}

export function parseEncoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().replace(/^cp/, 'windows-').replace(/^utf8$/, 'utf-8').replace(/^utf16le$/, 'utf-16le');
  if (v === 'latin1' || v === 'iso-8859-1') return 'windows-1252';
  if ((ENCODINGS as readonly string[]).includes(v)) return v as Encoding;
  throw new DecodeError(`unknown encoding ${value}; use one of ${ENCODINGS.join(', ')}`);
}

function sniff(head: Uint8Array, declared: Encoding | undefined): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: declared ?? 'utf-8', bom: 0 };
}

/**
 * Decodes a byte stream chunk by chunk (a character split across chunks is kept for the next one).
 * Undeclared bytes that are not valid UTF-8 are an error that suggests --encoding windows-1252.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, declared: Encoding | undefined): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array = new Uint8Array(0);
  let name: Encoding = 'utf-8';
  for await (const raw of chunks) {
    let chunk: Uint8Array = raw;
    if (!decoder) {
      pending = concat(pending, chunk);
      if (pending.length < 3) continue;
      const s = sniff(pending, declared);
      name = s.encoding;
      decoder = new TextDecoder(name, { fatal: name === 'utf-8' });
      chunk = pending.subarray(s.bom);
    }
    yield decode(decoder, chunk, true, name, declared);
  }
  if (!decoder) {
    const s = sniff(pending, declared);
    name = s.encoding;
    decoder = new TextDecoder(name, { fatal: name === 'utf-8' });
    yield decode(decoder, pending.subarray(s.bom), false, name, declared);
  } else yield decode(decoder, new Uint8Array(0), false, name, declared);
}

function decode(d: TextDecoder, bytes: Uint8Array, stream: boolean, name: Encoding, declared: Encoding | undefined): string {
  try {
    return d.decode(bytes, { stream });
  } catch {
    throw new DecodeError(
      declared === undefined
        ? 'the file is not valid UTF-8; if it was saved by Excel on Windows, pass --encoding windows-1252'
        : `the file is not valid ${name}`,
    );
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
