// Who is asking, in which language. Reads only our own database (one indexed query),
// never Slack, so it fits inside the 3-second acknowledgement window.
import type { Actor } from '../domain/permissions.js';
import type { AppContext } from '../services/app-context.js';
import { loadActor, loadCaller } from '../services/authz.js';
import { ServiceError } from '../services/errors.js';
import { resolveLanguage, translator, type Translate } from './i18n/index.js';
import { describeServiceError } from './service-errors.js';
import type { Caller } from './commands/types.js';
import { rememberLanguage } from './recent-languages.js';

export async function identifyCaller(ctx: AppContext, slackUserId: string): Promise<Caller> {
  try {
    const member = await loadCaller(ctx, slackUserId);
    const lang = resolveLanguage(member.language, member.slackLocale);
    rememberLanguage(ctx, slackUserId, lang);
    const { actor } = member;
    return { slackUserId, lang, memberId: actor?.memberId ?? null, roles: actor?.roles ?? [], actor };
  } catch (e) {
    // Help and error messages must still reach the user when the database is down.
    ctx.logger.warn({ err: (e as Error).message }, 'caller lookup failed');
    return { slackUserId, lang: 'en', memberId: null, roles: [] };
  }
}

/**
 * The caller as the services see them, from the read that identified them; someone not an
 * active member gets loadActor's refusal (audited, with whom to ask).
 */
export function callerActor(ctx: AppContext, caller: Caller): Promise<Actor> {
  return caller.actor ? Promise.resolve(caller.actor) : loadActor(ctx, caller.slackUserId);
}

/** Who is asking, and a translator in their language: what a listener starts with. */
export interface Speaker {
  caller: Caller;
  t: Translate;
}

/** The one way a listener learns who is asking and in which language (never throws). */
export async function speakerFor(ctx: AppContext, slackUserId: string): Promise<Speaker> {
  const caller = await identifyCaller(ctx, slackUserId);
  return { caller, t: translator(caller.lang) };
}

/**
 * Who is asking, as the services see them, and a translator in their language; or, for
 * someone unknown or deactivated, the explanation of how to be added (in their language).
 */
export async function loadActorWithLanguage(ctx: AppContext, slackUserId: string): Promise<{ actor: Actor; t: Translate } | { message: string }> {
  let actor: Actor;
  try {
    actor = await loadActor(ctx, slackUserId);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    const caller = await identifyCaller(ctx, slackUserId);
    return { message: describeServiceError(translator(caller.lang), e) };
  }
  const lang = resolveLanguage(actor.language, actor.slackLocale);
  rememberLanguage(ctx, slackUserId, lang);
  return { actor, t: translator(lang) };
}
