import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ru from './ru';
import en from './en';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'crm.language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(KEY);
  return saved === 'en' ? 'en' : 'ru';
}

i18n.use(initReactI18next).init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
});

export function changeLanguage(language: Language): void {
  globalThis.localStorage?.setItem(KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
