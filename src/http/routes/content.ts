// /api/organizations/{code}/content, /api/content/{id}: planning items, their workflow, comments and checks;
// the organisation's persona; the calendar token and the read-only iCalendar feed.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/content.ts';
import * as calendar from '../../actions/content-calendar.ts';
import * as s from '../../actions/content-schemas.ts';
import { pageView } from '../../actions/views.ts';
import { errorBody } from '../errors.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Planning'];
const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });
const fileParams = z.object({ file: z.string().meta({ param: { name: 'file', in: 'path' }, example: 'Jx3k...Q.ics', description: 'the token followed by .ics' }) });

export const contentRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/content', tags, summary: "List an organisation's content items",
      request: { params: orgParams, query: s.listContentInput },
      responses: { 200: json(pageView(s.contentView, 'ContentPage'), 'A page of content items'), ...errors },
    }),
    async (c) => c.json(await actions.listContent(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organizations/{code}/content', tags, summary: 'Create a content item (an idea or a draft)',
      request: { params: orgParams, body: body(s.createContentInput) },
      responses: { 201: json(s.contentView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createContent(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/content/{id}', tags, summary: 'A content item with its transition history',
      request: { params: idParams },
      responses: { 200: json(s.contentView, 'The item'), ...errors },
    }),
    async (c) => c.json(await actions.getContent(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/content/{id}', tags, summary: 'Edit a content item; approved or scheduled content goes back to review',
      request: { params: idParams, body: body(s.updateContentInput) },
      responses: { 200: json(s.contentView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateContent(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/content/{id}', tags, summary: 'Delete a content item, its history and comments',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deleteContent(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/content/{id}/transitions', tags, summary: 'Move a content item through the workflow',
      description: 'Approval runs the platform checks and, where the organisation requires it, the persona voice check; a refusal names each finding. Rejection needs a reason; scheduling needs scheduled_at in the future.',
      request: { params: idParams, body: body(s.transitionInput) },
      responses: { 200: json(s.contentView, 'The item after the move'), ...errors },
    }),
    async (c) => c.json(await actions.transitionContent(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/content/{id}/comments', tags, summary: "A content item's comments, oldest first",
      request: { params: idParams },
      responses: { 200: json(z.object({ items: z.array(s.commentView) }).meta({ id: 'ContentCommentList' }), 'The comments'), ...errors },
    }),
    async (c) => c.json({ items: await actions.listComments(c.var.actor, c.req.valid('param').id, c.var.deps) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/content/{id}/comments', tags, summary: 'Comment on a content item',
      request: { params: idParams, body: body(s.commentInput) },
      responses: { 201: json(s.commentView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.addComment(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/content/{id}/checks', tags, summary: 'Platform findings per variant and the persona voice result',
      request: { params: idParams },
      responses: { 200: json(s.checksView, 'The checks'), ...errors },
    }),
    async (c) => c.json(await actions.contentChecks(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/persona', tags, summary: "The organisation's persona (null when it has none: no voice check)",
      request: { params: orgParams },
      responses: { 200: json(s.personaView, 'The persona'), ...errors },
    }),
    async (c) => c.json(await actions.getPersona(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/organizations/{code}/persona', tags, summary: "Set the organisation's persona and whether approval needs the voice check to pass",
      request: { params: orgParams, body: body(s.personaInput) },
      responses: { 200: json(s.personaView, 'The persona'), ...errors },
    }),
    async (c) => c.json(await actions.putPersona(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/calendar-token', tags, summary: "The secret token of the organisation's calendar feed (made on first request)",
      request: { params: orgParams },
      responses: { 200: json(s.calendarTokenView, 'The token and the feed path'), ...errors },
    }),
    async (c) => c.json(await calendar.getCalendarToken(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organizations/{code}/calendar-token', tags, summary: 'Rotate the calendar token; the old feed address stops working',
      request: { params: orgParams },
      responses: { 200: json(s.calendarTokenView, 'The new token and the feed path'), ...errors },
    }),
    async (c) => c.json(await calendar.rotateCalendarToken(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/calendar/{file}', tags, summary: 'The iCalendar feed of scheduled and published items (GET /api/calendar/{token}.ics)',
      request: { params: fileParams },
      responses: {
        200: { description: 'An iCalendar (RFC 5545) feed', content: { 'text/calendar': { schema: z.string() } } },
        404: errors[404],
      },
    }),
    async (c) => {
      const file = c.req.valid('param').file;
      if (!file.endsWith('.ics')) return c.json(errorBody('not_found', 'no calendar at this address'), 404);
      const text = await calendar.calendarFeed(file.slice(0, -'.ics'.length), c.var.deps);
      return c.body(text, 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' });
    },
  );
