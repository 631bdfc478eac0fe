// SQL for meetings: the meeting, its attendees, agenda items, decisions (and the content they created) and action items.
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../schema.ts';

export interface MeetingsTable {
  id: Generated<number>;
  organization_id: number;
  kind: string;
  title: string;
  starts_at: string;
  duration_min: number | null;
  location: string | null;
  status: string;
  period_from: string | null;
  period_to: string | null;
  minutes: string;
  agenda_data: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendeesTable {
  meeting_id: number;
  team_member_id: number;
}

export interface MeetingAgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  title: string;
  notes: string | null;
  section: string | null;
}

export interface MeetingDecisionsTable {
  id: Generated<number>;
  meeting_id: number;
  text: string;
  created_at: string;
}

export interface MeetingDecisionItemsTable {
  decision_id: number;
  content_item_id: number;
}

export interface MeetingActionItemsTable {
  id: Generated<number>;
  meeting_id: number;
  text: string;
  owner_id: number | null;
  due_date: string | null;
  status: string;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

interface MeetingTables {
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_decisions: MeetingDecisionsTable;
  meeting_decision_items: MeetingDecisionItemsTable;
  meeting_action_items: MeetingActionItemsTable;
  content_items: { id: number; title: string; status: string };
}

export type MeetingRow = Selectable<MeetingsTable>;
export type AgendaItemRow = Selectable<MeetingAgendaItemsTable>;
export type DecisionRow = Selectable<MeetingDecisionsTable>;
export type ActionItemRow = Selectable<MeetingActionItemsTable>;

type K = Kysely<Database & MeetingTables>;
type Db = Kysely<Database>;
const k = (db: Db): K => db as unknown as K;

/**
 * Meetings of an organisation recorded as held, starting in [fromInstant, toInstant); of one kind when given.
 * The practice helper reads this as observed practice (planning and evaluation meetings per month).
 */
export async function meetingsHeldCount(db: Db, organizationId: number, fromInstant: string, toInstant: string, kind?: 'planning' | 'evaluation'): Promise<number> {
  let q = k(db)
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'held')
    .where('starts_at', '>=', fromInstant)
    .where('starts_at', '<', toInstant);
  if (kind) q = q.where('kind', '=', kind);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export function findMeeting(db: Db, id: number): Promise<MeetingRow | undefined> {
  return k(db).selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface MeetingFilter {
  organizationId: number;
  kind?: string | undefined;
  status?: string | undefined;
  fromInstant?: string | undefined;
  toInstant?: string | undefined;
  /** Newest first: the cursor is the last [starts_at, id] seen. */
  before?: [string, number] | undefined;
  limit: number;
}

export function listMeetings(db: Db, f: MeetingFilter): Promise<MeetingRow[]> {
  let q = k(db).selectFrom('meetings').selectAll().where('organization_id', '=', f.organizationId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.fromInstant) q = q.where('starts_at', '>=', f.fromInstant);
  if (f.toInstant) q = q.where('starts_at', '<', f.toInstant);
  const before = f.before;
  if (before) q = q.where((eb) => eb.or([eb('starts_at', '<', before[0]), eb.and([eb('starts_at', '=', before[0]), eb('id', '<', before[1])])]));
  return q.orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
}

/** The meeting before this one (not cancelled), whose open action items the next evaluation goes through. */
export function previousMeeting(db: Db, organizationId: number, startsAt: string, exceptId?: number): Promise<MeetingRow | undefined> {
  let q = k(db)
    .selectFrom('meetings')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('status', '!=', 'cancelled')
    .where('starts_at', '<', startsAt);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.orderBy('starts_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

export function insertMeeting(db: Db, row: Insertable<MeetingsTable>): Promise<MeetingRow> {
  return k(db).insertInto('meetings').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateMeeting(db: Db, id: number, patch: Updateable<MeetingsTable>): Promise<MeetingRow> {
  return k(db).updateTable('meetings').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteMeeting(db: Db, id: number): Promise<void> {
  await k(db).deleteFrom('meetings').where('id', '=', id).execute();
}

// Attendees

export async function setAttendees(db: Db, meetingId: number, memberIds: readonly number[]): Promise<void> {
  await k(db).deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  if (memberIds.length) await k(db).insertInto('meeting_attendees').values(memberIds.map((team_member_id) => ({ meeting_id: meetingId, team_member_id }))).execute();
}

export function attendeesOf(db: Db, meetingIds: readonly number[]): Promise<{ meeting_id: number; id: number; name: string }[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return k(db)
    .selectFrom('meeting_attendees as a')
    .innerJoin('team_members as t', 't.id', 'a.team_member_id')
    .select(['a.meeting_id', 't.id', 't.name'])
    .where('a.meeting_id', 'in', [...meetingIds])
    .orderBy('t.name')
    .execute();
}

// Agenda items

export async function replaceAgenda(db: Db, meetingId: number, items: readonly { title: string; notes: string | null; section: string | null }[]): Promise<void> {
  await k(db).deleteFrom('meeting_agenda_items').where('meeting_id', '=', meetingId).execute();
  if (items.length) await k(db).insertInto('meeting_agenda_items').values(items.map((i, position) => ({ meeting_id: meetingId, position, ...i }))).execute();
}

export function agendaOf(db: Db, meetingId: number): Promise<AgendaItemRow[]> {
  return k(db).selectFrom('meeting_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
}

// Decisions

export function insertDecision(db: Db, row: Insertable<MeetingDecisionsTable>): Promise<DecisionRow> {
  return k(db).insertInto('meeting_decisions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findDecision(db: Db, id: number): Promise<DecisionRow | undefined> {
  return k(db).selectFrom('meeting_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateDecision(db: Db, id: number, text: string): Promise<DecisionRow> {
  return k(db).updateTable('meeting_decisions').set({ text }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteDecision(db: Db, id: number): Promise<void> {
  await k(db).deleteFrom('meeting_decisions').where('id', '=', id).execute();
}

export function decisionsOf(db: Db, meetingId: number): Promise<DecisionRow[]> {
  return k(db).selectFrom('meeting_decisions').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute();
}

export async function linkDecisionItem(db: Db, decisionId: number, contentItemId: number): Promise<void> {
  await k(db).insertInto('meeting_decision_items').values({ decision_id: decisionId, content_item_id: contentItemId }).execute();
}

export function decisionItemsOf(db: Db, decisionIds: readonly number[]): Promise<{ decision_id: number; id: number; title: string; status: string }[]> {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return k(db)
    .selectFrom('meeting_decision_items as d')
    .innerJoin('content_items as i', 'i.id', 'd.content_item_id')
    .select(['d.decision_id', 'i.id', 'i.title', 'i.status'])
    .where('d.decision_id', 'in', [...decisionIds])
    .orderBy('i.id')
    .execute();
}

// Action items

export function insertActionItem(db: Db, row: Insertable<MeetingActionItemsTable>): Promise<ActionItemRow> {
  return k(db).insertInto('meeting_action_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findActionItem(db: Db, id: number): Promise<ActionItemRow | undefined> {
  return k(db).selectFrom('meeting_action_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateActionItem(db: Db, id: number, patch: Updateable<MeetingActionItemsTable>): Promise<ActionItemRow> {
  return k(db).updateTable('meeting_action_items').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteActionItem(db: Db, id: number): Promise<void> {
  await k(db).deleteFrom('meeting_action_items').where('id', '=', id).execute();
}

export function actionItemsOf(db: Db, meetingIds: readonly number[], status?: string): Promise<(ActionItemRow & { owner_name: string | null })[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  let q = k(db)
    .selectFrom('meeting_action_items as a')
    .leftJoin('team_members as t', 't.id', 'a.owner_id')
    .selectAll('a')
    .select('t.name as owner_name')
    .where('a.meeting_id', 'in', [...meetingIds]);
  if (status) q = q.where('a.status', '=', status);
  return q.orderBy('a.id').execute();
}

/** Open action items per meeting, for the list. */
export async function openActionCounts(db: Db, meetingIds: readonly number[]): Promise<Map<number, number>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await k(db)
    .selectFrom('meeting_action_items')
    .select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('meeting_id', 'in', [...meetingIds])
    .where('status', '=', 'open')
    .groupBy('meeting_id')
    .execute();
  return new Map(rows.map((r) => [r.meeting_id, Number(r.n)]));
}

/** The groups an organisation belongs to, peer groups first. */
export function groupsOfOrganization(db: Db, organizationId: number): Promise<{ code: string; kind: string }[]> {
  return k(db)
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select(['g.code', 'g.kind'])
    .where('m.organization_id', '=', organizationId)
    .orderBy('g.kind', 'desc')
    .orderBy('g.code')
    .execute();
}

/** Publication instants of the accounts' posts in [fromInstant, toInstant), for posting gaps. */
export function postTimesOf(db: Db, accountIds: readonly number[], fromInstant: string, toInstant: string): Promise<{ account_id: number; published_at: string }[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return k(db)
    .selectFrom('posts')
    .select(['account_id', 'published_at'])
    .where('account_id', 'in', [...accountIds])
    .where('published_at', '>=', fromInstant)
    .where('published_at', '<', toInstant)
    .execute();
}
