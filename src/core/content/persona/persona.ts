// The persona an organisation's accounts speak as: names, languages, words to use and avoid, style limits.
import { z } from 'zod';

export const personaSchema = z.object({
  /** What the admin calls itself, e.g. "SNImin". */
  name: z.string().min(1),
  /** How the audience is addressed, e.g. "SNIzen". */
  audienceName: z.string().min(1),
  /** BCP 47 tags, first one primary, e.g. ['id']. */
  languages: z.array(z.string().min(1)).min(1),
  /** Words every post must contain (whole words, any case). */
  requiredTerms: z.array(z.string().min(1)),
  forbiddenTerms: z.array(z.object({ term: z.string().min(1), suggestion: z.string().optional() })),
  hashtagPolicy: z.object({
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
    /** Hashtags every post must carry, with or without the leading #. */
    required: z.array(z.string().min(1)),
  }),
  emojiPolicy: z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }),
  maxSentenceWords: z.number().int().positive(),
  formality: z.enum(['casual', 'neutral', 'formal']),
  /** A closing line the text should end with (before trailing hashtags, links and emoji). */
  signOff: z.string().min(1).optional(),
});
export type Persona = z.infer<typeof personaSchema>;
