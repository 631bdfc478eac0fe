// Meeting minutes (and an evaluation agenda on its own) as a format-neutral document, and its Markdown.
// The PDF renderer (reports/minutes-pdf.ts) reads the same document.
import type { EvaluationAgenda, FigureMetric, FigureRow } from './agenda.ts';
import { fill, minutesLabels, type MinutesLabels, type MinutesLang } from './labels.ts';

export type MinutesBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; columns: string[]; numeric: boolean[]; rows: string[][] };

export interface MinutesDoc {
  lang: MinutesLang;
  title: string;
  subtitle: string;
  /** Label and value pairs under the title. */
  meta: [string, string][];
  blocks: MinutesBlock[];
}

export interface MinutesInput {
  org: { code: string; name: string };
  kind: 'planning' | 'evaluation';
  title: string;
  /** "YYYY-MM-DD HH:mm" in the organisation's zone. */
  startsLocal: string;
  timezone: string;
  durationMin: number | null;
  location: string | null;
  status: 'planned' | 'held' | 'cancelled';
  period: { from: string; to: string } | null;
  attendees: string[];
  agenda: { title: string; notes: string | null }[];
  agendaData: EvaluationAgenda | null;
  minutes: string;
  decisions: { text: string; content: { id: number; title: string; status: string }[] }[];
  actions: { text: string; owner: string | null; dueDate: string | null; status: 'open' | 'done' }[];
}

const DASH = '–';

function numbers(lang: MinutesLang) {
  const l = minutesLabels(lang);
  const int = new Intl.NumberFormat(l.intl, { maximumFractionDigits: 0 });
  const dec = new Intl.NumberFormat(l.intl, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signed = (s: string, n: number) => (n > 0 ? `+${s}` : n < 0 ? `−${s.replace('-', '')}` : s);
  return {
    value(metric: FigureMetric, n: number | null): string {
      if (n === null || !Number.isFinite(n)) return DASH;
      return metric === 'followers' || metric === 'growth' ? int.format(n) : dec.format(n);
    },
    change(metric: FigureMetric, n: number | null): string {
      if (n === null || !Number.isFinite(n)) return DASH;
      return signed(metric === 'followers' || metric === 'growth' ? int.format(n) : dec.format(n), n);
    },
    pct(n: number | null): string {
      return n === null || !Number.isFinite(n) ? '' : ` (${signed(dec.format(n), n)} %)`;
    },
    dec: (n: number | null) => (n === null || !Number.isFinite(n) ? DASH : dec.format(n)),
    int: (n: number | null) => (n === null || !Number.isFinite(n) ? DASH : int.format(n)),
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const excerpt = (s: string | null, max = 80) => {
  const t = oneLine(s ?? '');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t || DASH;
};

function figureTable(rows: FigureRow[], l: MinutesLabels, n: ReturnType<typeof numbers>): MinutesBlock {
  return {
    kind: 'table',
    columns: [l.platform, l.metric, l.current, l.before, l.change],
    numeric: [false, false, true, true, true],
    rows: rows.map((r) => [r.platform, l[r.metric], n.value(r.metric, r.current), n.value(r.metric, r.previous), `${n.change(r.metric, r.change)}${n.pct(r.change_pct)}`]),
  };
}

function postTable(title: string, posts: EvaluationAgenda['top_posts'], l: MinutesLabels, n: ReturnType<typeof numbers>): MinutesBlock[] {
  if (posts.length === 0) return [];
  return [
    { kind: 'paragraph', text: title },
    {
      kind: 'table',
      columns: [l.date, l.platform, l.post, l.engagements, l.er],
      numeric: [false, false, false, true, true],
      rows: posts.map((p) => [p.date, `${p.platform} @${p.handle}`, excerpt(p.text), n.int(p.engagements), n.dec(p.er)]),
    },
  ];
}

/** The sections of a generated agenda, each under its own heading. */
export function agendaBlocks(a: EvaluationAgenda, lang: MinutesLang): MinutesBlock[] {
  const l = minutesLabels(lang);
  const n = numbers(lang);
  const list = (items: string[]): MinutesBlock => (items.length ? { kind: 'bullets', items } : { kind: 'paragraph', text: l.none });
  return [
    { kind: 'heading', level: 2, text: `1. ${l.sectionFigures}` },
    { kind: 'paragraph', text: `${a.period.from} – ${a.period.to}; ${l.previous} ${a.previous.from} – ${a.previous.to}. ${fill(l.generated, { at: a.generated_at.slice(0, 16).replace('T', ' ') + ' UTC' })}` },
    a.figures.length ? figureTable(a.figures, l, n) : { kind: 'paragraph', text: l.none },
    { kind: 'heading', level: 2, text: `2. ${l.sectionPosts}` },
    ...(a.top_posts.length || a.bottom_posts.length ? [...postTable(l.top, a.top_posts, l, n), ...postTable(l.bottom, a.bottom_posts, l, n)] : [{ kind: 'paragraph' as const, text: l.none }]),
    { kind: 'heading', level: 2, text: `3. ${l.sectionGaps}` },
    list(
      a.cadence_gaps.map((g) =>
        g.kind === 'target'
          ? fill(l.gapTarget, { handle: `@${g.handle}`, platform: g.platform, from: g.from, to: g.to, published: g.published ?? 0, target: g.target ?? 0 })
          : fill(l.gapQuiet, { handle: `@${g.handle}`, platform: g.platform, from: g.from, to: g.to, days: g.days }),
      ),
    ),
    { kind: 'heading', level: 2, text: `4. ${l.sectionPeers}` },
    list(
      a.peers.map((p) =>
        p.rank === null
          ? fill(l.peerNone, { group: p.group, platform: p.platform, of: p.of })
          : fill(l.peer, { group: p.group, platform: p.platform, rank: p.rank, of: p.of, composite: n.dec(p.composite) }),
      ),
    ),
    { kind: 'heading', level: 2, text: `5. ${l.sectionOpen}` },
    list(a.open_actions.map((x) => `${oneLine(x.text)}${x.owner ? ` (${x.owner})` : ''}${x.due_date ? `, ${l.due} ${x.due_date}` : ''}`)),
  ];
}

/** A generated agenda as a document of its own (the CLI and the agenda preview). */
export function agendaDoc(a: EvaluationAgenda, lang: MinutesLang): MinutesDoc {
  const l = minutesLabels(lang);
  return { lang, title: `${l.agendaTitle}: ${a.name} (${a.org})`, subtitle: `${a.period.from} – ${a.period.to}`, meta: [], blocks: agendaBlocks(a, lang) };
}

export function minutesDoc(m: MinutesInput, lang: MinutesLang): MinutesDoc {
  const l = minutesLabels(lang);
  const meta: [string, string][] = [
    [l.when, `${m.startsLocal} (${m.timezone})`],
    ...(m.durationMin ? [[l.duration, `${m.durationMin} ${l.minutesUnit}`] as [string, string]] : []),
    ...(m.location ? [[l.location, oneLine(m.location)] as [string, string]] : []),
    [l.status, l[m.status]],
    ...(m.period ? [[l.period, `${m.period.from} – ${m.period.to}`] as [string, string]] : []),
    [l.attendees, m.attendees.length ? m.attendees.map(oneLine).join(', ') : DASH],
  ];
  const blocks: MinutesBlock[] = [{ kind: 'heading', level: 1, text: l.agenda }];
  const manual = m.agenda.map((a) => `${oneLine(a.title)}${a.notes?.trim() ? `: ${oneLine(a.notes)}` : ''}`);
  if (m.agendaData) {
    blocks.push(...agendaBlocks(m.agendaData, lang));
    const extra = m.agenda.length ? manual : [];
    if (extra.length) blocks.push({ kind: 'bullets', items: extra });
  } else blocks.push(manual.length ? { kind: 'bullets', items: manual } : { kind: 'paragraph', text: l.none });
  blocks.push({ kind: 'heading', level: 1, text: l.notes });
  const paragraphs = m.minutes.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  blocks.push(...(paragraphs.length ? paragraphs.map((text) => ({ kind: 'paragraph' as const, text })) : [{ kind: 'paragraph' as const, text: l.none }]));
  blocks.push({ kind: 'heading', level: 1, text: l.decisions });
  blocks.push(
    m.decisions.length
      ? {
          kind: 'bullets',
          items: m.decisions.map((d) => `${oneLine(d.text)}${d.content.length ? ` — ${l.contentCreated}: ${d.content.map((c) => `#${c.id} ${oneLine(c.title)} (${c.status})`).join('; ')}` : ''}`),
        }
      : { kind: 'paragraph', text: l.none },
  );
  blocks.push({ kind: 'heading', level: 1, text: l.actions });
  blocks.push(
    m.actions.length
      ? { kind: 'table', columns: [l.actions, l.owner, l.due, l.status], numeric: [false, false, false, false], rows: m.actions.map((a) => [oneLine(a.text), a.owner ?? DASH, a.dueDate ?? DASH, l[a.status]]) }
      : { kind: 'paragraph', text: l.none },
  );
  return { lang, title: `${l.minutes}: ${oneLine(m.title)}`, subtitle: `${m.org.name} (${m.org.code}) · ${l[m.kind]}`, meta, blocks };
}

/** Text from people goes into Markdown as text: characters that would start markup are escaped. */
function escapeInline(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(\s*)#/, '$1\\#');
}

function escapeParagraph(s: string): string {
  return s
    .split('\n')
    .map((line) => escapeInline(line).replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3'))
    .join('  \n');
}

export function renderMarkdown(doc: MinutesDoc): string {
  const out: string[] = [`# ${escapeInline(doc.title)}`, '', escapeInline(doc.subtitle), ''];
  if (doc.meta.length) {
    for (const [k, v] of doc.meta) out.push(`- **${escapeInline(k)}:** ${escapeInline(v)}`);
    out.push('');
  }
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${b.level === 1 ? '##' : '###'} ${escapeInline(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(escapeParagraph(b.text), '');
        break;
      case 'bullets':
        out.push(...b.items.map((i) => `- ${escapeInline(i)}`), '');
        break;
      case 'table':
        out.push(`| ${b.columns.map(escapeInline).join(' | ')} |`);
        out.push(`| ${b.numeric.map((num) => (num ? '---:' : '---')).join(' | ')} |`);
        out.push(...b.rows.map((r) => `| ${r.map(escapeInline).join(' | ')} |`), '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The agenda items a generated agenda starts with (the figures themselves stay in the agenda data). */
export function generatedAgendaItems(a: EvaluationAgenda, lang: MinutesLang): { title: string; notes: string | null; section: string }[] {
  const l = minutesLabels(lang);
  const count = (n: number) => (n ? String(n) : l.none);
  return [
    { section: 'figures', title: l.sectionFigures, notes: `${a.period.from} – ${a.period.to}; ${l.previous} ${a.previous.from} – ${a.previous.to}` },
    { section: 'posts', title: l.sectionPosts, notes: null },
    { section: 'gaps', title: l.sectionGaps, notes: count(a.cadence_gaps.length) },
    { section: 'peers', title: l.sectionPeers, notes: a.peers.map((p) => `${p.group} ${p.platform}: ${p.rank ?? '–'}/${p.of}`).join('; ') || l.none },
    { section: 'open_actions', title: l.sectionOpen, notes: a.open_actions.map((x) => oneLine(x.text)).join('; ') || l.none },
  ];
}
