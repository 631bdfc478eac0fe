// The follower summary paragraph in the house style of a public-relations office (Indonesian, English).
import { platformDisplayName, type Platform } from '../core/platforms.ts';

export type ReportLanguage = 'id' | 'en';

export interface PlatformFollowers {
  platform: Platform;
  end: number;
  growth: number | null;
}

export interface FollowerSummaryInput {
  /** The organisation's short name as the office writes it, e.g. "BSN". */
  org: string;
  from: string;
  to: string;
  platforms: PlatformFollowers[];
}

const ORDER: Platform[] = ['facebook', 'instagram', 'x', 'youtube', 'tiktok', 'linkedin'];

function monthYear(date: string, lang: ReportLanguage): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function num(n: number, lang: ReportLanguage): string {
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US').format(n);
}

/** Audience word: YouTube counts subscribers, every other platform followers. */
function unit(p: Platform, lang: ReportLanguage, n: number): string {
  if (lang === 'id') return p === 'youtube' ? 'subscriber' : 'follower';
  const word = p === 'youtube' ? 'subscriber' : 'follower';
  return n === 1 ? word : `${word}s`;
}

function idClause(f: PlatformFollowers, s: FollowerSummaryInput, first: boolean): string {
  const name = `${platformDisplayName(f.platform, s.to)} ${s.org}`;
  const since = monthYear(s.from, 'id');
  const u = unit(f.platform, 'id', f.end);
  const change =
    f.growth === null ? '' :
    f.growth > 0 ? ` dengan peningkatan sejak ${since} sebesar ${num(f.growth, 'id')} ${u}` :
    f.growth < 0 ? ` dengan penurunan sejak ${since} sebesar ${num(-f.growth, 'id')} ${u}` :
    ` tanpa perubahan sejak ${since}`;
  // The office writes "subscriber YouTube BSN sejumlah 905" but "Facebook BSN sejumlah 8.470 follower".
  if (f.platform === 'youtube') return `${first ? '' : 'subscriber '}${name} sejumlah ${num(f.end, 'id')}${change}`;
  return `${name} sejumlah ${num(f.end, 'id')} ${u}${change}`;
}

function enClause(f: PlatformFollowers, s: FollowerSummaryInput, first: boolean): string {
  const kind = f.platform === 'facebook' ? 'page' : f.platform === 'youtube' ? 'channel' : 'account';
  const owner = first ? `${s.org}'s` : 'its';
  const since = monthYear(s.from, 'en');
  const change =
    f.growth === null ? '' :
    f.growth > 0 ? `, ${num(f.growth, 'en')} more than in ${since}` :
    f.growth < 0 ? `, ${num(-f.growth, 'en')} fewer than in ${since}` :
    `, as many as in ${since}`;
  return `${owner} ${platformDisplayName(f.platform, s.to)} ${kind} had ${num(f.end, 'en')} ${unit(f.platform, 'en', f.end)}${change}`;
}

function joinClauses(clauses: string[], and: string): string {
  if (clauses.length <= 1) return clauses.join('');
  return `${clauses.slice(0, -1).join('; ')}; ${and} ${clauses[clauses.length - 1]}`;
}

/** One paragraph; platforms without figures are left out; empty string when none has any. */
export function followerSummary(s: FollowerSummaryInput, lang: ReportLanguage): string {
  const platforms = [...s.platforms].sort((a, b) => ORDER.indexOf(a.platform) - ORDER.indexOf(b.platform));
  if (platforms.length === 0) return '';
  if (lang === 'id') {
    const firstUnit = platforms[0]?.platform === 'youtube' ? 'subscriber' : 'follower';
    const clauses = platforms.map((f, i) => idClause(f, s, i === 0));
    return `Hingga ${monthYear(s.to, 'id')}, jumlah ${firstUnit} untuk akun ${joinClauses(clauses, 'dan')}.`;
  }
  const clauses = platforms.map((f, i) => enClause(f, s, i === 0));
  return `As of ${monthYear(s.to, 'en')}, ${joinClauses(clauses, 'and')}.`;
}
