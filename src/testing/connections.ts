// Test support: an account's id, and a connection stored as a finished OAuth flow would have left it.
import type { Db } from '../db/database.ts';
import { findAccount } from '../db/queries/accounts.ts';
import { saveConnection } from '../db/queries/connections.ts';
import { seal, tokenKey } from '../platforms/secrets.ts';

export async function accountIdOf(db: Db, platform: string, handle: string): Promise<number> {
  const a = await findAccount(db.kysely, platform, handle.toLowerCase());
  if (!a) throw new Error(`no ${platform}/${handle}`);
  return a.id;
}

/** Stores an active connection with sealed tokens (sealed with SECRET_KEY `secret`), made at `at`. */
export async function connectAccount(
  db: Db,
  secret: string,
  at: string,
  platform: string,
  handle: string,
  t: { accessToken: string; refreshToken?: string | null; expiresAt?: string | null },
): Promise<void> {
  const id = await accountIdOf(db, platform, handle);
  const key = tokenKey(secret);
  await saveConnection(db.kysely, {
    account_id: id, platform, status: 'active',
    access_token: seal(t.accessToken, key, `connections:${id}:access_token`),
    refresh_token: t.refreshToken ? seal(t.refreshToken, key, `connections:${id}:refresh_token`) : null,
    expires_at: t.expiresAt ?? null, scopes: '', last_error: null, flagged_at: null, created_at: at, updated_at: at,
  });
}
