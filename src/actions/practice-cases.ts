// Good-practice library (issue 9): case pages a network's coordinator writes in Indonesian and English,
// linked to the practices they illustrate; members read the published ones.
import { z } from 'zod';
import { Conflict, Invalid, NotFound, type ErrorDetail } from '../core/errors.ts';
import { findGroupByCode } from '../db/queries/groups.ts';
import { findOrganizationByCode } from '../db/queries/organizations.ts';
import * as q from '../db/queries/practice-cases.ts';
import { networksOf } from '../db/queries/practice.ts';
import { parseInput, SYSTEM, type Actor, type Deps } from './context.ts';
import { orgCode } from './fields.ts';
import { requireGroup } from './groups.ts';
import { requireOrganization } from './organizations.ts';
import { getPracticeFramework } from './practice.ts';
import { BSN_CASE } from './practice-cases-bsn.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const bilingual = (max: number) => z.object({ id: text(max), en: text(max) }).strict();

const caseFields = {
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by -')
    .max(80)
    .meta({ example: 'bsn-2019' }),
  title: bilingual(200),
  summary: bilingual(1000),
  body: bilingual(20000).meta({ description: 'plain text: blank lines part paragraphs, "## " starts a heading, "- " a list item; HTML is refused' }),
  practices: z.array(z.string().min(1)).max(50).meta({ description: 'ids of the practices the case illustrates' }),
  org: orgCode.nullable().optional().meta({ description: 'the member the case describes' }),
  published: z.boolean().optional().meta({ description: 'members see published cases only; default false' }),
};

export const createCaseInput = z.object(caseFields).strict().meta({ id: 'PracticeCaseCreate' });
export const updateCaseInput = z.object(caseFields).partial().strict().meta({ id: 'PracticeCaseUpdate' });
export const listCasesInput = z.object({
  practice: z.string().min(1).optional().meta({ description: 'only cases illustrating this practice' }),
  drafts: z.enum(['true', 'false']).optional().meta({ description: 'include unpublished cases (coordinators)' }),
});

export interface CaseSummaryView {
  id: number;
  network: string;
  slug: string;
  title: { id: string; en: string };
  summary: { id: string; en: string };
  practices: string[];
  org: string | null;
  published: boolean;
  updated_at: string;
}

export interface CaseView extends CaseSummaryView {
  body: { id: string; en: string };
  created_at: string;
}

function summaryView(r: q.PracticeCaseWithRefs): CaseSummaryView {
  return {
    id: r.id,
    network: r.group_code,
    slug: r.slug,
    title: { id: r.title_id, en: r.title_en },
    summary: { id: r.summary_id, en: r.summary_en },
    practices: JSON.parse(r.practices) as string[],
    org: r.org_code,
    published: r.published === 1,
    updated_at: r.updated_at,
  };
}

function caseView(r: q.PracticeCaseWithRefs): CaseView {
  return { ...summaryView(r), body: { id: r.body_id, en: r.body_en }, created_at: r.created_at };
}

// Case pages are shown as text; a tag in them is a mistake (pasted HTML) that would show as markup.
const TAG = /<\s*\/?\s*[a-zA-Z!][^>]*>/;

function htmlProblems(i: Partial<z.infer<typeof createCaseInput>>): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const field of ['title', 'summary', 'body'] as const) {
    for (const lang of ['id', 'en'] as const) {
      const v = i[field]?.[lang];
      if (v !== undefined && TAG.test(v)) out.push({ path: `${field}.${lang}`, message: 'write plain text: HTML is not rendered' });
    }
  }
  return out;
}

async function checkPractices(deps: Deps, network: string, practices: readonly string[] | undefined): Promise<ErrorDetail[]> {
  if (!practices) return [];
  const { framework } = await getPracticeFramework(SYSTEM, network, deps);
  const known = new Set(framework.practices.map((p) => p.id));
  return practices.flatMap((id, i) => (known.has(id) ? [] : [{ path: `practices.${i}`, message: `${id} is not a practice of ${network}'s framework` }]));
}

async function memberId(deps: Deps, networkId: number, code: string | null | undefined): Promise<number | null | undefined> {
  if (code === undefined || code === null) return code;
  const org = await requireOrganization(deps, code);
  if (!(await networksOf(deps.db.kysely, org.id)).some((n) => n.id === networkId)) {
    throw new Invalid(`${org.code} is not a member of this network`, [{ path: 'org', message: 'not a member of the network' }]);
  }
  return org.id;
}

async function requireNetwork(deps: Deps, code: string) {
  const g = await requireGroup(deps, code);
  if (g.kind !== 'network') throw new Invalid(`${g.code} is a peer group; case libraries belong to networks`, [{ path: 'code', message: 'not a network' }]);
  return g;
}

async function requireCase(deps: Deps, id: number): Promise<q.PracticeCaseWithRefs> {
  const r = await q.findCase(deps.db.kysely, id);
  if (!r) throw new NotFound(`practice case ${id} does not exist`);
  return r;
}

/** Drafts are for those who write the library: the system, admins and the network's coordinator. */
function seesDrafts(actor: Actor, networkId: number): boolean {
  if (actor.kind === 'system') return true;
  const p = actor.principal;
  return p.role === 'admin' || (p.role === 'coordinator' && p.networkGroupId === networkId);
}

export async function listPracticeCases(actor: Actor, code: string, input: unknown, deps: Deps): Promise<{ network: string; items: CaseSummaryView[] }> {
  const i = parseInput(listCasesInput, input ?? {});
  const g = await requireNetwork(deps, code);
  const rows = await q.listCases(deps.db.kysely, g.id, { drafts: i.drafts === 'true' && seesDrafts(actor, g.id) });
  const items = rows.map(summaryView).filter((c) => i.practice === undefined || c.practices.includes(i.practice));
  return { network: g.code, items };
}

/** A case page; a draft only to those who see drafts (to others it does not exist yet). */
export async function getPracticeCase(actor: Actor, id: number, deps: Deps): Promise<CaseView> {
  const r = await requireCase(deps, id);
  if (r.published !== 1 && !seesDrafts(actor, r.group_id)) throw new NotFound(`practice case ${id} does not exist`);
  return caseView(r);
}

export async function createPracticeCase(_actor: Actor, code: string, input: unknown, deps: Deps): Promise<CaseView> {
  const i = parseInput(createCaseInput, input);
  const g = await requireNetwork(deps, code);
  const problems = [...htmlProblems(i), ...(await checkPractices(deps, g.code, i.practices))];
  if (problems.length) throw new Invalid(`the case has ${problems.length} problem(s)`, problems);
  if (await q.findCaseBySlug(deps.db.kysely, g.id, i.slug)) throw new Conflict(`${g.code} already has a case ${i.slug}`, [{ path: 'slug', message: 'taken' }]);
  const at = deps.now();
  const row = await q.insertCase(deps.db.kysely, {
    group_id: g.id, slug: i.slug,
    title_id: i.title.id, title_en: i.title.en, summary_id: i.summary.id, summary_en: i.summary.en, body_id: i.body.id, body_en: i.body.en,
    practices: JSON.stringify([...new Set(i.practices)]),
    organization_id: (await memberId(deps, g.id, i.org)) ?? null,
    published: i.published ? 1 : 0,
    created_at: at, updated_at: at,
  });
  return getPracticeCase(_actor, row.id, deps);
}

export async function updatePracticeCase(_actor: Actor, id: number, input: unknown, deps: Deps): Promise<CaseView> {
  const i = parseInput(updateCaseInput, input);
  const current = await requireCase(deps, id);
  const problems = [...htmlProblems(i), ...(await checkPractices(deps, current.group_code, i.practices))];
  if (problems.length) throw new Invalid(`the case has ${problems.length} problem(s)`, problems);
  if (i.slug !== undefined && i.slug !== current.slug && (await q.findCaseBySlug(deps.db.kysely, current.group_id, i.slug))) {
    throw new Conflict(`${current.group_code} already has a case ${i.slug}`, [{ path: 'slug', message: 'taken' }]);
  }
  const org = await memberId(deps, current.group_id, i.org);
  await q.updateCase(deps.db.kysely, id, {
    ...(i.slug !== undefined ? { slug: i.slug } : {}),
    ...(i.title ? { title_id: i.title.id, title_en: i.title.en } : {}),
    ...(i.summary ? { summary_id: i.summary.id, summary_en: i.summary.en } : {}),
    ...(i.body ? { body_id: i.body.id, body_en: i.body.en } : {}),
    ...(i.practices ? { practices: JSON.stringify([...new Set(i.practices)]) } : {}),
    ...(org !== undefined ? { organization_id: org } : {}),
    ...(i.published !== undefined ? { published: i.published ? 1 : 0 } : {}),
    updated_at: deps.now(),
  });
  return getPracticeCase(_actor, id, deps);
}

export async function deletePracticeCase(_actor: Actor, id: number, deps: Deps): Promise<void> {
  if (!(await q.deleteCase(deps.db.kysely, id))) throw new NotFound(`practice case ${id} does not exist`);
}

/** With the demo: BSN's case in ISO's library, published; nothing when either is missing or it exists. */
export async function seedBsnCase(deps: Deps): Promise<void> {
  const iso = await findGroupByCode(deps.db.kysely, 'ISO');
  const bsn = await findOrganizationByCode(deps.db.kysely, 'BSN');
  if (!iso || !bsn || (await q.findCaseBySlug(deps.db.kysely, iso.id, BSN_CASE.slug))) return;
  const at = deps.now();
  const { practices, ...texts } = BSN_CASE;
  await q.insertCase(deps.db.kysely, {
    group_id: iso.id, ...texts, practices: JSON.stringify(practices), organization_id: bsn.id, published: 1, created_at: at, updated_at: at,
  });
}
