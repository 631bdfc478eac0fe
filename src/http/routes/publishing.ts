// /api/organizations/{code}/publications and /api/publications/{id}: the publishing queue of an
// organisation, and a person settling a publication no worker could (a lost answer, a failure).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/publishing.ts';
import { pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter } from '../openapi.ts';

const tags = ['Publishing'];
const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });

export const publishingRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/publications', tags, summary: "An organisation's publications (one per scheduled item and account)",
      description: 'Filter by state (e.g. needs_check,failed) or by content item. A row needing a check lost its answer: the worker looks for the post on the platform, or a person settles it.',
      request: { params: orgParams, query: actions.listPublicationsInput },
      responses: { 200: json(pageView(actions.publicationView, 'PublicationPage'), 'A page of publications'), ...errors },
    }),
    async (c) => c.json(await actions.listPublications(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/publications/{id}', tags, summary: 'One publication',
      request: { params: idParams },
      responses: { 200: json(actions.publicationView, 'The publication'), ...errors },
    }),
    async (c) => c.json(await actions.getPublication(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/publications/{id}/settle', tags, summary: 'Settle a publication by hand',
      description: 'For a publication that needs a check or failed: published (with the post URL) records it; not published puts it back in the queue, or cancels it when the item is no longer scheduled.',
      request: { params: idParams, body: body(actions.settleInput) },
      responses: { 200: json(actions.publicationView, 'The publication after settling'), ...errors },
    }),
    async (c) => c.json(await actions.settlePublication(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  );
