import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeDeps, SYSTEM, type Deps } from '../actions/context.ts';
import { buildReport } from '../actions/reports.ts';
import { loadDemo } from '../demo/load.ts';
import { createTestDb, type TestDb } from '../testing/db.ts';
import { addPost } from '../testing/fixtures.ts';
import { launchBrowser } from '../web/e2e/harness.ts';
import { DEFINITIONS } from './methodology.ts';
import { pdfPages, pdfText } from './look.ts';

const XSS = '=HYPERLINK("http://evil") <script>alert(1)</script> <img src=x onerror=alert(1)>';
const OCT = { from: '2026-10-01', to: '2026-10-31' };
let db: TestDb;
let deps: Deps;

beforeAll(async () => {
  db = await createTestDb();
  deps = makeDeps(db);
  await loadDemo(db, { scale: 0.05, today: '2026-11-27' });
  // A post with an attack in its text and so many likes that it heads the top posts.
  await addPost(deps, 'instagram', 'bsn_sni', '2026-10-15T03:00:00.000Z', 'image', XSS, [{ likes: 9_000_000, comments: 1 }]);
});
afterAll(async () => db.drop());

const evaluation = (format: string, extra: Record<string, string> = {}) =>
  buildReport(SYSTEM, { kind: 'evaluation', params: { org: 'BSN', ...OCT, lang: 'id', ...extra }, format }, deps);

describe('evaluation pack', () => {
  it('PDF: A4 pages with drawings and the figures in Indonesian, in the house style', async () => {
    const r = await buildReport(SYSTEM, { kind: 'evaluation', params: { org: 'BSN', from: '2019-01-01', to: '2019-08-09', lang: 'id' }, format: 'pdf' }, deps);
    expect(r.contentType).toBe('application/pdf');
    expect(r.filename).toBe('evaluation-BSN-2019-01-01-2019-08-09-id.pdf');
    const pages = pdfPages(r.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const p of pages) {
      expect(p.width / p.height).toBeCloseTo(210 / 297, 2);
      expect(p.ink).toBeGreaterThan(0.005);
      expect(p.variance).toBeGreaterThan(50);
    }
    const text = pdfText(r.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Hingga Agustus 2019, jumlah follower untuk akun Facebook BSN sejumlah 8.470 follower');
    expect(text).toContain('Twitter BSN sejumlah 13.300 follower');
    expect(text).toContain('Angka-angka ini sintetis (data demo).');
    expect(text).toContain('dilaporkan BSN (angka nyata)');
    expect(text).toMatch(/Instagram 52\.300 76\.670 \+24\.370 \+46,60/);
    expect(text).toContain('Metodologi');
  });

  it('HTML: one self-contained file, every chart an inline SVG, untrusted text shown as text', async () => {
    const r = await evaluation('html');
    const html = r.bytes.toString('utf8');
    expect(html).not.toMatch(/<script|<img|src="http|<link/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.setContent(html, { waitUntil: 'load' });
      const body = await page.locator('body').innerText();
      expect(body).toContain('Hingga Oktober 2026, jumlah follower untuk akun Facebook BSN sejumlah');
      expect(body).toContain('Angka-angka ini sintetis (data demo).');
      expect(body).toContain('<script>alert(1)</script> <img src=x onerror=alert(1)>');
      expect(body).toContain('X BSN');
      const charts = await page.locator('figure[data-chart] > svg').count();
      expect(charts).toBe(7);
      expect(await page.locator('figure[data-chart] svg path').count()).toBeGreaterThan(100);
      expect(await page.locator('img, script').count()).toBe(0);
      await page.waitForTimeout(100);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('XLSX: a sheet per table, numbers as numbers, formula-like text neutralised', async () => {
    const r = await evaluation('xlsx', { lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Overview', 'Followers and growth', 'Top posts', 'Change against the previous', 'Methodology']));
    expect(wb.getWorksheet('Overview')?.getCell('A3').value).toBe('Figures are synthetic (demo data).');
    const top = wb.getWorksheet('Top posts');
    expect(String(top?.getCell('E2').value)).toBe(`'${XSS}`);
    expect(typeof top?.getCell('F2').value).toBe('number');
    const followers = wb.getWorksheet('Followers and growth');
    expect(followers?.getCell('A2').value).toBe('Facebook');
    expect(typeof followers?.getCell('C2').value).toBe('number');
  });

  it('CSV: one file of sections, unrounded numbers, neutralised text', async () => {
    const r = await evaluation('csv', { lang: 'en' });
    const text = r.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('[followers],Followers and growth');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")`);
    expect(text).toMatch(/\[top-posts\].*\r\nDate,Platform,Handle,Type,Text,Engagements,ER %\r\n/);
  });
});

describe('network benchmark', () => {
  it('has league tables, box plots, one page per member and the methodology from the shared definitions', async () => {
    const params = { group: 'ISO', from: '2026-01-01', to: '2026-10-31', lang: 'en' };
    const pdf = await buildReport(SYSTEM, { kind: 'benchmark', params, format: 'pdf' }, deps);
    const pages = pdfPages(pdf.bytes);
    // 8 members at this scale: a page each, plus ranking, league tables, distributions, methodology.
    expect(pages.length).toBeGreaterThanOrEqual(8 + 3);
    for (const p of pages) expect(p.ink).toBeGreaterThan(0.003);
    const text = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    expect(text).toContain('Member profile: Badan Standardisasi Nasional (BSN)');
    expect(text).toContain('League table: Instagram');
    expect(text).toContain('Figures are synthetic (demo data).');
    for (const d of DEFINITIONS) expect(text).toContain(d.text.en.slice(0, 40).replace(/\s+/g, ' '));

    const html = (await buildReport(SYSTEM, { kind: 'benchmark', params: { ...params, platforms: 'instagram,x', lang: 'id' }, format: 'html' }, deps)).bytes.toString('utf8');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      expect(await page.locator('figure[data-chart^="box-"] > svg').count()).toBe(5);
      expect(await page.locator('figure[data-chart="composite-bar"] > svg').count()).toBe(1);
      const body = await page.locator('body').innerText();
      expect(body).toContain('Klasemen: X');
      expect(body).not.toContain('Klasemen: Facebook');
      expect(body).toContain('Metodologi');
    } finally {
      await browser.close();
    }
  });
});
