// /api/auth: sign in, who am I, sign out, change my password. Login sets the session cookie and returns
// the CSRF token the web app sends back in X-CSRF-Token on every write.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import * as auth from '../../actions/auth.ts';
import { changeOwnPassword, changePasswordInput, userSchema } from '../../actions/users.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../auth.ts';
import { errorBody } from '../errors.ts';
import { body, errors, json, newRouter, noContent } from '../openapi.ts';

const tags = ['Sign-in'];
const sessionView = z.object({ user: userSchema, csrf_token: z.string() }).meta({ id: 'Session' });

/** The client's address, for the per-address part of the login limit (the socket's, not a header a client can forge). */
function address(c: { env: unknown }): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

export const authRouter = newRouter()
  .openapi(
    createRoute({
      method: 'post', path: '/auth/login', tags, summary: 'Sign in with e-mail and password; sets an httpOnly session cookie',
      request: { body: body(auth.loginInput) },
      responses: { 200: json(sessionView, 'Signed in'), 401: json(z.object({}), 'Wrong e-mail or password'), 429: json(z.object({}), 'Too many failed attempts; see Retry-After'), ...errors },
    }),
    async (c) => {
      const s = await auth.login(c.req.valid('json'), address(c), c.var.deps);
      setSessionCookie(c, s.token);
      return c.json({ user: s.user, csrf_token: s.csrf_token }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/auth/me', tags, summary: 'The signed-in user and the CSRF token; 401 when signed out',
      responses: { 200: json(sessionView, 'The session'), 401: json(z.object({}), 'Not signed in') },
    }),
    async (c) => {
      const s = c.var.session;
      if (!s) return c.json(errorBody('unauthorized', 'sign in first'), 401);
      return c.json({ user: s.user, csrf_token: s.csrf_token }, 200);
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/logout', tags, summary: 'Sign out (ends this session)', responses: { 204: noContent } }),
    async (c) => {
      const t = sessionToken(c);
      if (t) await auth.logout(t, c.var.deps);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/auth/password', tags, summary: 'Change my password (other sessions end)',
      request: { body: body(changePasswordInput) },
      responses: { 204: noContent, ...errors },
    }),
    async (c) => {
      await changeOwnPassword(c.var.actor, c.var.session?.sessionId ?? '', c.req.valid('json'), c.var.deps);
      return c.body(null, 204);
    },
  );
