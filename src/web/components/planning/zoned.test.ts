import { describe, expect, it } from 'vitest';
import { zonedInstant, zonedParts } from './zoned.ts';

describe('zoned times', () => {
  it('turns a Jakarta wall time into UTC and back', () => {
    expect(zonedInstant('2026-05-02', '08:00', 'Asia/Jakarta')).toBe('2026-05-02T01:00:00.000Z');
    expect(zonedParts('2026-05-02T01:00:00.000Z', 'Asia/Jakarta')).toEqual({ date: '2026-05-02', time: '08:00' });
    expect(zonedParts('2026-05-01T20:00:00.000Z', 'Asia/Jakarta')).toEqual({ date: '2026-05-02', time: '03:00' });
  });

  it('handles clock changes: a skipped time moves forward, a repeated one takes the first', () => {
    // Paris springs forward at 02:00 on 29 March 2026 and falls back at 03:00 on 25 October.
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Paris')).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedInstant('nope', '09:00', 'UTC')).toBeNull();
  });
});
