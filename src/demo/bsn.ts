// BSN, the source case: its accounts, its Humas team and the follower figures reported in August 2019.
import type { Platform } from '../core/platforms.ts';

export const BSN_CODE = 'BSN';
export const BSN_NAME = 'Badan Standardisasi Nasional';
/** Its history starts here whatever the scale, so the 2019 figures are always in the data. */
export const BSN_FIRST_DATE = '2018-01-01';

export const BSN_HANDLES: Readonly<Partial<Record<Platform, string>>> = {
  facebook: 'bsn.sni',
  instagram: 'bsn_sni',
  x: 'bsn_sni',
  youtube: 'bsn_sni',
};

/**
 * Follower anchors per platform. 2019-01-01 and 2019-08-09 are the reported figures (seed/README.md)
 * and are met exactly; the others are synthetic, shaped like a public body's accounts that kept growing.
 */
export const BSN_ANCHORS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  facebook: [
    ['2018-01-01', 6900], ['2019-01-01', 7853], ['2019-08-09', 8470], ['2020-12-31', 11_600],
    ['2022-12-31', 16_200], ['2024-12-31', 21_300], ['2026-12-31', 26_100],
  ],
  instagram: [
    ['2018-01-01', 21_400], ['2019-01-01', 52_300], ['2019-08-09', 76_670], ['2020-12-31', 128_500],
    ['2022-12-31', 186_000], ['2024-12-31', 233_000], ['2026-12-31', 271_000],
  ],
  x: [
    ['2018-01-01', 5200], ['2019-01-01', 9900], ['2019-08-09', 13_300], ['2020-12-31', 19_600],
    ['2022-12-31', 24_100], ['2024-12-31', 26_600], ['2026-12-31', 28_200],
  ],
  youtube: [
    ['2018-01-01', 310], ['2019-01-01', 692], ['2019-08-09', 905], ['2020-12-31', 2650],
    ['2022-12-31', 6800], ['2024-12-31', 11_600], ['2026-12-31', 16_100],
  ],
};

/** The exact reported values, for tests and checks. */
export const BSN_REPORTED: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '2019-01-01': { facebook: 7853, instagram: 52_300, x: 9900, youtube: 692 },
  '2019-08-09': { facebook: 8470, instagram: 76_670, x: 13_300, youtube: 905 },
};

/** Posts per day: the team posts daily (seed/README.md: it consistently creates content). */
export const BSN_POSTS_PER_DAY: Readonly<Record<string, number>> = {
  facebook: 0.85,
  instagram: 1.0,
  x: 1.7,
  youtube: 0.25,
};

/** ISO judged BSN's engagement good: several times the median member's. */
export const BSN_ENGAGEMENT_MULTIPLIER = 3;
export const BSN_MENTION_SHARE = 0.4;

export interface TeamMemberSeed {
  name: string;
  email: string;
  roleTitle: string;
  holds: readonly Platform[];
}

// Synthetic people; the .example domain keeps demo addresses from ever reaching a mailbox.
export const BSN_TEAM: readonly TeamMemberSeed[] = [
  { name: 'Rina Wulandari', email: 'rina.wulandari@bsn.example', roleTitle: 'Koordinator Tim Media Sosial', holds: ['instagram', 'facebook'] },
  { name: 'Dimas Prasetyo', email: 'dimas.prasetyo@bsn.example', roleTitle: 'Admin Media Sosial', holds: ['x', 'instagram'] },
  { name: 'Ayu Lestari', email: 'ayu.lestari@bsn.example', roleTitle: 'Desainer Grafis', holds: ['facebook', 'youtube'] },
  { name: 'Fajar Nugroho', email: 'fajar.nugroho@bsn.example', roleTitle: 'Videografer', holds: ['youtube', 'x'] },
];

/** The team member named as BSN's contact person for ISO's social media, and since when. */
export const BSN_ISO_CONTACT = { memberIndex: 0, since: '2019-08-12', role: 'ISO social media contact person' };
