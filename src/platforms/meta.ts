// Meta Graph API (Facebook Pages and Instagram) error envelope and rate-limit headers, mapped to our errors.
import type { OAuthClient } from '../config.ts';
import type { Platform } from '../core/platforms.ts';
import { byStatus, call, inSeconds, num, pick, retryAfter, str, type Answer } from './http.ts';
import { tokenSetFrom } from './oauth.ts';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, Temporary, type PlatformError } from './types.ts';

export interface GraphEndpoint {
  graphUrl: string;
  dialogUrl: string;
  version: string;
  app: OAuthClient | undefined;
  timeoutMs: number;
}

/** The Facebook Login dialog (Facebook Pages and Instagram through Facebook Login share it). */
export function loginDialogUrl(platform: Platform, g: GraphEndpoint, req: { state: string; redirectUri: string }, scopes: string[]): string {
  if (!g.app) throw new Rejected(platform, 'FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are not configured');
  const q = new URLSearchParams({ client_id: g.app.id, redirect_uri: req.redirectUri, state: req.state, scope: scopes.join(','), response_type: 'code' });
  return `${g.dialogUrl}/${g.version}/dialog/oauth?${q.toString()}`;
}

/**
 * code -> short-lived user token -> long-lived user token (about 60 days), as documented: GET with query
 * parameters (the URL then holds the app secret, which is why no URL is ever logged or put in an error).
 */
export async function longLivedUserToken(platform: Platform, g: GraphEndpoint, code: string, redirectUri: string): Promise<string> {
  const app = g.app;
  if (!app) throw new Rejected(platform, 'FACEBOOK_APP_ID and FACEBOOK_APP_SECRET are not configured');
  const url = (params: Record<string, string>) => `${g.graphUrl}/${g.version}/oauth/access_token?${new URLSearchParams(params).toString()}`;
  const short = await call(platform, url({ client_id: app.id, client_secret: app.secret, redirect_uri: redirectUri, code }), { timeoutMs: g.timeoutMs });
  if (short.status >= 400) throw graphError(platform, short, false);
  const shortToken = tokenSetFrom(short.body, Date.now());
  if (!shortToken) throw new Rejected(platform, 'the token endpoint answered without an access token');
  const long = await call(platform, url({ grant_type: 'fb_exchange_token', client_id: app.id, client_secret: app.secret, fb_exchange_token: shortToken.accessToken }), { timeoutMs: g.timeoutMs });
  if (long.status >= 400) throw graphError(platform, long, false);
  return (tokenSetFrom(long.body, Date.now()) ?? shortToken).accessToken;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613, 80001, 80002, 80005, 80006]);
const TRANSIENT_CODES = new Set([1, 2, -1, -2]);
// Without a header saying otherwise, back off this long after a Graph rate limit.
const DEFAULT_BACKOFF_S = 15 * 60;

/**
 * The latest moment the usage headers promise access back: X-Business-Use-Case-Usage carries
 * estimated_time_to_regain_access in minutes per business object; X-App-Usage has no time.
 */
export function regainAccessAt(headers: Headers, now: number): string | undefined {
  const raw = headers.get('x-business-use-case-usage');
  if (!raw) return undefined;
  let minutes = 0;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object') {
      for (const entries of Object.values(parsed as Record<string, unknown>)) {
        for (const e of Array.isArray(entries) ? entries : []) minutes = Math.max(minutes, num(pick(e, 'estimated_time_to_regain_access')) ?? 0);
      }
    }
  } catch {
    return undefined;
  }
  return minutes > 0 ? inSeconds(now, minutes * 60) : undefined;
}

/** Maps a Graph error answer onto our five errors by error.code and error_subcode, not by HTTP status. */
export function graphError(platform: Platform, a: Answer, write: boolean, now = Date.now()): PlatformError {
  const c = num(pick(a.body, 'error', 'code'));
  const subcode = num(pick(a.body, 'error', 'error_subcode')) ?? undefined;
  const message = str(pick(a.body, 'error', 'message')) ?? `HTTP ${a.status}`;
  const transient = pick(a.body, 'error', 'is_transient') === true;
  const info = { status: a.status, code: c ?? undefined, subcode };
  if (c === null) return byStatus(platform, a, message, write, now);
  if (c === 190 || c === 102) return new AuthExpired(platform, message, info);
  if (RATE_LIMIT_CODES.has(c) && subcode !== 2207051) {
    const at = regainAccessAt(a.headers, now) ?? retryAfter(a.headers, now) ?? inSeconds(now, DEFAULT_BACKOFF_S);
    return new RateLimited(platform, message, at, info);
  }
  // Instagram publishing cap (9 / 2207042): wait for the rolling 24-hour window.
  if (c === 9 && subcode === 2207042) return new RateLimited(platform, message, inSeconds(now, 3600), info);
  // Container not ready (9007 / 2207027): the publish did not happen; wait and try again.
  if (c === 9007) return new Temporary(platform, message, info);
  if (TRANSIENT_CODES.has(c)) {
    // A write that failed "unexpectedly" may still have gone through.
    if (write && a.status >= 500) return new OutcomeUnknown(platform, `${message} (it may have taken effect)`, info);
    return new Temporary(platform, message, info);
  }
  if (transient && !write) return new Temporary(platform, message, info);
  // 10 and 200-299 (permission), 100 (parameter / object), 368 (policy block), 506 (duplicate) and the
  // content errors of Instagram publishing: the request as made will not succeed by repeating it.
  return new Rejected(platform, message, info);
}
