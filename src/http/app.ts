// The Hono application: /api routes, the OpenAPI document and reference, and the web app.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from '../actions/context.ts';
import type { WorkerStatus } from '../actions/health.ts';
import { VERSION } from '../actions/health.ts';
import type { Logger } from '../logging.ts';
import { errorBody, respondError } from './errors.ts';
import type { Env } from './openapi.ts';
import { renderReference } from './reference.ts';
import { authenticate } from './auth.ts';
import { accountsRouter } from './routes/accounts.ts';
import { authRouter } from './routes/auth.ts';
import { analyticsRouter } from './routes/analytics.ts';
import { connectionsRouter } from './routes/connections.ts';
import { cadenceRouter } from './routes/cadence.ts';
import { contentRouter } from './routes/content.ts';
import { groupsRouter } from './routes/groups.ts';
import { healthRouter } from './routes/health.ts';
import { importsRouter } from './routes/imports.ts';
import { mediaRouter, mediaUploadRouter } from './routes/media.ts';
import { publicMediaRouter } from './routes/public-media.ts';
import { meetingsRouter } from './routes/meetings.ts';
import { meRouter } from './routes/me.ts';
import { inboxRouter } from './routes/inbox.ts';
import { organizationsRouter } from './routes/organizations.ts';
import { practiceRouter } from './routes/practice.ts';
import { publishingRouter } from './routes/publishing.ts';
import { practiceCasesRouter } from './routes/practice-cases.ts';
import { practiceObservedRouter } from './routes/practice-observed.ts';
import { reportsRouter } from './routes/reports.ts';
import { snapshotsRouter } from './routes/snapshots.ts';
import { teamRouter } from './routes/team.ts';
import { usersRouter } from './routes/users.ts';
import { serveWeb } from './web.ts';

export interface AppOptions {
  deps: Deps;
  log: Logger;
  worker: () => WorkerStatus;
}

export function createApp({ deps, log, worker }: AppOptions) {
  const api = new OpenAPIHono<Env>();
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  api.use('*', authenticate());
  api.route('/', importsRouter); // before the 1 MB limit below: uploads have their own
  api.route('/', mediaUploadRouter); // streams to disk, up to its own limit
  api.use('*', bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json(errorBody('too_large', 'the body is larger than 1 MB'), 413) }));
  api.route('/', healthRouter(worker));
  api.route('/', authRouter);
  api.route('/', meRouter);
  api.route('/', usersRouter);
  api.route('/', organizationsRouter);
  api.route('/', groupsRouter);
  api.route('/', accountsRouter);
  api.route('/', teamRouter);
  api.route('/', snapshotsRouter);
  api.route('/', analyticsRouter);
  api.route('/', reportsRouter);
  api.route('/', connectionsRouter);
  api.route('/', inboxRouter);
  api.route('/', contentRouter);
  api.route('/', mediaRouter);
  api.route('/', publicMediaRouter);
  api.route('/', meetingsRouter);
  api.route('/', cadenceRouter);
  api.route('/', practiceRouter);
  api.route('/', publishingRouter);
  api.route('/', practiceObservedRouter);
  api.route('/', practiceCasesRouter);

  const document = () =>
    api.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'socialbench',
        version: VERSION,
        description: 'Social media team workspace and network benchmark. All figures of demo organisations are synthetic.',
      },
    });
  api.get('/openapi.json', (c) => c.json(document()));
  api.get('/docs', (c) => c.html(renderReference(document() as unknown as Record<string, unknown>)));
  api.onError((err, c) => respondError(c, err, (e) => log.error({ err: e, path: c.req.path }, 'request failed')));

  const app = new OpenAPIHono();
  app.use('*', secureHeaders());
  app.route('/api', api);
  app.all('/api/*', (c) => c.json(errorBody('not_found', `no such endpoint: ${c.req.method} ${c.req.path}`), 404));
  app.get('*', serveWeb());
  return app;
}
