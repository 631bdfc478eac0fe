import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatUtc, writeCalendar } from './ical.ts';

const octets = (s: string): number => new TextEncoder().encode(s).length;
const unfold = (s: string): string => s.replace(/\r\n[ \t]/g, '');

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    // A backslash already followed by n stays two characters, not a line break.
    expect(escapeText('C:\\new')).toBe('C:\\\\new');
    expect(escapeText('Halo SNIzen: tanpa tanda')).toBe('Halo SNIzen: tanpa tanda');
  });

  it('leaves lines of 75 octets alone and folds longer ones at 75 octets, continuations at 74 after a space', () => {
    const exact = 'S'.repeat(75);
    expect(foldLine(exact)).toBe(exact);
    const long = `SUMMARY:${'x'.repeat(200)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines[0]).toHaveLength(75);
    for (const l of lines.slice(1)) {
      expect(l.startsWith(' ')).toBe(true);
      expect(octets(l)).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(long);
  });

  it('never splits a multi-octet character: Indonesian text, accents and emoji', () => {
    const text = `SUMMARY:${'Sosialisasi SNI helm untuk pengendara 🛵🇮🇩 — café déjà vu 👨‍👩‍👧‍👦 '.repeat(4)}`;
    const folded = foldLine(text);
    for (const l of folded.split('\r\n')) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own (no lone surrogate, no cut sequence).
      expect(l).toBe(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l)));
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(l)).toBe(false);
    }
    expect(unfold(folded)).toBe(text);
  });

  it('folds a line of only 4-octet emoji', () => {
    const line = `X:${'😀'.repeat(40)}`;
    const parts = foldLine(line).split('\r\n');
    expect(octets(parts[0] ?? '')).toBe(2 + 18 * 4); // 74: a 19th emoji would make 78
    expect(unfold(parts.join('\r\n'))).toBe(line);
  });

  it('writes UTC times without separators or milliseconds', () => {
    expect(formatUtc('2026-05-02T01:00:00.000Z')).toBe('20260502T010000Z');
    expect(formatUtc('2026-05-02T08:30:15+07:00')).toBe('20260502T013015Z');
    expect(() => formatUtc('tomorrow')).toThrow(/not an instant/);
  });

  it('writes a calendar with CRLF line endings and one VEVENT per event', () => {
    const ics = writeCalendar({
      prodId: '-//socialbench//planning//EN',
      name: 'BSN, content',
      events: [{ uid: 'content-1@socialbench', start: '2026-05-02T01:00:00.000Z', stamp: '2026-05-01T00:00:00.000Z', summary: 'Helm SNI; aman, nyaman (Instagram, X)', description: 'Status: scheduled\nAccounts: instagram/bsn_ig', status: 'CONFIRMED' }],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('X-WR-CALNAME:BSN\\, content');
    expect(lines).toContain('DTSTART:20260502T010000Z');
    expect(lines).toContain('SUMMARY:Helm SNI\\; aman\\, nyaman (Instagram\\, X)');
    expect(lines).toContain('DESCRIPTION:Status: scheduled\\nAccounts: instagram/bsn_ig');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
