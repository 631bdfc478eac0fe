// The notes every report carries about where its figures come from (synthetic demo data, BSN's real 2019 counts).
import { BSN_CODE, BSN_REPORTED } from '../demo/bsn.ts';
import type { Messages } from './locales/index.ts';

const REPORTED_DATES = Object.keys(BSN_REPORTED).sort();

/** BSN's reported counts are real: say so when the period reaches the dates they were reported for. */
function touchesBsnReport(from: string, to: string): boolean {
  const first = REPORTED_DATES[0] ?? '';
  const last = REPORTED_DATES[REPORTED_DATES.length - 1] ?? '';
  return from <= last && to >= first;
}

export function dataNotes(
  m: Messages,
  orgs: readonly { code: string; synthetic: boolean }[],
  from: string,
  to: string,
  single: boolean,
): string[] {
  const notes: string[] = [];
  const synthetic = orgs.filter((o) => o.synthetic);
  if (synthetic.length > 0) notes.push(single || synthetic.length === orgs.length ? m.syntheticNote : m.syntheticMembersNote);
  if (synthetic.some((o) => o.code === BSN_CODE) && touchesBsnReport(from, to)) notes.push(m.bsnRealNote);
  return notes;
}
