import { describe, expect, it } from 'vitest';
import { KeySet } from './keyset.ts';

describe('KeySet', () => {
  it('tells new keys from repeated ones, across growth', () => {
    const s = new KeySet();
    for (let i = 0; i < 100_000; i++) expect(s.add(`instagram\u0000${1_800_000_000_000_000 + i}`)).toBe(true);
    for (let i = 0; i < 100_000; i += 997) expect(s.add(`instagram\u0000${1_800_000_000_000_000 + i}`)).toBe(false);
    expect(s.add('')).toBe(true);
    expect(s.add('')).toBe(false);
  });
});
