// The machinery shared by the platform fakes: a local HTTP server on 127.0.0.1, injected faults, tokens.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface Fault {
  /** Only requests whose path contains this text (default: any request). */
  path?: string;
  method?: string;
  /** Answer with this status (and the platform's error body for it unless `body` is given). */
  status?: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Wait this long before answering (longer than the adapter's timeout: a timeout). */
  delayMs?: number;
  /** Carry the request out (its side effects happen), then destroy the socket instead of answering. */
  reset?: boolean;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
  /** Let this many matching requests through first (a fault in the middle of a sync). */
  skip?: number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes as received (uploads). */
  raw: Buffer;
  /** The bearer token of the Authorization header, or the access_token parameter. */
  token: string | undefined;
  form(): URLSearchParams;
  json(): unknown;
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A 302 to this URL (OAuth dialogs approve at once). */
  redirect?: string;
}

export interface FakeOptions {
  handle: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
  /** The platform's error body for an injected status without a body. */
  errorBody: (status: number) => unknown;
}

function tokenOf(headers: IncomingHttpHeaders, query: URLSearchParams, body: string): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  if (auth?.startsWith('OAuth ')) return auth.slice(6);
  const fromQuery = query.get('access_token') ?? query.get('key');
  if (fromQuery) return fromQuery;
  if (headers['content-type']?.includes('x-www-form-urlencoded')) return new URLSearchParams(body).get('access_token') ?? undefined;
  return undefined;
}

export class FakeServer {
  url = '';
  /** Every request received (method, path, query, body), for assertions. */
  readonly requests: { method: string; path: string; query: URLSearchParams; body: string }[] = [];
  private faults: (Fault & { times: number })[] = [];
  private server: Server | undefined;

  constructor(private readonly options: FakeOptions) {}

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const i = this.faults.findIndex((f) => (!f.path || path.includes(f.path)) && (!f.method || f.method === method));
    const f = this.faults[i];
    if (!f) return undefined;
    if (f.skip) {
      f.skip -= 1;
      return undefined;
    }
    f.times -= 1;
    if (f.times <= 0) this.faults.splice(i, 1);
    return f;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.serve(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    return this;
  }

  private async serve(method: string, rawUrl: string, headers: IncomingHttpHeaders, raw: Buffer, res: ServerResponse): Promise<void> {
    const body = raw.toString('utf8');
    const u = new URL(rawUrl, 'http://fake');
    this.requests.push({ method, path: u.pathname, query: u.searchParams, body });
    const fault = this.takeFault(method, u.pathname);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (res.destroyed) return;
    const request: FakeRequest = {
      method,
      path: u.pathname,
      query: u.searchParams,
      headers,
      body,
      raw,
      token: tokenOf(headers, u.searchParams, body),
      form: () => new URLSearchParams(body),
      json: () => (body ? (JSON.parse(body) as unknown) : undefined),
    };
    let answer: FakeResponse;
    if (fault?.status !== undefined && !fault.reset) {
      answer = { status: fault.status, body: fault.body ?? this.options.errorBody(fault.status), headers: { ...fault.headers } };
      if (fault.retryAfter !== undefined) answer.headers = { ...answer.headers, 'retry-after': String(fault.retryAfter) };
    } else {
      try {
        answer = await this.options.handle(request);
      } catch (err) {
        answer = { status: 500, body: { error: { message: err instanceof Error ? err.message : String(err) } } };
      }
    }
    if (fault?.reset) {
      res.socket?.destroy();
      return;
    }
    if (answer.redirect) {
      res.writeHead(302, { location: answer.redirect });
      res.end();
      return;
    }
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...fault?.headers, ...answer.headers });
    res.end(text);
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

export interface FakeToken {
  value: string;
  kind: 'access' | 'refresh' | 'code';
  /** ms since epoch; Infinity when it never expires. */
  expiresAt: number;
  /** What the token stands for: a user, a Page, a channel. */
  subject: string;
  used: boolean;
}

/** Tokens a fake hands out and checks; tests expire or revoke them to simulate a dying token. */
export class FakeTokens {
  private readonly byValue = new Map<string, FakeToken>();

  issue(kind: FakeToken['kind'], subject: string, ttlSeconds: number | null, prefix = ''): string {
    const value = `${prefix}${kind}-${randomBytes(12).toString('hex')}`;
    this.byValue.set(value, { value, kind, subject, expiresAt: ttlSeconds === null ? Infinity : Date.now() + ttlSeconds * 1000, used: false });
    return value;
  }

  /** The live token of that kind, or undefined (unknown, expired, or a used single-use token). */
  check(value: string | undefined, kind: FakeToken['kind']): FakeToken | undefined {
    const t = value === undefined ? undefined : this.byValue.get(value);
    if (!t || t.kind !== kind || t.used || t.expiresAt <= Date.now()) return undefined;
    return t;
  }

  /** Whether the fake ever issued this value (an expired token differs from garbage). */
  known(value: string | undefined): boolean {
    return value !== undefined && this.byValue.has(value);
  }

  /** Marks a single-use token (a code, a rotating refresh token) as spent. */
  spend(value: string): void {
    const t = this.byValue.get(value);
    if (t) t.used = true;
  }

  /** Expires every token of a kind (default: access tokens), or one token. */
  expire(kind: FakeToken['kind'] = 'access', value?: string): void {
    for (const t of this.byValue.values()) if (value === undefined ? t.kind === kind : t.value === value) t.expiresAt = 0;
  }

  /** A token the test hands to an adapter directly, as if an earlier connect had stored it. */
  grant(subject: string, ttlSeconds: number | null = 3600): { accessToken: string; refreshToken: string } {
    return { accessToken: this.issue('access', subject, ttlSeconds), refreshToken: this.issue('refresh', subject, null) };
  }
}

/** What every platform fake shares: its local server, start and close, and fault injection. */
export abstract class FakePlatform {
  readonly server: FakeServer;

  constructor(errorBody: (status: number) => unknown) {
    // handle() is only called once a request arrives, after the subclass has finished constructing.
    this.server = new FakeServer({ handle: (r) => this.handle(r), errorBody });
  }

  protected abstract handle(r: FakeRequest): FakeResponse | Promise<FakeResponse>;

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  inject(fault: Fault): void {
    this.server.inject(fault);
  }
}
