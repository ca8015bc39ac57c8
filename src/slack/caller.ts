// Who is asking, in which language. Reads only our own database (one indexed query),
// never Slack, so it fits inside the 3-second acknowledgement window.
import type { AppContext } from '../services/app-context.js';
import { resolveLanguage } from './i18n/index.js';
import type { Caller } from './commands/types.js';

export async function identifyCaller(ctx: AppContext, slackUserId: string): Promise<Caller> {
  try {
    const member = await ctx.prisma.member.findUnique({
      where: { slackUserId },
      select: { id: true, language: true, slackLocale: true, active: true },
    });
    if (!member || !member.active) return { slackUserId, lang: resolveLanguage(member?.language, member?.slackLocale), memberId: null };
    return { slackUserId, lang: resolveLanguage(member.language, member.slackLocale), memberId: member.id };
  } catch (e) {
    // Help and error messages must still reach the user when the database is down.
    ctx.logger.warn({ err: (e as Error).message }, 'caller lookup failed');
    return { slackUserId, lang: 'en', memberId: null };
  }
}
