// Use cases for what a meeting records: decisions (which may create content items as ideas, linked back)
// and action items (owner, due date, open or done).
import { NotFound } from '../core/errors.ts';
import * as q from '../db/queries/meetings.ts';
import { createContent } from './content.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { checkMembers, requireMeeting, viewActionItem } from './meetings.ts';
import {
  actionItemInput, actionItemUpdateInput, decisionContentInput, decisionInput, decisionUpdateInput,
  type ActionItemView, type DecisionView,
} from './meetings-schemas.ts';

async function viewDecision(deps: Deps, d: q.DecisionRow): Promise<DecisionView> {
  const items = await q.decisionItemsOf(deps.db.kysely, [d.id]);
  return { id: d.id, meeting_id: d.meeting_id, text: d.text, created_at: d.created_at, content_items: items.map((i) => ({ id: i.id, title: i.title, status: i.status })) };
}

async function requireDecision(deps: Deps, id: number) {
  const d = await q.findDecision(deps.db.kysely, id);
  if (!d) throw new NotFound(`decision ${id} does not exist`);
  return { decision: d, ...(await requireMeeting(deps, d.meeting_id)) };
}

/** A content item as an idea of the meeting's organisation, linked to the decision. */
async function ideaFrom(actor: Actor, deps: Deps, orgCode: string, decisionId: number, c: { title: string; due_date?: string | null | undefined; owner_id?: number | null | undefined }): Promise<void> {
  const item = await createContent(actor, orgCode, { title: c.title, status: 'idea', ...(c.due_date ? { due_date: c.due_date } : {}), ...(c.owner_id ? { owner_id: c.owner_id } : {}) }, deps);
  await q.linkDecisionItem(deps.db.kysely, decisionId, item.id);
}

export async function addDecision(actor: Actor, meetingId: number, input: unknown, deps: Deps): Promise<DecisionView> {
  const i = parseInput(decisionInput, input);
  const { org } = await requireMeeting(deps, meetingId);
  await checkMembers(deps.db.kysely, org, i.create_content.flatMap((c) => (c.owner_id ? [c.owner_id] : [])), 'create_content.owner_id');
  const d = await q.insertDecision(deps.db.kysely, { meeting_id: meetingId, text: i.text, created_at: deps.now() });
  for (const c of i.create_content) await ideaFrom(actor, deps, org.code, d.id, c);
  return viewDecision(deps, d);
}

export async function updateDecision(_actor: Actor, id: number, input: unknown, deps: Deps): Promise<DecisionView> {
  const i = parseInput(decisionUpdateInput, input);
  await requireDecision(deps, id);
  return viewDecision(deps, await q.updateDecision(deps.db.kysely, id, i.text));
}

/** Deletes the decision; content items it created stay (they have a life of their own in the workflow). */
export async function deleteDecision(_actor: Actor, id: number, deps: Deps): Promise<void> {
  await requireDecision(deps, id);
  await q.deleteDecision(deps.db.kysely, id);
}

export async function addDecisionContent(actor: Actor, id: number, input: unknown, deps: Deps): Promise<DecisionView> {
  const i = parseInput(decisionContentInput, input);
  const { decision, org } = await requireDecision(deps, id);
  await checkMembers(deps.db.kysely, org, i.owner_id ? [i.owner_id] : [], 'owner_id');
  await ideaFrom(actor, deps, org.code, id, i);
  return viewDecision(deps, decision);
}

// Action items

async function loadAction(deps: Deps, id: number) {
  const a = await q.findActionItem(deps.db.kysely, id);
  if (!a) throw new NotFound(`action item ${id} does not exist`);
  return { action: a, ...(await requireMeeting(deps, a.meeting_id)) };
}

async function viewAction(deps: Deps, id: number): Promise<ActionItemView> {
  const { action } = await loadAction(deps, id);
  const [row] = await q.actionItemsOf(deps.db.kysely, [action.meeting_id]).then((rows) => rows.filter((r) => r.id === id));
  if (!row) throw new NotFound(`action item ${id} does not exist`);
  return viewActionItem(row);
}

export async function addActionItem(_actor: Actor, meetingId: number, input: unknown, deps: Deps): Promise<ActionItemView> {
  const i = parseInput(actionItemInput, input);
  const { org } = await requireMeeting(deps, meetingId);
  if (i.owner_id) await checkMembers(deps.db.kysely, org, [i.owner_id], 'owner_id');
  const now = deps.now();
  const a = await q.insertActionItem(deps.db.kysely, { meeting_id: meetingId, text: i.text, owner_id: i.owner_id ?? null, due_date: i.due_date ?? null, status: 'open', done_at: null, created_at: now, updated_at: now });
  return viewAction(deps, a.id);
}

export async function updateActionItem(_actor: Actor, id: number, input: unknown, deps: Deps): Promise<ActionItemView> {
  const i = parseInput(actionItemUpdateInput, input);
  const { action, org } = await loadAction(deps, id);
  if (i.owner_id) await checkMembers(deps.db.kysely, org, [i.owner_id], 'owner_id');
  const now = deps.now();
  await q.updateActionItem(deps.db.kysely, id, {
    ...(i.text !== undefined ? { text: i.text } : {}),
    ...(i.owner_id !== undefined ? { owner_id: i.owner_id } : {}),
    ...(i.due_date !== undefined ? { due_date: i.due_date } : {}),
    ...(i.status !== undefined && i.status !== action.status ? { status: i.status, done_at: i.status === 'done' ? now : null } : {}),
    updated_at: now,
  });
  return viewAction(deps, id);
}

export async function deleteActionItem(_actor: Actor, id: number, deps: Deps): Promise<void> {
  await loadAction(deps, id);
  await q.deleteActionItem(deps.db.kysely, id);
}
