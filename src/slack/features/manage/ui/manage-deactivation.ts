// The DM an equity lead (or ORSE admin) gets when an owner leaves Slack: the strategies
// that need a new owner, each with a Reassign button (action `strategy:reassign`, value =
// strategy id). Many strategies are split over several messages of at most 50 blocks.
import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import { REASSIGN_ACTION_ID, mention } from './manage-modals.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';

export interface DeactivationNotice {
  personSlackId: string;
  departmentName: string | null;
  strategies: { id: number; label: string; text: string }[];
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Strategies per message: the header and intro take two of Slack's 50 blocks. */
export const STRATEGIES_PER_MESSAGE = 45;

export function deactivationMessages(t: Translate, n: DeactivationNotice): SlackMessage[] {
  const person = mention(n.personSlackId);
  const text = t('manage.deactivated.text', { person, count: n.strategies.length });
  const messages: SlackMessage[] = [];
  for (let i = 0; i < n.strategies.length; i += STRATEGIES_PER_MESSAGE) {
    const chunk = n.strategies.slice(i, i + STRATEGIES_PER_MESSAGE);
    const lead: KnownBlock[] =
      i === 0
        ? [
            { type: 'header', text: { type: 'plain_text', text: truncate(t('manage.deactivated.header'), 150), emoji: true } },
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: n.departmentName
                  ? t('manage.deactivated.intro', { person, department: escapeMrkdwn(n.departmentName) })
                  : t('manage.deactivated.introNoDepartment', { person }),
              },
            },
          ]
        : [{ type: 'section', text: { type: 'mrkdwn', text: t('manage.deactivated.continued') } }];
    const items: KnownBlock[] = chunk.map((s) => ({
      type: 'section',
      block_id: `reassign_${s.id}`,
      text: {
        type: 'mrkdwn',
        text: t('manage.deactivated.item', { label: escapeMrkdwn(s.label), text: escapeMrkdwn(truncate(s.text, 600)) }),
      },
      accessory: {
        type: 'button',
        action_id: REASSIGN_ACTION_ID,
        value: String(s.id),
        text: { type: 'plain_text', text: truncate(t('manage.buttons.reassignFromDm'), 75), emoji: true },
        accessibility_label: truncate(t('manage.deactivated.buttonA11y', { label: s.label }), 75),
      },
    }));
    messages.push({ text, blocks: [...lead, ...items] });
  }
  return messages;
}
