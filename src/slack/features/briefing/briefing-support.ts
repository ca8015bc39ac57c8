// What the briefing listeners share (not a listener itself): who is speaking and in which
// language, the composer's data for a new or an existing briefing, opening it with a
// trigger_id, and the words for a failure.
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { BRIEFING_LIMITS, briefingQuarterChoices, splitForInputs } from '../../../domain/briefing-draft.js';
import { parsePeriodKey, type FiscalPeriod } from '../../../domain/fiscal-calendar.js';
import type { AppContext } from '../../../services/app-context.js';
import type { BriefingRecord } from '../../../services/briefings.js';
import { resolveLanguage, translator, type Translate } from '../../i18n/index.js';
import { briefingComposerModal, type ComposerData, type ComposerMeta, type ComposerValues } from './ui/briefing-modal.js';

/** The language a posted briefing speaks: its composer's (the channel has no single reader). */
export function briefingTranslator(b: Pick<BriefingRecord, 'createdBy'>): Translate {
  return translator(resolveLanguage(b.createdBy.language, b.createdBy.slackLocale));
}

/** The quarters offered, with `extra` added when an older briefing covers one outside the range. */
export function quarterChoices(ctx: AppContext, extra?: string): { current: FiscalPeriod; choices: FiscalPeriod[] } {
  const { current, choices } = briefingQuarterChoices(ctx.now(), ctx.config.timeZone);
  const p = extra ? parsePeriodKey(extra) : null;
  if (p && p.cadence === 'QUARTERLY' && !choices.some((q) => q.key === p.key)) {
    choices.push(p);
    choices.sort((a, b) => a.start.localeCompare(b.start));
  }
  return { current, choices };
}

/** An empty composer, for the current quarter or the one a reminder named. */
export function newComposer(ctx: AppContext, quarterKey?: string): ComposerData {
  const { current, choices } = quarterChoices(ctx);
  const wanted = quarterKey && choices.some((q) => q.key === quarterKey) ? quarterKey : current.key;
  return {
    meta: { mode: 'new', id: null, parts: 1, gen: 0 },
    quarters: choices,
    currentQuarterKey: current.key,
    quarterKey: wanted,
    title: '',
    bodyParts: [''],
    channelIds: [],
    scheduledFor: null,
    asCanvas: false,
  };
}

/** The composer filled with a saved briefing: posted ones edit their messages, others are (re)scheduled. */
export function composerFor(ctx: AppContext, b: BriefingRecord): ComposerData {
  const { current, choices } = quarterChoices(ctx, b.quarterKey);
  const bodyParts = splitForInputs(b.body);
  const posted = b.status === 'POSTED';
  return {
    meta: {
      mode: posted ? 'posted' : 'edit',
      id: b.id,
      parts: Math.min(BRIEFING_LIMITS.bodyParts, Math.max(1, bodyParts.length)),
      gen: 0,
      ...(posted ? { posted: b.posts.map((p) => ({ channelId: p.channelId, permalink: p.permalink })) } : {}),
      ...(b.status === 'CANCELLED' ? { cancelled: true } : {}),
    },
    quarters: choices,
    currentQuarterKey: current.key,
    quarterKey: b.quarterKey,
    title: b.title,
    bodyParts: bodyParts.length ? bodyParts : [''],
    channelIds: b.channelIds,
    // A time already passed is shown empty: scheduling again means "now".
    scheduledFor: b.status === 'SCHEDULED' && b.scheduledFor && b.scheduledFor > ctx.now() ? b.scheduledFor : null,
    asCanvas: b.asCanvas,
  };
}

/** The composer rebuilt from what is in it now, e.g. after "More space" or with a notice. */
export function composerFromValues(ctx: AppContext, meta: ComposerMeta, values: ComposerValues, notice?: string): ComposerData {
  const { current, choices } = quarterChoices(ctx, values.quarterKey);
  return {
    meta,
    quarters: choices,
    currentQuarterKey: current.key,
    quarterKey: values.quarterKey || current.key,
    title: values.title,
    bodyParts: values.bodyParts.length ? values.bodyParts : [''],
    channelIds: values.channelIds,
    scheduledFor: values.scheduledFor,
    asCanvas: values.asCanvas,
    notice,
  };
}

export function composerView(t: Translate, data: ComposerData): View {
  return briefingComposerModal(t, data);
}

/**
 * Which of the picked channels REAP Tracker cannot post in, according to Slack: a private
 * channel it was not invited to (Slack says channel_not_found, so it is named by id), an
 * archived one, or a public one it has not joined when the token lacks chat:write.public
 * (Slack lists the token's scopes in every answer; the manifests ask for that scope). A
 * lookup that fails otherwise or is slow is not held against the channel: the post's own
 * failure would be reported to the composer later.
 */
export async function channelsWithoutBot(ctx: AppContext, client: WebClient, channelIds: readonly string[], budgetMs = 1500): Promise<string[]> {
  if (channelIds.length === 0) return [];
  const lookups = Promise.all(
    channelIds.map(async (channel) => {
      try {
        const res = await client.conversations.info({ channel });
        const c = res.channel as { is_member?: boolean; is_private?: boolean; is_archived?: boolean; is_im?: boolean; name?: string } | undefined;
        if (!c || c.is_im) return null;
        const name = `#${c.name ?? channel}`;
        if (c.is_archived) return name;
        if (c.is_member !== false) return null;
        if (c.is_private) return name;
        const scopes = res.response_metadata?.scopes;
        return scopes && !scopes.includes('chat:write.public') ? name : null;
      } catch (e) {
        const code = (e as { data?: { error?: string } }).data?.error;
        return code === 'channel_not_found' ? channel : null;
      }
    }),
  );
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), budgetMs).unref());
  const result = await Promise.race([lookups, timeout]);
  if (result === null) {
    ctx.logger.warn({ channels: channelIds }, 'channel membership check timed out; scheduling anyway');
    return [];
  }
  return result.filter((n): n is string => n !== null);
}
