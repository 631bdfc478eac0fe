// /api/accounts: social media accounts by (platform, handle), and who holds them.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as actions from '../../actions/accounts.ts';
import { accountView, pageView } from '../../actions/views.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Accounts'];
const keyParams = z.object({
  platform: z.string().meta({ param: { name: 'platform', in: 'path' }, example: 'instagram' }),
  handle: z.string().meta({ param: { name: 'handle', in: 'path' }, example: 'bsn_sni' }),
});
const holderParams = keyParams.extend({
  member: z.coerce.number().int().positive().meta({ param: { name: 'member', in: 'path' }, example: 1 }),
});

export const accountsRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/accounts', tags, summary: 'List accounts',
      request: { query: actions.listAccountsInput },
      responses: { 200: json(pageView(accountView, 'AccountPage'), 'A page of accounts'), ...errors },
    }),
    async (c) => c.json(await actions.listAccounts(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/accounts', tags, summary: 'Add an account to an organisation',
      request: { body: body(actions.createAccountInput) },
      responses: { 201: json(accountView, 'Created'), ...errors },
    }),
    async (c) => c.json(await actions.createAccount(c.var.actor, c.req.valid('json'), c.var.deps), 201),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/accounts/{platform}/{handle}', tags, summary: 'An account with its holders',
      request: { params: keyParams },
      responses: { 200: json(accountView, 'The account'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.getAccount(c.var.actor, p.platform, p.handle, c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/accounts/{platform}/{handle}', tags, summary: 'Change an account',
      request: { params: keyParams, body: body(actions.updateAccountInput) },
      responses: { 200: json(accountView, 'Updated'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.updateAccount(c.var.actor, p.platform, p.handle, c.req.valid('json'), c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/accounts/{platform}/{handle}', tags, summary: 'Delete an account and its data',
      request: { params: keyParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await actions.deleteAccount(c.var.actor, p.platform, p.handle, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'put', path: '/accounts/{platform}/{handle}/holders/{member}', tags, summary: 'A team member holds the account',
      request: { params: holderParams },
      responses: { 200: json(accountView, 'The account with its holders'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await actions.addHolder(c.var.actor, p.platform, p.handle, p.member, c.var.deps), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/accounts/{platform}/{handle}/holders/{member}', tags, summary: 'A team member no longer holds the account',
      request: { params: holderParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await actions.removeHolder(c.var.actor, p.platform, p.handle, p.member, c.var.deps);
      return c.body(null, 204);
    },
  );
