// The methodology appendix as report blocks: the definitions of methodology.ts as a two-column table.
import type { Messages, ReportLang } from './locales/index.ts';
import { definitions } from './methodology.ts';
import type { Block } from './model.ts';

export function methodologyBlocks(m: Messages, lang: ReportLang): Block[] {
  return [
    { kind: 'heading', text: m.methodology, level: 1 },
    { kind: 'paragraph', text: m.methodologyIntro },
    {
      kind: 'table',
      id: 'methodology',
      title: m.methodology,
      columns: [{ label: m.col.metric, kind: 'text', width: 1.2 }, { label: m.col.definition, kind: 'text', width: 6 }],
      rows: definitions(lang).map((d) => [d.key, d.text]),
    },
  ];
}
