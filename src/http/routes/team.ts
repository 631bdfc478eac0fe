// /api/organizations/{code}/members, /api/members/{id} and /api/contacts: the team and its liaisons.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/team.ts';
import { pageQuery } from '../../actions/fields.ts';
import { contactView, pageView, teamMemberView } from '../../actions/views.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });
const m = ['Team members'];
const ct = ['Contacts'];

export const teamRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/members', tags: m, summary: "An organisation's team members",
      request: { params: orgParams, query: pageQuery },
      responses: { 200: json(pageView(teamMemberView, 'TeamMemberPage'), 'A page of team members'), ...errors },
    }),
    async (c) => c.json(await actions.listMembers(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organizations/{code}/members', tags: m, summary: 'Add a team member',
      request: { params: orgParams, body: body(actions.createMemberInput) },
      responses: { 201: json(teamMemberView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createMember(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/members/{id}', tags: m, summary: 'A team member and the accounts they hold',
      request: { params: idParams },
      responses: { 200: json(teamMemberView, 'The team member'), ...errors },
    }),
    async (c) => c.json(await actions.getMember(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/members/{id}', tags: m, summary: 'Change a team member',
      request: { params: idParams, body: body(actions.updateMemberInput) },
      responses: { 200: json(teamMemberView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateMember(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/members/{id}', tags: m, summary: 'Remove a team member',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deleteMember(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/contacts', tags: ct, summary: 'Contact persons (liaisons of organisations to networks)',
      request: { query: actions.listContactsInput },
      responses: { 200: json(pageView(contactView, 'ContactPage'), 'A page of contacts'), ...errors },
    }),
    async (c) => c.json(await actions.listContacts(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/contacts', tags: ct, summary: 'Name a contact person',
      request: { body: body(actions.createContactInput) },
      responses: { 201: json(contactView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createContact(c.var.actor, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/contacts/{id}', tags: ct, summary: 'A contact person',
      request: { params: idParams },
      responses: { 200: json(contactView, 'The contact'), ...errors },
    }),
    async (c) => c.json(await actions.getContact(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/contacts/{id}', tags: ct, summary: 'Change a contact person',
      request: { params: idParams, body: body(actions.updateContactInput) },
      responses: { 200: json(contactView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateContact(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/contacts/{id}', tags: ct, summary: 'Remove a contact person',
      request: { params: idParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deleteContact(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  );
