// Synthetic practice self-assessments for the demo network: about half of the members answer, with
// levels drawn deterministically from their code; BSN's answers follow its reported practice (seed/README.md).
import { DEFAULT_FRAMEWORK } from '../core/practice/default-framework.ts';

/** BSN as the source case describes it: a team holding the accounts, regular planning and evaluation
 * meetings, consistent visuals, the SNImin persona, a liaison to ISO, follower reports per platform. */
const BSN_LEVELS: Record<string, number> = {
  team_ownership: 3, planning_meetings: 3, evaluation_meetings: 3, editorial_calendar: 2, posting_cadence: 2,
  visual_content: 3, persona_style: 3, audience_language: 3, interaction_response: 2, network_liaison: 3, measurement_reporting: 2,
};

/** FNV-1a, for stable pseudo-random numbers from a string. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export interface DemoAnswers {
  org: string;
  answers: Record<string, { level: number; note?: string }>;
}

/** The answers of the members who assessed themselves (BSN always), for one period. */
export function demoAssessments(orgCodes: readonly string[], period: string): DemoAnswers[] {
  const out: DemoAnswers[] = [];
  for (const code of orgCodes) {
    if (code === 'BSN') {
      out.push({ org: code, answers: Object.fromEntries(Object.entries(BSN_LEVELS).map(([id, level]) => [id, { level, note: 'Synthetic demo answer based on the source case.' }])) });
      continue;
    }
    const h = hash(`${code}:${period}`);
    if (h % 100 >= 55) continue;
    // A member's overall maturity (0.3 .. 2.7), then each practice around it.
    const base = 0.3 + ((h >>> 8) % 1000) / 1000 * 2.4;
    const answers: Record<string, { level: number }> = {};
    for (const p of DEFAULT_FRAMEWORK.practices) {
      const noise = ((hash(`${code}:${p.id}`) % 1000) / 1000 - 0.5) * 1.6;
      answers[p.id] = { level: Math.max(0, Math.min(3, Math.round(base + noise))) };
    }
    out.push({ org: code, answers });
  }
  return out;
}
