// BSN's persona (seed README): the admin "SNImin" talks to "SNIzen" like a friend, in young Indonesian.
import type { Persona } from './persona.ts';

export const BSN_PERSONA: Persona = {
  name: 'SNImin',
  audienceName: 'SNIzen',
  languages: ['id'],
  requiredTerms: [],
  forbiddenTerms: [
    { term: 'Anda', suggestion: 'kamu' },
    { term: 'Saudara', suggestion: 'SNIzen' },
    { term: 'Bapak/Ibu', suggestion: 'SNIzen' },
    // The admin has a name; "mimin" is the generic nickname for any admin.
    { term: 'mimin', suggestion: 'SNImin' },
  ],
  hashtagPolicy: { min: 1, max: 5, required: ['#SNI'] },
  emojiPolicy: { min: 0, max: 5 },
  maxSentenceWords: 25,
  formality: 'casual',
};
