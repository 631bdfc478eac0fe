// The metric definitions (METRICS.md) in Indonesian and English: the one text every report's methodology shows.
// Lists that the code also uses (engagement formulas, visual and video types, pillars) are read from core,
// so the appendix cannot drift from the computation.
import { ENGAGEMENT_FORMULA, PILLARS, VIDEO_TYPES, VISUAL_TYPES } from '../core/metrics/index.ts';
import { PLATFORMS, platformDisplayName } from '../core/platforms.ts';
import type { ReportLang } from './locales/index.ts';

export interface Definition {
  /** The metric or concept as named in the JSON API and METRICS.md. */
  key: string;
  text: Record<ReportLang, string>;
}

const list = (xs: Iterable<string>) => [...xs].join(', ');
const COUNT_ID: Record<string, string> = { likes: 'suka', comments: 'komentar', shares: 'bagikan', quotes: 'kutipan', saves: 'simpan' };
const formula = (lang: ReportLang) =>
  PLATFORMS.map((p) => `${platformDisplayName(p, '9999-12-31')}: ${ENGAGEMENT_FORMULA[p].map((c) => (lang === 'id' ? (COUNT_ID[c] ?? c) : c)).join(' + ')}`).join('; ');

export const DEFINITIONS: Definition[] = [
  { key: 'period', text: {
    en: "A date is a calendar day in the organisation's IANA time zone. A period [from, to] is inclusive: days = to - from + 1. A post belongs to the local date of its publication instant. The previous period has the same number of days and ends the day before `from`.",
    id: 'Tanggal adalah hari kalender di zona waktu IANA organisasi. Periode [dari, sampai] inklusif: hari = sampai - dari + 1. Unggahan masuk ke tanggal setempat saat diterbitkan. Periode sebelumnya memiliki jumlah hari yang sama dan berakhir sehari sebelum `dari`.' } },
  { key: 'followers', text: {
    en: 'followers(a, d): the follower (YouTube: subscriber) count of the latest snapshot of account a dated on or before d; unknown if there is none. start = followers(from), end = followers(to); without a count before the period, start is the earliest count inside it (baseline "partial").',
    id: 'followers(a, d): jumlah follower (YouTube: subscriber) dari snapshot terakhir akun a pada atau sebelum tanggal d; tidak diketahui bila tidak ada. awal = followers(dari), akhir = followers(sampai); tanpa angka sebelum periode, awal adalah angka pertama di dalam periode (baseline "partial").' } },
  { key: 'growth', text: {
    en: 'growth = end - start; growth_pct = growth / start x 100 (none when start is 0 or unknown); weekly_growth_pct = ((end / start)^(7 / span) - 1) x 100 with span = to - from in days.',
    id: 'pertumbuhan = akhir - awal; growth_pct = pertumbuhan / awal x 100 (kosong bila awal 0 atau tidak diketahui); weekly_growth_pct = ((akhir / awal)^(7 / rentang) - 1) x 100 dengan rentang = sampai - dari dalam hari.' } },
  { key: 'posts_per_week', text: {
    en: 'posts: the posts whose local date is in the period; posts_per_week = posts / days x 7.',
    id: 'unggahan: unggahan yang tanggal setempatnya di dalam periode; posts_per_week = unggahan / hari x 7.' } },
  { key: 'visual_share', text: {
    en: `visual_share = 100 x posts of type ${list(VISUAL_TYPES)} / posts; video_share = 100 x posts of type ${list(VIDEO_TYPES)} / posts; none without posts.`,
    id: `visual_share = 100 x unggahan berjenis ${list(VISUAL_TYPES)} / unggahan; video_share = 100 x unggahan berjenis ${list(VIDEO_TYPES)} / unggahan; kosong bila tidak ada unggahan.` } },
  { key: 'engagements', text: {
    en: `A post's counts are those of its latest measurement; engagements use public counts only: ${formula('en')}. A missing count is 0; if all are missing the post has no engagements.`,
    id: `Angka sebuah unggahan adalah pengukuran terakhirnya; engagement hanya memakai angka publik: ${formula('id')}. Angka yang hilang dihitung 0; bila semuanya hilang, unggahan tidak memiliki engagement.` } },
  { key: 'er', text: {
    en: 'er_post = engagements / followers on the post\'s local date x 100. ER of a period (method "mean", the default) is the mean of er_post over the posts that have one; engagements_per_post = sum of engagements / posts with engagements.',
    id: 'er_post = engagement / follower pada tanggal unggahan x 100. ER suatu periode (metode "mean", bawaan) adalah rata-rata er_post dari unggahan yang memilikinya; engagements_per_post = jumlah engagement / unggahan yang memiliki engagement.' } },
  { key: 'mention_share', text: {
    en: 'A mention is an @ at the start of the text or after a character that is not a letter, digit, _ or ., followed by a handle. mention_share = 100 x posts that mention an account other than their own / posts; accounts_mentioned = distinct handles mentioned.',
    id: 'Sebutan adalah @ di awal teks atau setelah karakter yang bukan huruf, angka, _ atau ., diikuti nama akun. mention_share = 100 x unggahan yang menyebut akun selain akunnya sendiri / unggahan; accounts_mentioned = jumlah akun berbeda yang disebut.' } },
  { key: 'organisation', text: {
    en: 'For an organisation on one platform, followers, start, end, growth and posts are sums over its accounts there; ER and the shares pool all their posts. Across platforms only followers are added ("total audience").',
    id: 'Untuk organisasi di satu platform, follower, awal, akhir, pertumbuhan dan unggahan dijumlahkan atas akun-akunnya; ER dan porsi menggabungkan semua unggahannya. Antarplatform hanya follower yang dijumlahkan ("total audiens").' } },
  { key: 'rank', text: {
    en: 'Participants of a metric: the group\'s organisations with a value for it on the platform. rank: competition ranking, highest first, ties share the lowest rank (1, 2, 2, 4). percentile = (below + 0.5 x equal) / n x 100. z = (value - mean) / sd (population sd).',
    id: 'Peserta suatu metrik: organisasi dalam grup yang memiliki nilai metrik itu di platform tersebut. peringkat: peringkat kompetisi, tertinggi pertama, nilai sama berbagi peringkat terendah (1, 2, 2, 4). persentil = (di bawah + 0,5 x sama) / n x 100. z = (nilai - rata-rata) / sd (sd populasi).' } },
  { key: 'quartiles', text: {
    en: 'Group statistics: n, min, q1, median, q3, max, mean, sd; quartiles interpolate linearly at position (n - 1) x q of the sorted values (as R, NumPy and spreadsheets do). Box plots show min, q1, median, q3 and max.',
    id: 'Statistik grup: n, min, k1, median, k3, maks, rata-rata, sd; kuartil diinterpolasi linear pada posisi (n - 1) x q dari nilai terurut (seperti R, NumPy dan spreadsheet). Diagram kotak menampilkan min, k1, median, k3 dan maks.' } },
  { key: 'composite', text: {
    en: `Composite index on a platform: the mean of the organisation's percentiles over the pillars it has a value for (${list(PILLARS)}), equal weights. The cross-platform composite is the mean of its platform composites.`,
    id: `Indeks komposit di satu platform: rata-rata persentil organisasi atas pilar yang memiliki nilai (${list(PILLARS)}), bobot sama. Komposit lintas platform adalah rata-rata komposit platformnya.` } },
  { key: 'platform_names', text: {
    en: 'Platforms are named as they were called at the end of the period: X was "Twitter" until 2023-07-23 and "X" from 2023-07-24.',
    id: 'Platform dinamai sesuai namanya pada akhir periode: X bernama "Twitter" hingga 23-07-2023 dan "X" sejak 24-07-2023.' } },
];

export function definitions(lang: ReportLang): { key: string; text: string }[] {
  return DEFINITIONS.map((d) => ({ key: d.key, text: d.text[lang] }));
}
