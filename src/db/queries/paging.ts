// Keyset pagination: an opaque cursor holds the sort key of the last row returned.
import { Invalid } from '../../core/errors.ts';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K extends string | number>(cursor: string | undefined, kind: 'string' | 'number'): K | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === kind) return value as K;
  } catch {
    // fall through to the error below
  }
  throw new Invalid('cursor is not one this server issued', [{ path: 'cursor', message: 'unreadable cursor' }]);
}

/** Rows were fetched with limit + 1: the extra row tells whether another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string | number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
