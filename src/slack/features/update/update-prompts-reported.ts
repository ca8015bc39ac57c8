// After a new progress update: the update prompts that offered its Update button say
// "Reported ✓" instead (features/update/ui/update-prompt-message.ts, services/sent-prompts.ts), so a
// person's DMs do not keep asking for what they already did. Never throws: a prompt that
// could not be redrawn still works (its button opens the form for the next update).
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../../services/app-context.js';
import { replaceSentPrompt, sentPromptsOffering, type SentPrompt } from '../../../services/sent-prompts.js';
import { resolveLanguage, translator } from '../../i18n/index.js';
import type { SlackMessage } from '../status/ui/status-message.js';
import { markPromptReported } from './ui/update-prompt-message.js';

// Two reports at once on the same prompt: each try reads the rows again.
const TRIES = 3;
const DAY_MS = 86_400_000;

function isMessage(p: unknown): p is SlackMessage {
  return !!p && typeof p === 'object' && typeof (p as SlackMessage).text === 'string' && Array.isArray((p as SlackMessage).blocks);
}

/** `periodStart`: the reported period's first day; prompts older than it are about another period. */
export async function markPromptsReported(ctx: AppContext, client: WebClient, strategyId: number, periodStart: string): Promise<number> {
  const since = new Date(Date.parse(`${periodStart}T00:00:00Z`) - DAY_MS);
  let marked = 0;
  try {
    for (let attempt = 1; attempt <= TRIES; attempt++) {
      const prompts = await sentPromptsOffering(ctx, strategyId, since);
      let raced = false;
      for (const p of prompts) {
        const outcome = await redraw(ctx, client, p, strategyId);
        if (outcome === 'raced') raced = true;
        if (outcome === 'redrawn') marked++;
      }
      if (!raced) break;
    }
  } catch (e) {
    ctx.logger.warn({ err: (e as Error).message, strategyId }, 'could not mark update prompts as reported');
  }
  return marked;
}

async function redraw(ctx: AppContext, client: WebClient, p: SentPrompt, strategyId: number): Promise<'redrawn' | 'raced' | 'skipped'> {
  if (!isMessage(p.payload)) return 'skipped';
  const t = translator(resolveLanguage(p.language, p.slackLocale));
  const next = markPromptReported(t, p.payload, strategyId);
  if (!next) return 'skipped';
  // The row first: it decides which of two reports at once redraws from which version.
  if (!(await replaceSentPrompt(ctx, p.id, p.payload, next))) return 'raced';
  try {
    await client.chat.update({ channel: p.channel, ts: p.ts, text: next.text, blocks: next.blocks });
  } catch (e) {
    const code = (e as { data?: { error?: string } }).data?.error ?? (e as Error).message;
    ctx.logger.info({ err: code, channel: p.channel }, 'could not redraw an update prompt as reported');
  }
  return 'redrawn';
}
