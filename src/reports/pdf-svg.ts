// Draws the SVG that ECharts renders (paths, rects, circles, text; groups with transforms) onto a pdfkit page,
// so the PDF carries the same vector charts as the HTML. Covers the subset ECharts' SVG renderer emits.
import type PDFKit from 'pdfkit';

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([a-zA-Z_:-]+)="([^"]*)"/g)) if (m[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  return out;
}

function multiply(a: Matrix, b: Matrix): Matrix {
  return [a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1], a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3], a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5]];
}

export function parseTransform(t: string | undefined): Matrix {
  let m: Matrix = IDENTITY;
  if (!t) return m;
  for (const f of t.matchAll(/(matrix|translate|scale|rotate)\(([^)]*)\)/g)) {
    const n = (f[2] ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
    const [a = 0, b, c, d, e, g] = n;
    let x: Matrix = IDENTITY;
    if (f[1] === 'matrix') x = [a, b ?? 0, c ?? 0, d ?? 0, e ?? 0, g ?? 0];
    else if (f[1] === 'translate') x = [1, 0, 0, 1, a, b ?? 0];
    else if (f[1] === 'scale') x = [a, 0, 0, b ?? a, 0, 0];
    else {
      const r = (a * Math.PI) / 180;
      x = [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0];
    }
    m = multiply(m, x);
  }
  return m;
}

/** '#abc', '#aabbcc', 'rgb(…)', 'rgba(…)' -> [hex, alpha]; undefined for none or transparent. */
export function parseColor(c: string | undefined): [string, number] | undefined {
  if (!c || c === 'none' || c === 'transparent') return undefined;
  const rgb = /^rgba?\(([^)]*)\)$/.exec(c.trim());
  if (rgb) {
    const [r = 0, g = 0, b = 0, a = 1] = (rgb[1] ?? '').split(',').map((x) => Number(x.trim()));
    const hex = `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    return a <= 0 ? undefined : [hex, a];
  }
  return [c.trim(), 1];
}

function styleValue(style: string | undefined, key: string): string | undefined {
  return style ? new RegExp(`${key}:\\s*([^;]+)`).exec(style)?.[1]?.trim() : undefined;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&amp;': '&' };
const unescape = (s: string) => s.replace(/&(lt|gt|quot|#39|apos|amp);/g, (e) => ENTITIES[e] ?? e);

const BASELINES: Record<string, 'middle' | 'top' | 'bottom' | 'alphabetic' | 'hanging'> = {
  central: 'middle', middle: 'middle', hanging: 'hanging', 'text-before-edge': 'top', 'text-after-edge': 'bottom', ideographic: 'bottom',
};

export interface SvgFonts {
  regular: string;
  bold: string;
}

function paint(doc: PDFKit.PDFDocument, a: Record<string, string>, draw: () => void): void {
  const opacity = Number(a.opacity ?? 1);
  const fill = parseColor(a.fill ?? (a.d !== undefined ? 'black' : undefined));
  const stroke = parseColor(a.stroke);
  const fillAlpha = (fill?.[1] ?? 1) * Number(a['fill-opacity'] ?? 1) * opacity;
  const strokeAlpha = (stroke?.[1] ?? 1) * Number(a['stroke-opacity'] ?? 1) * opacity;
  const doFill = fill !== undefined && fillAlpha > 0;
  const doStroke = stroke !== undefined && strokeAlpha > 0 && Number(a['stroke-width'] ?? 1) > 0;
  if (!doFill && !doStroke) return;
  draw();
  if (doStroke) doc.lineWidth(Number(a['stroke-width'] ?? 1)).lineJoin(a['stroke-linejoin'] === 'bevel' ? 'bevel' : 'miter');
  if (doFill) doc.fillOpacity(fillAlpha);
  if (doStroke) doc.strokeOpacity(strokeAlpha);
  if (doFill && doStroke && fill && stroke) doc.fillAndStroke(fill[0], stroke[0]);
  else if (doFill && fill) doc.fill(fill[0]);
  else if (stroke) doc.stroke(stroke[0]);
}

/** Draws `svg` with its top-left corner at (x, y), scaled by `scale`. */
export function drawSvg(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, scale: number, fonts: SvgFonts): void {
  const stack: Matrix[] = [[scale, 0, 0, scale, x, y]];
  let skip = 0;
  const re = /<(\/?)([a-zA-Z]+)((?:[^>"]|"[^"]*")*?)(\/?)>([^<]*)/g;
  for (const m of svg.matchAll(re)) {
    const [, closing, tag = '', rawAttrs = '', selfClosing, content = ''] = m;
    if (tag === 'defs' || tag === 'style' || tag === 'clipPath') {
      if (closing) skip--;
      else if (!selfClosing) skip++;
      continue;
    }
    if (skip > 0) continue;
    const top = stack[stack.length - 1] ?? IDENTITY;
    if (tag === 'g') {
      if (closing) stack.pop();
      else if (!selfClosing) stack.push(multiply(top, parseTransform(attrs(rawAttrs).transform)));
      continue;
    }
    if (closing) continue;
    const a = attrs(rawAttrs);
    const t = multiply(top, parseTransform(a.transform));
    doc.save();
    doc.transform(...t);
    if (tag === 'path' && a.d) paint(doc, a, () => doc.path(a.d ?? ''));
    else if (tag === 'rect') paint(doc, { ...a, fill: a.fill ?? 'black' }, () => doc.rect(Number(a.x ?? 0), Number(a.y ?? 0), Number(a.width ?? 0), Number(a.height ?? 0)));
    else if (tag === 'circle') paint(doc, { ...a, fill: a.fill ?? 'black' }, () => doc.circle(Number(a.cx ?? 0), Number(a.cy ?? 0), Number(a.r ?? 0)));
    else if (tag === 'text' && content.trim()) drawText(doc, a, unescape(content), fonts);
    doc.restore();
  }
}

function drawText(doc: PDFKit.PDFDocument, a: Record<string, string>, text: string, fonts: SvgFonts): void {
  const size = Number.parseFloat(styleValue(a.style, 'font-size') ?? '12');
  const weight = styleValue(a.style, 'font-weight');
  const fill = parseColor(a.fill ?? 'black');
  if (!fill) return;
  doc.font(weight === 'bold' || Number(weight) >= 600 ? fonts.bold : fonts.regular).fontSize(size).fillColor(fill[0], fill[1]);
  const width = doc.widthOfString(text);
  const anchor = a['text-anchor'];
  const x = Number(a.x ?? 0) - (anchor === 'end' ? width : anchor === 'middle' ? width / 2 : 0);
  doc.text(text, x, Number(a.y ?? 0), { lineBreak: false, baseline: BASELINES[a['dominant-baseline'] ?? ''] ?? 'alphabetic' });
}
