import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/catalog';
import { resources } from './resources';

/** Japanese when the OS (browser) locale is Japanese, English otherwise. */
export function osLanguage(languages: readonly string[] = navigator.languages): Language {
  return languages[0]?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'ja',
    defaultNS: 'common',
    ns: Object.keys(resources.ja),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18next };
