// What every use case receives: who acts, and the services it may use.
import type { MailSettings } from '../config.ts';
import type { Principal } from '../core/auth/policy.ts';
import type { Db } from '../db/database.ts';
import type { Connectors } from '../platforms/registry.ts';
import { ResultCache } from './cache.ts';
import { Invalid } from '../core/errors.ts';
import type { z } from 'zod';

/**
 * Who acts: the system (CLI, jobs; trusted) or a signed-in user, whose principal the HTTP layer has
 * already checked against the route's policy (http/policies.ts).
 */
export type Actor = { kind: 'system' } | { kind: 'user'; principal: Principal; email: string; name: string };
export const SYSTEM: Actor = { kind: 'system' };

/** How an actor is named in audit records. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'system' ? 'system' : actor.email;
}

export interface Deps {
  db: Db;
  /** The current instant, ISO-8601 UTC; injectable so tests control time. */
  now: () => string;
  /** SMTP settings for report e-mails; absent when none are configured. */
  mail?: MailSettings | undefined;
  /** Computed figures per data version (see cache.ts). */
  results: ResultCache;
  /** SECRET_KEY (config's ensureSecretKey), for platform tokens at rest; absent where none are handled. */
  secretKey?: string | undefined;
  /** Platform adapters (platforms/registry.ts); absent where no platform is reached. */
  connectors?: Connectors | undefined;
  /** DATA_DIR: where files are kept (the media library under media/); absent where no file is stored. */
  dataDir?: string | undefined;
}

export function makeDeps(db: Db, extra: { mail?: MailSettings | undefined; secretKey?: string | undefined; connectors?: Connectors | undefined; dataDir?: string | undefined } = {}): Deps {
  return { db, now: () => new Date().toISOString(), results: new ResultCache(), ...(extra.mail ? { mail: extra.mail } : {}), secretKey: extra.secretKey, connectors: extra.connectors, dataDir: extra.dataDir };
}

/** Validates input with a schema; a failure becomes Invalid with one detail per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new Invalid(
    'the input is not valid',
    r.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  );
}

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 500;
