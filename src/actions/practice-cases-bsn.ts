// The first page of ISO's good-practice library: how BSN's team ran its accounts in 2019, told in our own
// words from the facts of the source case (shared seed README), in Indonesian and English.

export const BSN_CASE = {
  slug: 'bsn-2019',
  practices: [
    'team_ownership', 'planning_meetings', 'evaluation_meetings', 'visual_content', 'persona_style',
    'audience_language', 'interaction_response', 'network_liaison', 'measurement_reporting',
  ],
  title_id: 'BSN, Indonesia: tim yang berencana, berbicara seperti teman, dan dibandingkan oleh ISO',
  title_en: 'BSN, Indonesia: a team that plans, talks like a friend, and was benchmarked by ISO',
  summary_id:
    'Pada 2019 Sekretariat Pusat ISO menilai media sosial BSN sangat aktif dan kreatif dibandingkan anggota lain, lalu meminta untuk mempelajari cara tim BSN bekerja. Halaman ini merangkum praktik yang diceritakan tim itu.',
  summary_en:
    "In 2019 ISO's Central Secretariat found BSN's social media very active and creative next to other members' and asked to learn how BSN's team works. This page sums up the practices that team described.",
  body_id: `## Siapa
BSN (Badan Standardisasi Nasional) adalah lembaga standar nasional Indonesia dan anggota ISO. BSN menjelaskan standardisasi dan penilaian kesesuaian kepada publik melalui situs web dan akun resminya: halaman Facebook "Badan Standardisasi Nasional", Instagram @bsn_sni, Twitter/X @bsn_sni, dan YouTube bsn_sni.

## Apa yang dilakukan tim
- Tim media sosial berada di bagian hubungan masyarakat (Humas), dan setiap anggota tim memegang satu atau lebih akun resmi.
- Tim mengadakan rapat perencanaan dan rapat evaluasi konten secara rutin.
- Unggahan secara konsisten memakai gambar atau infografis, dengan bahasa yang cocok untuk audiens muda (milenial).
- Akun diberi persona: admin menyebut dirinya "SNImin" dan menyapa pengikut sebagai "SNIzen", dengan gaya bicara seorang teman.
- Tim sering berinteraksi dengan akun lain.
- Atas permintaan ISO, BSN menunjuk satu anggota tim sebagai narahubung untuk media sosial ISO.

## Hasil yang dilaporkan
Jumlah pengikut Agustus 2019 (dan pertambahan sejak Januari 2019): Facebook 8.470 (+617), Instagram 76.670 (+24.370), Twitter 13.300 (+3.400), YouTube 905 subscriber (+213). Angka Januari dihitung dari angka Agustus dikurangi pertambahan yang dilaporkan.

## Yang bisa dicoba anggota lain
- Tunjuk pemegang untuk setiap akun, dan pemegang cadangan agar pekerjaan tetap berjalan.
- Jadwalkan rapat perencanaan dan evaluasi, dan catat keputusannya di kalender konten.
- Tulis panduan gaya; bila memakai persona, pakai secara konsisten di semua akun.
- Tunjuk satu narahubung jejaring yang dikenal sekretariat.

Catatan: angka lain dari BSN di aplikasi demo bersifat sintetis; hanya jumlah pengikut di atas yang dilaporkan BSN.`,
  body_en: `## Who
BSN (Badan Standardisasi Nasional) is Indonesia's national standards body and a member of ISO. It explains standardisation and conformity assessment to the public through its website and official accounts: the Facebook page "Badan Standardisasi Nasional", Instagram @bsn_sni, Twitter/X @bsn_sni and YouTube bsn_sni.

## What the team does
- The social media team sits in the public-relations office (Humas), and every member holds one or more of the official accounts.
- The team meets regularly to plan content and, separately, to evaluate it.
- Posts consistently carry images or infographics, in wording that suits a young (millennial) audience.
- The accounts have a persona: the admin calls itself "SNImin" and calls its followers "SNIzen", speaking as a friend would.
- The team often interacts with other accounts.
- When ISO asked for it, BSN named one team member as its contact for ISO's social media.

## Reported results
Followers in August 2019 (and growth since January 2019): Facebook 8,470 (+617), Instagram 76,670 (+24,370), Twitter 13,300 (+3,400), YouTube 905 subscribers (+213). The January figures are derived: the August figure less the reported growth.

## What other members can try
- Name a holder for every account, and a backup so the work goes on when people change.
- Put planning and evaluation meetings in the diary, and carry their decisions into the content calendar.
- Write a style guide; if you use a persona, use it the same way on every account.
- Name one network liaison the secretariat knows.

Note: BSN's other figures in the demo are synthetic; only the follower counts above were reported by BSN.`,
} as const;
