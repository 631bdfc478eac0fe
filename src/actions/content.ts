// Use cases for planning: content items through the workflow, comments, checks and personas (the feed: content-calendar.ts).
import {
  CONTENT_STATUSES, allowedTransitions, checkVariant, checkVoice, editItem, findRule, hasErrors, personaSchema, refusal, transition,
  type ContentStatus, type Finding, type Persona, type TransitionRecord, type VoiceFinding, type WorkflowActor, type WorkflowItem,
} from '../core/content/index.ts';
import { Conflict, Forbidden, Invalid, NotFound, type ErrorDetail } from '../core/errors.ts';
import { handleKey, type Platform } from '../core/platforms.ts';
import { localDate, parseInstant } from '../core/time.ts';
import { findAccount } from '../db/queries/accounts.ts';
import * as q from '../db/queries/content.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import { findTeamMember } from '../db/queries/team.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { findOrganizationById } from '../db/queries/organizations.ts';
import {
  commentInput, createContentInput, listContentInput, personaInput, transitionInput, updateContentInput,
  type ChecksView, type CommentView, type ContentView, type PersonaView, type TransitionView, type VariantView,
} from './content-schemas.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { linkVariantMedia, resolveVariantMedia } from './media.ts';
import { requireOrganization } from './organizations.ts';
import { cancelItem, enqueueItem } from './publishing.ts';

/** Who acts, as the workflow sees it: the system acts as an admin with id 0; a user as their role and holdings. */
export function workflowActor(actor: Actor): WorkflowActor {
  if (actor.kind === 'system') return { id: 0, role: 'admin', organizationId: null, heldAccountIds: [] };
  const p = actor.principal;
  return { id: p.userId, role: p.role, organizationId: p.organizationId, heldAccountIds: p.heldAccountIds };
}

type Db = Deps['db']['kysely'];

interface Loaded {
  row: q.ContentItemRow;
  org: OrganizationRow;
  accounts: q.AccountRef[];
  variants: q.ContentVariantRow[];
}

export const json = <T>(text: string): T => JSON.parse(text) as T;

function workflowItem(l: Loaded): WorkflowItem {
  return { status: l.row.status as ContentStatus, organizationId: l.row.organization_id, accountIds: json<number[]>(l.row.account_ids) };
}

async function load(db: Db, id: number): Promise<Loaded> {
  const row = await q.findItem(db, id);
  if (!row) throw new NotFound(`content item ${id} does not exist`);
  const org = await findOrganizationById(db, row.organization_id);
  if (!org) throw new NotFound(`content item ${id} does not exist`);
  const [accounts, variants] = await Promise.all([q.accountsByIds(db, json<number[]>(row.account_ids)), q.variantsOf(db, [row.id]).then((v) => resolveVariantMedia(db, v))]);
  return { row, org, accounts, variants };
}

const localFormat = new Map<string, Intl.DateTimeFormat>();

/** An instant as YYYY-MM-DD HH:mm in a zone. */
export function localTime(instant: string, zone: string): string {
  let f = localFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    localFormat.set(zone, f);
  }
  return f.format(new Date(instant));
}

/** The first instant of a local date in a zone (a binary search over the ±14 h a zone can be off UTC). */
export function startOfLocalDay(date: string, zone: string): string {
  let lo = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000;
  let hi = lo + 30 * 3_600_000;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (localDate(mid, zone) >= date) hi = mid;
    else lo = mid;
  }
  return new Date(hi).toISOString();
}

function viewVariant(v: q.ContentVariantRow): VariantView {
  return { platform: v.platform, text: v.text, title: v.title, first_comment: v.first_comment, link: v.link, media: json(v.media) };
}

function viewTransition(t: q.ContentTransitionRow): TransitionView {
  return { actor_id: t.actor_id, at: t.at, from: t.from_status, to: t.to_status, action: t.action, comment: t.comment, reason: t.reason, scheduled_at: t.scheduled_at };
}

function view(l: Loaded, actor: WorkflowActor, transitions?: q.ContentTransitionRow[]): ContentView {
  const r = l.row;
  const ids = json<number[]>(r.account_ids);
  return {
    id: r.id,
    org: l.org.code,
    title: r.title,
    campaign: r.campaign,
    pillar: r.pillar,
    status: r.status as ContentStatus,
    accounts: ids.flatMap((id) => l.accounts.filter((a) => a.id === id).map((a) => ({ id: a.id, platform: a.platform, handle: a.handle }))),
    variants: l.variants.map(viewVariant),
    owner_id: r.owner_id,
    reviewer_id: r.reviewer_id,
    due_date: r.due_date,
    scheduled_at: r.scheduled_at,
    scheduled_local: r.scheduled_at ? localTime(r.scheduled_at, l.org.timezone) : null,
    timezone: l.org.timezone,
    published_at: r.published_at,
    rejection_reason: r.rejection_reason,
    allowed_transitions: allowedTransitions(workflowItem(l), actor),
    ...(transitions ? { transitions: transitions.map(viewTransition) } : {}),
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

async function resolveAccounts(db: Db, org: OrganizationRow, refs: { platform: string; handle: string }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [n, ref] of refs.entries()) {
    const a = await findAccount(db, ref.platform, handleKey(ref.handle));
    if (!a) throw new Invalid(`account ${ref.platform}/${ref.handle} does not exist`, [{ path: `accounts.${n}`, message: 'no such account' }]);
    if (a.organization_id !== org.id) throw new Invalid(`account ${ref.platform}/${ref.handle} belongs to ${a.org_code}, not ${org.code}`, [{ path: `accounts.${n}`, message: 'another organisation' }]);
    if (!ids.includes(a.id)) ids.push(a.id);
  }
  return ids;
}

async function checkMember(db: Db, org: OrganizationRow, id: number | null | undefined, field: string): Promise<void> {
  if (id === null || id === undefined) return;
  const m = await findTeamMember(db, id);
  if (!m || m.organization_id !== org.id) throw new Invalid(`team member ${id} is not on ${org.code}'s team`, [{ path: field, message: 'not a team member of this organisation' }]);
}

type VariantInput = NonNullable<ReturnType<typeof createContentInput.parse>['variants']>[number];

function variantRows(itemId: number, variants: VariantInput[]): q.ContentVariantRow[] {
  const seen = new Set<string>();
  return variants.map((v, n) => {
    if (seen.has(v.platform)) throw new Invalid(`two variants for ${v.platform}; write one per platform`, [{ path: `variants.${n}.platform`, message: 'duplicate' }]);
    seen.add(v.platform);
    return { item_id: itemId, platform: v.platform, text: v.text, title: v.title ?? null, first_comment: v.first_comment ?? null, link: v.link ?? null, media: JSON.stringify(v.media) };
  });
}

async function record(db: Db, itemId: number, r: TransitionRecord): Promise<void> {
  await q.insertTransition(db, { item_id: itemId, actor_id: r.actorId, at: r.at, from_status: r.from, to_status: r.to, action: r.action, comment: r.comment, reason: r.reason, scheduled_at: r.scheduledAt });
}

// Create, read, list, update, delete

export async function createContent(actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<ContentView> {
  const i = parseInput(createContentInput, input);
  const who = workflowActor(actor);
  const k = deps.db.kysely;
  const org = await requireOrganization(deps, orgCode);
  const accountIds = await resolveAccounts(k, org, i.accounts);
  await checkMember(k, org, i.owner_id, 'owner_id');
  await checkMember(k, org, i.reviewer_id, 'reviewer_id');
  const now = deps.now();
  const idea: WorkflowItem = { status: 'idea', organizationId: org.id, accountIds };
  const refused = refusal(who, idea, 'author', 'draft');
  if (refused) throw new Forbidden(refused);
  const drafted = i.status === 'draft' ? transition(idea, 'draft', who, { now }) : null;
  const id = await k.transaction().execute(async (tx) => {
    const row = await q.insertItem(tx, {
      organization_id: org.id, title: i.title, campaign: i.campaign ?? null, pillar: i.pillar ?? null, account_ids: JSON.stringify(accountIds),
      status: drafted ? 'draft' : 'idea', owner_id: i.owner_id ?? null, reviewer_id: i.reviewer_id ?? null, due_date: i.due_date ?? null,
      scheduled_at: null, published_at: null, rejection_reason: null, created_at: now, updated_at: now,
    });
    await q.replaceVariants(tx, row.id, variantRows(row.id, i.variants));
    await linkVariantMedia(tx, org, row.id, i.variants);
    if (drafted) await record(tx, row.id, drafted.record);
    return row.id;
  });
  return getContent(actor, id, deps);
}

export async function getContent(actor: Actor, id: number, deps: Deps): Promise<ContentView> {
  const l = await load(deps.db.kysely, id);
  return view(l, workflowActor(actor), await q.transitionsOf(deps.db.kysely, id));
}

export async function listContent(actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<Page<ContentView>> {
  const i = parseInput(listContentInput, input);
  const org = await requireOrganization(deps, orgCode);
  const statuses = i.status?.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = statuses?.find((s) => !(CONTENT_STATUSES as readonly string[]).includes(s));
  if (bad) throw new Invalid(`unknown status ${bad}`, [{ path: 'status', message: `one of ${CONTENT_STATUSES.join(', ')}` }]);
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const bound = (d: string | undefined, end: boolean) => {
    if (d === undefined) return undefined;
    const day = end ? nextDay(d) : d;
    return i.by === 'due' ? day : startOfLocalDay(day, org.timezone);
  };
  const k = deps.db.kysely;
  const rows = await q.listItems(k, {
    organizationId: org.id, after: decodeCursor<number>(i.cursor, 'number'), limit: i.limit, statuses, by: i.by, from: bound(i.from, false), to: bound(i.to, true),
  });
  const page = toPage(rows, i.limit, (r) => r.id);
  const [accounts, variants] = await Promise.all([
    q.accountsByIds(k, [...new Set(page.items.flatMap((r) => json<number[]>(r.account_ids)))]),
    q.variantsOf(k, page.items.map((r) => r.id)).then((v) => resolveVariantMedia(k, v)),
  ]);
  const who = workflowActor(actor);
  return { items: page.items.map((row) => view({ row, org, accounts, variants: variants.filter((v) => v.item_id === row.id) }, who)), next_cursor: page.next_cursor };
}

export async function updateContent(actor: Actor, id: number, input: unknown, deps: Deps): Promise<ContentView> {
  const i = parseInput(updateContentInput, input);
  const who = workflowActor(actor);
  const k = deps.db.kysely;
  const l = await load(k, id);
  const accountIds = i.accounts ? await resolveAccounts(k, l.org, i.accounts) : undefined;
  await checkMember(k, l.org, i.owner_id, 'owner_id');
  await checkMember(k, l.org, i.reviewer_id, 'reviewer_id');
  const now = deps.now();
  const item = { ...workflowItem(l), ...(accountIds ? { accountIds } : {}) };
  const edited = editItem(item, who, { now, ...(i.comment?.trim() ? { comment: i.comment } : {}) });
  await k.transaction().execute(async (tx) => {
    const updated = await q.updateItemIf(tx, id, l.row.status, {
      ...(i.title !== undefined ? { title: i.title } : {}),
      ...(i.campaign !== undefined ? { campaign: i.campaign } : {}),
      ...(i.pillar !== undefined ? { pillar: i.pillar } : {}),
      ...(accountIds ? { account_ids: JSON.stringify(accountIds) } : {}),
      ...(i.owner_id !== undefined ? { owner_id: i.owner_id } : {}),
      ...(i.reviewer_id !== undefined ? { reviewer_id: i.reviewer_id } : {}),
      ...(i.due_date !== undefined ? { due_date: i.due_date } : {}),
      status: edited.item.status,
      updated_at: now,
    });
    if (!updated) throw new Conflict(`content item ${id} changed while it was being edited; reload and try again`);
    if (i.variants) {
      await q.replaceVariants(tx, id, variantRows(id, i.variants));
      await linkVariantMedia(tx, l.org, id, i.variants);
    }
    if (edited.record) await record(tx, id, edited.record);
    // Publishing: an edit of scheduled content cancels what has not started.
    if (edited.record?.from === 'scheduled') await cancelItem(tx, id, now);
  });
  return getContent(actor, id, deps);
}

export async function deleteContent(_actor: Actor, id: number, deps: Deps): Promise<void> {
  await load(deps.db.kysely, id);
  await q.deleteItem(deps.db.kysely, id);
}

// Checks and transitions

/** The organisation's persona; none means no voice check. */
async function personaOf(db: Db, org: OrganizationRow, _at: string): Promise<q.PersonaRow | undefined> {
  return q.findPersona(db, org.id);
}

interface Checks {
  platform: { platform: string; findings: Finding[] }[];
  voice: { required: boolean; passed: boolean; score: number; variants: { platform: string; passed: boolean; score: number; findings: VoiceFinding[] }[] } | null;
}

async function runChecks(db: Db, l: Loaded, at: string): Promise<Checks> {
  const platforms = [...new Set([...l.accounts.map((a) => a.platform), ...l.variants.map((v) => v.platform)])].sort();
  const platform = platforms.map((p) => {
    const v = l.variants.find((x) => x.platform === p);
    if (!v) return { platform: p, findings: [{ rule: 'content.variant.missing', severity: 'error' as const, message: `Write the ${p} variant: the item is posted from a ${p} account.` }] };
    const findings = checkVariant(p as Platform, {
      text: v.text, media: json(v.media), ...(v.title !== null ? { title: v.title } : {}), ...(v.link !== null ? { link: v.link } : {}), ...(v.first_comment !== null ? { firstComment: v.first_comment } : {}),
    });
    if (!l.accounts.some((a) => a.platform === p)) findings.push({ rule: 'content.variant.unused', severity: 'warning', message: `No ${p} account is chosen, so this variant will not be posted.` });
    return { platform: p, findings };
  });
  const row = await personaOf(db, l.org, at);
  if (!row) return { platform, voice: null };
  const persona: Persona = personaSchema.parse(json(row.persona));
  const variants = l.variants.map((v) => ({ platform: v.platform, ...checkVoice(persona, v.text) }));
  return {
    platform,
    voice: { required: row.require_voice_pass === 1, passed: variants.every((v) => v.passed), score: Math.min(100, ...variants.map((v) => v.score)), variants },
  };
}

function approvable(c: Checks): boolean {
  return !hasErrors(c.platform.flatMap((p) => p.findings)) && (!c.voice?.required || c.voice.passed);
}

export async function contentChecks(_actor: Actor, id: number, deps: Deps): Promise<ChecksView> {
  const l = await load(deps.db.kysely, id);
  const c = await runChecks(deps.db.kysely, l, deps.now());
  return { variants: c.platform, voice: c.voice, approvable: approvable(c) };
}

/** Refuses approval naming every blocking finding, so the composer can point at each. */
function refuseApproval(c: Checks): void {
  const platformErrors: ErrorDetail[] = c.platform.flatMap((p) =>
    p.findings.filter((f) => f.severity === 'error').map((f) => ({ path: `variants.${p.platform}${f.field ? `.${f.field}` : ''}`, message: `${f.rule}: ${f.message}` })),
  );
  if (platformErrors.length) throw new Invalid('the content breaks platform rules; fix them before approving', platformErrors);
  if (c.voice?.required && !c.voice.passed) {
    const details = c.voice.variants.flatMap((v) =>
      v.findings.filter((f) => f.severity === 'error' || !v.passed).map((f) => ({ path: `variants.${v.platform}.text`, message: `${f.rule}: ${f.message} ${f.suggestion}` })),
    );
    throw new Invalid(`this organisation requires the persona voice check to pass before approval; the lowest score is ${c.voice.score}`, details);
  }
}

export async function transitionContent(actor: Actor, id: number, input: unknown, deps: Deps): Promise<ContentView> {
  const i = parseInput(transitionInput, input);
  const who = workflowActor(actor);
  const k = deps.db.kysely;
  const l = await load(k, id);
  const item = workflowItem(l);
  const now = deps.now();
  let scheduledAt: string | undefined;
  if (i.scheduled_at !== undefined) {
    scheduledAt = parseInstant(i.scheduled_at);
    if (!scheduledAt) throw new Invalid('scheduled_at must be an ISO 8601 instant with Z or an offset', [{ path: 'scheduled_at', message: 'not an instant' }]);
  }
  const rule = findRule(item.status, i.to);
  let checks: Checks | undefined;
  if (rule?.action === 'approve') {
    const refused = refusal(who, item, rule.gate, rule.action);
    if (refused) throw new Forbidden(refused);
    checks = await runChecks(k, l, now);
    refuseApproval(checks);
  }
  const { record: r } = transition(item, i.to, who, {
    now,
    ...(i.comment !== undefined ? { comment: i.comment } : {}),
    ...(i.reason !== undefined ? { reason: i.reason } : {}),
    ...(scheduledAt !== undefined ? { scheduledAt } : {}),
    ...(checks ? { checks: { platform: checks.platform.flatMap((p) => p.findings), voice: checks.voice }, requireVoicePass: checks.voice?.required ?? false } : {}),
  });
  await k.transaction().execute(async (tx) => {
    const updated = await q.updateItemIf(tx, id, r.from, {
      status: r.to,
      ...(r.action === 'schedule' ? { scheduled_at: r.scheduledAt } : {}),
      ...(r.action === 'reject' ? { rejection_reason: r.reason } : {}),
      ...(r.action === 'publish' ? { published_at: now } : {}),
      updated_at: now,
    });
    if (!updated) throw new Conflict(`content item ${id} changed meanwhile; reload and try again`);
    await record(tx, id, r);
    // Publishing: scheduling enqueues one publication per account; leaving `scheduled` cancels the unstarted.
    if (r.action === 'schedule' && r.scheduledAt) await enqueueItem(tx, id, l.accounts, l.variants.map((v) => v.platform), r.scheduledAt, now);
    if (r.from === 'scheduled') await cancelItem(tx, id, now);
  });
  return getContent(actor, id, deps);
}

// Comments

function viewComment(c: q.ContentCommentRow): CommentView {
  return { id: c.id, author_id: c.author_id, body: c.body, created_at: c.created_at };
}

export async function listComments(_actor: Actor, id: number, deps: Deps): Promise<CommentView[]> {
  await load(deps.db.kysely, id);
  return (await q.commentsOf(deps.db.kysely, id)).map(viewComment);
}

export async function addComment(actor: Actor, id: number, input: unknown, deps: Deps): Promise<CommentView> {
  const i = parseInput(commentInput, input);
  await load(deps.db.kysely, id);
  return viewComment(await q.insertComment(deps.db.kysely, { item_id: id, author_id: workflowActor(actor).id, body: i.body, created_at: deps.now() }));
}

// Personas

export async function getPersona(_actor: Actor, orgCode: string, deps: Deps): Promise<PersonaView> {
  const org = await requireOrganization(deps, orgCode);
  const row = await personaOf(deps.db.kysely, org, deps.now());
  return { org: org.code, persona: row ? personaSchema.parse(json(row.persona)) : null, require_voice_pass: row?.require_voice_pass === 1, updated_at: row?.updated_at ?? null };
}

export async function putPersona(actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<PersonaView> {
  const i = parseInput(personaInput, input);
  const org = await requireOrganization(deps, orgCode);
  await q.upsertPersona(deps.db.kysely, { organization_id: org.id, persona: JSON.stringify(i.persona), require_voice_pass: i.require_voice_pass ? 1 : 0, updated_at: deps.now() });
  return getPersona(actor, orgCode, deps);
}
