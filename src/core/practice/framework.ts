// The practice framework: practices with levels 0..n in Indonesian and English, and the validator for edited frameworks.
import { z } from 'zod';
import { Invalid, type ErrorDetail } from '../errors.ts';

/** A text in both languages the product speaks; neither may be blank. */
const bilingualSchema = z.object({
  id: z.string().trim().min(1, 'Indonesian text is missing'),
  en: z.string().trim().min(1, 'English text is missing'),
});

/** Areas group practices for display; they carry no weight of their own. */
export const PRACTICE_AREAS = ['organisation', 'planning', 'content', 'interaction', 'evaluation'] as const;

const levelSchema = z.object({
  level: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
  description: bilingualSchema,
});

const practiceSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and _, starting with a letter'),
  name: bilingualSchema,
  description: bilingualSchema,
  area: z.enum(PRACTICE_AREAS),
  weight: z.number().finite().positive('must be above 0'),
  evidenceExpected: z.boolean(),
  levels: z.array(levelSchema).min(2, 'needs at least levels 0 and 1').max(11, 'at most levels 0 to 10'),
  /** Short labels of the sources a practice draws on (practice-frameworks.md); for people, not for maths. */
  sources: z.array(z.string().trim().min(1)).default([]),
  /**
   * Outcome metrics (METRICS.md names) that measure part of the practice itself; relating the practice to
   * one of them counts the same thing on both sides (practice-frameworks.md, 5.4).
   */
  outcomeOverlap: z.array(z.string().trim().min(1)).default([]),
});

export const frameworkSchema = z.object({
  id: z.string().trim().min(1),
  version: z.number().int().positive(),
  name: bilingualSchema,
  practices: z.array(practiceSchema).min(1, 'a framework needs at least one practice'),
});

export type Bilingual = z.infer<typeof bilingualSchema>;
export type PracticeArea = (typeof PRACTICE_AREAS)[number];
export type PracticeLevel = z.infer<typeof levelSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type Framework = z.infer<typeof frameworkSchema>;

/** The highest level of a practice (3 in the default framework); levels are contiguous from 0. */
export function maxLevel(practice: Practice): number {
  return practice.levels.length - 1;
}

export function findPractice(framework: Framework, practiceId: string): Practice | undefined {
  return framework.practices.find((p) => p.id === practiceId);
}

/** Dotted path like the rest of the API reports (practices.2.levels.1.description.en). */
function dotted(path: readonly PropertyKey[]): string {
  return path.map((k) => String(k)).join('.') || '(framework)';
}

/** Checks that zod cannot express per field: unique ids and levels 0, 1, 2, ... in order. */
function semanticProblems(framework: Framework): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const firstIndex = new Map<string, number>();
  framework.practices.forEach((practice, i) => {
    const earlier = firstIndex.get(practice.id);
    if (earlier === undefined) firstIndex.set(practice.id, i);
    else problems.push({ path: `practices.${i}.id`, message: `duplicate id ${practice.id} (also practices.${earlier})` });
    practice.levels.forEach((level, j) => {
      if (level.level !== j) {
        problems.push({
          path: `practices.${i}.levels.${j}.level`,
          message: `levels must run 0, 1, 2, ... in order without gaps; expected ${j}, got ${level.level}`,
        });
      }
    });
  });
  return problems;
}

/**
 * Parses an edited framework. Throws Invalid listing every problem with its path; shape problems are
 * reported first, since ids and levels can only be compared once the shape holds.
 */
export function validateFramework(input: unknown): Framework {
  const parsed = frameworkSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: dotted(issue.path), message: issue.message }));
    throw new Invalid(`the framework has ${details.length} problem(s)`, details);
  }
  const problems = semanticProblems(parsed.data);
  if (problems.length > 0) throw new Invalid(`the framework has ${problems.length} problem(s)`, problems);
  return parsed.data;
}

export { DEFAULT_FRAMEWORK } from './default-framework.ts';
