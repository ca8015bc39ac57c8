// /reap language en|es|vi|auto: the member's own language, which then wins over Slack's
// locale. The confirmation is written in the new language; a wrong value gets the usage
// in the language in use now.
import { memberSlackLocale, setLanguage } from '../../../services/members.js';
import { ServiceError } from '../../../services/errors.js';
import { isLang, resolveLanguage, translator, type Lang } from '../../i18n/index.js';
import { describeServiceError } from '../../service-errors.js';
import { rememberLanguage } from '../../recent-languages.js';
import type { SubcommandHandler } from '../../commands/types.js';

/** What the person typed, as a choice: a language, `auto` (follow Slack), or nothing usable. */
export function parseLanguageChoice(args: string): Lang | 'auto' | null {
  const word = args.trim().toLowerCase();
  if (word === 'auto' || word === 'slack') return 'auto';
  // "es-MX", "vi_VN", "ES" all mean the base language.
  const base = word.split(/[-_]/)[0];
  return isLang(base) && /^[a-z]{2}([-_][a-z0-9]{2,8})?$/.test(word) ? base : null;
}

export const languageCommand: SubcommandHandler = async ({ ctx, command, args, caller, t, ack }) => {
  const choice = parseLanguageChoice(args);
  if (choice === null) {
    await ack({ response_type: 'ephemeral', text: t('language.usage', { language: t(`language.names.${caller.lang}`) }) });
    return;
  }
  try {
    await setLanguage(ctx, command.user_id, choice === 'auto' ? null : choice);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    await ack({ response_type: 'ephemeral', text: describeServiceError(t, e) });
    return;
  }
  if (choice === 'auto') {
    // Back to Slack's locale, as the member row remembers it.
    const lang = resolveLanguage(null, await memberSlackLocale(ctx, command.user_id));
    rememberLanguage(ctx, command.user_id, lang);
    const tt = translator(lang);
    await ack({ response_type: 'ephemeral', text: tt('language.auto', { language: tt(`language.names.${lang}`) }) });
    return;
  }
  rememberLanguage(ctx, command.user_id, choice);
  await ack({ response_type: 'ephemeral', text: translator(choice)('language.set') });
};
