// The default practice framework: eleven practices from the BSN case and public guidance (practice-frameworks.md).
import type { Bilingual, Framework, Practice, PracticeArea } from './framework.ts';

/** Indonesian first, as the product's first users write it. */
function t(id: string, en: string): Bilingual {
  return { id, en };
}

interface Draft {
  id: string;
  area: PracticeArea;
  evidenceExpected: boolean;
  name: Bilingual;
  description: Bilingual;
  /** Levels 0, 1, 2, 3 in order. */
  levels: [Bilingual, Bilingual, Bilingual, Bilingual];
  sources: string[];
  outcomeOverlap?: string[];
}

// Equal weights by default, like the composite index: nothing in the sources ranks one practice above another.
function practice(d: Draft): Practice {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    area: d.area,
    weight: 1,
    evidenceExpected: d.evidenceExpected,
    levels: d.levels.map((description, level) => ({ level, description })),
    sources: d.sources,
    outcomeOverlap: d.outcomeOverlap ?? [],
  };
}

const PRACTICES: Practice[] = [
  practice({
    id: 'team_ownership', area: 'organisation', evidenceExpected: true,
    name: t('Tim dan pemegang akun', 'Team and account ownership'),
    description: t('Tim media sosial yang jelas anggotanya mengelola akun resmi, dan setiap akun punya penanggung jawab.',
      'A named social media team runs the official accounts, and every account has a person who answers for it.'),
    levels: [
      t('Tidak ada yang ditunjuk; siapa pun yang tahu kata sandi bisa mengunggah.', 'Nobody is named; anyone with the password posts.'),
      t('Sebagian akun punya pemegang yang ditunjuk, atau satu orang mengurus semuanya sendiri.', 'Some accounts have a named holder, or one person runs everything alone.'),
      t('Setiap akun resmi punya pemegang yang ditunjuk dalam tim dengan pembagian peran yang disepakati.', 'Every official account has a named holder, inside a team with agreed roles.'),
      t('Setiap akun juga punya pemegang cadangan; peran tertulis dan anggota baru dibekali, sehingga pekerjaan tetap berjalan saat staf berganti.',
        'Every account also has a backup holder; roles are written down and newcomers are inducted, so the work survives staff changes.'),
    ],
    sources: ['BSN 2019', 'Kominfo book editor 2020', 'USA.gov answer team', 'Canada TBS standard 2025'],
  }),
  practice({
    id: 'planning_meetings', area: 'planning', evidenceExpected: true,
    name: t('Rapat perencanaan', 'Planning meetings'),
    description: t('Tim bertemu secara rutin untuk memutuskan konten yang akan diterbitkan.', 'The team meets on a regular rhythm to decide what it will publish.'),
    levels: [
      t('Tidak ada rapat perencanaan.', 'No planning meetings.'),
      t('Rapat perencanaan sesekali diadakan, kurang dari sebulan sekali.', 'Planning meetings happen now and then, less than once a month.'),
      t('Rapat perencanaan paling sedikit sebulan sekali.', 'A planning meeting at least once a month.'),
      t('Rapat perencanaan paling sedikit dua kali sebulan; keputusannya dicatat dan masuk ke kalender konten.',
        'Planning meetings at least twice a month; decisions are noted and carried into the calendar.'),
    ],
    sources: ['BSN 2019', 'Komdigi 2025 draft', 'GCS OASIS'],
  }),
  practice({
    id: 'evaluation_meetings', area: 'evaluation', evidenceExpected: true,
    name: t('Rapat evaluasi', 'Evaluation meetings'),
    description: t('Tim bertemu secara rutin untuk meninjau konten yang sudah terbit dan tanggapan publik terhadapnya.',
      'On a fixed rhythm the team sits down to review what went out and how people reacted.'),
    levels: [
      t('Tidak ada rapat evaluasi.', 'No evaluation meetings.'),
      t('Hasil dibahas sesekali, kurang dari sebulan sekali.', 'Results are discussed now and then, less than once a month.'),
      t('Rapat evaluasi paling sedikit sebulan sekali, dengan melihat angka kinerja.', 'An evaluation meeting at least once a month, looking at the figures.'),
      t('Rapat evaluasi paling sedikit dua kali sebulan; perubahan yang disepakati dicatat dan diperiksa pada rapat berikutnya.',
        'Evaluation meetings at least twice a month; agreed changes are recorded and checked at the next meeting.'),
    ],
    sources: ['BSN 2019', 'GCS Evaluation Cycle', 'Kominfo book (evaluation chapter)'],
  }),
  practice({
    id: 'editorial_calendar', area: 'planning', evidenceExpected: true,
    name: t('Kalender konten', 'Editorial calendar'),
    description: t('Unggahan direncanakan lebih dulu dalam kalender yang bisa dilihat seluruh tim.', 'Posts are planned ahead in a calendar the whole team can see.'),
    levels: [
      t('Tidak ada yang direncanakan; unggahan muncul hanya saat ada kejadian.', 'Nothing is planned ahead; posts appear only when something happens.'),
      t('Sebagian unggahan direncanakan lebih dulu, tetapi kurang dari separuh yang terbit.', 'Some posts are planned ahead, but fewer than half of those published.'),
      t('Paling sedikit separuh unggahan yang terbit sudah ada di kalender bersama sebelumnya.', 'At least half of the published posts were on the shared calendar beforehand.'),
      t('Paling sedikit empat dari lima unggahan yang terbit sudah ada di kalender sebelumnya, dan kalender disusun beberapa minggu ke depan.',
        'At least four in five published posts were on the calendar beforehand, and the calendar looks weeks ahead.'),
    ],
    sources: ['Komdigi 2025 draft (content calendar)', 'GCS OASIS (implementation)'],
  }),
  practice({
    id: 'posting_cadence', area: 'planning', evidenceExpected: false,
    name: t('Ritme unggahan', 'Posting cadence'),
    description: t('Setiap akun punya target unggahan per minggu dan memenuhinya.', 'Each account has a weekly posting target and keeps to it.'),
    levels: [
      t('Akun tidak aktif: tidak ada unggahan.', 'The accounts are dormant: nothing is posted.'),
      t('Ada unggahan, tetapi tanpa target atau kebanyakan akun di bawah target.', 'Posts appear, but without targets or with most accounts below them.'),
      t('Paling sedikit separuh akun mencapai target mingguannya (kurang paling banyak 10%).', 'At least half of the accounts reach their weekly target (or fall short by 10% at most).'),
      t('Setiap akun punya target mingguan dan mencapainya (kurang paling banyak 10%).', 'Every account has a weekly target and reaches it (or falls short by 10% at most).'),
    ],
    sources: ['Komdigi minister 2025 (accounts must stay active)', 'US DOI dormancy review'],
  }),
  practice({
    id: 'visual_content', area: 'content', evidenceExpected: false,
    name: t('Konten visual', 'Visual content'),
    description: t('Unggahan memuat gambar, infografis, atau video dengan tampilan yang konsisten.', 'Posts carry images, infographics or video with a consistent look.'),
    levels: [
      t('Hampir semua unggahan berupa teks (kurang dari satu dari lima bersifat visual).', 'Almost everything is plain text (under one post in five is visual).'),
      t('Visual dipakai bila sempat (paling sedikit satu dari lima unggahan).', 'Pictures or graphics appear when there is time to make them (at least one post in five).'),
      t('Sebagian besar unggahan bersifat visual (paling sedikit 60%), dibuat dari templat bersama.', 'Most posts are visual (at least 60%), made from shared templates.'),
      t('Hampir semua unggahan bersifat visual (paling sedikit 85%) dan mengikuti standar visual yang terus dipelihara.',
        'Nearly all posts are visual (at least 85%) and follow a maintained visual standard.'),
    ],
    sources: ['BSN 2019', 'ISO platform roles 2017', 'Komdigi 2025 draft (content pillars)'],
    outcomeOverlap: ['visual_share'],
  }),
  practice({
    id: 'persona_style', area: 'content', evidenceExpected: true,
    name: t('Persona atau panduan gaya', 'Persona or style guide'),
    description: t('Panduan tertulis menetapkan gaya bahasa akun; bila memakai persona, persona itu dipakai secara konsisten.',
      'A written guide sets how the accounts sound; if a persona is used, it is applied every time.'),
    levels: [
      t('Gaya bahasa bergantung pada siapa yang mengunggah.', 'The tone depends on whoever is posting.'),
      t('Ada kesepakatan gaya bahasa atau persona, tetapi tampak di kurang dari separuh unggahan.', 'A shared tone or persona exists, but shows in fewer than half of the posts.'),
      t('Panduan tertulis atau persona diikuti di paling sedikit separuh unggahan.', 'A written guide or persona is followed in at least half of the posts.'),
      t('Panduan diikuti di paling sedikit empat dari lima unggahan dan balasan, dan diperbarui dari masukan audiens.',
        'The guide is followed in at least four in five posts and replies, and is refreshed from audience feedback.'),
    ],
    sources: ['BSN 2019 (SNImin and SNIzen)', 'BSN 2017 briefing', 'Australian Style Manual (voice and tone)'],
  }),
  practice({
    id: 'audience_language', area: 'content', evidenceExpected: true,
    name: t('Bahasa untuk audiens sasaran', 'Language for the target audience'),
    description: t('Unggahan memakai bahasa yang dipahami audiens sasaran dan menjelaskan hal teknis dengan sederhana.',
      'Posts use words the intended audience understands and explain technical matters simply.'),
    levels: [
      t('Unggahan menyalin bahasa resmi atau teknis apa adanya.', 'Posts repeat official or technical wording unchanged.'),
      t('Sebagian unggahan ditulis ulang untuk publik; audiens sasaran belum ditetapkan.', 'Some posts are rewritten for the public; no target audience is defined.'),
      t('Audiens sasaran ditetapkan, dan unggahan ditulis untuk mereka dengan bahasa sederhana.', 'Target audiences are named, and posts are written for them in plain words.'),
      t('Bahasa diuji pada audiens (masukan, komentar, hasil) dan disesuaikan untuk setiap platform.', 'The wording is tried on the audience (feedback, comments, results) and adjusted per platform.'),
    ],
    sources: ['BSN 2019 (language for millennials)', 'CEN-CENELEC SME toolbox', 'GSA plain language', 'GCS accessible writing'],
  }),
  practice({
    id: 'interaction_response', area: 'interaction', evidenceExpected: true,
    name: t('Interaksi dan kebijakan tanggapan', 'Interaction and response policy'),
    description: t('Tim berinteraksi dengan akun lain dan menjawab publik dalam waktu yang ditetapkan.', 'The team talks with other accounts and replies to the public within a time it has set.'),
    levels: [
      t('Komentar dan pesan tidak dibaca.', 'Nobody reads the comments or direct messages.'),
      t('Pertanyaan dijawab bila terlihat, sering lebih dari sehari kemudian.', 'Questions are answered when noticed, often more than a day later.'),
      t('Target waktu tanggapan ditetapkan, dan balasan pertama umumnya datang dalam 24 jam.', 'A response target is set, and the typical first reply comes within 24 hours.'),
      t('Balasan pertama umumnya datang dalam 4 jam; tim sengaja berinteraksi dengan akun lain dan meneruskan pengaduan ke saluran yang tepat.',
        'The typical first reply comes within 4 hours; conversations with other accounts are planned, and complaints are passed to the proper channel.'),
    ],
    sources: ['BSN 2019 (frequent interaction)', 'PANRB 83/2012 "responsive" [S]', 'NSW community guidelines', 'US federal metrics 2013 (responsiveness)'],
    outcomeOverlap: ['mention_share'],
  }),
  practice({
    id: 'network_liaison', area: 'interaction', evidenceExpected: true,
    name: t('Narahubung jejaring', 'Liaison contact for the network'),
    description: t('Satu orang yang ditunjuk menjaga hubungan dengan sekretariat jejaring (bagi BSN: ISO).',
      "One named person keeps in touch with the network's secretariat (for BSN: ISO)."),
    levels: [
      t('Tidak ada yang ditunjuk sebagai narahubung jejaring.', 'No one is named as contact for the network.'),
      t('Ada yang menjawab bila sekretariat bertanya, tetapi belum ada yang ditunjuk.', 'Someone answers when the secretariat asks, but no one is named.'),
      t('Narahubung ditunjuk, dicatat, dan dikenal oleh sekretariat.', 'A liaison is named, recorded and known to the secretariat.'),
      t('Narahubung aktif: kampanye bersama sekretariat atau sesama anggota, dan berbagi praktik tim dengan anggota lain.',
        "The liaison is active: campaigns run together with the secretariat or peers, and the team teaches its methods to other members."),
    ],
    sources: ['BSN 2019 (contact person for ISO)', 'BSN and ISO sharing session 2019', 'ISO networking conference 2003'],
  }),
  practice({
    id: 'measurement_reporting', area: 'evaluation', evidenceExpected: true,
    name: t('Pengukuran dan pelaporan', 'Measurement and reporting'),
    description: t('Hasil diukur dan dilaporkan secara berkala, dan laporan itu menjadi bahan rencana berikutnya.',
      'Results are measured and reported on a rhythm, and the reports feed the next plan.'),
    levels: [
      t('Tidak ada yang diukur atau dilaporkan.', 'No figures are kept or reported.'),
      t('Angka seperti jumlah pengikut dilaporkan sesekali.', 'Figures such as follower counts are reported now and then.'),
      t('Laporan angka baku kira-kira setiap bulan (tiga atau lebih dalam 90 hari).', 'A report of the standard figures about every month (three or more in 90 days).'),
      t('Laporan membandingkan hasil dengan target dan dengan sesama anggota jejaring, dan menghasilkan perubahan rencana yang dicatat.',
        'Reports compare results with targets and with peers in the network, and lead to recorded changes in the plan.'),
    ],
    sources: ['BSN 2019 (follower figures reported)', 'GCS Evaluation Framework 2.0', 'Kominfo book (evaluation chapter)', 'US federal metrics 2013'],
  }),
];

export const DEFAULT_FRAMEWORK: Framework = {
  id: 'socialbench-default',
  version: 1,
  name: t('Kerangka praktik pengelolaan media sosial', 'Social media practice framework'),
  practices: PRACTICES,
};

/** The ids of the default practices, for code that proposes levels from observed data. */
export type DefaultPracticeId =
  | 'team_ownership' | 'planning_meetings' | 'evaluation_meetings' | 'editorial_calendar' | 'posting_cadence'
  | 'visual_content' | 'persona_style' | 'audience_language' | 'interaction_response' | 'network_liaison'
  | 'measurement_reporting';
