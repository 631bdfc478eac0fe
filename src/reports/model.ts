// The format-neutral document every report builder produces and every renderer (HTML, PDF, XLSX, CSV) reads.
import type { ChartSpec } from './charts/types.ts';
import type { ReportLang } from './locales/index.ts';

/** How a cell is shown: text as is, int grouped, dec with 2 decimals, signed with + or −. */
export type CellKind = 'text' | 'int' | 'dec' | 'signed' | 'signedDec';
export type Cell = string | number | null;

export interface Column {
  label: string;
  kind: CellKind;
  /** Relative width for PDF layout; 1 by default. */
  width?: number;
}

export interface Table {
  kind: 'table';
  /** Stable, language-neutral name: the XLSX sheet and CSV section key. */
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | Table
  | { kind: 'chart'; id: string; title: string; chart: ChartSpec }
  /** Starts a new page in paged formats (PDF); a visual separator in HTML. */
  | { kind: 'pageBreak' };

export interface ReportDoc {
  lang: ReportLang;
  title: string;
  subtitle: string;
  /** Shown at the top of every format: the synthetic-data note and the like. */
  notes: string[];
  blocks: Block[];
  /** File name without extension, ASCII. */
  fileBase: string;
}

export const FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function tablesOf(doc: ReportDoc): Table[] {
  return doc.blocks.filter((b): b is Table => b.kind === 'table');
}
