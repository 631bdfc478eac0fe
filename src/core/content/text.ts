// Unicode-aware text primitives the platform and voice checks share: graphemes, emoji, URLs, hashtags.
import type { Span } from './findings.ts';

const graphemeSegmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The user-perceived characters of a text with their start index. */
export function graphemes(text: string): { index: number; segment: string }[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => ({ index: s.index, segment: s.segment }));
}

// RGI_Emoji needs the `v` flag (ES2024); built at run time so the ES2023 target compiles.
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/**
 * True when one grapheme is an emoji: any RGI emoji (sequences, flags, keycaps, skin tones), or a
 * pictograph the runtime's emoji data does not know yet. © and ® alone are text symbols, not emoji.
 */
export function isEmoji(grapheme: string): boolean {
  if (RGI_EMOJI.test(grapheme)) return true;
  const first = grapheme.codePointAt(0) ?? 0;
  return first > 0xff && PICTOGRAPHIC.test(grapheme);
}

/** Where the emoji are, one span per emoji (a ZWJ family or a flag is one emoji). */
export function findEmoji(text: string): Span[] {
  return graphemes(text)
    .filter((g) => isEmoji(g.segment))
    .map((g) => ({ start: g.index, end: g.index + g.segment.length }));
}

/** Length in Unicode code points (what Instagram's caption limit is taken to count). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

// Top-level domains a bare domain ("bsn.go.id") may end in for it to count as a link, as X does.
// All country codes plus the common generic ones; X’s own list is longer, so a rarer gTLD written without https:// is missed.
const CC_TLDS =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';
const GENERIC_TLDS =
  'com net org info biz edu gov mil int name pro mobi asia xyz online site tech store app dev blog news shop club live world today media link top icu vip cloud page website space digital network';
const TLDS = `${GENERIC_TLDS} ${CC_TLDS}`.split(' ').sort((a, b) => b.length - a.length).join('|');

// Boundaries as in twitter-text: only ASCII letters, digits, @, $ and # block a link before it, and
// a bare domain glued to - _ . or / is not a link; after the TLD, ASCII letters, digits, @, + and - block it;
// a path takes ASCII, Latin and Cyrillic letters and URL punctuation (not emoji or CJK).
const URL_PATTERN = new RegExp(
  '(?:' +
    // with a scheme: any host with a dot
    '(?<![a-z0-9@＠$#＃])https?://(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}\\p{N}-]{2,}' +
    '|' +
    // without: ASCII labels ending in a known TLD
    `(?<![a-z0-9@＠$#＃_./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})` +
    ')(?::\\d{1,5})?(?![a-z0-9@+-])(?:[/?#][a-z0-9!*\'";:=+,.$/%#[\\]\\-_~|&@()?\\u00C0-\\u024F\\u0400-\\u04FF]*)?',
  'giu',
);

const TRAILING_PUNCTUATION = new Set(['.', ',', '!', '?', ';', ':', "'", '"', '*', '…']);

function trimUrlEnd(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if (TRAILING_PUNCTUATION.has(last)) end--;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** Links in a text, with or without `http(s)://`, trailing sentence punctuation left out. */
export function findUrls(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = trimUrlEnd(m[0]);
    spans.push({ start: m.index, end: m.index + url.length });
  }
  return spans;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

const HASHTAG_PATTERN = /(?<![\p{L}\p{M}\p{N}_&#＃])[#＃][\p{L}\p{M}\p{N}_]+/gu;
const LETTER = /[\p{L}\p{M}]/u;

export interface Hashtag extends Span {
  /** Without the #, as written. */
  tag: string;
}

/** Hashtags in a text, in order; `#2019` (no letter) and fragments of links are not hashtags. */
export function findHashtags(text: string): Hashtag[] {
  const urls = findUrls(text);
  const found: Hashtag[] = [];
  for (const m of text.matchAll(HASHTAG_PATTERN)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const tag = m[0].slice(1);
    if (!LETTER.test(tag) || urls.some((u) => overlaps(u, span))) continue;
    found.push({ ...span, tag });
  }
  return found;
}
