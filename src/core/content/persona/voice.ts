// The persona voice check: does a text sound like the persona? Findings with positions, a score and a verdict.
import type { Severity, Span } from '../findings.ts';
import { findEmoji, findHashtags, findUrls, graphemes, isEmoji, overlaps } from '../text.ts';
import { FORMAL_ADDRESS, SLANG, STIFF_OPENINGS, writesIndonesian } from './formality.ts';
import type { Persona } from './persona.ts';
import { containsTerm, findTerm } from './terms.ts';

export interface VoiceFinding {
  rule: string;
  severity: Severity;
  /** Where in the text; an empty span at the end for something missing. */
  position: Span;
  message: string;
  suggestion: string;
}

export interface VoiceResult {
  findings: VoiceFinding[];
  /** 0-100, see VOICE_SCORE. */
  score: number;
  passed: boolean;
}

/**
 * Score = max(0, 100 − 25 × errors − 10 × warnings). Passed = no errors and score ≥ passScore (70):
 * up to three style warnings pass, a forbidden word or a missing required term never does.
 */
export const VOICE_SCORE = { start: 100, error: 25, warning: 10, passScore: 70 } as const;

export function voiceScore(findings: readonly { severity: Severity }[]): number {
  const lost = findings.reduce((sum, f) => sum + VOICE_SCORE[f.severity], 0);
  return Math.max(0, VOICE_SCORE.start - lost);
}

export function checkVoice(persona: Persona, text: string, options: { passScore?: number } = {}): VoiceResult {
  const end: Span = { start: text.length, end: text.length };
  const findings: VoiceFinding[] = [
    ...forbiddenTerms(persona, text),
    ...requiredTerms(persona, text, end),
    ...hashtags(persona, text, end),
  ];
  for (const f of formality(persona, text)) {
    if (!findings.some((g) => overlaps(g.position, f.position))) findings.push(f);
  }
  findings.push(...emoji(persona, text, end), ...longSentences(persona, text), ...addressAndSignOff(persona, text, end));
  findings.sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end);
  const score = voiceScore(findings);
  const passed = !findings.some((f) => f.severity === 'error') && score >= (options.passScore ?? VOICE_SCORE.passScore);
  return { findings, score, passed };
}

function forbiddenTerms(persona: Persona, text: string): VoiceFinding[] {
  return persona.forbiddenTerms.flatMap(({ term, suggestion }) =>
    findTerm(text, term).map((position) => ({
      rule: 'persona.term.forbidden',
      severity: 'error' as const,
      position,
      message: `${persona.name} does not say "${text.slice(position.start, position.end)}".`,
      suggestion: suggestion ? `Write "${suggestion}" instead.` : 'Remove it or say it another way.',
    })),
  );
}

function requiredTerms(persona: Persona, text: string, end: Span): VoiceFinding[] {
  return persona.requiredTerms
    .filter((term) => !containsTerm(text, term))
    .map((term) => ({ rule: 'persona.term.required', severity: 'error' as const, position: end, message: `Every post must contain "${term}".`, suggestion: `Add "${term}".` }));
}

const tagKey = (tag: string): string => tag.replace(/^[#＃]/u, '').normalize('NFC').toLowerCase();

function hashtags(persona: Persona, text: string, end: Span): VoiceFinding[] {
  const { min, max, required } = persona.hashtagPolicy;
  const found = findHashtags(text);
  const have = new Set(found.map((h) => tagKey(h.tag)));
  const out: VoiceFinding[] = required
    .filter((tag) => !have.has(tagKey(tag)))
    .map((tag) => ({ rule: 'persona.hashtag.required', severity: 'error' as const, position: end, message: `Posts carry #${tag.replace(/^[#＃]/u, '')}.`, suggestion: `Add #${tag.replace(/^[#＃]/u, '')}.` }));
  const first = found[max];
  const last = found[found.length - 1];
  if (first && last) {
    out.push({ rule: 'persona.hashtags.too_many', severity: 'warning', position: { start: first.start, end: last.end }, message: `${found.length} hashtags; ${persona.name} uses at most ${max}.`, suggestion: `Keep the ${max} that matter most.` });
  } else if (found.length + out.length < min) {
    // Adding the missing required hashtags would already reach the minimum: one finding is enough.
    out.push({ rule: 'persona.hashtags.too_few', severity: 'warning', position: end, message: `${found.length} hashtags; ${persona.name} uses at least ${min}.`, suggestion: `Add ${min - found.length} relevant hashtag${min - found.length > 1 ? 's' : ''}.` });
  }
  return out;
}

function formality(persona: Persona, text: string): VoiceFinding[] {
  if (persona.formality === 'neutral' || !writesIndonesian(persona.languages)) return [];
  if (persona.formality === 'formal') {
    return SLANG.flatMap(({ term, suggestion }) =>
      findTerm(text, term).map((position) => ({ rule: 'persona.formality.slang', severity: 'warning' as const, position, message: `"${text.slice(position.start, position.end)}" is too casual for this persona's formal voice.`, suggestion: `Write "${suggestion}".` })),
    );
  }
  const out: VoiceFinding[] = FORMAL_ADDRESS.flatMap(({ term, suggestion }) =>
    findTerm(text, term).map((position) => ({ rule: 'persona.formality.formal_address', severity: 'warning' as const, position, message: `"${text.slice(position.start, position.end)}" sounds distant; ${persona.name} talks to ${persona.audienceName} like a friend.`, suggestion: `Write "${suggestion}" or "${persona.audienceName}".` })),
  );
  const firstChar = text.search(/\S/u);
  for (const { term, suggestion } of STIFF_OPENINGS) {
    const at = findTerm(text, term).find((s) => s.start === firstChar);
    if (at) out.push({ rule: 'persona.formality.stiff_opening', severity: 'warning', position: at, message: 'A letter-style opening sounds stiff on social media.', suggestion: `Open with "${suggestion}, ${persona.audienceName}!" instead.` });
  }
  return out;
}

function emoji(persona: Persona, text: string, end: Span): VoiceFinding[] {
  const { min, max } = persona.emojiPolicy;
  const found = findEmoji(text);
  const first = found[max];
  const last = found[found.length - 1];
  if (first && last) {
    return [{ rule: 'persona.emoji.too_many', severity: 'warning', position: { start: first.start, end: last.end }, message: `${found.length} emoji; ${persona.name} uses at most ${max}.`, suggestion: `Keep ${max} emoji or fewer.` }];
  }
  if (found.length < min) {
    return [{ rule: 'persona.emoji.too_few', severity: 'warning', position: end, message: `${found.length} emoji; ${persona.name} uses at least ${min} to keep it friendly.`, suggestion: 'Add an emoji that fits the message.' }];
  }
  return [];
}

const MENTION = /[@＠][\p{L}\p{N}_.]+/gu;

function longSentences(persona: Persona, text: string): VoiceFinding[] {
  const locale = persona.languages[0] ?? 'und';
  // Links, hashtags and mentions are not words of a sentence.
  const skip: Span[] = [...findUrls(text), ...findHashtags(text), ...Array.from(text.matchAll(MENTION), (m) => ({ start: m.index, end: m.index + m[0].length }))];
  const words = new Intl.Segmenter(locale, { granularity: 'word' });
  const out: VoiceFinding[] = [];
  for (const s of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text)) {
    let count = 0;
    for (const w of words.segment(s.segment)) {
      const span = { start: s.index + w.index, end: s.index + w.index + w.segment.length };
      if (w.isWordLike && !skip.some((k) => overlaps(k, span))) count++;
    }
    if (count > persona.maxSentenceWords) {
      const trimmed = s.segment.trimEnd();
      out.push({ rule: 'persona.sentence.too_long', severity: 'warning', position: { start: s.index, end: s.index + trimmed.length }, message: `This sentence has ${count} words; ${persona.name} keeps them to ${persona.maxSentenceWords}.`, suggestion: 'Split it into two shorter sentences.' });
    }
  }
  return out;
}

/** The text without what usually trails a post: hashtags, links, mentions, emoji and spaces. */
function withoutTrailer(text: string): string {
  const decorations: Span[] = [...findUrls(text), ...findHashtags(text), ...Array.from(text.matchAll(MENTION), (m) => ({ start: m.index, end: m.index + m[0].length }))];
  let end = text.length;
  for (;;) {
    const before = end;
    while (end > 0 && /\s/u.test(text[end - 1] ?? '')) end--;
    const deco = decorations.find((d) => d.end === end);
    if (deco) end = deco.start;
    const last = graphemes(text.slice(0, end)).pop();
    if (last && isEmoji(last.segment)) end = last.index;
    if (end === before) return text.slice(0, end);
  }
}

function addressAndSignOff(persona: Persona, text: string, end: Span): VoiceFinding[] {
  const out: VoiceFinding[] = [];
  if (!containsTerm(text, persona.audienceName)) {
    out.push({ rule: 'persona.audience.not_addressed', severity: 'warning', position: end, message: `The text does not speak to ${persona.audienceName}.`, suggestion: `Greet or address ${persona.audienceName}, e.g. "Halo, ${persona.audienceName}!".` });
  }
  if (persona.signOff) {
    const strip = (s: string): string => s.trim().replace(/[.!?…]+$/u, '').trim().normalize('NFC').toLowerCase();
    if (!strip(withoutTrailer(text)).endsWith(strip(persona.signOff))) {
      out.push({ rule: 'persona.sign_off.missing', severity: 'warning', position: end, message: `${persona.name}'s posts end with "${persona.signOff}".`, suggestion: `End with "${persona.signOff}".` });
    }
  }
  return out;
}
