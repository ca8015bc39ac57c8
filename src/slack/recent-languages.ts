// The language each person was last answered in, kept in memory by this instance. It lets
// a modal open with the trigger before any database read (Slack's trigger id lives 3 s,
// and under load the first query can wait behind others), still in the person's language.
// Only the words of that first, momentary view depend on it: everything after is read from
// the member's row. A miss (first use, another instance changed it) falls back to English
// for that one view.
import type { AppContext } from '../services/app-context.js';
import type { Lang } from './i18n/index.js';

/** Enough for every City employee; past it the least recently answered are forgotten. */
const MAX_PEOPLE = 20_000;

const byContext = new WeakMap<AppContext, Map<string, Lang>>();
const watchers = new WeakMap<AppContext, (slackUserId: string, lang: Lang) => void>();

/** Told of every language remembered (the HTTP front door keeps its own copy). */
export function watchRememberedLanguages(ctx: AppContext, watcher: (slackUserId: string, lang: Lang) => void): void {
  watchers.set(ctx, watcher);
}

function memoryOf(ctx: AppContext): Map<string, Lang> {
  let memory = byContext.get(ctx);
  if (!memory) {
    memory = new Map();
    byContext.set(ctx, memory);
  }
  return memory;
}

export function rememberLanguage(ctx: AppContext, slackUserId: string, lang: Lang): void {
  const memory = memoryOf(ctx);
  // Re-inserting moves the person to the end, so the oldest entry is the first one.
  memory.delete(slackUserId);
  memory.set(slackUserId, lang);
  if (memory.size > MAX_PEOPLE) memory.delete(memory.keys().next().value!);
  watchers.get(ctx)?.(slackUserId, lang);
}

export function recentLanguage(ctx: AppContext, slackUserId: string): Lang {
  return memoryOf(ctx).get(slackUserId) ?? 'en';
}
