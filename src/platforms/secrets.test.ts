import { describe, expect, it } from 'vitest';
import { open, seal, SecretError, tokenKey } from './secrets.ts';

const key = tokenKey('a'.repeat(64));
const token = 'EAAGm0PX4ZCpsBOpagetokenexample';

describe('token sealing', () => {
  it('round-trips, and the stored text holds no trace of the token', () => {
    const sealed = seal(token, key, 'connections:1:access_token');
    expect(open(sealed, key, 'connections:1:access_token')).toBe(token);
    expect(sealed).not.toContain(token);
    expect(sealed).not.toContain(token.slice(0, 8));
    expect(sealed).not.toContain(Buffer.from(token).toString('base64'));
    expect(sealed).not.toContain(Buffer.from(token).toString('base64url').slice(0, 12));
  });

  it('seals the same token differently each time', () => {
    expect(seal(token, key, 'c')).not.toBe(seal(token, key, 'c'));
  });

  it('refuses another key, another row, and tampered text', () => {
    const sealed = seal(token, key, 'connections:1:access_token');
    expect(() => open(sealed, tokenKey('b'.repeat(64)), 'connections:1:access_token')).toThrow(SecretError);
    expect(() => open(sealed, key, 'connections:2:access_token')).toThrow(SecretError);
    // Changes the second-to-last character (always to a different one; its 6 bits all carry data).
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.slice(-1);
    expect(() => open(flipped, key, 'connections:1:access_token')).toThrow(SecretError);
    expect(() => open('plain-token', key, 'x')).toThrow(SecretError);
  });

  it('never puts the token in its error messages', () => {
    const sealed = seal(token, key, 'a');
    try {
      open(sealed, key, 'b');
    } catch (err) {
      expect(String(err)).not.toContain(token);
    }
  });
});
