// Use cases for planning and evaluation meetings: create (an evaluation's agenda generated from the figures),
// read, list, edit (minutes, attendees, agenda, status), delete, regenerate the agenda, export the minutes.
import { Invalid, NotFound } from '../core/errors.ts';
import {
  generatedAgendaItems, minutesDoc, minutesLabels, renderMarkdown,
  type EvaluationAgenda, type MeetingKind, type MinutesDoc, type MinutesLang,
} from '../core/meetings/index.ts';
import { addDays, parseInstant } from '../core/time.ts';
import * as q from '../db/queries/meetings.ts';
import { findOrganizationById } from '../db/queries/organizations.ts';
import { decodeCursor, encodeCursor, type Page } from '../db/queries/paging.ts';
import { findTeamMember } from '../db/queries/team.ts';
import type { OrganizationRow } from '../db/schema.ts';
import { localTime, startOfLocalDay } from './content.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { buildAgenda } from './meetings-agenda.ts';
import {
  createMeetingInput, langQuery, listMeetingsInput, updateMeetingInput,
  type ActionItemView, type MeetingSummaryView, type MeetingView,
} from './meetings-schemas.ts';
import { requireOrganization } from './organizations.ts';
import { renderMinutesPdf } from '../reports/minutes-pdf.ts';

type Db = Deps['db']['kysely'];

export function orgLang(org: OrganizationRow): MinutesLang {
  return org.languages.split(';')[0]?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

/** The instant of a wall-clock time in a zone (the earlier one when a clock change repeats it). */
export function instantOfLocal(local: string, zone: string): string {
  const wanted = Date.parse(`${local.replace(' ', 'T')}:00Z`);
  let t = wanted;
  for (let n = 0; n < 3; n++) {
    const shown = Date.parse(`${localTime(new Date(t).toISOString(), zone).replace(' ', 'T')}:00Z`);
    if (shown === wanted) break;
    t -= shown - wanted;
  }
  return new Date(t).toISOString();
}

function startsAt(i: { starts_at?: string | undefined; starts_local?: string | undefined }, zone: string): string | undefined {
  if (i.starts_at !== undefined) {
    const at = parseInstant(i.starts_at);
    if (!at) throw new Invalid('starts_at must be an ISO 8601 instant with Z or an offset', [{ path: 'starts_at', message: 'not an instant' }]);
    return at;
  }
  return i.starts_local !== undefined ? instantOfLocal(i.starts_local, zone) : undefined;
}

/** The calendar month before the one a local date falls in. */
function previousMonth(date: string): { from: string; to: string } {
  const to = addDays(`${date.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

export async function requireMeeting(deps: Deps, id: number): Promise<{ row: q.MeetingRow; org: OrganizationRow }> {
  const row = await q.findMeeting(deps.db.kysely, id);
  const org = row && (await findOrganizationById(deps.db.kysely, row.organization_id));
  if (!row || !org) throw new NotFound(`meeting ${id} does not exist`);
  return { row, org };
}

export async function checkMembers(db: Db, org: OrganizationRow, ids: readonly number[], field: string): Promise<void> {
  for (const [n, id] of ids.entries()) {
    const m = await findTeamMember(db, id);
    if (!m || m.organization_id !== org.id) throw new Invalid(`team member ${id} is not on ${org.code}'s team`, [{ path: ids.length > 1 || field.endsWith('_ids') ? `${field}.${n}` : field, message: 'not a team member of this organisation' }]);
  }
}

function summary(r: q.MeetingRow, org: OrganizationRow, open: number): MeetingSummaryView {
  return {
    id: r.id, org: org.code, kind: r.kind as MeetingKind, title: r.title, starts_at: r.starts_at, starts_local: localTime(r.starts_at, org.timezone), timezone: org.timezone,
    duration_min: r.duration_min, location: r.location, status: r.status as MeetingSummaryView['status'], period_from: r.period_from, period_to: r.period_to,
    open_action_items: open, created_at: r.created_at, updated_at: r.updated_at,
  };
}

export function viewActionItem(a: q.ActionItemRow & { owner_name: string | null }): ActionItemView {
  return { id: a.id, meeting_id: a.meeting_id, text: a.text, owner_id: a.owner_id, owner_name: a.owner_name, due_date: a.due_date, status: a.status as ActionItemView['status'], done_at: a.done_at, created_at: a.created_at, updated_at: a.updated_at };
}

export async function getMeeting(_actor: Actor, id: number, deps: Deps): Promise<MeetingView> {
  const { row, org } = await requireMeeting(deps, id);
  const k = deps.db.kysely;
  const [attendees, agenda, decisions, actions] = await Promise.all([q.attendeesOf(k, [id]), q.agendaOf(k, id), q.decisionsOf(k, id), q.actionItemsOf(k, [id])]);
  const linked = await q.decisionItemsOf(k, decisions.map((d) => d.id));
  return {
    ...summary(row, org, actions.filter((a) => a.status === 'open').length),
    attendees: attendees.map((a) => ({ id: a.id, name: a.name })),
    agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title, notes: a.notes, section: a.section })),
    agenda_data: row.agenda_data ? (JSON.parse(row.agenda_data) as EvaluationAgenda) : null,
    minutes: row.minutes,
    decisions: decisions.map((d) => ({ id: d.id, meeting_id: d.meeting_id, text: d.text, created_at: d.created_at, content_items: linked.filter((l) => l.decision_id === d.id).map((l) => ({ id: l.id, title: l.title, status: l.status })) })),
    action_items: actions.map(viewActionItem),
  };
}

export async function listMeetings(_actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<Page<MeetingSummaryView>> {
  const i = parseInput(listMeetingsInput, input);
  const org = await requireOrganization(deps, orgCode);
  const cursor = decodeCursor<string>(i.cursor, 'string');
  const [at, id] = cursor?.split('|') ?? [];
  const rows = await q.listMeetings(deps.db.kysely, {
    organizationId: org.id, kind: i.kind, status: i.status,
    fromInstant: i.from ? startOfLocalDay(i.from, org.timezone) : undefined, toInstant: i.to ? startOfLocalDay(addDays(i.to, 1), org.timezone) : undefined,
    before: at && id ? [at, Number(id)] : undefined, limit: i.limit,
  });
  const page = rows.slice(0, i.limit);
  const open = await q.openActionCounts(deps.db.kysely, page.map((r) => r.id));
  const last = page.at(-1);
  return { items: page.map((r) => summary(r, org, open.get(r.id) ?? 0)), next_cursor: rows.length > i.limit && last ? encodeCursor(`${last.starts_at}|${last.id}`) : null };
}

async function generate(actor: Actor, deps: Deps, org: OrganizationRow, meetingId: number, startsAtValue: string, from: string, to: string): Promise<EvaluationAgenda> {
  return buildAgenda(actor, { org: org.code, from, to }, deps, { startsAt: startsAtValue, meetingId });
}

export async function createMeeting(actor: Actor, orgCode: string, input: unknown, deps: Deps): Promise<MeetingView> {
  const i = parseInput(createMeetingInput, input);
  const org = await requireOrganization(deps, orgCode);
  const k = deps.db.kysely;
  const at = startsAt(i, org.timezone);
  if (!at) throw new Invalid('say when the meeting starts: starts_at or starts_local', [{ path: 'starts_at', message: 'required' }]);
  await checkMembers(k, org, i.attendee_ids, 'attendee_ids');
  const local = localTime(at, org.timezone);
  let period: { from: string; to: string } | null = null;
  if (i.kind === 'evaluation') {
    period = i.period_from && i.period_to ? { from: i.period_from, to: i.period_to } : previousMonth(local.slice(0, 10));
    if (period.to < period.from) throw new Invalid('period_to must not be before period_from', [{ path: 'period_to', message: 'before period_from' }]);
  }
  const now = deps.now();
  const lang = orgLang(org);
  const row = await q.insertMeeting(k, {
    organization_id: org.id, kind: i.kind, title: i.title ?? `${minutesLabels(lang)[i.kind]} ${local.slice(0, 10)}`, starts_at: at, duration_min: i.duration_min ?? null,
    location: i.location ?? null, status: 'planned', period_from: period?.from ?? null, period_to: period?.to ?? null, minutes: '', agenda_data: null, created_at: now, updated_at: now,
  });
  try {
    const agenda = period && i.generate_agenda ? await generate(actor, deps, org, row.id, at, period.from, period.to) : null;
    await k.transaction().execute(async (tx) => {
      await q.setAttendees(tx, row.id, [...new Set(i.attendee_ids)]);
      const manual = i.agenda.map((a) => ({ title: a.title, notes: a.notes ?? null, section: a.section ?? null }));
      await q.replaceAgenda(tx, row.id, [...(agenda ? generatedAgendaItems(agenda, lang) : []), ...manual]);
      if (agenda) await q.updateMeeting(tx, row.id, { agenda_data: JSON.stringify(agenda) });
    });
  } catch (err) {
    await q.deleteMeeting(k, row.id);
    throw err;
  }
  return getMeeting(actor, row.id, deps);
}

export async function updateMeeting(actor: Actor, id: number, input: unknown, deps: Deps): Promise<MeetingView> {
  const i = parseInput(updateMeetingInput, input);
  const { row, org } = await requireMeeting(deps, id);
  const k = deps.db.kysely;
  const at = startsAt(i, org.timezone);
  if (i.attendee_ids) await checkMembers(k, org, i.attendee_ids, 'attendee_ids');
  const from = i.period_from ?? row.period_from;
  const to = i.period_to ?? row.period_to;
  if (from && to && to < from) throw new Invalid('period_to must not be before period_from', [{ path: 'period_to', message: 'before period_from' }]);
  await k.transaction().execute(async (tx) => {
    await q.updateMeeting(tx, id, {
      ...(i.title !== undefined ? { title: i.title } : {}),
      ...(at !== undefined ? { starts_at: at } : {}),
      ...(i.duration_min !== undefined ? { duration_min: i.duration_min } : {}),
      ...(i.location !== undefined ? { location: i.location } : {}),
      ...(i.status !== undefined ? { status: i.status } : {}),
      ...(i.minutes !== undefined ? { minutes: i.minutes } : {}),
      ...(i.period_from !== undefined ? { period_from: i.period_from } : {}),
      ...(i.period_to !== undefined ? { period_to: i.period_to } : {}),
      updated_at: deps.now(),
    });
    if (i.attendee_ids) await q.setAttendees(tx, id, [...new Set(i.attendee_ids)]);
    if (i.agenda) await q.replaceAgenda(tx, id, i.agenda.map((a) => ({ title: a.title, notes: a.notes ?? null, section: a.section ?? null })));
  });
  return getMeeting(actor, id, deps);
}

export async function deleteMeeting(_actor: Actor, id: number, deps: Deps): Promise<void> {
  await requireMeeting(deps, id);
  await q.deleteMeeting(deps.db.kysely, id);
}

/** Builds the evaluation agenda again from today's figures; items written by hand stay, after the generated ones. */
export async function regenerateAgenda(actor: Actor, id: number, deps: Deps): Promise<MeetingView> {
  const { row, org } = await requireMeeting(deps, id);
  if (row.kind !== 'evaluation' || !row.period_from || !row.period_to) throw new Invalid('only an evaluation meeting with a period has a generated agenda', [{ path: 'kind', message: 'not an evaluation' }]);
  const agenda = await generate(actor, deps, org, id, row.starts_at, row.period_from, row.period_to);
  const k = deps.db.kysely;
  const manual = (await q.agendaOf(k, id)).filter((a) => a.section === null);
  await k.transaction().execute(async (tx) => {
    await q.replaceAgenda(tx, id, [...generatedAgendaItems(agenda, orgLang(org)), ...manual.map((a) => ({ title: a.title, notes: a.notes, section: null }))]);
    await q.updateMeeting(tx, id, { agenda_data: JSON.stringify(agenda), updated_at: deps.now() });
  });
  return getMeeting(actor, id, deps);
}

// Minutes

export async function minutesDocument(actor: Actor, id: number, input: unknown, deps: Deps): Promise<{ doc: MinutesDoc; fileBase: string }> {
  const i = parseInput(langQuery, input);
  const m = await getMeeting(actor, id, deps);
  const { org } = await requireMeeting(deps, id);
  const doc = minutesDoc(
    {
      org: { code: org.code, name: org.name }, kind: m.kind, title: m.title, startsLocal: m.starts_local, timezone: m.timezone, durationMin: m.duration_min, location: m.location,
      status: m.status, period: m.period_from && m.period_to ? { from: m.period_from, to: m.period_to } : null, attendees: m.attendees.map((a) => a.name),
      agenda: m.agenda.filter((a) => !m.agenda_data || a.section === null).map((a) => ({ title: a.title, notes: a.notes })),
      agendaData: m.agenda_data as EvaluationAgenda | null, minutes: m.minutes,
      decisions: m.decisions.map((d) => ({ text: d.text, content: d.content_items })),
      actions: m.action_items.map((a) => ({ text: a.text, owner: a.owner_name, dueDate: a.due_date, status: a.status })),
    },
    i.lang ?? orgLang(org),
  );
  return { doc, fileBase: `minutes-${org.code}-${m.starts_local.slice(0, 10)}-${m.id}` };
}

export async function minutesMarkdown(actor: Actor, id: number, input: unknown, deps: Deps): Promise<{ text: string; fileBase: string }> {
  const { doc, fileBase } = await minutesDocument(actor, id, input, deps);
  return { text: renderMarkdown(doc), fileBase };
}

export async function minutesPdf(actor: Actor, id: number, input: unknown, deps: Deps): Promise<{ bytes: Buffer; fileBase: string }> {
  const { doc, fileBase } = await minutesDocument(actor, id, input, deps);
  return { bytes: await renderMinutesPdf(doc, deps.now(), fileBase), fileBase };
}
