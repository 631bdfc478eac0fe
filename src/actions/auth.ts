// Sign-in: passwords (argon2id), sessions behind an opaque cookie token, CSRF tokens, and the login
// rate limit (failures counted in the database, so every process sees them).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Principal, Role } from '../core/auth/policy.ts';
import { TooManyAttempts, Unauthenticated } from '../core/errors.ts';
import { networksOf } from '../db/queries/scopes.ts';
import { heldAccounts } from '../db/queries/team.ts';
import * as q from '../db/queries/users.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { verifyPassword } from './passwords.ts';
import { userView, type UserView } from './users.ts';

export const SESSION_IDLE_HOURS = 12;
export const SESSION_MAX_DAYS = 30;
/** Failed sign-ins allowed per e-mail, and per client address, within the window. */
export const LOGIN_LIMITS = { perEmail: 5, perAddress: 30, windowMinutes: 15 } as const;

export const loginInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) }).meta({ id: 'Login' });

export interface Session {
  user: UserView;
  csrf_token: string;
}

/** What the HTTP layer keeps about the request's session. */
export interface ResolvedSession extends Session {
  sessionId: string;
  actor: Extract<Actor, { kind: 'user' }>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');
const plusMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function limitKeys(email: string, address: string | undefined): string[] {
  return [`email:${email}`, ...(address ? [`ip:${address}`] : [])];
}

async function checkLimit(deps: Deps, keys: string[], now: string): Promise<void> {
  const windowMs = LOGIN_LIMITS.windowMinutes * 60_000;
  const since = plusMs(now, -windowMs);
  for (const f of await q.failuresSince(deps.db.kysely, keys, since)) {
    const max = f.key.startsWith('email:') ? LOGIN_LIMITS.perEmail : LOGIN_LIMITS.perAddress;
    if (f.n >= max) {
      const retry = Math.max(1, Math.ceil((Date.parse(f.first) + windowMs - Date.parse(now)) / 1000));
      throw new TooManyAttempts(`too many failed sign-ins; try again in ${Math.ceil(retry / 60)} minute(s)`, retry);
    }
  }
}

/** Signs in; returns the session's cookie token (never stored) and what the client may know. */
export async function login(input: unknown, address: string | undefined, deps: Deps): Promise<Session & { token: string }> {
  const i = parseInput(loginInput, input);
  const email = i.email.toLowerCase();
  const now = deps.now();
  const keys = limitKeys(email, address);
  await checkLimit(deps, keys, now);
  const user = await q.findUserByEmail(deps.db.kysely, email);
  const ok = await verifyPassword(user?.password_hash, i.password);
  if (!user || !ok || !user.active) {
    await q.recordFailure(deps.db.kysely, keys, now);
    throw new Unauthenticated('the e-mail or the password is wrong');
  }
  // Housekeeping rides on sign-ins: this e-mail's failures, failures past the window, expired sessions.
  await q.clearFailures(deps.db.kysely, [`email:${email}`], plusMs(now, -LOGIN_LIMITS.windowMinutes * 60_000));
  await q.deleteExpiredSessions(deps.db.kysely, now);
  const t = token();
  const csrf = token();
  await q.insertSession(deps.db.kysely, { id: sha256(t), user_id: user.id, csrf_token: csrf, created_at: now, last_seen_at: now, expires_at: plusMs(now, SESSION_IDLE_HOURS * 3_600_000) });
  return { token: t, user: userView(user), csrf_token: csrf };
}

export async function logout(cookieToken: string, deps: Deps): Promise<void> {
  await q.deleteSession(deps.db.kysely, sha256(cookieToken));
}

/** The principal of a user: their networks and the accounts their team member holds. */
export async function principalOf(user: q.UserRow, deps: Deps): Promise<Principal> {
  const db = deps.db.kysely;
  const memberId = user.team_member_id ?? (user.organization_id !== null ? ((await q.teamMemberByEmail(db, user.organization_id, user.email)) ?? null) : null);
  const [networks, held] = await Promise.all([
    user.organization_id !== null ? networksOf(db, user.organization_id) : Promise.resolve([]),
    memberId !== null ? heldAccounts(db, [memberId]) : Promise.resolve([]),
  ]);
  return {
    userId: user.id,
    role: user.role as Role,
    organizationId: user.organization_id,
    networkGroupId: user.network_group_id,
    memberOfNetworks: networks,
    teamMemberId: memberId,
    heldAccountIds: held.map((h) => h.account_id),
  };
}

/** Who a session is, kept briefly per process so a page's burst of requests reads the user once. */
const PRINCIPAL_TTL_MS = 10_000;
const principals = new Map<string, { until: number; user: UserView; actor: ResolvedSession['actor'] }>();

/** How often a session's idle expiry is pushed forward (each write also ends SQLite's cached results). */
const TOUCH_EVERY_MS = 10 * 60_000;

/**
 * The session behind a cookie token, or null when there is none, it expired or its user was disabled.
 * The session row is read on every request, so sign-out, resets and role changes (which delete the
 * sessions) take effect at once; the user's networks and held accounts may lag by up to 10 seconds.
 */
export async function resolveSession(cookieToken: string, deps: Deps): Promise<ResolvedSession | null> {
  const db = deps.db.kysely;
  const id = sha256(cookieToken);
  const s = await q.findSession(db, id);
  const now = deps.now();
  if (!s) return null;
  if (s.expires_at <= now || plusMs(s.created_at, SESSION_MAX_DAYS * 86_400_000) <= now) {
    await q.deleteSession(db, id);
    return null;
  }
  if (Date.parse(now) - Date.parse(s.last_seen_at) > TOUCH_EVERY_MS) await q.touchSession(db, id, now, plusMs(now, SESSION_IDLE_HOURS * 3_600_000));
  const cached = principals.get(id);
  if (cached && cached.until > Date.now()) return { sessionId: id, user: cached.user, csrf_token: s.csrf_token, actor: cached.actor };
  const user = await q.findUserById(db, s.user_id);
  if (!user || !user.active) return null;
  const principal = await principalOf(user, deps);
  const entry = { until: Date.now() + PRINCIPAL_TTL_MS, user: userView(user), actor: { kind: 'user' as const, principal, email: user.email, name: user.name } };
  if (principals.size > 5000) principals.clear();
  principals.set(id, entry);
  return { sessionId: id, user: entry.user, csrf_token: s.csrf_token, actor: entry.actor };
}

/** Constant-time comparison of the CSRF header with the session's token. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
