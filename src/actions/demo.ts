// Use case: load the deterministic demo data set, on request or on first start of an empty database.
import { countOrganizations, findOrganizationByCode } from '../db/queries/organizations.ts';
import { seedPersona } from '../db/queries/content.ts';
import { BSN_PERSONA } from '../core/content/index.ts';
import { loadDemo } from '../demo/load.ts';
import type { Deps } from './context.ts';
import { seedBsnCase } from './practice-cases.ts';
import { findGroupByCode, memberCodes } from '../db/queries/groups.ts';
import { demoAssessments } from '../demo/practice.ts';
import { SYSTEM } from './context.ts';
import { savePracticeAssessment } from './practice.ts';

export interface DemoOptions {
  scale: number;
  seed?: number | undefined;
  replace?: boolean | undefined;
  onProgress?: ((done: number, total: number | undefined, phase: string) => void) | undefined;
}

export type DemoResult = Awaited<ReturnType<typeof loadDemo>>;

export async function loadDemoData(deps: Deps, opts: DemoOptions): Promise<DemoResult> {
  const result = await loadDemo(deps.db, {
    scale: opts.scale,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.replace ? { replace: true } : {}),
    today: deps.now().slice(0, 10),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  // BSN speaks as SNImin to SNIzen: its persona comes with the demo, and approval needs the voice check.
  const bsn = await findOrganizationByCode(deps.db.kysely, 'BSN');
  if (bsn) {
    await seedPersona(deps.db.kysely, { organization_id: bsn.id, persona: JSON.stringify(BSN_PERSONA), require_voice_pass: 1, updated_at: deps.now() });
  }
  // ISO's good-practice library starts with BSN's case (issue 9).
  await seedBsnCase(deps);
  await seedAssessments(deps);
  return result;
}

/**
 * Synthetic self-assessments of last year (BSN's among them) and this year (BSN's still to be made), so
 * the practice benchmark has something to show.
 */
async function seedAssessments(deps: Deps): Promise<void> {
  const iso = await findGroupByCode(deps.db.kysely, 'ISO');
  if (!iso) return;
  const codes = await memberCodes(deps.db.kysely, iso.id);
  const year = Number(deps.now().slice(0, 4));
  for (const period of [String(year - 1), String(year)]) {
    const who = period === String(year) ? codes.filter((c) => c !== 'BSN') : codes;
    for (const a of demoAssessments(who, period)) await savePracticeAssessment(SYSTEM, a.org, period, { answers: a.answers, network: 'ISO' }, deps);
  }
}

/** Loads the demo only into a database without organisations; undefined when it was not empty. */
export async function loadDemoIfEmpty(deps: Deps, opts: DemoOptions): Promise<DemoResult | undefined> {
  if ((await countOrganizations(deps.db.kysely)) > 0) return undefined;
  return loadDemoData(deps, opts);
}
