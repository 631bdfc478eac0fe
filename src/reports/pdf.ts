// Renders a report document as an A4 PDF with pdfkit: embedded Noto Sans (covers Indonesian and other
// Latin, Greek and Cyrillic names), tables that repeat their header across pages, charts drawn as vectors.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { renderSvg } from './charts/render.ts';
import { formatter, type Formatter } from './format.ts';
import { messages } from './locales/index.ts';
import type { Block, ReportDoc, Table } from './model.ts';
import { drawSvg } from './pdf-svg.ts';

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
};
const R = 'NotoSans';
const B = 'NotoSans-Bold';
const MARGIN = 48;

class Layout {
  y: number;
  readonly left = MARGIN;
  readonly width: number;
  readonly bottom: number;

  constructor(readonly doc: PDFKit.PDFDocument) {
    this.y = MARGIN;
    this.width = doc.page.width - 2 * MARGIN;
    this.bottom = doc.page.height - MARGIN;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  /** Starts a new page unless `h` points still fit on this one. */
  need(h: number): void {
    if (this.y + h > this.bottom && this.y > MARGIN) this.newPage();
  }

  text(s: string, font: string, size: number, opts: { color?: string; gap?: number } = {}): void {
    const d = this.doc.font(font).fontSize(size);
    const h = d.heightOfString(s, { width: this.width });
    this.need(h);
    d.fillColor(opts.color ?? '#1a202c').text(s, this.left, this.y, { width: this.width });
    this.y += h + (opts.gap ?? 6);
  }

  note(s: string): void {
    const d = this.doc.font(R).fontSize(9.5);
    const h = d.heightOfString(s, { width: this.width - 16 }) + 8;
    this.need(h);
    d.save().rect(this.left, this.y, this.width, h).fill('#fff8e1').restore();
    d.save().rect(this.left, this.y, 3, h).fill('#d69e2e').restore();
    d.fillColor('#1a202c').text(s, this.left + 10, this.y + 4, { width: this.width - 16 });
    this.y += h + 6;
  }
}

function drawTable(l: Layout, t: Table, f: Formatter, caption: boolean): void {
  const { doc } = l;
  const total = t.columns.reduce((s, c) => s + (c.width ?? 1), 0);
  const widths = t.columns.map((c) => ((c.width ?? 1) / total) * l.width);
  const size = t.columns.length > 8 ? 6.5 : 8;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((s, i) => doc.heightOfString(s || ' ', { width: (widths[i] ?? 20) - 4 }))) + 3;
  };
  const drawRow = (cells: string[], font: string, h: number, fill?: string) => {
    if (fill) doc.save().rect(l.left, l.y, l.width, h).fill(fill).restore();
    let x = l.left;
    doc.font(font).fontSize(size).fillColor('#1a202c');
    cells.forEach((s, i) => {
      const w = widths[i] ?? 20;
      const numeric = t.columns[i]?.kind !== 'text';
      doc.text(s, x + 2, l.y + 1.5, { width: w - 4, align: numeric && font === R ? 'right' : 'left' });
      x += w;
    });
    doc.save().moveTo(l.left, l.y + h).lineTo(l.left + l.width, l.y + h).lineWidth(0.4).stroke('#cbd5e0').restore();
    l.y += h;
  };
  const header = t.columns.map((c) => c.label);
  const headerH = rowHeight(header, B);
  l.need(headerH * 2 + 16);
  if (caption) {
    doc.font(B).fontSize(9).fillColor('#1a202c').text(t.title, l.left, l.y, { width: l.width });
    l.y += doc.heightOfString(t.title, { width: l.width }) + 2;
  }
  drawRow(header, B, headerH, '#edf2f7');
  for (const r of t.rows) {
    const cells = r.map((v, i) => f.cell(v, t.columns[i]?.kind ?? 'text'));
    const h = rowHeight(cells, R);
    if (l.y + h > l.bottom) {
      l.newPage();
      drawRow(header, B, headerH, '#edf2f7');
    }
    drawRow(cells, R, h);
  }
  l.y += 10;
}

function drawBlock(l: Layout, b: Block, f: Formatter, lastHeading: string): void {
  switch (b.kind) {
    case 'heading':
      l.need(b.level === 1 ? 120 : 80);
      l.y += b.level === 1 ? 8 : 4;
      l.text(b.text, B, b.level === 1 ? 14 : 11.5, { color: '#1a365d', gap: 4 });
      return;
    case 'paragraph': return l.text(b.text, R, 10);
    case 'note': return l.note(b.text);
    case 'table': if (b.rows.length) drawTable(l, b, f, b.title !== lastHeading); return;
    case 'chart': {
      const scale = l.width / b.chart.width;
      const h = b.chart.height * scale;
      l.need(h);
      drawSvg(l.doc, renderSvg(b.chart), l.left, l.y, scale, { regular: R, bold: B });
      l.y += h + 8;
      return;
    }
    case 'pageBreak': if (l.y > MARGIN) l.newPage(); return;
  }
}

export function renderPdf(doc: ReportDoc, generatedAt: string): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true, lang: doc.lang, displayTitle: true,
    info: { Title: doc.title, Author: 'socialbench', Creator: 'socialbench', CreationDate: new Date(generatedAt) },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(R, FONTS.regular);
  pdf.registerFont(B, FONTS.bold);
  const f = formatter(doc.lang);
  const l = new Layout(pdf);
  l.text(doc.title, B, 17, { color: '#1a365d', gap: 2 });
  l.text(doc.subtitle, R, 10.5, { color: '#4a5568' });
  for (const n of doc.notes) l.note(n);
  let lastHeading = '';
  for (const b of doc.blocks) {
    drawBlock(l, b, f, lastHeading);
    if (b.kind === 'heading') lastHeading = b.text;
  }
  const footer = `socialbench · ${messages(doc.lang).generatedAt}: ${generatedAt}`;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing into the bottom margin must not start a new page.
    pdf.page.margins.bottom = 0;
    pdf.font(R).fontSize(7.5).fillColor('#718096');
    pdf.text(footer, MARGIN, pdf.page.height - 30, { lineBreak: false });
    const pageNo = `${i + 1} / ${range.count}`;
    pdf.text(pageNo, pdf.page.width - MARGIN - pdf.widthOfString(pageNo), pdf.page.height - 30, { lineBreak: false });
  }
  pdf.end();
  return done;
}
