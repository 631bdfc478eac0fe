// The ordered list of migrations. Append only: never edit or reorder a released entry.
import type { Migration } from 'kysely';
import * as m001 from './001_initial.ts';
import * as m002 from './002_imports_audit.ts';
import * as m003 from './003_reports.ts';
import * as m004 from './004_data_version.ts';
import * as m005 from './005_connections.ts';
import * as m006 from './006_workers.ts';
import * as m007 from './007_content.ts';
import * as m008 from './008_practice.ts';
import * as m009 from './009_users.ts';
import * as m010 from './010_publishing.ts';
import * as m011 from './011_inbox.ts';
import * as m012 from './012_media_meetings.ts';
import * as m013 from './013_cadence.ts';
import * as m014 from './014_practice_cases.ts';

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_imports_audit': m002,
  '003_reports': m003,
  '004_data_version': m004,
  '005_connections': m005,
  '006_workers': m006,
  '007_content': m007,
  '008_practice': m008,
  '009_users': m009,
  '010_publishing': m010,
  '011_inbox': m011,
  '012_media_meetings': m012,
  '013_cadence': m013,
  '014_practice_cases': m014,
};
