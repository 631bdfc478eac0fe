// Indonesian words that give away the wrong register: formal address in a casual voice, slang in a formal one.

/** Formal forms of address and their casual replacement (the persona's audience name is offered too). */
export const FORMAL_ADDRESS: readonly { term: string; suggestion: string }[] = [
  { term: 'Anda', suggestion: 'kamu' },
  { term: 'Saudara', suggestion: 'kamu' },
  { term: 'Saudari', suggestion: 'kamu' },
  { term: 'Bapak/Ibu', suggestion: 'kamu' },
  { term: 'kalian semua', suggestion: 'kalian' },
];

/** Stiff letter-style openings; flagged only at the start of the text. */
export const STIFF_OPENINGS: readonly { term: string; suggestion: string }[] = [
  { term: 'Dengan hormat', suggestion: 'Halo' },
  { term: 'Kepada Yth', suggestion: 'Halo' },
  { term: 'Yth', suggestion: 'Halo' },
  { term: 'Diberitahukan kepada', suggestion: 'Halo, ada info nih' },
  { term: 'Bersama ini', suggestion: 'Halo, ada info nih' },
  { term: 'Sehubungan dengan', suggestion: 'Halo, soal' },
];

/** Slang and casual words with their formal equivalent. */
export const SLANG: readonly { term: string; suggestion: string }[] = [
  { term: 'kamu', suggestion: 'Anda' },
  { term: 'gue', suggestion: 'saya' },
  { term: 'gua', suggestion: 'saya' },
  { term: 'lo', suggestion: 'Anda' },
  { term: 'lu', suggestion: 'Anda' },
  { term: 'yuk', suggestion: 'mari' },
  { term: 'yuks', suggestion: 'mari' },
  { term: 'banget', suggestion: 'sangat' },
  { term: 'nggak', suggestion: 'tidak' },
  { term: 'gak', suggestion: 'tidak' },
  { term: 'enggak', suggestion: 'tidak' },
  { term: 'aja', suggestion: 'saja' },
  { term: 'udah', suggestion: 'sudah' },
  { term: 'gimana', suggestion: 'bagaimana' },
  { term: 'bikin', suggestion: 'membuat' },
  { term: 'kepo', suggestion: 'ingin tahu' },
];

/** True when the persona writes Indonesian (`id`, `id-ID`, …); the word lists are Indonesian only. */
export function writesIndonesian(languages: readonly string[]): boolean {
  return languages.some((l) => l.toLowerCase() === 'id' || l.toLowerCase().startsWith('id-'));
}
