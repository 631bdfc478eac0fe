// OAuth 2 pieces every adapter shares: PKCE, state values, and reading a standard token response.
import { createHash, randomBytes } from 'node:crypto';
import type { Platform } from '../core/platforms.ts';
import { byStatus, num, pick, str, type Answer } from './http.ts';
import { AuthExpired, type PlatformError, type TokenSet } from './types.ts';

/** A PKCE code verifier (RFC 7636: 43-128 characters of the unreserved set). */
export function newCodeVerifier(): string {
  return randomBytes(48).toString('base64url');
}

export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The CSRF state of one authorization; it also keys the stored verifier. */
export function newState(): string {
  return randomBytes(24).toString('base64url');
}

/** Reads {access_token, refresh_token?, expires_in?, scope?}; the previous refresh token stays when none is returned. */
export function tokenSetFrom(body: unknown, now: number, previous?: TokenSet): TokenSet | undefined {
  const accessToken = str(pick(body, 'access_token'));
  if (!accessToken) return undefined;
  const expiresIn = num(pick(body, 'expires_in'));
  const scope = str(pick(body, 'scope'));
  return {
    accessToken,
    refreshToken: str(pick(body, 'refresh_token')) ?? previous?.refreshToken ?? null,
    expiresAt: expiresIn !== null && expiresIn > 0 ? new Date(now + expiresIn * 1000).toISOString() : null,
    scopes: scope ? scope.split(/[\s,]+/).filter(Boolean) : (previous?.scopes ?? []),
  };
}

/**
 * An error of a token endpoint. invalid_grant (and X's invalid_request for a used refresh token) means
 * the grant is dead: AuthExpired. Anything else goes by status (5xx stays Temporary: not a dead token).
 */
export function tokenError(platform: Platform, a: Answer): PlatformError {
  const error = str(pick(a.body, 'error')) ?? str(pick(a.body, 'error', 'code'));
  const message = str(pick(a.body, 'error_description')) ?? str(pick(a.body, 'error', 'message')) ?? `token endpoint answered HTTP ${a.status}`;
  if (a.status === 400 || a.status === 401) {
    if (error === 'invalid_grant' || error === 'invalid_request' || error === 'invalid_token' || a.status === 401) {
      return new AuthExpired(platform, `the grant is no longer valid: ${message}`, { status: a.status, code: error ?? undefined });
    }
  }
  return byStatus(platform, a, message, false);
}

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}
