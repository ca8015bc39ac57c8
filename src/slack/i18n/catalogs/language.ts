// /reap language. Each confirmation is read in the language just chosen, so each catalog
// confirms in its own language; the names of the languages are their own names (autonyms)
// everywhere, so people find theirs whatever language the message is in.
import type { Widen } from '../types.js';

const en = {
  set: 'Done: REAP Tracker will talk to you in English from now on, whatever language your Slack uses.',
  auto: 'Done: REAP Tracker will follow your Slack language again (now {{language}}).',
  usage:
    'Choose a language with `/reap language en` (English), `/reap language es` (Español) or `/reap language vi` (Tiếng Việt); `/reap language auto` follows your Slack language. You are using {{language}} now.',
  names: { en: 'English', es: 'Español', vi: 'Tiếng Việt' },
};

const es: Widen<typeof en> = {
  set: 'Listo: a partir de ahora REAP Tracker le hablará en español, sea cual sea el idioma de su Slack.',
  auto: 'Listo: REAP Tracker volverá a seguir el idioma de su Slack (ahora {{language}}).',
  usage:
    'Elija un idioma con `/reap language en` (English), `/reap language es` (Español) o `/reap language vi` (Tiếng Việt); `/reap language auto` sigue el idioma de su Slack. Ahora usa {{language}}.',
  names: { en: 'English', es: 'Español', vi: 'Tiếng Việt' },
};

const vi: Widen<typeof en> = {
  set: 'Xong: từ giờ REAP Tracker sẽ nói chuyện với bạn bằng tiếng Việt, dù Slack của bạn dùng ngôn ngữ nào.',
  auto: 'Xong: REAP Tracker sẽ lại dùng theo ngôn ngữ Slack của bạn (hiện là {{language}}).',
  usage:
    'Chọn ngôn ngữ bằng `/reap language en` (English), `/reap language es` (Español) hoặc `/reap language vi` (Tiếng Việt); `/reap language auto` dùng theo ngôn ngữ Slack của bạn. Bạn đang dùng {{language}}.',
  names: { en: 'English', es: 'Español', vi: 'Tiếng Việt' },
};

export default { en, es, vi };
