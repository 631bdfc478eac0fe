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
});

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
    const shown = picked[variable] === undefined ? '' : ` (got "${picked[variable]}")`;
    throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${shown}`);
  }
  const e = parsed.data;
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

export interface TestSettings {
  /** Which database the test run uses: set per Vitest project. */
  database: 'sqlite' | 'postgres';
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
  };
}
