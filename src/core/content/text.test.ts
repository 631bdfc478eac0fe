import { describe, expect, it } from 'vitest';
import { findEmoji, findHashtags, findUrls } from './text.ts';

const slices = (text: string, spans: { start: number; end: number }[]): string[] => spans.map((s) => text.slice(s.start, s.end));

describe('text primitives', () => {
  it('finds links with and without a scheme, leaving sentence punctuation out', () => {
    const text = 'Cek bsn.go.id, (https://www.iso.org/standard/1.html) dan https://bsn.go.id/a_(b). Bukan Node.js atau info@bsn.go.id';
    expect(slices(text, findUrls(text))).toEqual(['bsn.go.id', 'https://www.iso.org/standard/1.html', 'https://bsn.go.id/a_(b)']);
  });

  it('finds hashtags in any script, but not numbers or link fragments', () => {
    const text = '#SNI #StandarIndonesia #標準 #2019 https://bsn.go.id/#bagian a#b #ber_SNI';
    expect(findHashtags(text).map((h) => h.tag)).toEqual(['SNI', 'StandarIndonesia', '標準', 'ber_SNI']);
  });

  it('finds each emoji once, sequences whole, and not © on its own', () => {
    const text = 'Halo 👨‍👩‍👧‍👦 🇮🇩 👍🏽 © ❤ 1️⃣';
    expect(slices(text, findEmoji(text))).toEqual(['👨‍👩‍👧‍👦', '🇮🇩', '👍🏽', '❤', '1️⃣']);
  });
});
