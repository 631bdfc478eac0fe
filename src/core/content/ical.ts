// A small iCalendar (RFC 5545) writer for the read-only planning feed: text escaping, line folding, UTC times.

export interface CalendarEvent {
  /** Stable across feeds, e.g. `content-12@socialbench`. */
  uid: string;
  /** ISO 8601 instant. */
  start: string;
  /** ISO 8601 instant; the feed's generation time. */
  stamp: string;
  summary: string;
  description?: string | undefined;
  /** Optional end; without it the event is an instant. */
  end?: string | undefined;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' | undefined;
  /** ISO 8601 instant of the last change. */
  lastModified?: string | undefined;
}

export interface Calendar {
  /** PRODID, e.g. `-//socialbench//planning//EN`. */
  prodId: string;
  /** X-WR-CALNAME, what calendar apps show. */
  name?: string | undefined;
  events: readonly CalendarEvent[];
}

/** Escapes a TEXT value: backslash, semicolon, comma, and every line break as `\n` (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line so no physical line is longer than 75 octets of UTF-8 (RFC 5545 3.1);
 * continuation lines start with one space. Never splits a multi-octet character.
 */
export function foldLine(line: string, maxOctets = 75): string {
  if (encoder.encode(line).length <= maxOctets) return line;
  const parts: string[] = [];
  let current = '';
  let used = 0;
  // The first line holds 75 octets; each continuation holds 74 after its leading space.
  let limit = maxOctets;
  for (const ch of line) {
    const size = ch.length === 1 ? (ch.charCodeAt(0) < 0x80 ? 1 : ch.charCodeAt(0) < 0x800 ? 2 : 3) : 4;
    if (used + size > limit) {
      parts.push(current);
      current = '';
      used = 0;
      limit = maxOctets - 1;
    }
    current += ch;
    used += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 2026-05-02T01:00:00.000Z -> 20260502T010000Z. */
export function formatUtc(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The whole calendar, CRLF line endings, folded, ending with CRLF. */
export function writeCalendar(calendar: Calendar): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${calendar.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  for (const e of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${formatUtc(e.stamp)}`, `DTSTART:${formatUtc(e.start)}`);
    if (e.end) lines.push(`DTEND:${formatUtc(e.end)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(e.lastModified)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((l) => foldLine(l)).join('\r\n') + '\r\n';
}
