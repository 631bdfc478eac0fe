// Texts of the network practice report in Indonesian and English (the other reports' texts are in locales/).
import type { ReportLang } from './locales/index.ts';

const en = {
  title: 'Network practice report',
  period: 'Assessment period',
  summary: (members: number, assessed: number, staged: number) =>
    `${members} members; ${assessed} assessed their practice for this period, ${staged} of them answered enough practices to be given a stage.`,
  medianLine: (median: string, q1: string, q3: string) => `Median maturity ${median} (quartiles ${q1} – ${q3}) on a scale of 0 to 100.`,
  stages: 'Maturity stages',
  stagesIntro:
    'The maturity score is the weighted mean of the declared levels, each divided by the highest level of its practice, times 100. Stages follow Mergel and Bretschneider (2013): experimentation below 40, order from 40, institutionalisation from 70. A stage needs answers to at least half of the practices.',
  distribution: 'Levels declared per practice',
  peers: 'Peer groups',
  membersTitle: 'Members',
  outcomes: 'Practice and outcome',
  outcomesIntro: (metric: string, platform: string, from: string, to: string, min: number) =>
    `Outcome: ${metric} on ${platform}, ${from} – ${to}. For each practice: the outcome of members at each level (n, median, quartiles) and Spearman's rank correlation with a 95% bootstrap interval. Hidden when fewer than ${min} members have both a level and an outcome.`,
  byLevel: 'Outcome by level',
  hidden: 'hidden',
  noOutcome: 'No outcome figures: the members have no accounts with data on this platform.',
  cases: 'Good-practice library',
  noCases: 'No case pages are published yet.',
  illustrates: 'Illustrates',
  notAssessed: 'not assessed',
  noStage: 'too few answers',
  col: {
    practice: 'Practice', level: 'Level', unanswered: 'Not answered', group: 'Group', members: 'Members', n: 'n',
    median: 'Median', q1: 'Q1', q3: 'Q3', org: 'Code', name: 'Organisation', score: 'Score', stage: 'Stage',
    percentile: 'Percentile', answered: 'Answered', rho: 'rho', low: 'CI low', high: 'CI high', shown: 'Shown', count: 'Members',
  },
};

export type PracticeTexts = typeof en;

const id: PracticeTexts = {
  title: 'Laporan praktik jejaring',
  period: 'Periode penilaian',
  summary: (members, assessed, staged) =>
    `${members} anggota; ${assessed} menilai praktiknya untuk periode ini, ${staged} di antaranya menjawab cukup banyak praktik untuk diberi tahap.`,
  medianLine: (median, q1, q3) => `Median kematangan ${median} (kuartil ${q1} – ${q3}) pada skala 0 sampai 100.`,
  stages: 'Tahap kematangan',
  stagesIntro:
    'Skor kematangan adalah rata-rata berbobot dari level yang dinyatakan, masing-masing dibagi level tertinggi praktiknya, dikali 100. Tahap mengikuti Mergel dan Bretschneider (2013): eksperimen di bawah 40, penataan mulai 40, pelembagaan mulai 70. Tahap perlu jawaban untuk paling sedikit separuh praktik.',
  distribution: 'Level yang dinyatakan per praktik',
  peers: 'Kelompok sebaya',
  membersTitle: 'Anggota',
  outcomes: 'Praktik dan hasil',
  outcomesIntro: (metric, platform, from, to, min) =>
    `Hasil: ${metric} di ${platform}, ${from} – ${to}. Untuk setiap praktik: hasil anggota pada setiap level (n, median, kuartil) dan korelasi peringkat Spearman dengan interval bootstrap 95%. Disembunyikan bila kurang dari ${min} anggota punya level dan hasil.`,
  byLevel: 'Hasil per level',
  hidden: 'disembunyikan',
  noOutcome: 'Tidak ada angka hasil: anggota tidak punya akun dengan data di platform ini.',
  cases: 'Pustaka praktik baik',
  noCases: 'Belum ada halaman kasus yang diterbitkan.',
  illustrates: 'Menggambarkan',
  notAssessed: 'belum menilai',
  noStage: 'jawaban terlalu sedikit',
  col: {
    practice: 'Praktik', level: 'Level', unanswered: 'Tidak dijawab', group: 'Kelompok', members: 'Anggota', n: 'n',
    median: 'Median', q1: 'K1', q3: 'K3', org: 'Kode', name: 'Organisasi', score: 'Skor', stage: 'Tahap',
    percentile: 'Persentil', answered: 'Dijawab', rho: 'rho', low: 'IK bawah', high: 'IK atas', shown: 'Tampil', count: 'Anggota',
  },
};

export function practiceTexts(lang: ReportLang): PracticeTexts {
  return lang === 'id' ? id : en;
}
