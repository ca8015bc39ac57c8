// /reap update [strategy]: opens the progress modal, preselecting the strategy named by
// its id ("42", "#42"), its number in the person's department plan ("2.3"), its number
// with a department code or plan key ("LIB 2.3", "LIB-FY2024-2026 2.3"), or words of its
// title ("storytimes spanish") among the strategies the person may report on.
//
// The modal opens with a loading view as the command arrives, before anything is read, so
// the 3-second trigger is used at once however busy the database is; the form (or what to
// say instead: a number that matches nothing the person may report on, someone unknown to
// REAP Tracker) replaces it. Text that cannot name a strategy is answered without a modal.
import type { SlashCommand } from '@slack/bolt';
import type { Actor } from '../../../domain/permissions.js';
import { isOrseAdmin } from '../../../domain/permissions.js';
import type { AppContext } from '../../../services/app-context.js';
import { departmentIdOfScope } from '../../../services/departments.js';
import { ServiceError } from '../../../services/errors.js';
import { getUpdateFormDefaults, listReportableStrategies, type ReportableStrategy } from '../../../services/progress-updates.js';
import { loadActorWithLanguage, speakerFor } from '../../caller.js';
import type { Translate } from '../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../ui/mrkdwn.js';
import { parseStrategyQuery, type StrategyQuery } from '../../commands/command-text.js';
import { matchStrategiesByWords } from '../../../domain/strategy-words.js';
import { newUpdateModel, openPreparedForm, prepare, type PreparedForm } from './update-form.js';
import type { ModalSubcommandHandler } from '../../commands/types.js';

type Resolved = { departmentId: number | null; strategyId: number | null; strategies?: ReportableStrategy[] } | { message: string };

function unknown(t: Translate, query: string): { message: string } {
  return { message: t('update.errors.unknownStrategy', { query: escapeMrkdwn(truncate(query, 60)) }) };
}

/** Which department's list to show and which strategy to preselect, or why not. */
export async function resolveStrategyQuery(ctx: AppContext, actor: Actor, query: StrategyQuery, t: Translate, raw: string): Promise<Resolved> {
  const admin = isOrseAdmin(actor);
  let departmentId = actor.departmentId;
  const scope = query.kind === 'label' ? (query.scope?.toLowerCase() ?? null) : null;
  if (scope && admin) {
    // ORSE admins may name any department (by code) or plan (by key).
    departmentId = (await departmentIdOfScope(ctx, scope)) ?? departmentId;
  }
  const strategies = await listReportableStrategies(ctx, actor, admin && departmentId !== null ? { departmentId } : {});

  switch (query.kind) {
    case 'none':
      if (strategies.length === 0 && !admin) return { message: t('update.errors.noneToReport') };
      return { departmentId, strategyId: strategies.length === 1 ? strategies[0]!.id : null, strategies };
    case 'invalid':
      return unknown(t, raw);
    case 'id': {
      if (strategies.some((s) => s.id === query.id)) return { departmentId, strategyId: query.id, strategies };
      if (!admin) return unknown(t, raw);
      // Admins report anywhere: the service says whether it exists (and its department).
      try {
        const d = await getUpdateFormDefaults(ctx, actor, query.id);
        return { departmentId: d.strategy.department?.id ?? departmentId, strategyId: query.id };
      } catch (e) {
        if (e instanceof ServiceError && e.code === 'not_found') return unknown(t, raw);
        throw e;
      }
    }
    case 'label': {
      let matches = strategies.filter(
        (s) => s.label === query.label && (!scope || s.department?.code.toLowerCase() === scope || s.plan.key.toLowerCase() === scope),
      );
      if (matches.length > 1) {
        const inDepartment = matches.filter((s) => s.department?.id === departmentId);
        if (inDepartment.length > 0) matches = inDepartment;
      }
      if (matches.length === 0) return unknown(t, raw);
      if (matches.length > 1) {
        const listed = matches.slice(0, 10).map((s) => `\`${s.plan.key} ${s.label}\` (${s.id})`);
        return { message: t('update.errors.ambiguous', { query: escapeMrkdwn(truncate(raw, 60)), matches: listed.join(', '), example: matches[0]!.id }) };
      }
      return { departmentId, strategyId: matches[0]!.id, strategies };
    }
    case 'words': {
      const matches = matchStrategiesByWords(query.text, strategies);
      const shown = escapeMrkdwn(truncate(raw, 60));
      if (matches.length === 0) return { message: t('update.errors.noTitleMatch', { query: shown }) };
      if (matches.length > 1) {
        const listed = matches.slice(0, 10).map((s) => `• \`${s.label}\` ${escapeMrkdwn(truncate(s.text, 90))}`);
        if (matches.length > 10) listed.push(t('update.errors.andMore', { count: matches.length - 10 }));
        return { message: t('update.errors.severalTitles', { query: shown, count: matches.length, matches: listed.join('\n'), example: matches[0]!.label }) };
      }
      return { departmentId, strategyId: matches[0]!.id, strategies };
    }
  }
}

/** The form for `/reap update <args>` in the person's own language, or what to say instead. */
async function prepareUpdateForm(ctx: AppContext, command: SlashCommand, args: string): Promise<PreparedForm> {
  const who = await loadActorWithLanguage(ctx, command.user_id);
  if ('message' in who) return { kind: 'message', text: who.message };
  const { actor, t } = who;
  return prepare(t, async () => {
    const resolved = await resolveStrategyQuery(ctx, actor, parseStrategyQuery(args), t, args);
    if ('message' in resolved) return { kind: 'message' as const, text: resolved.message };
    return newUpdateModel(ctx, actor, { ...resolved, meta: { channelId: command.channel_id } });
  });
}

export const updateCommand: ModalSubcommandHandler = async ({ ctx, command, args, quickT, ack, respond, client, loadingView }) => {
  const query = parseStrategyQuery(args);
  if (query.kind === 'invalid') {
    // No modal for text that cannot name a strategy, so no trigger to race: answer in the
    // person's own language rather than the remembered one.
    const { t } = await speakerFor(ctx, command.user_id);
    await ack({ response_type: 'ephemeral', text: unknown(t, args).message });
    return;
  }
  await openPreparedForm(prepareUpdateForm(ctx, command, args), {
    client,
    triggerId: command.trigger_id,
    t: quickT,
    ctx,
    ack: () => ack(),
    opened: loadingView,
    say: async (text) => {
      await respond({ response_type: 'ephemeral', text });
    },
  });
};
