// Post texts composed from fragments: BSN's SNImin persona in Indonesian, short English for other members.
import type { Platform } from '../core/platforms.ts';
import type { Rng } from './random.ts';

const SNI_OPENERS = [
  'Halo SNIzen!', 'Hai SNIzen,', 'Selamat pagi SNIzen!', 'SNIzen, tahu nggak?', 'Yuk SNIzen,',
  'Halo Sobat SNIzen!', 'Selamat siang SNIzen!', 'SNIzen, SNImin punya kabar nih!',
];
const SNI_PRODUCTS = [
  'helm', 'mainan anak', 'air minum dalam kemasan', 'kompor gas', 'baja tulangan beton', 'ban kendaraan',
  'pupuk', 'lampu LED', 'setrika listrik', 'kopi bubuk', 'pakaian bayi', 'semen', 'regulator tabung LPG',
  'kabel listrik', 'garam beryodium', 'kaca pengaman', 'sepatu pengaman', 'minyak goreng sawit',
];
const SNI_BODIES: readonly ((p: string) => string)[] = [
  (p) => `SNImin mau ajak kamu kenalan sama SNI ${p}.`,
  (p) => `Sebelum beli ${p}, cek dulu tanda SNI-nya ya!`,
  (p) => `${p.charAt(0).toUpperCase()}${p.slice(1)} ber-SNI itu lebih aman dan terjamin mutunya.`,
  (p) => `Kenapa ${p} wajib SNI? Simak infografis dari SNImin berikut.`,
  (p) => `SNImin punya kuis seru tentang SNI ${p}, ikutan yuk!`,
  (p) => `Ini dia cara mudah mengenali ${p} yang sudah ber-SNI.`,
  () => 'Hari ini SNImin hadir di pameran standardisasi, jangan lupa mampir ke stan BSN ya!',
  () => 'UMKM naik kelas dengan SNI! Yuk daftarkan produkmu lewat program pembinaan BSN.',
];
const SNI_CLOSERS = [
  'Jangan lupa share ke teman-temanmu ya!', 'Tulis pendapatmu di kolom komentar ya!',
  'Info lengkap di bsn.go.id', 'Yuk jadi konsumen cerdas!', 'Salam SNI!', '',
];
const SNI_TAGS = ['#SNI', '#BSN', '#SNIzen', '#BanggaPakaiSNI', '#StandarUntukKita', '#SNIuntukUMKM'];
/** Accounts BSN talks to besides the members' own. */
export const BSN_FRIENDS = ['isostandards', 'kemenperin_ri'];

const EN_TOPICS: readonly (readonly [string, string])[] = [
  ['food safety', 'ISO 22000'], ['energy management', 'ISO 50001'], ['quality management', 'ISO 9001'],
  ['medical devices', 'ISO 13485'], ['smart cities', 'ISO 37120'], ['information security', 'ISO/IEC 27001'],
  ['water quality', 'ISO 5667'], ['electric vehicle charging', 'ISO 15118'], ['toy safety', 'ISO 8124'],
  ['occupational health and safety', 'ISO 45001'], ['environmental management', 'ISO 14001'],
  ['artificial intelligence', 'ISO/IEC 42001'], ['greenhouse gas accounting', 'ISO 14064'],
];
const EN_BODIES: readonly ((topic: string, std: string) => string)[] = [
  (t) => `New national standard on ${t} now available.`,
  (t) => `Our experts met this week to review standards for ${t}.`,
  (t, s) => `Register now for our training course on ${s}.`,
  (t) => `Workshop on ${t} standards for small businesses.`,
  (t, s) => `${s} explained: what it means for ${t}.`,
  () => 'World Standards Day: thank you to all our committee members!',
  (t) => `Public consultation open: draft standard on ${t}.`,
  () => 'Certificates awarded to companies that met national standards this month.',
];
const EN_TAGS = ['#standards', '#ISO', '#quality', '#WorldStandardsDay', '#standardization'];

/** Keeps only characters a handle may have on X (letters, digits, _): dotted handles are not mentioned there. */
function mentionable(handle: string, platform: Platform): boolean {
  return platform !== 'x' || /^[A-Za-z0-9_]+$/.test(handle);
}

export interface TextContext {
  platform: Platform;
  /** Handles this account may mention, on its own platform. */
  mentionPool: readonly string[];
  mentionShare: number;
}

/** One SNImin post: opener, body about a product standard, maybe a mention, closer and tags. */
export function sniminText(rng: Rng, ctx: TextContext): string {
  const parts = [rng.pick(SNI_OPENERS), rng.pick(SNI_BODIES)(rng.pick(SNI_PRODUCTS))];
  if (rng.chance(ctx.mentionShare)) {
    const pool = rng.chance(0.6) ? BSN_FRIENDS : ctx.mentionPool;
    const handle = pool.length > 0 ? rng.pick(pool) : 'isostandards';
    if (mentionable(handle, ctx.platform)) parts.push(`Terima kasih @${handle}`);
  }
  const closer = rng.pick(SNI_CLOSERS);
  if (closer) parts.push(closer);
  parts.push(rng.pick(SNI_TAGS), '#SNI');
  return parts.join(' ');
}

/** One short English post of a member body, sometimes mentioning ISO or a peer. */
export function memberText(rng: Rng, ctx: TextContext): string {
  const [topic, std] = rng.pick(EN_TOPICS);
  const parts = [rng.pick(EN_BODIES)(topic, std)];
  if (rng.chance(ctx.mentionShare)) {
    const handle = rng.chance(0.5) || ctx.mentionPool.length === 0 ? 'isostandards' : rng.pick(ctx.mentionPool);
    if (mentionable(handle, ctx.platform)) parts.push(rng.chance(0.5) ? `With @${handle}.` : `via @${handle}`);
  }
  if (rng.chance(0.6)) parts.push(rng.pick(EN_TAGS));
  return parts.join(' ');
}
