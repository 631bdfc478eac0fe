// /api/groups: networks and peer groups, and their members.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/groups.ts';
import { listOrganizations } from '../../actions/organizations.ts';
import { pageQuery } from '../../actions/fields.ts';
import { groupView, organizationView, pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Groups'];
const codeParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'ISO' }) });
const memberParams = codeParams.extend({ org: z.string().meta({ param: { name: 'org', in: 'path' }, example: 'BSN' }) });

export const groupsRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/groups', tags, summary: 'List groups',
      request: { query: actions.listGroupsInput },
      responses: { 200: json(pageView(groupView, 'GroupPage'), 'A page of groups'), ...errors },
    }),
    async (c) => c.json(await actions.listGroups(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/groups', tags, summary: 'Create a network or peer group',
      request: { body: body(actions.createGroupInput) },
      responses: { 201: json(groupView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createGroup(c.var.actor, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}', tags, summary: 'A group',
      request: { params: codeParams },
      responses: { 200: json(groupView, 'The group'), ...errors },
    }),
    async (c) => c.json(await actions.getGroup(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/groups/{code}', tags, summary: 'Change a group',
      request: { params: codeParams, body: body(actions.updateGroupInput) },
      responses: { 200: json(groupView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateGroup(c.var.actor, c.req.valid('param').code, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/groups/{code}', tags, summary: 'Delete a group (its organisations stay)',
      request: { params: codeParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.deleteGroup(c.var.actor, c.req.valid('param').code, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/groups/{code}/members', tags, summary: 'The organisations of a group',
      request: { params: codeParams, query: pageQuery },
      responses: { 200: json(pageView(organizationView, 'OrganizationPage'), 'A page of organisations'), ...errors },
    }),
    async (c) =>
      c.json(await listOrganizations(c.var.actor, { ...c.req.valid('query'), group: c.req.valid('param').code }, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/groups/{code}/members/{org}', tags, summary: 'Add an organisation to a group',
      request: { params: memberParams },
      responses: { 200: json(z.object({ added: z.boolean() }), 'Member (added is false when it already was)'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.addGroupMember(c.var.actor, p.code, p.org, c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/groups/{code}/members/{org}', tags, summary: 'Remove an organisation from a group',
      request: { params: memberParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await actions.removeGroupMember(c.var.actor, p.code, p.org, c.var.deps);
      return c.body(null, 204);
    },
  );
