// /api/organizations: create, read, list, update, delete organisations.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/organizations.ts';
import { accountView, organizationView, pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Organizations'];
const codeParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const detail = organizationView
  .extend({ groups: z.array(z.string()), accounts: z.array(accountView) })
  .meta({ id: 'OrganizationDetail' });

export const organizationsRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations', tags, summary: 'List organisations (by code)',
      request: { query: actions.listOrganizationsInput },
      responses: { 200: json(pageView(organizationView, 'OrganizationPage'), 'A page of organisations'), ...errors },
    }),
    async (c) => c.json(await actions.listOrganizations(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organizations', tags, summary: 'Create an organisation',
      request: { body: body(actions.createOrganizationInput) },
      responses: { 201: json(organizationView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createOrganization(c.var.actor, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}', tags, summary: 'An organisation with its groups and accounts',
      request: { params: codeParams },
      responses: { 200: json(detail, 'The organisation'), ...errors },
    }),
    async (c) => c.json(await actions.getOrganization(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/organizations/{code}', tags, summary: 'Change an organisation',
      request: { params: codeParams, body: body(actions.updateOrganizationInput) },
      responses: { 200: json(organizationView, 'Updated'), ...errors },
    }),
    async (c) =>
      c.json(await actions.updateOrganization(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/organizations/{code}', tags, summary: 'Delete an organisation and everything it holds',
      request: { params: codeParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deleteOrganization(c.var.actor, c.req.valid('param').code, c.var.deps);
      return c.body(null, 204);
    },
  );
