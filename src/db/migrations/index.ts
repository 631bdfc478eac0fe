// The ordered list of migrations. Append only: never edit or reorder a released entry.
import type { Migration } from 'kysely';
import * as m001 from './001_initial.ts';

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
};
