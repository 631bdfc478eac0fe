// /api/connections: connect accounts to their platforms (OAuth with state and PKCE), list, disconnect; sync now.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import * as actions from '../../actions/connections.ts';
import { pageView } from '../../actions/views.ts';
import { syncAccount, syncReport } from '../../actions/sync.ts';
import { PlatformError, RateLimited } from '../../platforms/types.ts';
import { DomainError } from '../../core/errors.ts';
import { errorBody } from '../errors.ts';
import { errors, errorSchema, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Connections'];
const platformParam = z.object({ platform: z.string().meta({ param: { name: 'platform', in: 'path' }, example: 'x' }) });
const keyParams = platformParam.extend({ handle: z.string().meta({ param: { name: 'handle', in: 'path' }, example: 'bsn_sni' }) });
const platformErrors = {
  429: json(errorSchema, 'The platform rate-limits us; Retry-After says when to try again'),
  502: json(errorSchema, 'The platform refused or failed; the message says which'),
};

/** Whether the caller is a browser navigating (HTML preferred over JSON), not an API client. */
export function wantsHtml(accept: string | undefined): boolean {
  const a = (accept ?? '').toLowerCase();
  const html = a.indexOf('text/html');
  const json = a.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

const accountsPage = (org: string) => `/org/${encodeURIComponent(org)}/accounts`;

/** A platform's refusal or failure, as one of our error bodies (tokens are never part of these messages). */
function platformFailure(c: Context, err: PlatformError) {
  if (err instanceof RateLimited) {
    c.header('retry-after', String(Math.max(1, Math.ceil((Date.parse(err.retryAt) - Date.now()) / 1000))));
    return c.json(errorBody('rate_limited', err.message), 429);
  }
  return c.json(errorBody(`platform_${err.kind}`, err.message), 502);
}

export const connectionsRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/connections', tags, summary: 'List connections (never their tokens); ?status=expired lists the accounts to connect again',
      request: { query: actions.listConnectionsInput },
      responses: { 200: json(pageView(actions.connectionView, 'ConnectionPage'), 'A page of connections'), ...errors },
    }),
    async (c) => c.json(await actions.listConnections(c.var.actor, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/connections/{platform}/authorize', tags, summary: "Start connecting an account: redirects to the platform's consent page (state and PKCE kept server-side)",
      request: { params: platformParam, query: actions.authorizeInput },
      responses: { 302: { description: 'To the platform', headers: z.object({ location: z.string() }) }, ...errors, ...platformErrors },
    }),
    async (c) => {
      try {
        const { url } = await actions.startAuthorization(c.var.actor, c.req.valid('param').platform, c.req.valid('query'), c.var.deps);
        return c.redirect(url, 302);
      } catch (err) {
        if (err instanceof PlatformError) return platformFailure(c, err);
        throw err;
      }
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/connections/{platform}/callback', tags, summary: 'Where the platform returns after consent: exchanges the code and stores the tokens encrypted',
      request: { params: platformParam, query: actions.callbackInput },
      description: 'A browser (Accept: text/html) is sent on to the accounts page of the web app, with ?connected={platform}/{handle} or ?connect_error={message}; API clients get JSON.',
      responses: {
        200: json(actions.connectionView, 'Connected; the first sync (backfill) is due now'),
        302: { description: 'A browser: to the web app\'s accounts page, saying how it went', headers: z.object({ location: z.string() }) },
        ...errors, ...platformErrors,
      },
    }),
    async (c) => {
      const platform = c.req.valid('param').platform;
      const query = c.req.valid('query');
      if (wantsHtml(c.req.header('accept'))) {
        const target = await actions.accountOfState(query.state, c.var.deps);
        try {
          const v = await actions.completeAuthorization(c.var.actor, platform, query, c.var.deps);
          return c.redirect(`${accountsPage(v.org)}?connected=${encodeURIComponent(v.platform)}/${encodeURIComponent(v.handle)}`, 302);
        } catch (err) {
          if (!(err instanceof PlatformError || err instanceof DomainError)) throw err;
          return c.redirect(`${target ? accountsPage(target.org) : '/settings'}?connect_error=${encodeURIComponent(err.message)}`, 302);
        }
      }
      try {
        return c.json(await actions.completeAuthorization(c.var.actor, platform, query, c.var.deps), 200);
      } catch (err) {
        if (err instanceof PlatformError) return platformFailure(c, err);
        throw err;
      }
    },
  )
  .openapi(
    createRoute({
      method: 'delete', path: '/connections/{platform}/{handle}', tags, summary: 'Disconnect: forget the tokens (the account and its data stay)',
      request: { params: keyParams },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      await actions.disconnect(c.var.actor, p.platform, p.handle, c.var.deps);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/accounts/{platform}/{handle}/sync', tags, summary: 'Sync an account now: audience snapshot, then posts with their counts',
      request: { params: keyParams },
      responses: { 200: json(syncReport, 'What each stream did; platform trouble is reported per stream, not as an HTTP error'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await syncAccount(c.var.actor, p.platform, p.handle, c.var.deps), 200);
    },
  );
