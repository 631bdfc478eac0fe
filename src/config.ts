// The only reader of process.env: validates the environment once and hands out a typed Config.
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function httpUrl(example: string) {
  return z
    .string()
    .refine((v) => /^https?:\/\/\S+$/.test(v) && URL.canParse(v), `must be an http(s) URL such as ${example}`)
    .transform((v) => v.replace(/\/+$/, ''));
}

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number between ${min} and ${max}`;
  return z.string().regex(/^\d+$/, message).transform(Number).refine((n) => n >= min && n <= max, message);
}

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a whole number between 1 and 65535')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, 'must be a whole number between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) || /^sqlite:.+/.test(v),
      'must be a postgres://… (or postgresql://…) URL, or sqlite:PATH',
    )
    .refine((v) => !/^postgres/.test(v) || URL.canParse(v), 'is not a valid URL')
    .optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  SECRET_KEY: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. 64 hex digits)')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DEFAULT_TIMEZONE: z
    .string()
    .refine(isIanaZone, 'must be an IANA time zone such as Asia/Jakarta or UTC')
    .default('UTC'),
  SOCIALBENCH_DEMO: z
    .enum(['auto', 'off'], { error: 'must be auto or off' })
    .default('auto'),
  DEMO_SCALE: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a positive number such as 1 or 0.1')
    .transform(Number)
    .refine((n) => n > 0, 'must be a positive number such as 1 or 0.1')
    .default(1),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v), 'must be an smtp://user:pass@host:port (or smtps://…) URL')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an e-mail address such as reports@example.org or "Name <reports@example.org>"')
    .optional(),  // Platform connectors (issue 8): base URLs default to the real APIs; tests point them at local fakes.
  PUBLIC_URL: httpUrl('http://localhost:3000').optional(),
  PLATFORM_TIMEOUT_MS: wholeNumber(1000, 120000).default(15000),
  FACEBOOK_GRAPH_URL: httpUrl('https://graph.facebook.com').default('https://graph.facebook.com'),
  FACEBOOK_DIALOG_URL: httpUrl('https://www.facebook.com').default('https://www.facebook.com'),
  FACEBOOK_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must be a Graph API version such as v27.0').default('v27.0'),
  FACEBOOK_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric app id').optional(),
  FACEBOOK_APP_SECRET: z.string().min(16, 'must be the app secret (at least 16 characters)').optional(),
  INSTAGRAM_GRAPH_URL: httpUrl('https://graph.facebook.com').default('https://graph.facebook.com'),
  X_API_URL: httpUrl('https://api.x.com').default('https://api.x.com'),
  X_AUTHORIZE_URL: httpUrl('https://x.com/i/oauth2/authorize').default('https://x.com/i/oauth2/authorize'),
  X_CLIENT_ID: z.string().min(1).optional(),
  X_CLIENT_SECRET: z.string().min(1).optional(),
  X_BEARER_TOKEN: z.string().min(20, 'must be the app bearer token').optional(),
  YOUTUBE_API_URL: httpUrl('https://www.googleapis.com/youtube/v3').default('https://www.googleapis.com/youtube/v3'),
  GOOGLE_AUTH_URL: httpUrl('https://accounts.google.com/o/oauth2/v2/auth').default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: httpUrl('https://oauth2.googleapis.com/token').default('https://oauth2.googleapis.com/token'),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  YOUTUBE_API_KEY: z.string().min(10, 'must be a Google API key').optional(),
  YOUTUBE_DAILY_QUOTA: wholeNumber(1, 100_000_000).default(10000),
  YOUTUBE_PRIVACY_STATUS: z.enum(['public', 'unlisted', 'private'], 'must be public, unlisted or private').default('public'),
  TIKTOK_API_URL: httpUrl('https://open.tiktokapis.com').default('https://open.tiktokapis.com'),
  TIKTOK_AUTHORIZE_URL: httpUrl('https://www.tiktok.com/v2/auth/authorize/').default('https://www.tiktok.com/v2/auth/authorize/'),
  TIKTOK_CLIENT_KEY: z.string().min(1).optional(),
  TIKTOK_CLIENT_SECRET: z.string().min(1).optional(),
  LINKEDIN_API_URL: httpUrl('https://api.linkedin.com').default('https://api.linkedin.com'),
  LINKEDIN_AUTH_URL: httpUrl('https://www.linkedin.com').default('https://www.linkedin.com'),
  LINKEDIN_VERSION: z.string().regex(/^20\d{2}(0[1-9]|1[0-2])$/, 'must be a LinkedIn-Version month YYYYMM such as 202603').default('202603'),
  LINKEDIN_CLIENT_ID: z.string().min(1).optional(),
  LINKEDIN_CLIENT_SECRET: z.string().min(1).optional(),
});

/** Variables whose values are credentials: never echoed in an error. */
const SECRET_VARIABLES = new Set(['SECRET_KEY', 'SMTP_URL', 'FACEBOOK_APP_SECRET', 'X_CLIENT_SECRET', 'X_BEARER_TOKEN', 'GOOGLE_CLIENT_SECRET', 'YOUTUBE_API_KEY', 'TIKTOK_CLIENT_SECRET', 'LINKEDIN_CLIENT_SECRET']);

export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  /** Present after ensureSecretKey(); commands that touch no secrets never create the file. */
  secretKey: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  defaultTimezone: string;
  demoOnFirstStart: boolean;
  demoScale: number;
  /** Outgoing e-mail (scheduled reports); undefined when SMTP_URL is not set. */
  mail: MailSettings | undefined;
  /** Platform APIs and app credentials (connectors, sync). */
  platforms: PlatformSettings;
}

/** An app's OAuth client; undefined when its id and secret are not configured. */
export interface OAuthClient {
  id: string;
  secret: string;
}

export interface PlatformSettings {
  /** Base of the OAuth redirect URIs: {publicUrl}/api/connections/{platform}/callback. */
  publicUrl: string;
  /**
   * PUBLIC_URL when it was set: the base of the signed media links platforms download (Instagram,
   * Facebook). Undefined when unset, because the localhost default is not reachable from a platform.
   */
  publicMediaBase?: string | undefined;
  timeoutMs: number;
  facebook: { graphUrl: string; dialogUrl: string; version: string; app: OAuthClient | undefined };
  /** Instagram is reached through Facebook Login (the only path with Business Discovery). */
  instagram: { graphUrl: string };
  x: { apiUrl: string; authorizeUrl: string; client: OAuthClient | undefined; bearerToken: string | undefined };
  youtube: { apiUrl: string; authUrl: string; tokenUrl: string; client: OAuthClient | undefined; apiKey: string | undefined; dailyQuota: number; privacyStatus?: 'public' | 'unlisted' | 'private' | undefined };
  /** Display API (own accounts only); the client is TikTok's client key and secret. */
  tiktok: { apiUrl: string; authorizeUrl: string; client: OAuthClient | undefined };
  /** Community Management API; `version` is the LinkedIn-Version header (YYYYMM). */
  linkedin: { apiUrl: string; authUrl: string; version: string; client: OAuthClient | undefined };
}

export interface MailSettings {
  smtpUrl: string;
  from: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`invalid configuration: ${variable} ${problem}`);
  }
}

export interface ConfigOverrides {
  /** --db PATH: an SQLite file (wins over DATABASE_URL). */
  dbPath?: string | undefined;
  port?: number | undefined;
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env, overrides: ConfigOverrides = {}): Config {
  const picked: Env = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    // Values that may hold credentials are never echoed.
    const secret = SECRET_VARIABLES.has(variable);
    const shown = picked[variable] === undefined || secret ? '' : ` (got "${picked[variable]}")`;
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${shown}`);
  }
  const e = parsed.data;
  if (e.SMTP_URL && !e.MAIL_FROM) throw new ConfigError('MAIL_FROM', 'must be set when SMTP_URL is (the sender of report e-mails)');
  const client = (id: string | undefined, secret: string | undefined, idVar: string, secretVar: string): OAuthClient | undefined => {
    if (id && !secret) throw new ConfigError(secretVar, `must be set when ${idVar} is`);
    if (secret && !id) throw new ConfigError(idVar, `must be set when ${secretVar} is`);
    return id && secret ? { id, secret } : undefined;
  };
  const platforms: PlatformSettings = {
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${overrides.port ?? e.PORT}`,
    publicMediaBase: e.PUBLIC_URL?.replace(/\/+$/, ''),
    timeoutMs: e.PLATFORM_TIMEOUT_MS,
    facebook: { graphUrl: e.FACEBOOK_GRAPH_URL, dialogUrl: e.FACEBOOK_DIALOG_URL, version: e.FACEBOOK_GRAPH_VERSION, app: client(e.FACEBOOK_APP_ID, e.FACEBOOK_APP_SECRET, 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET') },
    instagram: { graphUrl: e.INSTAGRAM_GRAPH_URL },
    x: { apiUrl: e.X_API_URL, authorizeUrl: e.X_AUTHORIZE_URL, client: client(e.X_CLIENT_ID, e.X_CLIENT_SECRET, 'X_CLIENT_ID', 'X_CLIENT_SECRET'), bearerToken: e.X_BEARER_TOKEN },
    youtube: {
      apiUrl: e.YOUTUBE_API_URL,
      authUrl: e.GOOGLE_AUTH_URL,
      tokenUrl: e.GOOGLE_TOKEN_URL,
      client: client(e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET, 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'),
      apiKey: e.YOUTUBE_API_KEY,
      dailyQuota: e.YOUTUBE_DAILY_QUOTA,
      privacyStatus: e.YOUTUBE_PRIVACY_STATUS,
    },
    tiktok: { apiUrl: e.TIKTOK_API_URL, authorizeUrl: e.TIKTOK_AUTHORIZE_URL, client: client(e.TIKTOK_CLIENT_KEY, e.TIKTOK_CLIENT_SECRET, 'TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET') },
    linkedin: { apiUrl: e.LINKEDIN_API_URL, authUrl: e.LINKEDIN_AUTH_URL, version: e.LINKEDIN_VERSION, client: client(e.LINKEDIN_CLIENT_ID, e.LINKEDIN_CLIENT_SECRET, 'LINKEDIN_CLIENT_ID', 'LINKEDIN_CLIENT_SECRET') },
  };
  const dataDir = resolve(e.DATA_DIR);
  let database: DatabaseTarget;
  if (overrides.dbPath) database = { kind: 'sqlite', path: resolve(overrides.dbPath) };
  else if (e.DATABASE_URL?.startsWith('sqlite:'))
    database = { kind: 'sqlite', path: resolve(e.DATABASE_URL.slice('sqlite:'.length)) };
  else if (e.DATABASE_URL) database = { kind: 'postgres', url: e.DATABASE_URL };
  else database = { kind: 'sqlite', path: join(dataDir, 'socialbench.db') };
  return {
    port: overrides.port ?? e.PORT,
    host: e.HOST,
    dataDir,
    database,
    secretKey: e.SECRET_KEY,
    logLevel: e.LOG_LEVEL,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    demoOnFirstStart: e.SOCIALBENCH_DEMO === 'auto',
    demoScale: e.DEMO_SCALE,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : undefined,
    platforms,
  };
}

/** Returns the secret key, generating it under DATA_DIR on first use when SECRET_KEY is absent. */
export function ensureSecretKey(config: Config): string {
  if (config.secretKey) return config.secretKey;
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < 32) throw new ConfigError('SECRET_KEY', `file ${file} holds a key shorter than 32 characters`);
    config.secretKey = key;
    return key;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  config.secretKey = key;
  return key;
}

/** This process's environment with some variables replaced: for child processes (tests, benchmarks). */
export function childEnvironment(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}

export interface TestSettings {
  /** Which database the test run uses: set per Vitest project. */
  database: 'sqlite' | 'postgres';
  /** A Chromium binary named by CHROMIUM_PATH, if any (else the usual Debian paths are tried). */
  chromiumPath: string | undefined;
  /** Server in which each test creates and drops its own database. */
  postgresAdminUrl: string;
}

/** Settings of the test suite (vitest.config.ts sets SOCIALBENCH_TEST_DB per project). */
export function loadTestSettings(env: Env = process.env): TestSettings {
  const kind = env.SOCIALBENCH_TEST_DB ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres')
    throw new ConfigError('SOCIALBENCH_TEST_DB', `must be sqlite or postgres (got "${kind}")`);
  return {
    database: kind,
    postgresAdminUrl: env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    chromiumPath: env.CHROMIUM_PATH,
  };
}
