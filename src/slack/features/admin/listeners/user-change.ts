// Slack's user_change event: keep members' name, email, zone and locale in step with
// Slack, and when an account is deactivated (user.deleted), deactivate the member and DM
// whoever must find new owners for their strategies, one Reassign button per strategy.
//
// Bolt acknowledges events before this runs, and Slack may still deliver one twice: the
// profile sync writes only what differs, and markDeactivated flags (and reports) only
// strategies not flagged yet, so a repeat sends no second DM.
import type { EventListener } from '../../../listener-types.js';
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../../../services/app-context.js';
import { departmentNames } from '../../../../services/departments.js';
import { syncFromSlackProfile, type DeactivationResult, type SlackProfile } from '../../../../services/members.js';
import { speakerFor } from '../../../caller.js';
import { republishHomeFor } from '../../home/publish-home.js';
import { deactivationMessages } from '../../manage/ui/manage-deactivation.js';

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  tz?: string;
  locale?: string;
  profile?: { real_name?: string; email?: string };
}

/** Only what Slack sent: a field missing from the event (no email scope, say) stays as stored. */
export function profileOf(user: SlackUser): SlackProfile {
  return {
    name: user.real_name || user.profile?.real_name || user.name || null,
    ...(user.profile && 'email' in user.profile ? { email: user.profile.email ?? null } : {}),
    ...(user.tz !== undefined ? { tz: user.tz } : {}),
    ...(user.locale !== undefined ? { locale: user.locale } : {}),
    deleted: user.deleted === true,
  };
}

export function userChange(ctx: AppContext): EventListener<'user_change'> {
  return async ({ event, client }) => {
    const user = event.user as SlackUser;
    if (!user?.id || user.is_bot) return;
    try {
      const result = await syncFromSlackProfile(ctx, user.id, profileOf(user));
      if (result.deactivation) await notifyReassignment(ctx, client, user.id, result.deactivation);
    } catch (e) {
      ctx.logger.error({ err: e, user: user.id }, 'could not apply a Slack profile change');
    }
  };
}

async function notifyReassignment(ctx: AppContext, client: WebClient, personSlackId: string, d: DeactivationResult): Promise<void> {
  if (d.strategies.length === 0) return;
  const codes = [...new Set(d.notify.map((n) => n.departmentCode).filter((c): c is string => c !== null))];
  const departments = await departmentNames(ctx, codes);
  for (const group of d.notify) {
    const strategies = d.strategies.filter((s) => group.strategyIds.includes(s.id));
    const departmentName = departments.find((x) => x.code === group.departmentCode)?.name ?? group.departmentCode;
    for (const recipient of group.recipientSlackIds) {
      // Each lead reads it in their own language.
      const { t } = await speakerFor(ctx, recipient);
      for (const message of deactivationMessages(t, { personSlackId, departmentName, strategies })) {
        try {
          await client.chat.postMessage({ channel: recipient, text: message.text, blocks: message.blocks });
        } catch (e) {
          // The strategies stay flagged (plans show "needs a new owner"), so nothing is lost.
          ctx.logger.warn({ err: (e as Error).message, recipient, person: personSlackId }, 'could not DM a reassignment request');
          break;
        }
      }
    }
  }
  // Their App Home lists the strategies that now need an owner.
  await republishHomeFor(
    ctx,
    client,
    d.notify.flatMap((n) => n.recipientSlackIds),
  );
}
