// Meeting minutes as PDF: the minutes document (core/meetings) drawn by the report renderer (A4, Noto Sans).
import type { MinutesDoc } from '../core/meetings/index.ts';
import type { Block } from './model.ts';
import { renderPdf } from './pdf.ts';

function blocks(doc: MinutesDoc): Block[] {
  const out: Block[] = [];
  if (doc.meta.length) out.push({ kind: 'paragraph', text: doc.meta.map(([k, v]) => `${k}: ${v}`).join('\n') });
  let n = 0;
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        out.push({ kind: 'heading', text: b.text, level: b.level });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', text: b.text });
        break;
      case 'bullets':
        out.push(...b.items.map((text) => ({ kind: 'paragraph' as const, text: `•  ${text}` })));
        break;
      case 'table':
        // Cells arrive formatted for the language; they are laid out as text, numbers to the right by column width only.
        out.push({ kind: 'table', id: `t${++n}`, title: '', columns: b.columns.map((label, i) => ({ label, kind: 'text', width: b.numeric[i] ? 1 : i === 2 ? 3 : 1.4 })), rows: b.rows });
        break;
    }
  }
  return out;
}

export function renderMinutesPdf(doc: MinutesDoc, generatedAt: string, fileBase: string): Promise<Buffer> {
  return renderPdf({ lang: doc.lang, title: doc.title, subtitle: doc.subtitle, notes: [], blocks: blocks(doc), fileBase }, generatedAt);
}
