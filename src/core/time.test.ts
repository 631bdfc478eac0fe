import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate, parseInstant } from './time.ts';

const ZONES = ['Asia/Jakarta', 'Europe/Paris', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Los_Angeles', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];

function reference(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

describe('local dates', () => {
  it('puts 2025-03-01T18:30Z on 2 March in Jakarta', () => {
    expect(localDate('2025-03-01T18:30:00Z', 'Asia/Jakarta')).toBe('2025-03-02');
  });

  it('agrees with Intl for any instant and zone, across changes of offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        expect(localDate(ms, zone)).toBe(reference(ms, zone));
      }),
      { numRuns: 5000 },
    );
  });

  it('is right minute by minute around a change of offset (Paris, 30 March 2025)', () => {
    for (let ms = Date.UTC(2025, 2, 29, 20); ms < Date.UTC(2025, 2, 30, 4); ms += 60_000) {
      expect(localDate(ms, 'Europe/Paris')).toBe(reference(ms, 'Europe/Paris'));
    }
    for (let ms = Date.UTC(2025, 9, 25, 20); ms < Date.UTC(2025, 9, 26, 4); ms += 60_000) {
      expect(localDate(ms, 'America/St_Johns')).toBe(reference(ms, 'America/St_Johns'));
    }
  });

  it('refuses zone-less and impossible instants', () => {
    expect(parseInstant('2025-03-01T18:30:00')).toBeUndefined();
    expect(parseInstant('2025-02-30T18:30:00Z')).toBeUndefined();
    expect(parseInstant('2025-03-01T18:30:00+07:00')).toBe('2025-03-01T11:30:00.000Z');
  });
});
