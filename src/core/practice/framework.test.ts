// Tests of the default framework and of the validator for edited frameworks.
import { describe, it, expect } from 'vitest';
import { Invalid, type ErrorDetail } from '../errors.ts';
import { DEFAULT_FRAMEWORK, validateFramework, type Framework } from './framework.ts';

function problems(input: unknown): ErrorDetail[] {
  try {
    validateFramework(input);
  } catch (err) {
    if (err instanceof Invalid) return err.details;
    throw err;
  }
  throw new Error('expected the framework to be refused');
}

function copy(): Framework {
  return structuredClone(DEFAULT_FRAMEWORK);
}

describe('DEFAULT_FRAMEWORK', () => {
  it('holds the eleven practices of the brief, each with levels 0-3 in both languages', () => {
    expect(DEFAULT_FRAMEWORK.practices.map((p) => p.id)).toEqual([
      'team_ownership', 'planning_meetings', 'evaluation_meetings', 'editorial_calendar', 'posting_cadence',
      'visual_content', 'persona_style', 'audience_language', 'interaction_response', 'network_liaison',
      'measurement_reporting',
    ]);
    for (const p of DEFAULT_FRAMEWORK.practices) expect(p.levels.map((l) => l.level)).toEqual([0, 1, 2, 3]);
  });

  it('passes its own validator unchanged', () => {
    expect(validateFramework(DEFAULT_FRAMEWORK)).toEqual(DEFAULT_FRAMEWORK);
  });

  it('marks the practices whose own measure is an outcome pillar', () => {
    const overlapping = DEFAULT_FRAMEWORK.practices.filter((p) => p.outcomeOverlap.length > 0).map((p) => [p.id, p.outcomeOverlap]);
    expect(overlapping).toEqual([['visual_content', ['visual_share']], ['interaction_response', ['mention_share']]]);
  });
});

describe('validateFramework', () => {
  it('names every duplicate id and every level out of order by its path', () => {
    const f = copy();
    const second = f.practices[1];
    const first = f.practices[0];
    if (!first || !second) throw new Error('fixture');
    second.id = first.id;
    first.levels = first.levels.map((l, i) => (i >= 2 ? { ...l, level: l.level + 1 } : l)); // 0, 1, 3, 4
    expect(problems(f)).toEqual([
      { path: 'practices.0.levels.2.level', message: expect.stringMatching(/expected 2, got 3/) },
      { path: 'practices.0.levels.3.level', message: expect.stringMatching(/expected 3, got 4/) },
      { path: 'practices.1.id', message: expect.stringMatching(/duplicate id team_ownership \(also practices\.0\)/) },
    ]);
  });

  it('refuses levels that do not start at 0', () => {
    const f = copy();
    const p = f.practices[3];
    if (!p) throw new Error('fixture');
    p.levels = p.levels.slice(1);
    expect(problems(f)).toEqual(expect.arrayContaining([{ path: 'practices.3.levels.0.level', message: expect.stringMatching(/expected 0, got 1/) }]));
  });

  it('wants both languages everywhere', () => {
    const f = copy();
    const p = f.practices[0];
    const level = p?.levels[1];
    if (!p || !level) throw new Error('fixture');
    level.description.en = '   ';
    p.name.id = '';
    expect(problems(f)).toEqual([
      { path: 'practices.0.name.id', message: 'Indonesian text is missing' },
      { path: 'practices.0.levels.1.description.en', message: 'English text is missing' },
    ]);
  });

  it('reports shape problems such as a weight of 0 or a missing practice list', () => {
    const f = copy();
    const p = f.practices[2];
    if (!p) throw new Error('fixture');
    p.weight = 0;
    expect(problems(f)).toEqual([{ path: 'practices.2.weight', message: 'must be above 0' }]);
    expect(problems({ id: 'x', version: 1, name: { id: 'x', en: 'x' } }).map((d) => d.path)).toEqual(['practices']);
  });
});
