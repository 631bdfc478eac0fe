// /api/users: the admin's user management (roles, scopes, deactivation, password resets).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/users.ts';
import { pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Users'];
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });

export const usersRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/users', tags, summary: 'List users',
      request: { query: actions.listUsersInput },
      responses: { 200: json(pageView(actions.userSchema, 'UserPage'), 'A page of users'), ...errors },
    }),
    async (c) => c.json(await actions.listUsers(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/users', tags, summary: 'Create a user (organisation roles need org, a coordinator a network)',
      request: { body: body(actions.createUserInput) },
      responses: { 201: json(actions.userSchema, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createUser(c.var.actor, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/users/{id}', tags, summary: 'A user', request: { params: idParams }, responses: { 200: json(actions.userSchema, 'The user'), ...errors } }),
    async (c) => c.json(await actions.getUser(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/users/{id}', tags, summary: 'Change name, role, scope or active (a role change ends their sessions)',
      request: { params: idParams, body: body(actions.updateUserInput) },
      responses: { 200: json(actions.userSchema, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateUser(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({ method: 'delete', path: '/users/{id}', tags, summary: 'Delete a user', request: { params: idParams }, responses: { 204: noContent, ...errors } }),
    async (c) => {
      await actions.deleteUser(c.var.actor, c.req.valid('param').id, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/users/{id}/password', tags, summary: "Reset a user's password (their sessions end)",
      request: { params: idParams, body: body(actions.setPasswordInput) },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await actions.resetPassword(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps);
      return c.body(null, 204);
    },
  );
