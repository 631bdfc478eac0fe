// The ISO member directory (iso-members.csv) turned into demo organisations, groups and handles.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Platform } from '../core/platforms.ts';

export interface MemberRecord {
  code: string;
  name: string;
  countryCode: string;
  category: string;
  timezone: string;
  /** Social URLs confirmed by the file's source (only ISO's own so far). */
  urls: Partial<Record<Platform, string>>;
}

const SOCIAL_COLUMNS: readonly Platform[] = ['facebook', 'instagram', 'x', 'youtube', 'linkedin'];

let cached: MemberRecord[] | undefined;

/** Every row of iso-members.csv, ISO's own row first, in file order. */
export function isoMembers(): MemberRecord[] {
  if (cached) return cached;
  const text = readFileSync(new URL('./iso-members.csv', import.meta.url), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  cached = rows.map((r) => {
    const urls: Partial<Record<Platform, string>> = {};
    for (const p of SOCIAL_COLUMNS) {
      const url = r[p]?.trim();
      if (url) urls[p] = url;
    }
    return {
      code: req(r, 'code'),
      name: req(r, 'name'),
      countryCode: req(r, 'country_code'),
      category: req(r, 'category'),
      timezone: req(r, 'timezone'),
      urls,
    };
  });
  return cached;
}

function req(row: Record<string, string>, column: string): string {
  const v = row[column]?.trim();
  if (!v) throw new Error(`iso-members.csv: empty ${column} in row ${JSON.stringify(row)}`);
  return v;
}

/** The last path segment of a profile URL: its handle. */
export function handleFromUrl(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  const last = parts[parts.length - 1];
  if (!last) throw new Error(`no handle in ${url}`);
  return last;
}

export const REGION_GROUPS = {
  'ISO-AFRICA': 'Africa',
  'ISO-AMERICAS': 'Americas',
  'ISO-ASIA': 'Asia',
  'ISO-EUROPE': 'Europe',
  'ISO-OCEANIA': 'Oceania',
} as const;
export type RegionGroup = keyof typeof REGION_GROUPS;

/** The region peer group from the zone's prefix; island zones go with the continent they lie off. */
export function regionOf(timezone: string): RegionGroup {
  const prefix = timezone.split('/')[0];
  switch (prefix) {
    case 'Africa':
    case 'Indian': // Antananarivo, Mauritius, Mahé: African Union members
      return 'ISO-AFRICA';
    case 'America':
      return 'ISO-AMERICAS';
    case 'Asia':
      return 'ISO-ASIA';
    case 'Europe':
    case 'Atlantic': // Reykjavik
      return 'ISO-EUROPE';
    case 'Pacific':
    case 'Australia':
      return 'ISO-OCEANIA';
    default:
      throw new Error(`no region for time zone ${timezone}`);
  }
}

export const CATEGORY_GROUPS: Record<string, { code: string; name: string }> = {
  'member body': { code: 'ISO-MEMBER-BODIES', name: 'ISO member bodies' },
  'correspondent member': { code: 'ISO-CORRESPONDENT', name: 'ISO correspondent members' },
  'subscriber member': { code: 'ISO-SUBSCRIBER', name: 'ISO subscriber members' },
};

// Primary languages by country where it is not English; the rest default to 'en'.
const LANGUAGES: Record<string, string> = {
  ID: 'id;en', CH: 'en;fr', DE: 'de;en', AT: 'de;en', FR: 'fr;en', BE: 'nl;fr;en', LU: 'fr;de;en',
  NL: 'nl;en', ES: 'es;en', PT: 'pt;en', BR: 'pt;en', AO: 'pt', MZ: 'pt', IT: 'it;en', JP: 'ja;en',
  CN: 'zh;en', HK: 'zh;en', MO: 'zh;pt', KR: 'ko;en', KP: 'ko', RU: 'ru;en', BY: 'ru', UA: 'uk;en',
  KZ: 'kk;ru', KG: 'ky;ru', UZ: 'uz;ru', TJ: 'tg;ru', PL: 'pl;en', CZ: 'cs;en', SK: 'sk', HU: 'hu;en',
  RO: 'ro', BG: 'bg', GR: 'el;en', CY: 'el;en', TR: 'tr;en', SE: 'sv;en', NO: 'no;en', DK: 'da;en',
  FI: 'fi;sv;en', EE: 'et;en', LV: 'lv', LT: 'lt;en', SI: 'sl', HR: 'hr', RS: 'sr', BA: 'bs;hr;sr',
  MK: 'mk', AL: 'sq', ME: 'sr', MD: 'ro', AM: 'hy', GE: 'ka', AZ: 'az', MN: 'mn', VN: 'vi;en',
  TH: 'th;en', MY: 'ms;en', KH: 'km', LA: 'lo', MM: 'my', IR: 'fa;en', IL: 'he;en', SA: 'ar;en',
  AE: 'ar;en', QA: 'ar;en', KW: 'ar;en', OM: 'ar;en', BH: 'ar;en', JO: 'ar;en', EG: 'ar;en',
  IQ: 'ar', SY: 'ar', YE: 'ar', LY: 'ar', SD: 'ar;en', PS: 'ar', LB: 'ar;fr', DZ: 'ar;fr', MA: 'ar;fr',
  TN: 'ar;fr', MR: 'ar;fr', MX: 'es', AR: 'es', CL: 'es', CO: 'es', PE: 'es', EC: 'es', UY: 'es',
  BO: 'es', CR: 'es', CU: 'es', DO: 'es', SV: 'es', GT: 'es', HN: 'es', PA: 'es', SN: 'fr', CI: 'fr',
  ML: 'fr', BF: 'fr', NE: 'fr', TG: 'fr', BJ: 'fr', GA: 'fr', TD: 'fr;ar', CD: 'fr', BI: 'fr',
  MG: 'fr;mg', CM: 'fr;en', HT: 'fr', RW: 'rw;en;fr', SR: 'nl', TZ: 'sw;en', KE: 'en;sw', ET: 'am;en',
  SO: 'so;ar', NP: 'ne;en', BD: 'bn;en', LK: 'si;en', BT: 'dz;en', AF: 'ps;fa', IS: 'is;en',
  MT: 'mt;en', IE: 'en;ga', TM: 'tk;ru', ST: 'pt', ER: 'ti;ar;en',
};

export function languagesOf(countryCode: string): string {
  return LANGUAGES[countryCode] ?? 'en';
}
