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
    t = remembering(instance.getFixedT(lang));
    translators.set(lang, t);
  }
  return t;
}

/** How many answers each language keeps; past it the memory starts again (the catalogs are small). */
export const REMEMBERED_TRANSLATIONS = 5000;

type Primitive = string | number | boolean | null | undefined;
const isPrimitive = (v: unknown): v is Primitive => v === null || (typeof v !== 'object' && typeof v !== 'function');

/**
 * The same key with the same values always translates to the same text (the catalogs are
 * fixed at start), and i18next takes tens of microseconds a call: every /reap update form asks
 * for some forty texts, on the thread every Slack acknowledgement shares. Calls whose values
 * are all plain (nearly all) are answered from memory; anything else goes to i18next.
 */
function remembering(t: Translate): Translate {
  const call = t as unknown as (...args: unknown[]) => unknown;
  const memory = new Map<string, string>();
  const remembered = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
    const plain =
      typeof key === 'string' &&
      rest.length === 0 &&
      (options === undefined || (typeof options === 'object' && options !== null && Object.values(options).every(isPrimitive)));
    if (!plain) return call(key, options, ...rest);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = memory.get(id);
    if (text === undefined) {
      text = String(call(key, options));
      if (memory.size >= REMEMBERED_TRANSLATIONS) memory.clear();
      memory.set(id, text);
    }
    return text;
  };
  return remembered as unknown as Translate;
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
