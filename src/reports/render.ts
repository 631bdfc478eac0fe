// One entry to turn a report document into the bytes of a format, with its content type and file name.
import { renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { CONTENT_TYPES, type ReportDoc, type ReportFormat } from './model.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';

export interface RenderedReport {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

export async function renderReport(doc: ReportDoc, format: ReportFormat, generatedAt: string): Promise<RenderedReport> {
  const bytes =
    format === 'html' ? renderHtml(doc, generatedAt) :
    format === 'pdf' ? await renderPdf(doc, generatedAt) :
    format === 'xlsx' ? await renderXlsx(doc, generatedAt) :
    renderCsv(doc);
  return { bytes, contentType: CONTENT_TYPES[format], filename: `${doc.fileBase}.${format}` };
}
