import { create } from 'zustand';
import type { Locale } from '../../src-shared/scoring/labels';
import { forgivingLocalStorage } from '../stores/browser-storage';

export const LOCALES: readonly Locale[] = ['en', 'es'];
export const LOCALE_STORAGE_KEY = 'csm.locale';

/** 'es', 'es-MX', 'ES' → es; anything else (or nothing) → en. */
export function localeFromLanguageTag(tag: string | null | undefined): Locale {
  return typeof tag === 'string' && /^es(\b|[-_]|$)/i.test(tag) ? 'es' : 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'es';
}

/** The saved choice first, else the browser's language. */
export function initialLocale(): Locale {
  // Storage can be disabled; the app still works, it just forgets the choice.
  const saved = forgivingLocalStorage.getItem(LOCALE_STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return localeFromLanguageTag(typeof navigator === 'undefined' ? undefined : navigator.language);
}

function applyToDocument(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useLocaleStore = create<LocaleState>((set) => {
  const locale = initialLocale();
  applyToDocument(locale);
  return {
    locale,
    setLocale: (next) => {
      forgivingLocalStorage.setItem(LOCALE_STORAGE_KEY, next);
      applyToDocument(next);
      set({ locale: next });
    },
  };
});
