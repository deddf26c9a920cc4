import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'citystep.language';

/**
 * Every feature keeps its UI text in features/<name>/locales/<language>.json (namespace <name>);
 * shared text is in locales/<language>.json (namespace common). Found at build time, so adding a
 * feature needs no change here.
 */
const featureFiles = import.meta.glob<Record<string, unknown>>('../../features/*/locales/*.json', {
  eager: true,
  import: 'default',
});
const commonFiles = import.meta.glob<Record<string, unknown>>('../../locales/*.json', {
  eager: true,
  import: 'default',
});

function resources(): Resource {
  const all: Resource = {};
  const add = (language: string, namespace: string, strings: Record<string, unknown>) => {
    all[language] = { ...all[language], [namespace]: strings };
  };
  for (const [path, strings] of Object.entries(featureFiles)) {
    const match = /features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    if (match?.[1] && match[2]) add(match[2], match[1], strings);
  }
  for (const [path, strings] of Object.entries(commonFiles)) {
    const match = /locales\/([^/]+)\.json$/.exec(path);
    if (match?.[1]) add(match[1], 'common', strings);
  }
  return all;
}

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The remembered choice, else the browser's preference (any Chinese → zh-CN), else English. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const preferred = window.navigator.languages ?? [window.navigator.language];
  return preferred.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function changeLanguage(language: Language) {
  window.localStorage.setItem(STORAGE_KEY, language);
  return i18n.changeLanguage(language);
}

/** The key content maps use for a UI language: {"en": …, "zh": …}. */
export function contentKey(language: string): 'en' | 'zh' {
  return language.startsWith('zh') ? 'zh' : 'en';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export { i18n };
