// Passwords: argon2id hashes (PHC strings) and the rule a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. `Algorithm.Argon2id` is 2 (a const enum). */
const ARGON = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const password = z.string().min(10, 'at least 10 characters').max(200, 'at most 200 characters');

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON as never);
}

let dummy: Promise<string> | undefined;
/** Compares against a fixed hash when there is no stored one, so timing does not tell who exists. */
export async function verifyPassword(stored: string | undefined, plain: string): Promise<boolean> {
  dummy ??= hashPassword('not a real password');
  try {
    return await verify(stored ?? (await dummy), plain);
  } catch {
    return false;
  }
}
