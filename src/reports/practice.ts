// The network practice report of a network and assessment period as a report document: maturity stages,
// levels per practice, peer groups, members' positions, practice against outcome, the case library.
import type { AssociationResult, Bilingual, Framework, NetworkPracticeBenchmark, Stage } from '../core/practice/index.ts';
import { barChart } from './charts/options.ts';
import { formatter, type Formatter } from './format.ts';
import { messages, type ReportLang } from './locales/index.ts';
import type { Block, Cell, Column, ReportDoc } from './model.ts';
import { dataNotes } from './notes.ts';
import { practiceTexts, type PracticeTexts } from './practice-texts.ts';

export interface PracticeReportData {
  group: { code: string; name: string };
  period: string;
  framework: Framework;
  members: { code: string; name: string; synthetic: boolean }[];
  bench: NetworkPracticeBenchmark & { assessed: number };
  stageNames: Record<Stage, Bilingual>;
  outcomes: { metric: string; platform: string | null; from: string; to: string; minPairs: number; note: Bilingual; items: AssociationResult[] };
  cases: { title: Bilingual; summary: Bilingual; practices: string[]; org: string | null }[];
}

interface Ctx {
  d: PracticeReportData;
  x: PracticeTexts;
  f: Formatter;
  lang: ReportLang;
  practiceName: (id: string) => string;
}

const col = (label: string, kind: Column['kind'] = 'dec', width = 1): Column => ({ label, kind, width });
const STAGES: Stage[] = ['experimentation', 'order', 'institutionalisation'];
const LEVEL_COLOURS = ['#e53e3e', '#d69e2e', '#3182ce', '#2f855a', '#805ad5', '#319795', '#718096', '#b7791f', '#2c5282', '#276749', '#553c9a'];

function stagesSection(c: Ctx): Block[] {
  const { d, x, lang } = c;
  const counts = STAGES.map((s) => d.bench.standings.filter((m) => m.stage === s).length);
  const o = d.bench.overall;
  return [
    { kind: 'heading', text: x.stages, level: 1 },
    { kind: 'paragraph', text: x.stagesIntro },
    ...(o.median !== null ? [{ kind: 'paragraph' as const, text: x.medianLine(c.f.dec(o.median, 1), c.f.dec(o.q1, 1), c.f.dec(o.q3, 1)) }] : []),
    { kind: 'table', id: 'stages', title: x.stages, columns: [col(x.col.stage, 'text', 2), col(x.col.count, 'int')], rows: STAGES.map((s, i) => [d.stageNames[s][lang], counts[i] ?? 0]) },
    // A chart of nothing but zeros says less than the table above it.
    ...(counts.some((n) => n > 0)
      ? [{ kind: 'chart' as const, id: 'stages-bar', title: x.stages, chart: barChart(x.stages, STAGES.map((s) => d.stageNames[s][lang]), [{ name: x.col.count, data: counts, color: '#3182ce' }], (v) => c.f.int(v), { height: 220, labels: true }) }]
      : []),
  ];
}

function distributionSection(c: Ctx): Block[] {
  const { d, x, f } = c;
  const top = Math.max(...d.bench.distribution.map((p) => p.counts.length - 1), 0);
  const levels = Array.from({ length: top + 1 }, (_, i) => i);
  const rows: Cell[][] = d.bench.distribution.map((p) => [c.practiceName(p.practiceId), ...levels.map((l) => (l < p.counts.length ? (p.counts[l] ?? 0) : null)), p.unanswered]);
  const names = d.bench.distribution.map((p) => c.practiceName(p.practiceId));
  return [
    { kind: 'heading', text: x.distribution, level: 1 },
    { kind: 'table', id: 'distribution', title: x.distribution, columns: [col(x.col.practice, 'text', 3), ...levels.map((l) => col(`${x.col.level} ${l}`, 'int')), col(x.col.unanswered, 'int')], rows },
    ...(d.bench.distribution.some((p) => p.answered > 0)
      ? [{
          kind: 'chart' as const, id: 'distribution-bar', title: x.distribution,
          chart: barChart(x.distribution, names, levels.map((l) => ({ name: `${x.col.level} ${l}`, data: d.bench.distribution.map((p) => p.counts[l] ?? 0), color: LEVEL_COLOURS[l] ?? '#718096' })), (v) => f.int(v), {
            stack: true, horizontal: true, height: Math.max(220, 70 + names.length * 24),
          }),
        }]
      : []),
  ];
}

function peerSection(c: Ctx): Block[] {
  const { d, x } = c;
  if (d.bench.groups.length === 0) return [];
  const rows: Cell[][] = d.bench.groups.map((g) => [g.group, g.members, g.n, g.median, g.q1, g.q3]);
  return [
    { kind: 'heading', text: x.peers, level: 1 },
    { kind: 'table', id: 'peer-groups', title: x.peers, columns: [col(x.col.group, 'text', 2), col(x.col.members, 'int'), col(x.col.n, 'int'), col(x.col.median), col(x.col.q1), col(x.col.q3)], rows },
  ];
}

function membersSection(c: Ctx): Block[] {
  const { d, x, lang } = c;
  const names = new Map(d.members.map((m) => [m.code, m.name]));
  const rows: Cell[][] = [...d.bench.standings]
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.memberId < b.memberId ? -1 : 1))
    .map((s) => [
      s.memberId,
      names.get(s.memberId) ?? s.memberId,
      s.score,
      s.answered === 0 ? x.notAssessed : s.stage ? d.stageNames[s.stage][lang] : x.noStage,
      s.percentile,
      `${s.answered} / ${s.total}`,
    ]);
  return [
    { kind: 'heading', text: x.membersTitle, level: 1 },
    { kind: 'table', id: 'members', title: x.membersTitle, columns: [col(x.col.org, 'text'), col(x.col.name, 'text', 3), col(x.col.score), col(x.col.stage, 'text', 1.6), col(x.col.percentile), col(x.col.answered, 'text')], rows },
  ];
}

function outcomesSection(c: Ctx): Block[] {
  const { d, x, f, lang } = c;
  const o = d.outcomes;
  const blocks: Block[] = [{ kind: 'heading', text: x.outcomes, level: 1 }];
  if (o.platform === null) return [...blocks, { kind: 'paragraph', text: x.noOutcome }];
  blocks.push(
    { kind: 'paragraph', text: x.outcomesIntro(o.metric, o.platform, f.date(o.from), f.date(o.to), o.minPairs) },
    { kind: 'note', text: o.note[lang] },
  );
  const summary: Cell[][] = o.items.map((a) => [c.practiceName(a.practiceId), a.n, a.rho, a.interval?.low ?? null, a.interval?.high ?? null, a.hidden ? `${x.hidden}: ${a.hiddenReason?.[lang] ?? ''}` : a.caution?.[lang] ?? '']);
  blocks.push({ kind: 'table', id: 'association', title: x.outcomes, columns: [col(x.col.practice, 'text', 2.4), col(x.col.n, 'int', 0.5), col(x.col.rho, 'dec', 0.7), col(x.col.low, 'dec', 0.7), col(x.col.high, 'dec', 0.7), col('', 'text', 3)], rows: summary });
  // Level groups only where the association is shown: a group of one would show a single member's figure.
  const levels: Cell[][] = o.items.filter((a) => !a.hidden).flatMap((a) => a.byLevel.map((g) => [c.practiceName(a.practiceId), g.level, g.n, g.median, g.q1, g.q3]));
  if (levels.length) blocks.push({ kind: 'table', id: 'outcome-by-level', title: x.byLevel, columns: [col(x.col.practice, 'text', 2.4), col(x.col.level, 'int', 0.6), col(x.col.n, 'int', 0.5), col(x.col.median), col(x.col.q1), col(x.col.q3)], rows: levels });
  return blocks;
}

function casesSection(c: Ctx): Block[] {
  const { d, x, lang } = c;
  const blocks: Block[] = [{ kind: 'heading', text: x.cases, level: 1 }];
  if (d.cases.length === 0) return [...blocks, { kind: 'paragraph', text: x.noCases }];
  for (const k of d.cases) {
    blocks.push(
      { kind: 'heading', text: k.title[lang], level: 2 },
      { kind: 'paragraph', text: k.summary[lang] },
      { kind: 'paragraph', text: `${x.illustrates}: ${k.practices.map(c.practiceName).join(', ')}` },
    );
  }
  return blocks;
}

export function practiceDoc(d: PracticeReportData, lang: ReportLang): ReportDoc {
  const x = practiceTexts(lang);
  const f = formatter(lang);
  const names = new Map(d.framework.practices.map((p) => [p.id, p.name[lang]]));
  const c: Ctx = { d, x, f, lang, practiceName: (id) => names.get(id) ?? id };
  const staged = d.bench.standings.filter((s) => s.stage !== null).length;
  return {
    lang,
    title: `${x.title}: ${d.group.name} (${d.group.code})`,
    subtitle: `${x.period}: ${d.period} · ${d.framework.name[lang]} (v${d.framework.version})`,
    notes: dataNotes(messages(lang), d.members, d.outcomes.from, d.outcomes.to, false),
    blocks: [
      { kind: 'paragraph', text: x.summary(d.bench.members, d.bench.assessed, staged) },
      ...stagesSection(c),
      ...distributionSection(c),
      ...peerSection(c),
      { kind: 'pageBreak' },
      ...membersSection(c),
      { kind: 'pageBreak' },
      ...outcomesSection(c),
      { kind: 'pageBreak' },
      ...casesSection(c),
    ],
    fileBase: `practice-${d.group.code}-${d.period}-${lang}`,
  };
}
