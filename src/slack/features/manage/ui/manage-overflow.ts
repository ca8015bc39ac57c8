// The "Manage" overflow menu that reading surfaces (status, plan, deadlines, App Home) put
// next to a strategy the reader may manage (`canManage` from the services).
//
// CONTRACT (other features rely on it; change it only together with them):
//   element    { type: 'overflow', action_id: 'strategy:manage', options: [...] }
//   values     'edit:<strategyId>'        → Edit strategy modal
//              'reassign:<strategyId>'    → Reassign modal
//              'defer:<strategyId>'       → Defer modal (reason + new date)
//              'close:<strategyId>'       → Close confirmation modal
//              'milestone:add:<strategyId>' → Milestones modal (list, edit, mark done, add)
//              (Slack allows five options in an overflow menu: the Measures modal of typed
//              measures opens from the Edit strategy modal's "Typed measures…" button.)
//   placement  in messages, modals or App Home: as the `accessory` of the strategy's
//              section, or, when the accessory is already the Update button, in an
//              `actions` block after it ({type:'actions', elements:[updateButton, manageOverflow]}).
//              Slack wants action_ids unique within a block: one menu per block.
//   shown      only when the services said `canManage` for that strategy (equity leads of
//              its department, ORSE admins); the services refuse everyone else anyway.
//   listener   src/slack/features/manage/listeners/manage-menu.ts opens the modal with the
//              trigger_id, loads the strategy's current version and checks, via the
//              services, that the clicker may manage it (a crafted value is refused there).
//
// The menu never carries a version: the modal loads the current one when it opens, so a
// list that is an hour old still edits what is there now.
import type { Overflow, PlainTextOption } from '@slack/types';
import type { Translate } from '../../../i18n/index.js';

export const MANAGE_ACTION_ID = 'strategy:manage';

/** The menu's options; Slack allows five in an overflow. */
export const MENU_OPS = ['edit', 'reassign', 'defer', 'close', 'milestone:add'] as const;
/** Every managing modal opened by a strategy id: the menu's and the Measures modal. */
export const MANAGE_OPS = [...MENU_OPS, 'measures'] as const;
export type ManageOp = (typeof MANAGE_OPS)[number];

const LABEL_KEYS: Record<ManageOp, string> = {
  edit: 'manage.menu.edit',
  reassign: 'manage.menu.reassign',
  defer: 'manage.menu.defer',
  close: 'manage.menu.close',
  'milestone:add': 'manage.menu.milestones',
  measures: 'measures.manage.menu',
};

export const manageValue = (op: ManageOp, strategyId: number): string => `${op}:${strategyId}`;

/** The overflow element for one strategy; put it in the strategy's section as `accessory`. */
export function manageOverflow(t: Translate, strategyId: number): Overflow {
  if (!Number.isSafeInteger(strategyId) || strategyId <= 0) throw new Error(`manageOverflow needs a strategy id, got ${strategyId}`);
  const options: PlainTextOption[] = MENU_OPS.map((op) => ({
    text: { type: 'plain_text', text: t(LABEL_KEYS[op]), emoji: true },
    value: manageValue(op, strategyId),
  }));
  return { type: 'overflow', action_id: MANAGE_ACTION_ID, options };
}

/**
 * Reads an option value back. Anything else (a crafted or truncated value) is null, which
 * the listener answers with a generic refusal rather than guessing.
 */
export function parseManageValue(value: unknown): { op: ManageOp; strategyId: number } | null {
  if (typeof value !== 'string') return null;
  const m = /^(edit|reassign|defer|close|milestone:add|measures):([1-9][0-9]{0,9})$/.exec(value);
  if (!m) return null;
  const strategyId = Number(m[2]);
  if (!Number.isSafeInteger(strategyId) || strategyId > 2_147_483_647) return null;
  return { op: m[1] as ManageOp, strategyId };
}
