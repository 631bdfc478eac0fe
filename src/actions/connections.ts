// Use cases for platform connections: OAuth start and callback, listing, disconnecting, and using tokens
// (refresh before expiry, refresh once on AuthExpired, flag the connection when the token is dead).
import { z } from 'zod';
import { Invalid, NotFound } from '../core/errors.ts';
import type { Platform } from '../core/platforms.ts';
import { findAccountById, updateAccount, type AccountWithOrg } from '../db/queries/accounts.ts';
import * as q from '../db/queries/connections.ts';
import { decodeCursor, toPage, type Page } from '../db/queries/paging.ts';
import { ensureCursors, scheduleNow } from '../db/queries/sync.ts';
import { codeChallenge, newCodeVerifier, newState } from '../platforms/oauth.ts';
import { open, seal, tokenKey } from '../platforms/secrets.ts';
import { AuthExpired, type Access, type PlatformAdapter, type TokenSet } from '../platforms/types.ts';
import { requireAccount } from './accounts.ts';
import { parseInput, type Actor, type Deps } from './context.ts';
import { keepVisible, visibility } from './visibility.ts';
import { handle, pageQuery, platform } from './fields.ts';

const STATE_TTL_MS = 15 * 60_000;
/** Refresh this long before the token expires, so no call races the expiry. */
const REFRESH_MARGIN_MS = 5 * 60_000;
export const STREAMS = ['profile', 'posts'] as const;

export const connectionView = z
  .object({
    org: z.string(),
    platform: z.string(),
    handle: z.string(),
    status: z.enum(['active', 'expired', 'revoked', 'error']),
    expires_at: z.string().nullable(),
    scopes: z.array(z.string()),
    last_error: z.string().nullable(),
    flagged_at: z.string().nullable().meta({ description: 'when the token was found dead; the account needs connecting again' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Connection' });
export type ConnectionView = z.infer<typeof connectionView>;

function view(r: q.ConnectionWithAccount): ConnectionView {
  const status = connectionView.shape.status.safeParse(r.status);
  return {
    org: r.org_code, platform: r.platform, handle: r.handle, status: status.success ? status.data : 'error',
    expires_at: r.expires_at, scopes: r.scopes.split(' ').filter(Boolean), last_error: r.last_error, flagged_at: r.flagged_at,
    created_at: r.created_at, updated_at: r.updated_at,
  };
}

export const authorizeInput = z.object({ account: handle.meta({ description: 'handle of the account to connect on this platform' }) });
export const callbackInput = z.object({
  state: z.string().min(1),
  code: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
export const listConnectionsInput = pageQuery.extend({
  status: z.enum(['active', 'expired', 'revoked', 'error']).optional(),
  platform: platform.optional(),
});

export function connectorFor(deps: Deps, platformName: string): { adapter: PlatformAdapter; key: Buffer; redirectUri: string } {
  if (!deps.connectors || !deps.secretKey) throw new Invalid('platform connections are not set up in this process');
  const p = platform.safeParse(platformName);
  const adapter = p.success ? deps.connectors.adapter(p.data) : undefined;
  if (!p.success || !adapter) throw new NotFound(`no connector for platform ${platformName}`);
  return { adapter, key: tokenKey(deps.secretKey), redirectUri: deps.connectors.redirectUri(p.data) };
}

/** Starts OAuth: keeps state and PKCE verifier (sealed) for the callback and returns the consent URL. */
export async function startAuthorization(_actor: Actor, platformName: string, input: unknown, deps: Deps): Promise<{ url: string; state: string }> {
  const i = parseInput(authorizeInput, input);
  const account = await requireAccount(deps, platformName, i.account);
  const { adapter, key, redirectUri } = connectorFor(deps, account.platform);
  const state = newState();
  const verifier = newCodeVerifier();
  const url = adapter.authorizeUrl({ state, redirectUri, codeChallenge: codeChallenge(verifier) });
  await q.insertOAuthState(deps.db.kysely, {
    state, account_id: account.id, platform: account.platform, code_verifier: seal(verifier, key, `oauth_states:${state}:code_verifier`),
    redirect_uri: redirectUri, expires_at: new Date(Date.parse(deps.now()) + STATE_TTL_MS).toISOString(),
  });
  return { url, state };
}

/** The platform's redirect back: one use of the state, code for tokens, tokens sealed, first sync due now. */
export async function completeAuthorization(_actor: Actor, platformName: string, input: unknown, deps: Deps): Promise<ConnectionView> {
  const i = parseInput(callbackInput, input);
  const { adapter, key } = connectorFor(deps, platformName);
  const st = await q.takeOAuthState(deps.db.kysely, i.state, deps.now());
  if (!st || st.platform !== adapter.platform) throw new Invalid('unknown or expired authorization state; start connecting again', [{ path: 'state', message: 'not issued here, already used, or expired' }]);
  if (i.error || !i.code) throw new Invalid(`the platform did not grant access: ${i.error_description ?? i.error ?? 'no code'}`);
  const account = await findAccountById(deps.db.kysely, st.account_id);
  if (!account) throw new NotFound('the account being connected no longer exists');
  const verifier = open(st.code_verifier, key, `oauth_states:${st.state}:code_verifier`);
  const { tokens, externalId } = await adapter.exchangeCode(i.code, st.redirect_uri, verifier, { handle: account.handle, externalId: account.external_id });
  const at = deps.now();
  const previous = await q.findConnection(deps.db.kysely, account.id);
  await q.saveConnection(deps.db.kysely, {
    account_id: account.id, platform: account.platform, status: 'active', ...sealTokens(tokens, key, account.id),
    last_error: null, flagged_at: null, created_at: at, updated_at: at,
  });
  // Connecting says the team manages the account; the platform's id is what later calls use.
  await updateAccount(deps.db.kysely, account.id, { owned: 1, ...(externalId ? { external_id: externalId } : {}), updated_at: at });
  await ensureCursors(deps.db.kysely, STREAMS, account.id);
  await scheduleNow(deps.db.kysely, account.id, at, previous === undefined);
  return getConnection(account, deps);
}

/** The organisation and handle a callback's state is about, before the callback uses it up; null when unknown. */
export async function accountOfState(state: unknown, deps: Deps): Promise<{ org: string; handle: string } | null> {
  if (typeof state !== 'string' || !state) return null;
  const r = await q.accountOfOAuthState(deps.db.kysely, state);
  return r ? { org: r.org_code, handle: r.handle } : null;
}

async function getConnection(account: AccountWithOrg, deps: Deps): Promise<ConnectionView> {
  const c = await q.findConnection(deps.db.kysely, account.id);
  if (!c) throw new NotFound(`${account.platform}/${account.handle} is not connected`);
  return view({ ...c, handle: account.handle, org_code: account.org_code });
}

export async function listConnections(actor: Actor, input: unknown, deps: Deps): Promise<Page<ConnectionView>> {
  const i = parseInput(listConnectionsInput, input);
  const rows = await q.listConnections(deps.db.kysely, { status: i.status, platform: i.platform, after: decodeCursor<number>(i.cursor, 'number'), limit: i.limit });
  const page = toPage(rows, i.limit, (r) => r.account_id);
  const v = visibility(actor, deps);
  return { items: (await keepVisible(page.items, (r) => v.org(r.org_code))).map(view), next_cursor: page.next_cursor };
}

/** Forgets the tokens (the row stays, status 'revoked', so the history shows it was connected). */
export async function disconnect(_actor: Actor, platformName: string, h: string, deps: Deps): Promise<void> {
  const account = await requireAccount(deps, platformName, h);
  if (!(await q.findConnection(deps.db.kysely, account.id))) throw new NotFound(`${account.platform}/${account.handle} is not connected`);
  await q.updateConnection(deps.db.kysely, account.id, { status: 'revoked', access_token: null, refresh_token: null, expires_at: null, updated_at: deps.now() });
}

// ---- using tokens

function sealTokens(t: TokenSet, key: Buffer, accountId: number) {
  return {
    access_token: seal(t.accessToken, key, `connections:${accountId}:access_token`),
    refresh_token: t.refreshToken ? seal(t.refreshToken, key, `connections:${accountId}:refresh_token`) : null,
    expires_at: t.expiresAt,
    scopes: t.scopes.join(' '),
  };
}

function openTokens(r: q.ConnectionRow, key: Buffer): TokenSet {
  return {
    accessToken: open(r.access_token ?? '', key, `connections:${r.account_id}:access_token`),
    refreshToken: r.refresh_token ? open(r.refresh_token, key, `connections:${r.account_id}:refresh_token`) : null,
    expiresAt: r.expires_at,
    scopes: r.scopes.split(' ').filter(Boolean),
  };
}

async function flagExpired(deps: Deps, accountId: number, err: AuthExpired): Promise<void> {
  const at = deps.now();
  await q.updateConnection(deps.db.kysely, accountId, { status: 'expired', flagged_at: at, last_error: err.message, updated_at: at });
}

/** Refreshes and stores; a dead refresh flags the connection, unless another worker refreshed first. */
async function refreshStored(deps: Deps, adapter: PlatformAdapter, key: Buffer, row: q.ConnectionRow): Promise<q.ConnectionRow> {
  let fresh: TokenSet;
  try {
    fresh = await adapter.refresh(openTokens(row, key));
  } catch (err) {
    if (!(err instanceof AuthExpired)) throw err; // a temporary failure is not a dead token
    const now = await q.findConnection(deps.db.kysely, row.account_id);
    if (now?.status === 'active' && now.access_token !== row.access_token) return now;
    await flagExpired(deps, row.account_id, err);
    throw err;
  }
  const sealed = sealTokens(fresh, key, row.account_id);
  // If another worker swapped first, its tokens are the live ones (ours may already be spent): reread either way.
  await q.swapTokens(deps.db.kysely, row.account_id, row.access_token, { ...sealed, updated_at: deps.now() });
  const stored = await q.findConnection(deps.db.kysely, row.account_id);
  if (!stored) throw new NotFound('the connection was removed meanwhile');
  return stored;
}

/** Runs fn with the account's own token: refreshed ahead of expiry, and once more if the platform says expired. */
async function withOwnerToken<T>(deps: Deps, adapter: PlatformAdapter, key: Buffer, row: q.ConnectionRow, fn: (token: string) => Promise<T>): Promise<T> {
  let current = row;
  const expiresAt = current.expires_at ? Date.parse(current.expires_at) : Infinity;
  if (current.refresh_token && expiresAt - Date.now() < REFRESH_MARGIN_MS) current = await refreshStored(deps, adapter, key, current);
  try {
    return await fn(openTokens(current, key).accessToken);
  } catch (err) {
    if (!(err instanceof AuthExpired)) throw err;
    if (!current.refresh_token) {
      await flagExpired(deps, current.account_id, err);
      throw err;
    }
    current = await refreshStored(deps, adapter, key, current);
    try {
      return await fn(openTokens(current, key).accessToken);
    } catch (again) {
      if (again instanceof AuthExpired) await flagExpired(deps, current.account_id, again);
      throw again;
    }
  }
}

export class NoAccess extends Error {}

/** Runs a write (publishing) with the account's own token only: no public or peer access stands in. */
export async function withOwnAccess<T>(deps: Deps, account: { id: number; platform: string; handle: string }, fn: (access: Access) => Promise<T>): Promise<T> {
  const { adapter, key } = connectorFor(deps, account.platform);
  const own = await q.findConnection(deps.db.kysely, account.id);
  if (own?.status !== 'active' || !own.access_token) {
    throw new NoAccess(`${account.platform}/${account.handle} is not connected${own ? ` (its connection is ${own.status})` : ''}; connect it, then requeue`);
  }
  return withOwnerToken(deps, adapter, key, own, (accessToken) => fn({ kind: 'owner', accessToken }));
}

/**
 * Runs a read with the best access there is: the account's own live connection; else, for Instagram,
 * an owned account's token through Business Discovery; else the app's public access.
 */
export async function withAccess<T>(deps: Deps, account: { id: number; platform: string; handle: string }, fn: (access: Access) => Promise<T>): Promise<T> {
  const { adapter, key } = connectorFor(deps, account.platform);
  const own = await q.findConnection(deps.db.kysely, account.id);
  if (own?.status === 'active' && own.access_token) return withOwnerToken(deps, adapter, key, own, (accessToken) => fn({ kind: 'owner', accessToken }));
  if ((account.platform as Platform) === 'instagram') {
    const via = await q.anyActiveConnection(deps.db.kysely, 'instagram');
    if (via?.external_id) {
      const viaExternalId = via.external_id;
      return withOwnerToken(deps, adapter, key, via, (accessToken) => fn({ kind: 'peer', accessToken, viaExternalId }));
    }
  }
  if (adapter.publicReads) return fn({ kind: 'public' });
  throw new NoAccess(`${account.platform}/${account.handle} is not connected and ${account.platform} has no public access configured`);
}
