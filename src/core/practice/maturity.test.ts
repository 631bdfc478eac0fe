// Tests of the maturity score and stage against hand-computed cases.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Invalid } from '../errors.ts';
import { DEFAULT_FRAMEWORK, validateFramework } from './framework.ts';
import { maturity, minAnswersForStage, stageOf, type Answers } from './maturity.ts';

describe('maturity', () => {
  it('is the mean level / 3 * 100 over the answered practices, with a stage from 6 answers of 11', () => {
    const answers: Answers = {
      team_ownership: 2, planning_meetings: 2, evaluation_meetings: 2, editorial_calendar: 1, posting_cadence: 3,
      visual_content: 2, persona_style: null,
    };
    // (2 + 2 + 2 + 1 + 3 + 2) / 6 = 2 -> 2 / 3 * 100
    expect(maturity(DEFAULT_FRAMEWORK, answers)).toEqual({ score: 200 / 3, answered: 6, total: 11, stage: 'order', minAnswers: 6 });
    expect(minAnswersForStage(DEFAULT_FRAMEWORK)).toBe(6);
  });

  it('gives a score but no stage below the minimum number of answers', () => {
    const m = maturity(DEFAULT_FRAMEWORK, { team_ownership: 3, planning_meetings: 3 });
    expect(m.score).toBe(100);
    expect(m.stage).toBeNull();
    expect(maturity(DEFAULT_FRAMEWORK, {}).score).toBeNull();
  });

  it('places BSN 2019 as described (practice-frameworks.md 5.5) in institutionalisation', () => {
    const bsn: Answers = {
      team_ownership: 2, planning_meetings: 2, evaluation_meetings: 2, visual_content: 2, persona_style: 3,
      network_liaison: 3, measurement_reporting: 2,
    };
    const m = maturity(DEFAULT_FRAMEWORK, bsn);
    expect(m.score).toBeCloseTo((16 / 21) * 100, 12); // 76.19
    expect(m.stage).toBe('institutionalisation');
  });

  it('weights each practice and divides by its own top level', () => {
    const f = validateFramework({
      ...DEFAULT_FRAMEWORK,
      practices: [
        { ...DEFAULT_FRAMEWORK.practices[0], weight: 3 },
        { ...DEFAULT_FRAMEWORK.practices[1], weight: 1, levels: DEFAULT_FRAMEWORK.practices[1]?.levels.slice(0, 3) },
      ],
    });
    // (3 * 3/3 + 1 * 1/2) / (3 + 1) * 100 = 87.5
    expect(maturity(f, { team_ownership: 3, planning_meetings: 1 })).toEqual({ score: 87.5, answered: 2, total: 2, stage: 'institutionalisation', minAnswers: 1 });
  });

  it('cuts stages at 40 and 70, both belonging to the higher stage', () => {
    expect([0, 39.99, 40, 69.99, 70, 100].map(stageOf)).toEqual([
      'experimentation', 'experimentation', 'order', 'order', 'institutionalisation', 'institutionalisation',
    ]);
  });

  it('refuses unknown practices and levels a practice does not have', () => {
    try {
      maturity(DEFAULT_FRAMEWORK, { team_ownership: 4, planning_meetings: 1.5, made_up: 1 });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(Invalid);
      if (err instanceof Invalid) expect(err.details.map((d) => d.path)).toEqual(['answers.team_ownership', 'answers.planning_meetings', 'answers.made_up']);
    }
  });

  it('stays within 0 and 100 for any answers', () => {
    const ids = DEFAULT_FRAMEWORK.practices.map((p) => p.id);
    const answers = fc.tuple(...ids.map(() => fc.option(fc.integer({ min: 0, max: 3 })))).map((levels) =>
      Object.fromEntries(ids.map((id, i) => [id, levels[i] ?? null])),
    );
    fc.assert(
      fc.property(answers, (a) => {
        const m = maturity(DEFAULT_FRAMEWORK, a);
        if (m.score === null) expect(m.answered).toBe(0);
        else {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
