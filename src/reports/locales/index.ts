// The report languages and their dictionaries.
import { en, type Messages } from './en.ts';
import { id } from './id.ts';

export const REPORT_LANGUAGES = ['id', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGUAGES)[number];
export type { Messages };

export function messages(lang: ReportLang): Messages {
  return lang === 'id' ? id : en;
}
