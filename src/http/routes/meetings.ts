// /api/organizations/{code}/meetings, /api/meetings/{id} (+ decisions, action items, minutes exports) and
// /api/organizations/{code}/evaluation-agenda: planning and evaluation meetings.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as records from '../../actions/meeting-records.ts';
import * as actions from '../../actions/meetings.ts';
import { evaluationAgenda } from '../../actions/meetings-agenda.ts';
import * as s from '../../actions/meetings-schemas.ts';
import { pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Meetings'];
const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });

const file = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().meta({ format: 'binary' }) } } });
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`;

export const meetingsRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/meetings', tags, summary: "The organisation's meetings, latest first",
      request: { params: orgParams, query: s.listMeetingsInput },
      responses: { 200: json(pageView(s.meetingSummaryView, 'MeetingPage'), 'A page of meetings'), ...errors },
    }),
    async (c) => c.json(await actions.listMeetings(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organizations/{code}/meetings', tags, summary: 'Plan a meeting; an evaluation meeting gets its agenda generated from the figures',
      request: { params: orgParams, body: body(s.createMeetingInput) },
      responses: { 201: json(s.meetingView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createMeeting(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/evaluation-agenda', tags,
      summary: "A period's evaluation agenda without a meeting: figures against the period before, top and bottom posts, cadence gaps, peer position, open action items",
      request: { params: orgParams, query: s.agendaQuery },
      responses: { 200: json(s.evaluationAgendaView, 'The agenda'), ...errors },
    }),
    async (c) => c.json(await evaluationAgenda(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/meetings/{id}', tags, summary: 'A meeting with attendees, agenda, minutes, decisions and action items',
      request: { params: idParams },
      responses: { 200: json(s.meetingView, 'The meeting'), ...errors },
    }),
    async (c) => c.json(await actions.getMeeting(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/meetings/{id}', tags, summary: 'Edit a meeting: time, attendees, agenda, minutes, status (held meetings count as practice)',
      request: { params: idParams, body: body(s.updateMeetingInput) },
      responses: { 200: json(s.meetingView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateMeeting(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/meetings/{id}', tags, summary: 'Delete a meeting with its decisions and action items (content it created stays)',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deleteMeeting(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/meetings/{id}/agenda/generate', tags, summary: "Generate an evaluation meeting's agenda again from today's figures (hand-written items stay)",
      request: { params: idParams },
      responses: { 200: json(s.meetingView, 'The meeting'), ...errors },
    }),
    async (c) => c.json(await actions.regenerateAgenda(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/meetings/{id}/minutes.md', tags, summary: 'The minutes as Markdown',
      request: { params: idParams, query: s.langQuery },
      responses: { 200: file('text/markdown', 'Markdown'), ...errors },
    }),
    async (c) => {
      const r = await actions.minutesMarkdown(c.var.actor, c.req.valid('param').id, c.req.valid('query'), c.var.deps);
      return c.body(r.text, 200, { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': attachment(`${r.fileBase}.md`) });
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/meetings/{id}/minutes.pdf', tags, summary: 'The minutes as PDF',
      request: { params: idParams, query: s.langQuery },
      responses: { 200: file('application/pdf', 'PDF'), ...errors },
    }),
    async (c) => {
      const r = await actions.minutesPdf(c.var.actor, c.req.valid('param').id, c.req.valid('query'), c.var.deps);
      return c.body(new Uint8Array(r.bytes), 200, { 'content-type': 'application/pdf', 'content-disposition': attachment(`${r.fileBase}.pdf`), 'content-length': String(r.bytes.length) });
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/meetings/{id}/decisions', tags, summary: 'Record a decision; it may create content items as ideas, linked back to it',
      request: { params: idParams, body: body(s.decisionInput) },
      responses: { 201: json(s.decisionView, 'Recorded'), ...errors },
    }),
    async (c) => c.json(await records.addDecision(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/decisions/{id}', tags, summary: "Edit a decision's text",
      request: { params: idParams, body: body(s.decisionUpdateInput) },
      responses: { 200: json(s.decisionView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await records.updateDecision(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/decisions/{id}', tags, summary: 'Delete a decision (content items it created stay)',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await records.deleteDecision(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/decisions/{id}/content', tags, summary: 'Create a content item (an idea) from a decision',
      request: { params: idParams, body: body(s.decisionContentInput) },
      responses: { 201: json(s.decisionView, 'The decision with its content items'), ...errors },
    }),
    async (c) => c.json(await records.addDecisionContent(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/meetings/{id}/action-items', tags, summary: 'Add an action item (owner, due date)',
      request: { params: idParams, body: body(s.actionItemInput) },
      responses: { 201: json(s.actionItemView, 'Added'), ...errors },
    }),
    async (c) => c.json(await records.addActionItem(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/action-items/{id}', tags, summary: 'Edit an action item or mark it done',
      request: { params: idParams, body: body(s.actionItemUpdateInput) },
      responses: { 200: json(s.actionItemView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await records.updateActionItem(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/action-items/{id}', tags, summary: 'Delete an action item',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await records.deleteActionItem(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  );
