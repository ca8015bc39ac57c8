// Every free-text field says how long it may be, so nobody writes 1,500 characters to be
// told the limit was 1,000. The services refuse longer text with the count; nothing is cut.
import type { Translate } from '../i18n/index.js';

/** The field's own hint, if any, then "Up to 1,000 characters." in the reader's language. */
export function limitHint(t: Translate, limit: number, hint?: string): string {
  const limitText = t('common.limitHint', { limit });
  return hint ? `${hint} ${limitText}` : limitText;
}
