// Reads an object-mode stream in batches: one await per batch instead of one per object.
import type { Readable } from 'node:stream';

export async function* readBatches<T>(stream: Readable, size: number): AsyncGenerator<T[]> {
  let ended = false;
  let failure: unknown;
  stream.on('end', () => (ended = true));
  stream.on('error', (err) => (failure = err));
  for (;;) {
    const batch: T[] = [];
    let item: T | null;
    while (batch.length < size && (item = stream.read() as T | null) !== null) batch.push(item);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (failure !== undefined) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        stream.off('readable', wake);
        stream.off('end', wake);
        stream.off('error', wake);
        resolve();
      };
      stream.on('readable', wake);
      stream.on('end', wake);
      stream.on('error', wake);
    });
  }
}
