import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, ensureSecretKey, loadConfig } from './config.ts';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'sqlite', path: join(process.cwd(), 'data', 'socialbench.db') });
    expect(c.defaultTimezone).toBe('UTC');
  });

  it('selects PostgreSQL from a postgres:// URL and lets --db win', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }, { dbPath: '/tmp/x.db' }).database).toEqual({ kind: 'sqlite', path: '/tmp/x.db' });
  });

  it('names the variable and the problem in one line', () => {
    for (const [env, variable] of [
      [{ PORT: 'abc' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
      [{ DEFAULT_TIMEZONE: 'Mars/Olympus' }, 'DEFAULT_TIMEZONE'],
      [{ SECRET_KEY: 'short' }, 'SECRET_KEY'],
    ] as const) {
      const err = errorOf(env);
      expect(err.variable).toBe(variable);
      expect(err.message).toMatch(new RegExp(`^invalid configuration: ${variable} `));
      expect(err.message).not.toContain('\n');
    }
  });

  it('generates the secret key once and keeps it under DATA_DIR', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-config-'));
    const first = ensureSecretKey(loadConfig({ DATA_DIR: dir }));
    const second = ensureSecretKey(loadConfig({ DATA_DIR: dir }));
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
    expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(first);
  });
  it('reads the SMTP settings of report e-mails, and wants a sender with them', () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://user:pass@mail.example.org:587', MAIL_FROM: 'socialbench <reports@example.org>' }).mail).toEqual({
      smtpUrl: 'smtp://user:pass@mail.example.org:587',
      from: 'socialbench <reports@example.org>',
    });
    expect(errorOf({ SMTP_URL: 'http://mail.example.org' }).variable).toBe('SMTP_URL');
    expect(errorOf({ SMTP_URL: 'smtp://mail.example.org' }).variable).toBe('MAIL_FROM');
    expect(errorOf({ SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'not an address' }).variable).toBe('MAIL_FROM');
  });
});
