// Writes the XLSX originals of the .xls fixtures with exceljs, then converts each to Excel 97-2003 with
// LibreOffice (needed only to regenerate; not by the project or CI):
//   npx tsx src/ingest/testdata/xls/make-fixtures.ts   (needs `soffice` on PATH)
// Every value is invented.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const DIR = import.meta.dirname;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function save(name: string, fill: (wb: ExcelJS.Workbook) => void, date1904 = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  fill(wb);
  await wb.xlsx.writeFile(join(DIR, `${name}.xlsx`));
}

await save('linkedin-content', (wb) => {
  const m = wb.addWorksheet('Metrics');
  m.addRow(['Aggregated metrics for all posts in the selected date range (sheet note row; wording varies)']);
  m.addRow(['Date', 'Impressions (organic)', 'Impressions (sponsored)', 'Impressions (total)', 'Unique impressions (organic)', 'Clicks (organic)', 'Clicks (sponsored)', 'Clicks (total)', 'Reactions (organic)', 'Reactions (sponsored)', 'Reactions (total)', 'Comments (organic)', 'Comments (sponsored)', 'Comments (total)', 'Reposts (organic)', 'Reposts (sponsored)', 'Reposts (total)', 'Engagement rate (organic)', 'Engagement rate (sponsored)', 'Engagement rate (total)']);
  // Typed date cells, as in an export opened and saved by Excel.
  m.addRow([day('2026-09-14'), 1820, 0, 1820, 1203, 41, 0, 41, 37, 0, 37, 4, 0, 4, 2, 0, 2, 0.0462, 0, 0.0462]);
  m.addRow([day('2026-09-15'), 4390, 0, 4390, 2977, 163, 0, 163, 118, 0, 118, 11, 0, 11, 9, 0, 9, 0.0686, 0, 0.0686]);
  m.addRow([day('2026-09-16'), 2210, 0, 2210, 1548, 58, 0, 58, 49, 0, 49, 3, 0, 3, 1, 0, 1, 0.0502, 0, 0.0502]);
  m.getColumn(1).numFmt = 'mm/dd/yyyy';
  const p = wb.addWorksheet('All posts');
  p.addRow(['All posts published in the selected date range (sheet note row; wording varies)']);
  p.addRow(['Post title', 'Post link', 'Post type', 'Campaign name', 'Posted by', 'Created date', 'Campaign start date', 'Campaign end date', 'Audience', 'Impressions', 'Views', 'Offsite Views', 'Clicks', 'Click through rate (CTR)', 'Likes', 'Comments', 'Reposts', 'Follows', 'Engagement rate', 'Content Type']);
  // Dates as text MM/DD/YYYY, as LinkedIn writes them.
  p.addRow(['Kopi Senja Nusantara membuka gerai ke-12 di Bandung. Terima kasih untuk 40.000 pelanggan setia kami!', 'https://www.linkedin.com/feed/update/urn:li:activity:7505453114197016577', 'Organic', null, 'Rina Hartono', '09/15/2026', null, null, 'All followers', 3980, null, null, 141, 0.0354, 102, 9, 7, 3, 0.0658, null]);
  p.addRow(['Di balik layar: bagaimana kami bekerja langsung dengan petani kopi Gayo', 'https://www.linkedin.com/feed/update/urn:li:activity:7505839313127473154', 'Organic', null, 'Kopi Senja Nusantara', '09/16/2026', null, null, 'All followers', 2105, 812, 0, 55, 0.0261, 46, 3, 1, 0, 0.0499, 'Video']);
  p.addRow(['Kami sedang merekrut Head Barista untuk gerai Jakarta Selatan', 'https://www.linkedin.com/feed/update/urn:li:activity:7505176592125001731', 'Organic', null, 'Rina Hartono', '09/14/2026', null, null, 'All followers', 1772, null, null, 39, 0.022, 35, 4, 2, 1, 0.0457, null]);
});

await save('linkedin-followers', (wb) => {
  const s = wb.addWorksheet('New followers');
  s.addRow(['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers']);
  s.addRow(['09/14/2026', 0, 12, 0, 12]);
  s.addRow(['09/15/2026', 0, 47, 2, 49]);
  s.addRow(['09/16/2026', 3, 19, 0, 22]);
});

const emoji = 'Kopi ☕ enak sekali 😀🇮🇩 ';
const indonesian = 'Selamat pagi, Nusantara! Kami menyeduh kopi Gayo, Toraja dan Kintamani setiap hari. ';
await save('types', (wb) => {
  const s = wb.addWorksheet('Types');
  s.addRow(['kind', 'value', 'second']);
  s.addRow(['integer', 42, -7]);
  s.addRow(['decimal', 3.14159, 0.0354]);
  s.addRow(['large', 123456789012, 1e-7]);
  s.addRow(['date', day('2026-09-15'), day('1900-03-01')]);
  s.getCell('B5').numFmt = 'yyyy-mm-dd';
  s.getCell('C5').numFmt = 'd-mmm-yy';
  s.addRow(['datetime', new Date('2026-09-15T10:30:00Z'), new Date('1899-12-30T18:00:00Z')]);
  s.getCell('B6').numFmt = 'yyyy-mm-dd hh:mm';
  s.getCell('C6').numFmt = 'hh:mm';
  s.addRow(['boolean', true, false]);
  s.addRow(['formula', { formula: 'B2*2', result: 84 }, { formula: 'A2&"!"', result: 'integer!' }]);
  s.addRow(['formula2', { formula: 'B2>1', result: true }, { formula: '1/0', result: { error: '#DIV/0!' } }]);
  s.addRow(['formula date', { formula: 'B5+1', result: day('2026-09-16') }, { formula: 'B2*0.5', result: 21 }]);
  s.getCell('B10').numFmt = 'yyyy-mm-dd';
  s.addRow(['Indonesian', indonesian.trim(), 'Jl. Merdeka No. 5, Bandung — “kopi” ✓']);
  s.addRow(['emoji', emoji.trim(), '👩🏽‍💻']);
  s.addRow(['long unicode', (indonesian + emoji).repeat(40), 'after']);
  s.addRow(['long ascii', 'abcdefghij'.repeat(850), 'after']);
  s.addRow(['gap', null, 'third']);
  s.addRow([]);
  s.addRow(['after empty row', 1]);
  // Many short strings, so the shared-string table spans several CONTINUE records.
  for (let i = 0; i < 60; i++) s.addRow([`row ${i}`, `nilai ${i} ${'é'.repeat(i % 7)}${i % 5 === 0 ? '😀' : ''}`, i * 1.5]);
  wb.addWorksheet('Kosong');
  const l = wb.addWorksheet('Last');
  l.addRow(['x']);
});

await save('snapshots', (wb) => {
  const s = wb.addWorksheet('snapshots');
  s.addRow(['platform', 'handle', 'date', 'followers', 'following']);
  s.addRow(['linkedin', 'kopi-senja', day('2026-09-14'), 1520, null]);
  s.addRow(['linkedin', 'kopi-senja', day('2026-09-15'), 1569, 12]);
  s.getColumn(3).numFmt = 'yyyy-mm-dd';
});

await save('date1904', (wb) => {
  const s = wb.addWorksheet('Dates');
  s.addRow(['date', day('2026-09-15')]);
  s.addRow(['datetime', new Date('2026-09-15T10:30:00Z')]);
  s.getCell('B1').numFmt = 'yyyy-mm-dd';
  s.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
}, true);

const out = mkdtempSync(join(tmpdir(), 'xls-'));
try {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));
  // Recalculate formulas on load, so the .xls holds computed results (string results included).
  mkdirSync(join(out, 'profile/user'), { recursive: true });
  writeFileSync(
    join(out, 'profile/user/registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
  );
  execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'xls', '--outdir', out, ...names.map((n) => join(DIR, n))], { stdio: 'inherit' });
  for (const n of names) renameSync(join(out, n.replace(/\.xlsx$/, '.xls')), join(DIR, n.replace(/\.xlsx$/, '.xls')));
} finally {
  rmSync(out, { recursive: true, force: true });
}
