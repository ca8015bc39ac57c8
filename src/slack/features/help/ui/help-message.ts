import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';
import type { SubcommandInfo } from '../../../commands/catalog.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';

export interface HelpMessage {
  text: string;
  blocks: KnownBlock[];
}

export type HelpReason = { kind: 'asked' } | { kind: 'unknown'; command: string } | { kind: 'notYet'; command: string };

/** The ephemeral answer to `/reap help`, to an unknown subcommand and to one not shipped yet. */
export function helpMessage(t: Translate, commands: readonly SubcommandInfo[], reason: HelpReason = { kind: 'asked' }): HelpMessage {
  const intro =
    reason.kind === 'asked'
      ? t('help.intro')
      : t(reason.kind === 'unknown' ? 'help.unknown' : 'help.notYet', {
          command: escapeMrkdwn(truncate(reason.command, 40)),
        });
  const lines = commands.map((c) => {
    const soon = c.available ? '' : ` ${t('help.comingSoon')}`;
    return `\`${c.usage}\` ${t(`help.commands.${c.helpKey ?? c.name}`)}${soon}`;
  });
  return {
    text: reason.kind === 'asked' ? t('help.header') : intro,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t('help.header'), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: intro } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: t('help.footer') }] },
    ],
  };
}
