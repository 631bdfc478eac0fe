import { describe, expect, it } from 'vitest';
import { xWeightedLength } from './x-length.ts';

const len = (s: string): number => xWeightedLength(s).weightedLength;

describe('X weighted length', () => {
  it('fits 280 ASCII characters and not 281, pointing at the first one too many', () => {
    expect(xWeightedLength('a'.repeat(280))).toEqual({ weightedLength: 280, overflowStart: null });
    expect(xWeightedLength('a'.repeat(281))).toEqual({ weightedLength: 281, overflowStart: 280 });
  });

  it('counts every URL as 23 whatever its length, with or without https://', () => {
    expect(len('https://bsn.go.id')).toBe(23);
    expect(len(`https://bsn.go.id/berita/${'x'.repeat(200)}`)).toBe(23);
    expect(len('cek bsn.go.id ya')).toBe(4 + 23 + 3);
    expect(len('lihat https://t.co/a.')).toBe(6 + 23 + 1); // the full stop ends the sentence, not the link
    expect(len('Node.js dan info@bsn.go.id')).toBe(26); // not links
  });

  it('weighs CJK and emoji 2, an emoji sequence as one emoji', () => {
    expect(len('標準化')).toBe(6);
    expect(len('한국')).toBe(4);
    expect(len('😀')).toBe(2);
    expect(len('👍🏽')).toBe(2);
    expect(len('🇮🇩')).toBe(2);
    expect(len('👨‍👩‍👧‍👦')).toBe(2);
    expect(len('1️⃣')).toBe(2);
    expect(len('™→')).toBe(4);
    expect(len('“—”')).toBe(3); // quotes and dashes sit in the light ranges…
    expect(len('…')).toBe(2); // …the ellipsis (U+2026) does not
  });

  it('counts Indonesian text one per character, NFC-normalised', () => {
    const text = 'Halo SNIzen! Tahukah kamu, helm ber-SNI wajib dipakai saat berkendara. Yuk cek tandanya!';
    expect(len(text)).toBe(text.length);
    expect(len('e\u0301')).toBe(1); // é written as e + combining accent
    expect(len('Halo SNIzen! Yuk cek standar SNI di https://bsn.go.id 🇮🇩')).toBe(62);
  });

  it('reports the overflow index in the text as written', () => {
    const text = `${'漢'.repeat(140)}!`;
    expect(xWeightedLength(text)).toEqual({ weightedLength: 281, overflowStart: 140 });
    expect(xWeightedLength('x'.repeat(300), 25_000).overflowStart).toBeNull();
  });
});
