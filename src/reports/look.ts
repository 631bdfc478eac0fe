// Test support for looking at rendered reports as a reader would: PDF pages as pixels (pdftoppm), PDF
// text (pdftotext), HTML in Chromium. Needs poppler-utils and Chromium (.ci/run installs them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PageLook {
  width: number;
  height: number;
  /** Share of pixels that are not near-white, 0..1. */
  ink: number;
  /** Variance of the grey values. */
  variance: number;
}

/** Every page of a PDF rasterised in grey at `dpi`, with how much is drawn on it. */
export function pdfPages(pdf: Buffer, dpi = 30): PageLook[] {
  const dir = mkdtempSync(join(tmpdir(), 'sb-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', join(dir, 'r.pdf'), join(dir, 'p')]);
    return readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => pgmLook(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pgmLook(b: Buffer): PageLook {
  // P5 <w> <h> <max> then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(b.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const px = b.subarray(header[0].length);
  let sum = 0;
  let sq = 0;
  let ink = 0;
  for (const v of px) {
    sum += v;
    sq += v * v;
    if (v < 200) ink++;
  }
  const mean = sum / px.length;
  return { width, height, ink: ink / px.length, variance: sq / px.length - mean * mean };
}

export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
