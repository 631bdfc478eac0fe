// X's weighted post length (counting-characters rules, twitter-text config v3), implemented here.
import { findUrls, graphemes, isEmoji } from '../text.ts';

/** The v3 configuration (docs.x.com/fundamentals/counting-characters). */
export const X_TEXT = {
  maxWeightedLength: 280,
  /** Premium accounts; pass it as the limit where an account has it. */
  premiumMaxWeightedLength: 25_000,
  urlWeight: 23,
  emojiWeight: 2,
  defaultWeight: 2,
  /** Inclusive code point ranges that weigh 1. */
  lightRanges: [
    [0x0000, 0x10ff],
    [0x2000, 0x200d],
    [0x2010, 0x201f],
    [0x2032, 0x2037],
  ] as const,
} as const;

function codePointWeight(cp: number): number {
  for (const [from, to] of X_TEXT.lightRanges) if (cp >= from && cp <= to) return 1;
  return X_TEXT.defaultWeight;
}

function graphemeWeight(grapheme: string): number {
  if (isEmoji(grapheme)) return X_TEXT.emojiWeight;
  let w = 0;
  for (const ch of grapheme.normalize('NFC')) w += codePointWeight(ch.codePointAt(0) ?? 0);
  return w;
}

export interface XLength {
  weightedLength: number;
  /** Index in the text (UTF-16) where the text first goes over the limit; null when it fits. */
  overflowStart: number | null;
}

/**
 * Weighted length as X counts it: each URL 23, each emoji (a whole sequence) 2, code points in
 * the light ranges 1, everything else 2, after NFC normalisation (applied per grapheme, so the
 * returned index still points into the text as given).
 */
export function xWeightedLength(text: string, limit: number = X_TEXT.maxWeightedLength): XLength {
  let total = 0;
  let overflowStart: number | null = null;
  const add = (weight: number, index: number): void => {
    total += weight;
    if (overflowStart === null && total > limit) overflowStart = index;
  };
  let cursor = 0;
  const countPlain = (from: number, to: number): void => {
    for (const g of graphemes(text.slice(from, to))) add(graphemeWeight(g.segment), from + g.index);
  };
  for (const url of findUrls(text)) {
    countPlain(cursor, url.start);
    add(X_TEXT.urlWeight, url.start);
    cursor = url.end;
  }
  countPlain(cursor, text.length);
  return { weightedLength: total, overflowStart };
}
