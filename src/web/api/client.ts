// fetch wrapper for /api: JSON in and out, the CSRF header on writes, typed errors, 401 -> sign-in.
export interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: { path?: string; message?: string }[] };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path?: string; message?: string }[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever an API call answers 401: the app shows the sign-in page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Do not announce a 401 (the sign-in check itself). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (WRITES.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'network');
  }
}

async function toError(res: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // not JSON: keep the status
  }
  const e = (parsed as ApiErrorBody | null)?.error;
  return new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details ?? [], parsed);
}

/** Refreshes the CSRF token from /api/auth/me (after a 403 'csrf'). */
async function refreshCsrf(): Promise<boolean> {
  const res = await send('/api/auth/me', { quiet401: true });
  if (!res.ok) return false;
  const body = (await res.json()) as { csrf_token?: string };
  setCsrfToken(body.csrf_token ?? null);
  return Boolean(body.csrf_token);
}

export async function apiRaw(path: string, opts: RequestOptions = {}): Promise<Response> {
  let res = await send(path, opts);
  if (res.status === 403 && WRITES.has(opts.method ?? 'GET')) {
    const err = await toError(res.clone());
    if (err.code === 'csrf' && (await refreshCsrf())) res = await send(path, opts);
  }
  if (res.status === 401 && !opts.quiet401) for (const l of unauthorizedListeners) l();
  if (!res.ok) throw await toError(res);
  return res;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await apiRaw(path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
