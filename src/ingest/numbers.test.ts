import { describe, expect, it } from 'vitest';
import { parseCount, parseDecimal, parseFloatCount, parsePercent } from './numbers.ts';

describe('numbers', () => {
  it('reads plain counts and refuses guesses', () => {
    expect(parseCount('8470', undefined)).toEqual({ ok: true, value: 8470 });
    expect(parseCount(' 0 ', undefined)).toEqual({ ok: true, value: 0 });
    const grouped = parseCount('8.470', undefined);
    expect(grouped.ok).toBe(false);
    if (!grouped.ok) expect(grouped.reason).toMatch(/grouping separator.*--locale id/);
    expect(parseCount('8,470', undefined).ok).toBe(false);
    expect(parseCount('-3', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/negative/) });
    expect(parseCount('2.5', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/whole number/) });
    expect(parseCount('abc', undefined)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a number/) });
  });

  it('reads Indonesian numbers with --locale id', () => {
    expect(parseCount('8.470', 'id')).toEqual({ ok: true, value: 8470 });
    expect(parseCount('1.234.567', 'id')).toEqual({ ok: true, value: 1234567 });
    expect(parseCount('12,5', 'id').ok).toBe(false);
    expect(parsePercent('12,5%', 'id')).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent('12.5%', undefined)).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent('12,5%', undefined).ok).toBe(false);
    expect(parseDecimal('1.234,5', 'id')).toEqual({ ok: true, value: 1234.5 });
  });

  it('reads float-written counts', () => {
    expect(parseFloatCount('424.0')).toEqual({ ok: true, value: 424 });
    expect(parseFloatCount('424.5').ok).toBe(false);
  });
});
