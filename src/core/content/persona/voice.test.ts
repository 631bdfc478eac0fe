import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BSN_PERSONA } from './bsn.ts';
import type { Persona } from './persona.ts';
import { checkVoice, voiceScore } from './voice.ts';

const draft = 'Halo SNIzen! Apakah Anda sudah tahu tanda SNI pada helm? Yuk cek sebelum beli 🪖 #SNI';

describe('persona voice check', () => {
  it('flags "Anda" in a BSN draft with its position and the suggestion "kamu"', () => {
    const result = checkVoice(BSN_PERSONA, draft);
    const at = draft.indexOf('Anda');
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'persona.term.forbidden', severity: 'error', position: { start: at, end: at + 4 }, suggestion: 'Write "kamu" instead.' }),
    ]);
    expect(result.passed).toBe(false);
    expect(result.score).toBe(75);
  });

  it('passes once "Anda" becomes "kamu"', () => {
    expect(checkVoice(BSN_PERSONA, draft.replace('Anda', 'kamu'))).toEqual({ findings: [], score: 100, passed: true });
  });

  it('matches whole words in any case, Unicode-aware', () => {
    const spans = (text: string) => checkVoice(BSN_PERSONA, text).findings.filter((f) => f.rule === 'persona.term.forbidden').map((f) => text.slice(f.position.start, f.position.end));
    expect(spans('ANDA, anda dan Anda!')).toEqual(['ANDA', 'anda', 'Anda']);
    expect(spans('Universitas Andalas dan Pandaan')).toEqual([]);
    expect(spans('🙂Anda🙂 #SNI')).toEqual(['Anda']);
    expect(spans('Halo Bapak/Ibu')).toEqual(['Bapak/Ibu']);
  });

  it('asks for the required hashtag, the audience name and an ending sign-off', () => {
    const persona: Persona = { ...BSN_PERSONA, signOff: 'Salam SNI!' };
    const text = 'Helm ber-SNI itu wajib.';
    const rules = checkVoice(persona, text).findings.map((f) => [f.rule, f.severity, f.position.start]);
    expect(rules).toEqual([
      ['persona.hashtag.required', 'error', text.length],
      ['persona.audience.not_addressed', 'warning', text.length],
      ['persona.sign_off.missing', 'warning', text.length],
    ]);
    expect(checkVoice(persona, 'Halo SNIzen, helm ber-SNI itu wajib. Salam SNI! 🪖 #SNI #BSN https://bsn.go.id').findings).toEqual([]);
  });

  it('flags stiff openings and formal address in a casual voice, slang in a formal one', () => {
    const stiff = checkVoice(BSN_PERSONA, 'Dengan hormat, SNIzen. Saudari bisa cek SNI. #SNI');
    expect(stiff.findings.map((f) => f.rule)).toEqual(['persona.formality.stiff_opening', 'persona.formality.formal_address']);
    const formal: Persona = { ...BSN_PERSONA, formality: 'formal', forbiddenTerms: [] };
    const slang = checkVoice(formal, 'Yuk SNIzen, cek SNI banget! #SNI');
    expect(slang.findings.map((f) => [f.rule, f.suggestion])).toEqual([
      ['persona.formality.slang', 'Write "mari".'],
      ['persona.formality.slang', 'Write "sangat".'],
    ]);
    expect(slang.score).toBe(80);
    expect(slang.passed).toBe(true);
  });

  it('limits hashtags, emoji and sentence length', () => {
    const text = `SNIzen ${'🙂'.repeat(6)} #SNI #a #b #c #d #e ${'kata '.repeat(26)}.`;
    const rules = checkVoice(BSN_PERSONA, text).findings.map((f) => f.rule).sort();
    expect(rules).toEqual(['persona.emoji.too_many', 'persona.hashtags.too_many', 'persona.sentence.too_long']);
    // Thousands separators and domains do not end a sentence; links, hashtags and mentions are not words.
    const facts = 'SNIzen, pengikut Instagram @bsn_sni naik dari 52.300 jadi 76.670 orang, cek bsn.go.id #SNI';
    expect(checkVoice(BSN_PERSONA, facts).findings).toEqual([]);
  });

  it('scores within 0-100, positions inside the text, and passes only without errors', () => {
    const words = ['Anda', 'kamu', 'SNIzen', 'Yuk', 'Dengan hormat', '#SNI', '#BSN', '🙂', '🇮🇩', 'https://bsn.go.id', 'helm', '.', '!', '\n', 'Saudara', 'mimin', 'gue', 'banget'];
    const persona = fc.record({
      formality: fc.constantFrom('casual' as const, 'neutral' as const, 'formal' as const),
      maxSentenceWords: fc.integer({ min: 1, max: 30 }),
      min: fc.integer({ min: 0, max: 3 }),
      max: fc.integer({ min: 0, max: 5 }),
      signOff: fc.option(fc.constantFrom('Salam SNI!', 'SNImin'), { nil: undefined }),
    }).map((p): Persona => ({ ...BSN_PERSONA, formality: p.formality, maxSentenceWords: p.maxSentenceWords, hashtagPolicy: { ...BSN_PERSONA.hashtagPolicy, min: p.min, max: p.max }, emojiPolicy: { min: p.min, max: p.max }, ...(p.signOff ? { signOff: p.signOff } : {}) }));
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((w) => w.join(' ')));
    fc.assert(fc.property(persona, text, (p, t) => {
      const r = checkVoice(p, t);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.score).toBe(voiceScore(r.findings));
      for (const f of r.findings) {
        expect(0 <= f.position.start && f.position.start <= f.position.end && f.position.end <= t.length).toBe(true);
        expect(f.suggestion.length).toBeGreaterThan(0);
      }
      expect(r.passed).toBe(r.score >= 70 && r.findings.every((f) => f.severity !== 'error'));
    }), { numRuns: 300 });
  });
});
