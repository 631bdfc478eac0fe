// Outgoing HTTP for adapters: global fetch with a timeout, JSON bodies, and the failures no platform explains.
import type { Platform } from '../core/platforms.ts';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, Temporary, type PlatformError } from './types.ts';

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** A JSON body (sent as application/json) or form fields (application/x-www-form-urlencoded). */
  json?: unknown;
  form?: Record<string, string>;
  /** Raw bytes (an upload), or multipart form data; the content type is the caller's header. */
  raw?: Uint8Array | FormData;
  timeoutMs: number;
  /** A write (publish, reply): once sent, a lost answer is OutcomeUnknown instead of Temporary. */
  write?: boolean;
}

// Errors raised before any byte of the request left this machine: a write is then safe to retry.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL']);

function causeCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

/** Turns a failed exchange into a typed error; messages name the failure, never the URL (it may hold a token). */
function transportError(platform: Platform, err: unknown, write: boolean): PlatformError {
  const code = causeCode(err);
  const what = isTimeout(err) ? 'no answer within the timeout' : `connection failed (${code ?? 'network error'})`;
  if (!write || (code !== undefined && NOT_SENT.has(code))) return new Temporary(platform, what, { code });
  return new OutcomeUnknown(platform, `${what} after the request was sent; it may have taken effect`, { code });
}

export async function call(platform: Platform, url: string, o: CallOptions): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
  let body: string | Uint8Array | FormData | undefined;
  if (o.raw !== undefined) {
    body = o.raw;
  } else if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(o.form).toString();
  }
  try {
    const res = await fetch(url, { method: o.method ?? (body ? 'POST' : 'GET'), headers, body, signal: AbortSignal.timeout(o.timeoutMs), redirect: 'manual' });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed };
  } catch (err) {
    throw transportError(platform, err, o.write ?? false);
  }
}

/** Seconds or an HTTP date in Retry-After, as an ISO instant; undefined when absent or unreadable. */
export function retryAfter(headers: Headers, now: number): string | undefined {
  const v = headers.get('retry-after');
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return new Date(now + Number(v) * 1000).toISOString();
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function inSeconds(now: number, seconds: number): string {
  return new Date(now + seconds * 1000).toISOString();
}

/** What a bare HTTP status means when the platform's own envelope says nothing more specific. */
export function byStatus(platform: Platform, a: Answer, message: string, write: boolean, now = Date.now()): PlatformError {
  const info = { status: a.status };
  if (a.status === 429) return new RateLimited(platform, message, retryAfter(a.headers, now) ?? inSeconds(now, 60), info);
  if (a.status === 401) return new AuthExpired(platform, message, info);
  if (a.status >= 500) {
    // A write answered with a server error may still have been carried out: never guess.
    if (write) return new OutcomeUnknown(platform, `${message} (HTTP ${a.status} on a write; it may have taken effect)`, info);
    return new Temporary(platform, message, info);
  }
  if (a.status === 408) return new Temporary(platform, message, info);
  return new Rejected(platform, message, info);
}

/** Reads a property path of parsed JSON without trusting its shape. */
export function pick(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/** Counts arrive as numbers (Meta, X) or as decimal strings (Google); anything else is unknown. */
export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
