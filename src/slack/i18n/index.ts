// Translation through i18next with in-code catalogs (no file loading at run time).
import i18next, { type TFunction } from 'i18next';
import { CATALOGS } from './catalogs/index.js';

export const LANGUAGES = ['en', 'es', 'vi'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** All catalogs of one language, keyed by feature namespace. */
export function catalogFor(lang: Lang): Record<string, unknown> {
  return Object.fromEntries(Object.entries(CATALOGS).map(([ns, c]) => [ns, c[lang]]));
}

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogFor(l) }])),
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Block Kit text is escaped by the UI builders, not here.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translate = TFunction;

// One fixed translator per language, made once: they are immutable and asked for on every request.
const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
    t = instance.getFixedT(lang);
    translators.set(lang, t);
  }
  return t;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The member's own choice wins; otherwise Slack's locale ("es-ES", "vi-VN"); otherwise English.
 */
export function resolveLanguage(preference: string | null | undefined, slackLocale?: string | null): Lang {
  if (isLang(preference)) return preference;
  const base = slackLocale?.toLowerCase().split(/[-_]/)[0];
  return isLang(base) ? base : 'en';
}
