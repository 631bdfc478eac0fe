// The network benchmark report of a group and period as a report document: composite ranking, league
// tables per platform, distributions, one page per member and the methodology appendix.
import { PILLARS, standings, type BenchmarkOrgResult, type GroupStats, type NumericMetric } from '../core/metrics/index.ts';
import { platformDisplayName, type Platform } from '../core/platforms.ts';
import { barChart, boxplotChart } from './charts/options.ts';
import { formatter, type Formatter } from './format.ts';
import { messages, type Messages, type ReportLang } from './locales/index.ts';
import { methodologyBlocks } from './methodology-blocks.ts';
import type { Block, Cell, Column, ReportDoc } from './model.ts';
import { dataNotes } from './notes.ts';

export interface BenchmarkMember {
  code: string;
  name: string;
  synthetic: boolean;
}

export interface BenchmarkData {
  group: { code: string; name: string };
  from: string;
  to: string;
  platforms: Platform[];
  members: BenchmarkMember[];
  perPlatform: Partial<Record<Platform, { organizations: BenchmarkOrgResult[]; stats: Partial<Record<NumericMetric, GroupStats>> }>>;
  /** Best first. */
  composite: { org: string; platforms: Partial<Record<string, number | null>>; composite: number | null }[];
}

interface Ctx {
  d: BenchmarkData;
  m: Messages;
  f: Formatter;
  name: (p: Platform) => string;
  label: (code: string) => string;
  names: Map<string, string>;
}

const col = (label: string, kind: Column['kind'] = 'dec', width = 1): Column => ({ label, kind, width });
const pillarShort = (m: Messages, p: (typeof PILLARS)[number]) => m.pillar[p].split(' (')[0] ?? p;

function ranks(values: (number | null)[]): (number | null)[] {
  return standings(values).map((s) => s?.rank ?? null);
}

function compositeSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const r = ranks(d.composite.map((o) => o.composite));
  const rows: Cell[][] = d.composite.map((o, i) => [r[i] ?? null, c.label(o.org), c.names.get(o.org) ?? o.org, ...d.platforms.map((p) => o.platforms[p] ?? null), o.composite]);
  const top = d.composite.filter((o) => o.composite !== null).slice(0, 30);
  return [
    { kind: 'heading', text: m.composite, level: 1 },
    { kind: 'table', id: 'composite', title: m.composite, columns: [col(m.col.rank, 'int', 0.6), col(m.col.org, 'text'), col(m.col.name, 'text', 3), ...d.platforms.map((p) => col(c.name(p))), col(m.col.composite)], rows },
    { kind: 'chart', id: 'composite-bar', title: m.compositeChart, chart: barChart(m.compositeChart, top.map((o) => c.label(o.org)), [{ name: m.col.composite, data: top.map((o) => o.composite), color: '#2b6cb0' }], (v) => f.dec(v, 0), { horizontal: true, height: Math.max(200, 60 + top.length * 18), labels: true }) },
  ];
}

function leagueSection(c: Ctx, p: Platform): Block[] {
  const { d, m } = c;
  const res = d.perPlatform[p];
  if (!res) return [];
  const orgs = res.organizations.filter((o) => PILLARS.some((x) => o.values[x] !== null && o.values[x] !== undefined));
  const r = ranks(orgs.map((o) => o.composite));
  const rows: Cell[][] = orgs.map((o, i) => [r[i] ?? null, c.label(o.org), ...PILLARS.flatMap((x) => [o.values[x] ?? null, o.ranks[x] ?? null]), o.composite]);
  const title = `${m.league}: ${c.name(p)}`;
  return [
    { kind: 'heading', text: title, level: 2 },
    { kind: 'table', id: `league-${p}`, title, columns: [col(m.col.rank, 'int', 0.6), col(m.col.org, 'text', 1.3), ...PILLARS.flatMap((x) => [col(pillarShort(m, x)), col('#', 'int', 0.5)]), col(m.col.composite)], rows },
  ];
}

function distributionSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const blocks: Block[] = [{ kind: 'heading', text: m.distribution, level: 1 }];
  const rows: Cell[][] = [];
  for (const x of PILLARS) {
    const cats: string[] = [];
    const boxes: [number, number, number, number, number][] = [];
    for (const p of d.platforms) {
      const s = d.perPlatform[p]?.stats[x];
      if (!s) continue;
      rows.push([pillarShort(m, x), c.name(p), s.n, s.min, s.q1, s.median, s.q3, s.max, s.mean, s.sd]);
      if (s.n > 0 && s.min !== null && s.q1 !== null && s.median !== null && s.q3 !== null && s.max !== null) {
        cats.push(c.name(p));
        boxes.push([s.min, s.q1, s.median, s.q3, s.max]);
      }
    }
    if (boxes.length > 0) blocks.push({ kind: 'chart', id: `box-${x}`, title: m.pillar[x], chart: boxplotChart(m.pillar[x], cats, boxes, (v) => f.dec(v, 1)) });
  }
  blocks.push({ kind: 'table', id: 'distribution', title: m.distribution, columns: [col(m.col.pillar, 'text', 1.3), col(m.col.platform, 'text'), col(m.col.n, 'int', 0.5), col(m.col.min), col(m.col.q1), col(m.col.median), col(m.col.q3), col(m.col.max), col(m.col.mean), col('sd')], rows });
  return blocks;
}

function memberPages(c: Ctx): Block[] {
  const { d, m, f } = c;
  const overall = ranks(d.composite.map((o) => o.composite));
  const ranked = d.composite.filter((o) => o.composite !== null).length;
  const blocks: Block[] = [];
  d.composite.forEach((o, i) => {
    const rows: Cell[][] = [];
    for (const p of d.platforms) {
      const r = d.perPlatform[p]?.organizations.find((x) => x.org === o.org);
      const n = d.perPlatform[p]?.stats;
      if (!r) continue;
      for (const x of PILLARS) {
        if (r.values[x] === null || r.values[x] === undefined) continue;
        rows.push([o.org, c.name(p), pillarShort(m, x), r.values[x] ?? null, r.ranks[x] !== undefined ? `${r.ranks[x]} / ${n?.[x]?.n ?? ''}` : null, r.percentiles[x] ?? null, r.z[x] ?? null]);
      }
      rows.push([o.org, c.name(p), m.col.composite, r.composite, null, null, null]);
    }
    const rank = overall[i];
    blocks.push(
      { kind: 'pageBreak' },
      { kind: 'heading', text: `${m.memberPage}: ${c.names.get(o.org) ?? o.org} (${c.label(o.org)})`, level: 2 },
      { kind: 'paragraph', text: o.composite === null || rank === null || rank === undefined ? m.noData : m.compositeLine(f.dec(o.composite), m.rankOf(rank, ranked)) },
      { kind: 'table', id: 'members', title: m.memberPage, columns: [col(m.col.org, 'text'), col(m.col.platform, 'text'), col(m.col.pillar, 'text', 1.5), col(m.col.value), col(m.col.rank, 'text'), col(m.col.percentile), col(m.col.z)], rows },
    );
  });
  return blocks;
}

export function benchmarkDoc(d: BenchmarkData, lang: ReportLang): ReportDoc {
  const m = messages(lang);
  const f = formatter(lang);
  const allSynthetic = d.members.every((o) => o.synthetic);
  const synthetic = new Set(d.members.filter((o) => o.synthetic).map((o) => o.code));
  const c: Ctx = {
    d, m, f,
    name: (p) => platformDisplayName(p, d.to),
    label: (code) => (synthetic.has(code) && !allSynthetic ? `${code}*` : code),
    names: new Map(d.members.map((o) => [o.code, o.name])),
  };
  const blocks: Block[] = [
    { kind: 'paragraph', text: m.membersIntro(d.members.length, d.platforms.map(c.name).join(', ')) },
    ...compositeSection(c),
    { kind: 'pageBreak' },
    { kind: 'heading', text: m.league, level: 1 },
    ...d.platforms.flatMap((p) => leagueSection(c, p)),
    { kind: 'pageBreak' },
    ...distributionSection(c),
    ...memberPages(c),
    { kind: 'pageBreak' },
    ...methodologyBlocks(m, lang),
  ];
  return {
    lang,
    title: `${m.benchmarkTitle}: ${d.group.name} (${d.group.code})`,
    subtitle: `${m.period}: ${f.period(d.from, d.to)}`,
    notes: dataNotes(m, d.members, d.from, d.to, false),
    blocks,
    fileBase: `benchmark-${d.group.code}-${d.from}-${d.to}-${lang}`,
  };
}
