// The evaluation pack of one organisation and period as a report document (any format renders it).
import { PILLARS, type MetricSet } from '../core/metrics/index.ts';
import { platformDisplayName, POST_TYPES, type Platform } from '../core/platforms.ts';
import { barChart, heatmapChart, lineChart } from './charts/options.ts';
import { PLATFORM_COLORS } from './charts/types.ts';
import type { EvaluationData, ReportPost } from './evaluation-data.ts';
import { excerpt, formatter, type Formatter } from './format.ts';
import { messages, type Messages, type ReportLang } from './locales/index.ts';
import { methodologyBlocks } from './methodology-blocks.ts';
import type { Block, Cell, Column, ReportDoc } from './model.ts';
import { dataNotes } from './notes.ts';

interface Ctx {
  d: EvaluationData;
  m: Messages;
  f: Formatter;
  name: (p: Platform) => string;
}

const col = (label: string, kind: Column['kind'] = 'dec', width = 1): Column => ({ label, kind, width });

function metricRows(c: Ctx, keys: (keyof MetricSet)[]): Cell[][] {
  return c.d.platforms.map((p) => {
    const set = c.d.current[p];
    return [c.name(p), ...keys.map((k) => (set ? (set[k] as number | null) : null))];
  });
}

function followersSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const rows = metricRows(c, ['start', 'end', 'growth', 'growth_pct', 'weekly_growth_pct']);
  const total = d.platforms.reduce<number | null>((s, p) => (d.current[p]?.end == null ? s : (s ?? 0) + (d.current[p]?.end ?? 0)), null);
  rows.push([m.totalAudience, null, total, null, null, null]);
  const partial = d.platforms.some((p) => d.current[p]?.baseline === 'partial');
  return [
    { kind: 'heading', text: m.followers, level: 1 },
    { kind: 'table', id: 'followers', title: m.followers, columns: [col(m.col.platform, 'text', 1.4), col(m.col.start, 'int'), col(m.col.end, 'int'), col(m.col.growth, 'signed'), col(m.col.growth_pct, 'signedDec'), col(m.col.weekly_growth_pct, 'signedDec')], rows },
    ...(partial ? [{ kind: 'note' as const, text: m.partialBaseline }] : []),
    { kind: 'chart', id: 'followers-line', title: m.followersChart, chart: lineChart(m.followersChart, d.buckets.map((b) => b.end), d.platforms.map((p) => ({ name: c.name(p), data: d.followers[p] ?? [], color: PLATFORM_COLORS[p] })), (v) => f.int(v)) },
    { kind: 'chart', id: 'growth-bar', title: m.growthChart, chart: barChart(m.growthChart, d.platforms.map(c.name), [{ name: m.col.growth_pct, data: d.platforms.map((p) => d.current[p]?.growth_pct ?? null), color: '#2b6cb0' }], (v) => f.dec(v, 1), { height: 240, labels: true }) },
  ];
}

function activitySection(c: Ctx): Block[] {
  const { d, m, f } = c;
  return [
    { kind: 'heading', text: m.activity, level: 1 },
    { kind: 'table', id: 'activity', title: m.activity, columns: [col(m.col.platform, 'text', 1.4), col(m.col.posts, 'int'), col(m.col.posts_per_week), col(m.col.engagements_per_post)], rows: metricRows(c, ['posts', 'posts_per_week', 'engagements_per_post']) },
    { kind: 'chart', id: 'activity-bar', title: m.activityChart, chart: barChart(m.activityChart, d.buckets.map((b) => b.start), d.platforms.map((p) => ({ name: c.name(p), data: d.posts[p] ?? [], color: PLATFORM_COLORS[p] })), (v) => f.int(v), { stack: true }) },
  ];
}

function contentSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const used = POST_TYPES.filter((t) => d.platforms.some((p) => (d.typeCounts[p]?.[t] ?? 0) > 0));
  return [
    { kind: 'heading', text: m.contentMix, level: 1 },
    { kind: 'table', id: 'content-mix', title: m.contentMix, columns: [col(m.col.platform, 'text', 1.4), col(m.col.posts, 'int'), col(m.col.visual_share), col(m.col.video_share)], rows: metricRows(c, ['posts', 'visual_share', 'video_share']) },
    { kind: 'table', id: 'post-types', title: m.postTypes, columns: [col(m.col.platform, 'text', 1.4), ...used.map((t) => col(m.postType[t], 'int'))], rows: d.platforms.map((p) => [c.name(p), ...used.map((t) => d.typeCounts[p]?.[t] ?? 0)]) },
    { kind: 'chart', id: 'content-bar', title: m.contentMixChart, chart: barChart(m.contentMixChart, d.platforms.map(c.name), [
      { name: m.visual, data: d.platforms.map((p) => d.current[p]?.visual_share ?? null), color: '#2b6cb0' },
      { name: m.video, data: d.platforms.map((p) => d.current[p]?.video_share ?? null), color: '#dd6b20' },
    ], (v) => f.dec(v, 0), { height: 240 }) },
  ];
}

function postRows(c: Ctx, posts: ReportPost[]): Cell[][] {
  return posts.map((p) => [c.f.date(p.date), c.name(p.platform), `@${p.handle}`, c.m.postType[p.type], excerpt(p.text), p.engagements, p.er]);
}

function engagementSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const postCols = [col(m.col.date, 'text', 1.3), col(m.col.platform, 'text'), col(m.col.handle, 'text', 1.2), col(m.col.type, 'text', 0.8), col(m.col.text, 'text', 4), col(m.col.engagements, 'int', 1.3), col(m.col.er, 'dec', 0.8)];
  return [
    { kind: 'heading', text: m.engagement, level: 1 },
    { kind: 'table', id: 'engagement', title: m.engagement, columns: [col(m.col.platform, 'text', 1.4), col(m.col.posts, 'int'), col(m.col.engagements_per_post), col(m.col.er)], rows: metricRows(c, ['posts', 'engagements_per_post', 'er']) },
    { kind: 'chart', id: 'er-line', title: m.erChart, chart: lineChart(m.erChart, d.buckets.map((b) => b.start), d.platforms.map((p) => ({ name: c.name(p), data: d.er[p] ?? [], color: PLATFORM_COLORS[p] })), (v) => f.dec(v, 2)) },
    { kind: 'table', id: 'top-posts', title: m.topPosts, columns: postCols, rows: postRows(c, d.top) },
    { kind: 'table', id: 'bottom-posts', title: m.bottomPosts, columns: postCols, rows: postRows(c, d.bottom) },
  ];
}

function bestTimesSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const cells = d.bestTimes.flat();
  const data: [number, number, number][] = cells.filter((x) => x.mean_er !== null).map((x) => [x.hour, x.weekday, x.mean_er ?? 0]);
  const best = cells.filter((x) => x.posts >= 2 && x.mean_er !== null).sort((a, b) => (b.mean_er ?? 0) - (a.mean_er ?? 0)).slice(0, 5);
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const days = Array.from({ length: 7 }, (_, i) => f.weekday(i));
  return [
    { kind: 'heading', text: m.bestTimes, level: 1 },
    { kind: 'chart', id: 'best-times', title: m.bestTimesChart, chart: heatmapChart(`${m.bestTimesChart} (${d.org.timezone})`, hours, days, data, (v) => f.dec(v, 2)) },
    { kind: 'table', id: 'best-slots', title: m.bestSlots, columns: [col(m.col.weekday, 'text', 1.4), col(m.col.hour, 'text'), col(m.col.posts, 'int'), col(m.col.mean_er)], rows: best.map((x) => [f.weekday(x.weekday), `${hours[x.hour] ?? ''}:00`, x.posts, x.mean_er]) },
  ];
}

function interactionSection(c: Ctx): Block[] {
  const { d, m } = c;
  return [
    { kind: 'heading', text: m.interaction, level: 1 },
    { kind: 'table', id: 'interaction', title: m.interaction, columns: [col(m.col.platform, 'text', 1.4), col(m.col.posts, 'int'), col(m.col.mention_share), col(m.col.accounts_mentioned, 'int')], rows: metricRows(c, ['posts', 'mention_share', 'accounts_mentioned']) },
    { kind: 'table', id: 'mentioned', title: m.mostMentioned, columns: [col(m.col.platform, 'text'), col(m.col.handle, 'text', 2), col(m.col.mentions, 'int')], rows: d.mentioned.map((x) => [c.name(x.platform), `@${x.handle}`, x.count]) },
  ];
}

function inboxSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  if (!d.inbox) return [];
  const { accounts, total } = d.inbox;
  const t = m.inbox;
  const summary = total.entries === 0 ? t.none : t.summary(f.dec(total.response_rate, 1), f.int(total.answered), f.int(total.entries), f.int(total.median_first_reply_minutes));
  const line = (x: typeof total): Cell[] => [x.entries, x.answered, x.response_rate, x.median_first_reply_minutes === null ? null : Math.round(x.median_first_reply_minutes)];
  return [
    { kind: 'heading', text: t.title, level: 1 },
    { kind: 'paragraph', text: summary },
    {
      kind: 'table', id: 'responsiveness', title: t.title,
      columns: [col(m.col.platform, 'text'), col(m.col.handle, 'text', 1.4), col(t.entries, 'int'), col(t.answered, 'int'), col(t.rate), col(t.median, 'int', 1.3)],
      rows: [...accounts.map((a) => [c.name(a.platform), `@${a.handle}`, ...line(a)]), [t.all, '', ...line(total)]],
    },
    { kind: 'note', text: t.note },
  ];
}

const CHANGE_METRICS: { key: keyof MetricSet; kind: Column['kind'] }[] = [
  { key: 'end', kind: 'int' }, { key: 'growth', kind: 'int' }, { key: 'posts', kind: 'int' }, { key: 'posts_per_week', kind: 'dec' },
  { key: 'er', kind: 'dec' }, { key: 'visual_share', kind: 'dec' }, { key: 'video_share', kind: 'dec' }, { key: 'mention_share', kind: 'dec' },
];

function changeSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const rows: Cell[][] = [];
  for (const p of d.platforms) {
    for (const { key } of CHANGE_METRICS) {
      const now = (d.current[p]?.[key] as number | null | undefined) ?? null;
      const before = (d.previous[p]?.[key] as number | null | undefined) ?? null;
      const change = now !== null && before !== null ? now - before : null;
      const pct = change !== null && before ? (change / before) * 100 : null;
      rows.push([c.name(p), key === 'end' ? m.col.followers : m.col[key as keyof Messages['col']] ?? key, before, now, change, pct]);
    }
  }
  return [
    { kind: 'heading', text: m.change, level: 1 },
    { kind: 'paragraph', text: `${m.previousPeriod}: ${f.period(d.prevFrom, d.prevTo)}.` },
    { kind: 'table', id: 'change', title: m.change, columns: [col(m.col.platform, 'text'), col(m.col.metric, 'text', 1.6), col(m.col.previous), col(m.col.current), col(m.col.change, 'signedDec'), col(m.col.change_pct, 'signedDec')], rows },
  ];
}

function peersSection(c: Ctx): Block[] {
  const { d, m, f } = c;
  const blocks: Block[] = [{ kind: 'heading', text: m.peers, level: 1 }, { kind: 'paragraph', text: m.peersIntro }];
  const rows: Cell[][] = [];
  for (const g of d.peers) {
    for (const p of d.platforms) {
      const pos = g.platforms[p];
      if (pos) rows.push([`${g.name} (${g.members})`, c.name(p), ...PILLARS.map((x) => pos.percentiles[x] ?? null), pos.composite]);
    }
  }
  blocks.push({ kind: 'table', id: 'peers', title: m.peers, columns: [col(m.col.group, 'text', 2), col(m.col.platform, 'text'), ...PILLARS.map((x) => col(m.pillar[x].split(' (')[0] ?? x)), col(m.col.composite)], rows });
  if (d.peers.length > 0) {
    blocks.push({ kind: 'chart', id: 'peers-bar', title: m.peersChart, chart: barChart(m.peersChart, d.platforms.map(c.name), d.peers.map((g) => ({ name: g.name, data: d.platforms.map((p) => g.platforms[p]?.composite ?? null) })), (v) => f.dec(v, 0), { height: 260 }) });
  }
  return blocks;
}

export function evaluationDoc(d: EvaluationData, lang: ReportLang): ReportDoc {
  const m = messages(lang);
  const f = formatter(lang);
  const c: Ctx = { d, m, f, name: (p) => platformDisplayName(p, d.to) };
  const blocks: Block[] = [
    { kind: 'heading', text: m.summary, level: 1 },
    ...(d.summary ? [{ kind: 'paragraph' as const, text: d.summary }] : [{ kind: 'paragraph' as const, text: m.noData }]),
    ...followersSection(c),
    ...activitySection(c),
    ...contentSection(c),
    ...engagementSection(c),
    ...bestTimesSection(c),
    ...interactionSection(c),
    ...inboxSection(c),
    ...changeSection(c),
    ...peersSection(c),
    { kind: 'pageBreak' },
    ...methodologyBlocks(m, lang),
  ];
  return {
    lang,
    title: `${m.evaluationTitle}: ${d.org.name} (${d.org.code})`,
    subtitle: `${m.period}: ${f.period(d.from, d.to)}`,
    notes: dataNotes(m, [d.org], d.from, d.to, true),
    blocks,
    fileBase: `evaluation-${d.org.code}-${d.from}-${d.to}-${lang}`,
  };
}
