// Renders a report document as one self-contained HTML file: inline CSS, charts as inline SVG, all text escaped.
import { renderSvg } from './charts/render.ts';
import { escapeHtml as e, formatter } from './format.ts';
import { messages } from './locales/index.ts';
import type { Block, ReportDoc, Table } from './model.ts';

const CSS = `
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1a202c;max-width:960px;margin:24px auto;padding:0 16px;line-height:1.45}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:2px solid #2b6cb0;padding-bottom:3px}
h3{font-size:16px;margin:20px 0 6px}.subtitle{color:#4a5568;margin:0 0 12px}
.note{background:#fff8e1;border-left:4px solid #d69e2e;padding:6px 10px;margin:6px 0;font-size:14px}
table{border-collapse:collapse;width:100%;margin:6px 0 14px;font-size:12.5px}
caption{text-align:left;font-weight:bold;padding:4px 0}th,td{border-bottom:1px solid #e2e8f0;padding:3px 6px;vertical-align:top}
th{background:#edf2f7;text-align:left}td.n{text-align:right;white-space:nowrap}figure{margin:10px 0}
figure svg{max-width:100%;height:auto}hr.page{border:0;border-top:1px dashed #cbd5e0;margin:28px 0}
footer{color:#718096;font-size:12px;margin-top:32px}
@media print{hr.page{page-break-after:always;border:0}}`;

function table(t: Table, fmt: ReturnType<typeof formatter>, caption: boolean): string {
  const head = t.columns.map((c) => `<th>${e(c.label)}</th>`).join('');
  const body = t.rows
    .map((r) => `<tr>${r.map((v, i) => {
      const kind = t.columns[i]?.kind ?? 'text';
      return `<td${kind === 'text' ? '' : ' class="n"'}>${e(fmt.cell(v, kind))}</td>`;
    }).join('')}</tr>`)
    .join('\n');
  return `<table data-table="${e(t.id)}">${caption ? `<caption>${e(t.title)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function block(b: Block, fmt: ReturnType<typeof formatter>, lastHeading: string): string {
  switch (b.kind) {
    case 'heading': return b.level === 1 ? `<h2>${e(b.text)}</h2>` : `<h3>${e(b.text)}</h3>`;
    case 'paragraph': return `<p>${e(b.text)}</p>`;
    case 'note': return `<p class="note">${e(b.text)}</p>`;
    case 'table': return b.rows.length ? table(b, fmt, b.title !== lastHeading) : '';
    // ECharts escapes the text it draws; chart labels are platform names, dates and organisation codes.
    case 'chart': return `<figure data-chart="${e(b.id)}" aria-label="${e(b.title)}">${renderSvg(b.chart)}</figure>`;
    case 'pageBreak': return '<hr class="page">';
  }
}

/** A table right under a heading of the same text needs no caption. */
function lastHeadingBefore(blocks: Block[], i: number): string {
  const prev = blocks[i - 1];
  return prev?.kind === 'heading' ? prev.text : '';
}

export function renderHtml(doc: ReportDoc, generatedAt: string): Buffer {
  const fmt = formatter(doc.lang);
  const m = messages(doc.lang);
  const html = `<!DOCTYPE html>
<html lang="${doc.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="socialbench"><title>${e(doc.title)}</title><style>${CSS}</style></head>
<body>
<header><h1>${e(doc.title)}</h1><p class="subtitle">${e(doc.subtitle)}</p>
${doc.notes.map((n) => `<p class="note" data-note>${e(n)}</p>`).join('\n')}</header>
<main>
${doc.blocks.map((b, i) => block(b, fmt, lastHeadingBefore(doc.blocks, i))).join('\n')}
</main>
<footer>${e(m.generatedAt)}: ${e(generatedAt)} · socialbench</footer>
</body></html>
`;
  return Buffer.from(html, 'utf8');
}
