// The direct message that tells a person about a change someone else made to their work
// (services/change-notices.ts queues it). Pure: the change and the recipient in, in the
// recipient's own language; out, what chat.postMessage receives.
import type { KnownBlock } from '@slack/types';
import type { OutboxPayload } from '../../../../jobs/outbox/enqueue.js';
import type { ChangeNotice, NoticeRecipient } from '../../../../services/change-notices.js';
import { resolveLanguage, translator, type Translate } from '../../../i18n/index.js';
import { escapeMrkdwn, truncate } from '../../../ui/mrkdwn.js';
import { slackDate } from '../../../ui/status-parts.js';
import { strategyLabelText } from '../../../ui/strategy-label.js';

const mention = (slackUserId: string | null | undefined, t: Translate): string => (slackUserId ? `<@${slackUserId}>` : t('notices.nobody'));

// The strategy's own words under the headline; a section holds 3,000 characters.
const STRATEGY_TEXT_MAX = 600;

function headline(t: Translate, n: ChangeNotice, r: NoticeRecipient): string {
  const common = {
    actor: `<@${n.actorSlackId}>`,
    label: escapeMrkdwn(n.strategy.label),
    department: n.strategy.departmentName ? t('notices.department', { name: escapeMrkdwn(n.strategy.departmentName) }) : '',
  };
  switch (n.kind) {
    case 'strategyReassigned': {
      const role = r.role === 'newOwner' || r.role === 'previousOwner' ? r.role : 'lead';
      return t(`notices.strategyReassigned.${role}`, { ...common, owner: mention(n.ownerSlackId, t), previous: mention(n.previousOwnerSlackId, t) });
    }
    case 'strategyAdded':
      return t(`notices.strategyAdded.${r.role === 'owner' ? 'owner' : 'lead'}`, { ...common, owner: mention(n.ownerSlackId, t) });
    case 'strategyDeferred': {
      const due = n.strategy.dueDate ? slackDate(n.strategy.dueDate) : t('notices.noDue');
      const line = t(`notices.strategyDeferred.${r.role === 'owner' ? 'owner' : 'lead'}`, { ...common, due });
      return n.reason ? `${line}\n${t('notices.strategyDeferred.reason', { reason: escapeMrkdwn(truncate(n.reason, 1000)) })}` : line;
    }
    case 'strategyLeadMoved': {
      const role = r.role === 'owner' || r.role === 'previousOwner' || r.role === 'previousLead' ? r.role : 'lead';
      const name = (department: string | null | undefined) => (department ? `*${escapeMrkdwn(department)}*` : t('notices.nobody'));
      // Only citywide strategies move, so the label names the plan (as lists do).
      const label = escapeMrkdwn(strategyLabelText(t, n.strategy));
      return t(`notices.strategyLeadMoved.${role}`, { ...common, label, lead: name(n.strategy.departmentName), previous: name(n.previousDepartmentName) });
    }
    case 'milestoneAdded': {
      const role = r.role === 'milestoneOwner' || r.role === 'owner' ? r.role : 'lead';
      const m = n.milestone;
      return t(`notices.milestoneAdded.${role}`, {
        ...common,
        title: escapeMrkdwn(m?.title ?? ''),
        due: m ? slackDate(m.dueDate) : t('notices.noDue'),
      });
    }
  }
}

export function changeNoticeMessage(notice: ChangeNotice, recipient: NoticeRecipient): OutboxPayload {
  const t = translator(resolveLanguage(recipient.language, recipient.slackLocale));
  const head = headline(t, notice, recipient);
  const due = notice.strategy.dueDate ? t('notices.due', { due: slackDate(notice.strategy.dueDate) }) : t('notices.noDue');
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: head } },
    { type: 'section', text: { type: 'mrkdwn', text: `>${escapeMrkdwn(truncate(notice.strategy.text, STRATEGY_TEXT_MAX)).replace(/\n/g, '\n>')}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${due} · ${t('notices.footer')}` }] },
  ];
  // The fallback is what a phone's notification shows: the headline, without the formatting.
  return { text: head.replace(/\*/g, ''), blocks };
}
