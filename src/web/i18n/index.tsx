// The language of the app (English or Indonesian), remembered in localStorage, with Intl formatters.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { id } from './id.ts';
import { formatters, LOCALES, type Formatters, type Lang } from './format.ts';

export type { Lang, MessageKey };
const DICTS: Record<Lang, Record<MessageKey, string>> = { en, id };
const STORAGE_KEY = 'socialbench.lang';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  f: Formatters;
}

const Ctx = createContext<I18n | null>(null);

export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'id') return saved;
  } catch {
    // storage may be blocked; fall back to the browser's language
  }
  return navigator.language.toLowerCase().startsWith('id') ? 'id' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not remembered, still switched
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const dict = DICTS[lang];
    return { lang, setLang, t: (key, vars) => interpolate(dict[key], vars), f: formatters(lang) };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export { LOCALES };
