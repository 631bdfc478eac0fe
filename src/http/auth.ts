// Authentication and authorization of every /api request: the session cookie, the CSRF header on
// writes, then the route's policy (policies.ts). Anonymous calls get 401, refused ones 403.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrfMatches, resolveSession, SESSION_MAX_DAYS } from '../actions/auth.ts';
import { allows } from '../core/auth/policy.ts';
import { errorBody } from './errors.ts';
import type { Env } from './openapi.ts';
import { ruleFor } from './policies.ts';

export const SESSION_COOKIE = 'sb_session';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function secure(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:';
}

/** httpOnly, SameSite=Lax (so the platforms' OAuth redirects back still carry it), Secure over HTTPS. */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: secure(c), path: '/', maxAge: SESSION_MAX_DAYS * 86_400 });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/** A write from another site's page: its Origin names another host. */
function crossOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin === 'null';
  try {
    return new URL(origin).host !== new URL(c.req.url).host;
  } catch {
    return true;
  }
}

export function authenticate(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const deps = c.var.deps;
    const path = c.req.path.replace(/^\/api(?=\/|$)/, '') || '/';
    const found = ruleFor(c.req.method, path);
    const token = sessionToken(c);
    const session = token ? await resolveSession(token, deps) : null;
    if (session) {
      c.set('actor', session.actor);
      c.set('session', session);
    }
    const rule = found?.rule;
    if (rule && 'public' in rule) {
      if (!SAFE.has(c.req.method) && crossOrigin(c)) return c.json(errorBody('csrf', 'cross-site request refused'), 403);
      return next();
    }
    if (!session) return c.json(errorBody('unauthorized', 'sign in first'), 401);
    if (!SAFE.has(c.req.method) && (crossOrigin(c) || !csrfMatches(session.csrf_token, c.req.header('x-csrf-token'))))
      return c.json(errorBody('csrf', 'the CSRF token is missing or wrong; reload the page'), 403);
    const principal = session.actor.principal;
    if (!found || !rule) {
      // An endpoint without a policy (or none at all): only admins get through, to the 404.
      if (principal.role === 'admin') return next();
      return c.json(errorBody('forbidden', 'you may not do this'), 403);
    }
    const url = new URL(c.req.url);
    const scope = await rule.scope({
      db: deps.db.kysely,
      params: found.params,
      query: url.searchParams,
      body: async () => {
        try {
          const b: unknown = await c.req.raw.clone().json();
          return b && typeof b === 'object' ? (b as Record<string, unknown>) : {};
        } catch {
          return {};
        }
      },
    });
    if (scope === null) {
      if (principal.role === 'admin') return next(); // the route answers with its own 404
      return c.json(errorBody('not_found', `not found: ${path}`), 404);
    }
    if (!allows(principal, rule.permission, scope)) return c.json(errorBody('forbidden', 'your role does not allow this'), 403);
    return next();
  };
}
