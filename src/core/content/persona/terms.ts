// Whole-word, case-insensitive, Unicode-aware term search: "Anda" matches "anda," but not "Andalas".
import type { Span } from '../findings.ts';

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const cache = new Map<string, RegExp>();

function termPattern(term: string): RegExp {
  const key = term.normalize('NFC');
  let re = cache.get(key);
  if (!re) {
    // Spaces in a term match any run of whitespace, so "dengan hormat" finds "Dengan\nhormat".
    const body = key.trim().split(/\s+/u).map(escape).join('\\s+');
    re = new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'giu');
    cache.set(key, re);
  }
  return re;
}

/** Every occurrence of the term as a whole word or phrase. */
export function findTerm(text: string, term: string): Span[] {
  if (!term.trim()) return [];
  return Array.from(text.matchAll(termPattern(term)), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function containsTerm(text: string, term: string): boolean {
  return findTerm(text, term).length > 0;
}
