// Computed results kept per data version: a repeated question is answered without recomputing, and any
// write to the figures' tables (from this or another process) changes the version and so the answer.
import { dataVersion } from '../db/queries/version.ts';
import type { Db } from '../db/database.ts';

export class ResultCache {
  private readonly entries = new Map<string, { version: string; value: unknown }>();
  constructor(private readonly maxEntries = 500) {}

  async get<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
    // The version is read before the data, so a result is never stored under a newer version than its data.
    const version = await dataVersion(db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    this.entries.set(key, { version, value });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
