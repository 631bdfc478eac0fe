// /api/organizations/{code}/inbox and /api/inbox/{id}: comments and mentions of owned accounts,
// assignment and status, replies sent through the platform (at most once), responsiveness figures.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import * as actions from '../../actions/inbox.ts';
import { replyInput, replyToEntry, settleReply, settleReplyInput } from '../../actions/inbox-reply.ts';
import { pageView } from '../../actions/views.ts';
import { PlatformError, RateLimited } from '../../platforms/types.ts';
import { errorBody } from '../errors.ts';
import { body, errors, errorSchema, json, newRouter } from '../openapi.ts';

const tags = ['Inbox'];
const orgParams = z.object({ code: z.string().meta({ param: { name: 'code', in: 'path' }, example: 'BSN' }) });
const idParams = z.object({ id: z.coerce.number().int().positive().meta({ param: { name: 'id', in: 'path' }, example: 1 }) });
const replyParams = idParams.extend({ reply: z.coerce.number().int().positive().meta({ param: { name: 'reply', in: 'path' }, example: 1 }) });
const outcomeView = z.object({ entry: actions.inboxEntryView, reply: actions.inboxReplyView }).meta({ id: 'InboxReplyOutcome' });

/** The platform refused or failed before anything was posted: one of our error bodies. */
function platformFailure(c: Context, err: PlatformError) {
  if (err instanceof RateLimited) {
    c.header('retry-after', String(Math.max(1, Math.ceil((Date.parse(err.retryAt) - Date.now()) / 1000))));
    return c.json(errorBody('rate_limited', err.message), 429);
  }
  return c.json(errorBody(`platform_${err.kind}`, err.message), 502);
}

export const inboxRouter = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/inbox', tags, summary: 'Comments and mentions of the organisation’s accounts, newest first',
      request: { params: orgParams, query: actions.listInboxInput },
      responses: { 200: json(pageView(actions.inboxEntryView, 'InboxEntryPage'), 'A page of entries with our replies'), ...errors },
    }),
    async (c) => c.json(await actions.listInbox(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/organizations/{code}/inbox/stats', tags, summary: 'Response rate and median time to first reply per account (docs/inbox.md)',
      request: { params: orgParams, query: actions.inboxStatsInput },
      responses: { 200: json(actions.inboxStatsView, 'Figures per account and in total'), ...errors },
    }),
    async (c) => c.json(await actions.inboxStats(c.var.actor, c.req.valid('param').code, c.req.valid('query'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/organizations/{code}/inbox/sync', tags, summary: 'Read comments and mentions of the connected accounts now',
      request: { params: orgParams },
      responses: { 200: json(actions.inboxRefreshView, 'What each account’s inbox stream did; platform trouble is reported per account'), ...errors },
    }),
    async (c) => c.json(await actions.refreshInbox(c.var.actor, c.req.valid('param').code, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/inbox/{id}', tags, summary: 'One entry with our replies',
      request: { params: idParams },
      responses: { 200: json(actions.inboxEntryView, 'The entry'), ...errors },
    }),
    async (c) => c.json(await actions.getEntry(c.var.actor, c.req.valid('param').id, c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/inbox/{id}', tags, summary: 'Assign an entry to a team member, or mark it done or open again',
      request: { params: idParams, body: body(actions.updateEntryInput) },
      responses: { 200: json(actions.inboxEntryView, 'Updated'), ...errors },
    }),
    async (c) => c.json(await actions.updateEntry(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps), 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/inbox/{id}/reply', tags,
      summary: 'Reply through the platform. Recorded before the call; when the answer is lost the reply is needs_check and is never sent again by itself',
      request: { params: idParams, body: body(replyInput) },
      responses: {
        201: json(outcomeView, 'Sent'),
        202: json(outcomeView, 'Outcome unknown (needs_check): look on the platform, then settle the reply'),
        ...errors,
        429: json(errorSchema, 'The platform rate-limits us; nothing was sent; Retry-After says when to try again'),
        502: json(errorSchema, 'The platform refused; nothing was sent'),
      },
    }),
    async (c) => {
      try {
        const r = await replyToEntry(c.var.actor, c.req.valid('param').id, c.req.valid('json'), c.var.deps);
        return r.reply.state === 'sent' ? c.json(r, 201) : c.json(r, 202);
      } catch (err) {
        if (err instanceof PlatformError) return platformFailure(c, err);
        throw err;
      }
    },
  )
  .openapi(
    createRoute({
      method: 'patch', path: '/inbox/{id}/replies/{reply}', tags, summary: 'Settle a reply in doubt (needs_check) after looking at the platform: sent or failed',
      request: { params: replyParams, body: body(settleReplyInput) },
      responses: { 200: json(outcomeView, 'Settled'), ...errors },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await settleReply(c.var.actor, p.id, p.reply, c.req.valid('json'), c.var.deps), 200);
    },
  );
