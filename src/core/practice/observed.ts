// Proposes practice levels from observed data; an unknown signal gives no proposal, never a silent 0.
import { Invalid, type ErrorDetail } from '../errors.ts';
import type { Bilingual } from './framework.ts';
import type { DefaultPracticeId } from './default-framework.ts';

/** What the product can observe about a member's team; null means unknown. */
export interface ObservedSignals {
  meetingsPerMonth: { planning: number | null; evaluation: number | null } | null;
  /** Share (0-100) of published posts that were on the calendar before publication. */
  plannedShare: number | null;
  /** One entry per account; a null or 0 target means the account has no target. */
  cadence: { actualPerWeek: number; targetPerWeek: number | null }[] | null;
  /** METRICS.md visual_share, 0-100. */
  visualShare: number | null;
  personaChecks: { run: number; passed: number } | null;
  medianFirstReplyHours: number | null;
  liaisonNamed: boolean | null;
  accountsWithHolder: number | null;
  accountsTotal: number | null;
  reportsLast90Days: number | null;
}

export interface LevelProposal {
  practiceId: DefaultPracticeId;
  level: number;
  /** The observed figure and the rule that gave the level, in both languages. */
  reason: Bilingual;
}

/**
 * Starting values (practice-frameworks.md 5.1: calibrate them on the first network data). "From" is the
 * least value that reaches a level, "above" a strict lower bound, "atMost" an upper bound. Where a signal
 * cannot show a level (backups, targets met, joint campaigns), the proposal stops below it and says so.
 */
export const OBSERVED_THRESHOLDS = {
  /** Per month: any meeting, monthly, every two weeks (the P04 signal of practice-frameworks.md). */
  meetingsPerMonth: { level1Above: 0, level2From: 1, level3From: 2 },
  /** % of published posts on the calendar beforehand (P04: 50 and 80; its "L1 < 20%" gap filled up to 50). */
  plannedShare: { level1Above: 0, level2From: 50, level3From: 80 },
  /** An account is on target when actual >= 0.9 * target; then % of accounts on target (level 1 = any post). */
  cadence: { onTargetRatio: 0.9, level2AccountsFrom: 50, level3AccountsFrom: 100 },
  /** visual_share %; 60 for level 2 is P06's starting value. */
  visualShare: { level1From: 20, level2From: 60, level3From: 85 },
  /** % of persona checks passed; level 1 = checks ran, so a persona is configured (P07: 80 for level 3). */
  personaPassShare: { level2From: 50, level3From: 80 },
  /** Median first reply, hours; level 1 = replies exist. 24 h is our default, not a regulation (P08). */
  replyHours: { level2AtMost: 24, level3AtMost: 4 },
  /** Reports in the last 90 days; level 3 needs comparison with targets and peers, which counts cannot show. */
  reportsLast90Days: { level1From: 1, level2From: 3 },
} as const;

// Each language writes numbers its own way (2,5 jam / 2.5 hours), as the reports do.
const NUMBER_ID = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const NUMBER_EN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function fmtId(n: number): string {
  return NUMBER_ID.format(n);
}

function fmtEn(n: number): string {
  return NUMBER_EN.format(n);
}

function checkNumber(problems: ErrorDetail[], path: string, v: number | null, max = Number.POSITIVE_INFINITY): void {
  if (v === null) return;
  if (!Number.isFinite(v) || v < 0 || v > max) {
    problems.push({ path, message: max === Number.POSITIVE_INFINITY ? 'must be a finite number, 0 or more' : `must be between 0 and ${max}` });
  }
}

function validate(s: ObservedSignals): void {
  const problems: ErrorDetail[] = [];
  checkNumber(problems, 'meetingsPerMonth.planning', s.meetingsPerMonth?.planning ?? null);
  checkNumber(problems, 'meetingsPerMonth.evaluation', s.meetingsPerMonth?.evaluation ?? null);
  checkNumber(problems, 'plannedShare', s.plannedShare, 100);
  checkNumber(problems, 'visualShare', s.visualShare, 100);
  checkNumber(problems, 'medianFirstReplyHours', s.medianFirstReplyHours);
  checkNumber(problems, 'accountsWithHolder', s.accountsWithHolder);
  checkNumber(problems, 'accountsTotal', s.accountsTotal);
  checkNumber(problems, 'reportsLast90Days', s.reportsLast90Days);
  s.cadence?.forEach((c, i) => {
    checkNumber(problems, `cadence.${i}.actualPerWeek`, c.actualPerWeek);
    checkNumber(problems, `cadence.${i}.targetPerWeek`, c.targetPerWeek);
  });
  if (s.personaChecks) {
    checkNumber(problems, 'personaChecks.run', s.personaChecks.run);
    checkNumber(problems, 'personaChecks.passed', s.personaChecks.passed, s.personaChecks.run);
  }
  if (s.accountsWithHolder !== null && s.accountsTotal !== null && s.accountsWithHolder > s.accountsTotal) {
    problems.push({ path: 'accountsWithHolder', message: 'cannot exceed accountsTotal' });
  }
  if (problems.length > 0) throw new Invalid(`observed signals have ${problems.length} problem(s)`, problems);
}

function meetings(kind: 'planning' | 'evaluation', perMonth: number): LevelProposal {
  const t = OBSERVED_THRESHOLDS.meetingsPerMonth;
  const level = perMonth >= t.level3From ? 3 : perMonth >= t.level2From ? 2 : perMonth > t.level1Above ? 1 : 0;
  const [idKind, enKind] = kind === 'planning' ? ['perencanaan', 'planning'] : ['evaluasi', 'evaluation'];
  return {
    practiceId: kind === 'planning' ? 'planning_meetings' : 'evaluation_meetings',
    level,
    reason: {
      id: `${fmtId(perMonth)} rapat ${idKind} per bulan; level 1 bila lebih dari ${t.level1Above}, level 2 mulai ${t.level2From} per bulan, level 3 mulai ${t.level3From} per bulan.`,
      en: `${fmtEn(perMonth)} ${enKind} meetings a month; level 1 above ${t.level1Above}, level 2 from ${t.level2From} a month, level 3 from ${t.level3From} a month.`,
    },
  };
}

function calendar(share: number): LevelProposal {
  const t = OBSERVED_THRESHOLDS.plannedShare;
  return {
    practiceId: 'editorial_calendar',
    level: share >= t.level3From ? 3 : share >= t.level2From ? 2 : share > t.level1Above ? 1 : 0,
    reason: {
      id: `${fmtId(share)}% unggahan yang terbit sudah ada di kalender; level 1 bila lebih dari ${t.level1Above}%, level 2 mulai ${t.level2From}%, level 3 mulai ${t.level3From}%.`,
      en: `${fmtEn(share)}% of published posts were on the calendar; level 1 above ${t.level1Above}%, level 2 from ${t.level2From}%, level 3 from ${t.level3From}%.`,
    },
  };
}

function cadence(entries: readonly { actualPerWeek: number; targetPerWeek: number | null }[]): LevelProposal | null {
  if (entries.length === 0) return null;
  const t = OBSERVED_THRESHOLDS.cadence;
  // A hair of tolerance so that 2.7 of 3 counts as the 90% it is despite binary fractions.
  const onTarget = entries.filter((e) => e.targetPerWeek !== null && e.targetPerWeek > 0 && e.actualPerWeek / e.targetPerWeek >= t.onTargetRatio - 1e-9).length;
  const share = (onTarget / entries.length) * 100;
  const posting = entries.some((e) => e.actualPerWeek > 0);
  const level = !posting ? 0 : share >= t.level3AccountsFrom ? 3 : share >= t.level2AccountsFrom ? 2 : 1;
  const pct = t.onTargetRatio * 100;
  return {
    practiceId: 'posting_cadence',
    level,
    reason: {
      id: `${onTarget} dari ${entries.length} akun mencapai paling sedikit ${pct}% target mingguannya; level 0 bila tidak ada unggahan, level 1 bila ada unggahan, level 2 mulai ${t.level2AccountsFrom}% akun, level 3 bila ${t.level3AccountsFrom}% akun.`,
      en: `${onTarget} of ${entries.length} accounts posted at least ${pct}% of their weekly target; level 0 when nothing is posted, level 1 when posts appear, level 2 from ${t.level2AccountsFrom}% of the accounts, level 3 at ${t.level3AccountsFrom}%.`,
    },
  };
}

function visual(share: number): LevelProposal {
  const t = OBSERVED_THRESHOLDS.visualShare;
  return {
    practiceId: 'visual_content',
    level: share >= t.level3From ? 3 : share >= t.level2From ? 2 : share >= t.level1From ? 1 : 0,
    reason: {
      id: `${fmtId(share)}% unggahan bersifat visual; level 1 mulai ${t.level1From}%, level 2 mulai ${t.level2From}%, level 3 mulai ${t.level3From}%. Angka ini juga pilar kreativitas pada hasil.`,
      en: `${fmtEn(share)}% of posts are visual; level 1 from ${t.level1From}%, level 2 from ${t.level2From}%, level 3 from ${t.level3From}%. The same figure is the creativity pillar of the outcomes.`,
    },
  };
}

function persona(run: number, passed: number): LevelProposal | null {
  if (run === 0) return null;
  const t = OBSERVED_THRESHOLDS.personaPassShare;
  const share = (passed / run) * 100;
  // Checks only run against a configured persona, so any run shows at least a shared persona (level 1).
  const level = share >= t.level3From ? 3 : share >= t.level2From ? 2 : 1;
  return {
    practiceId: 'persona_style',
    level,
    reason: {
      id: `${passed} dari ${run} pemeriksaan persona lolos (${fmtId(share)}%); level 1 bila persona sudah diatur, level 2 mulai ${t.level2From}%, level 3 mulai ${t.level3From}%.`,
      en: `${passed} of ${run} persona checks passed (${fmtEn(share)}%); level 1 once a persona is configured, level 2 from ${t.level2From}%, level 3 from ${t.level3From}%.`,
    },
  };
}

function reply(hours: number): LevelProposal {
  const t = OBSERVED_THRESHOLDS.replyHours;
  const level = hours <= t.level3AtMost ? 3 : hours <= t.level2AtMost ? 2 : 1;
  return {
    practiceId: 'interaction_response',
    level,
    reason: {
      id: `Median balasan pertama ${fmtId(hours)} jam; level 1 bila ada balasan, level 2 paling lama ${t.level2AtMost} jam (batas bawaan kami, bukan aturan), level 3 paling lama ${t.level3AtMost} jam.`,
      en: `Median first reply ${fmtEn(hours)} hours; level 1 when replies exist, level 2 at most ${t.level2AtMost} hours (our default, not a regulation), level 3 at most ${t.level3AtMost} hours.`,
    },
  };
}

function liaison(named: boolean): LevelProposal {
  return {
    practiceId: 'network_liaison',
    level: named ? 2 : 0,
    reason: named
      ? { id: 'Narahubung jejaring tercatat: level 2; level 3 perlu bukti kegiatan bersama.', en: 'A network liaison is recorded: level 2; level 3 needs evidence of joint work.' }
      : { id: 'Tidak ada narahubung jejaring yang tercatat: level 0; kontak tidak resmi bisa dinyatakan sebagai level 1.', en: 'No network liaison is recorded: level 0; an informal contact may be declared as level 1.' },
  };
}

function holders(withHolder: number, total: number): LevelProposal | null {
  if (total === 0) return null;
  const level = withHolder === 0 ? 0 : withHolder < total ? 1 : 2;
  return {
    practiceId: 'team_ownership',
    level,
    reason: {
      id: `${withHolder} dari ${total} akun punya pemegang; level 1 bila sebagian, level 2 bila semua; level 3 perlu pemegang cadangan dan peran tertulis.`,
      en: `${withHolder} of ${total} accounts have a holder; level 1 when some do, level 2 when all do; level 3 needs backups and written roles.`,
    },
  };
}

function reports(count: number): LevelProposal {
  const t = OBSERVED_THRESHOLDS.reportsLast90Days;
  return {
    practiceId: 'measurement_reporting',
    level: count >= t.level2From ? 2 : count >= t.level1From ? 1 : 0,
    reason: {
      id: `${fmtId(count)} laporan dalam 90 hari terakhir; level 1 mulai ${t.level1From}, level 2 mulai ${t.level2From}; level 3 perlu perbandingan dengan target dan sesama anggota.`,
      en: `${fmtEn(count)} reports in the last 90 days; level 1 from ${t.level1From}, level 2 from ${t.level2From}; level 3 needs comparison with targets and peers.`,
    },
  };
}

/**
 * One proposal per practice whose signal is known, in framework order. audience_language has no
 * signal and is left to self-assessment. Throws Invalid (with paths) on impossible inputs.
 */
export function proposeLevels(signals: ObservedSignals): LevelProposal[] {
  validate(signals);
  const s = signals;
  const out: (LevelProposal | null)[] = [
    s.accountsWithHolder !== null && s.accountsTotal !== null ? holders(s.accountsWithHolder, s.accountsTotal) : null,
    s.meetingsPerMonth?.planning != null ? meetings('planning', s.meetingsPerMonth.planning) : null,
    s.meetingsPerMonth?.evaluation != null ? meetings('evaluation', s.meetingsPerMonth.evaluation) : null,
    s.plannedShare !== null ? calendar(s.plannedShare) : null,
    s.cadence !== null ? cadence(s.cadence) : null,
    s.visualShare !== null ? visual(s.visualShare) : null,
    s.personaChecks !== null ? persona(s.personaChecks.run, s.personaChecks.passed) : null,
    s.medianFirstReplyHours !== null ? reply(s.medianFirstReplyHours) : null,
    s.liaisonNamed !== null ? liaison(s.liaisonNamed) : null,
    s.reportsLast90Days !== null ? reports(s.reportsLast90Days) : null,
  ];
  return out.filter((p): p is LevelProposal => p !== null);
}

/** A declared level two or more away from the proposal is flagged for review (practice-frameworks.md 5.1). */
export function needsReview(declared: number, proposed: number): boolean {
  return Math.abs(declared - proposed) >= 2;
}
