// Tokens at rest: AES-256-GCM with a key derived from SECRET_KEY, bound to the row and column they sit in.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte key from SECRET_KEY (HKDF-SHA256), so the configured text itself is never the cipher key. */
export function tokenKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretKey, 'utf8'), Buffer.from('socialbench'), Buffer.from('platform tokens v1'), 32));
}

export class SecretError extends Error {}

/**
 * Encrypts a secret. `context` (e.g. "connections:12:access_token") is authenticated but not stored:
 * a value copied into another row or column no longer opens.
 */
export function seal(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function open(sealed: string, key: Buffer, context: string): string {
  const [version, data] = sealed.split('.', 2);
  if (version !== VERSION || !data) throw new SecretError('not a sealed secret of this version');
  const raw = Buffer.from(data, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretError('sealed secret is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    // The wrong SECRET_KEY, or a value moved between rows: say so without echoing anything.
    throw new SecretError('sealed secret does not open with this SECRET_KEY');
  }
}
