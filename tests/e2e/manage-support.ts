// Helpers for the strategy-management e2e tests (manage*, admin*, deactivation*).
import type { ViewOutput } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';
import { translator } from '../../src/slack/i18n/index.js';
import { manageOverflow } from '../../src/slack/features/manage/ui/manage-overflow.js';
import { FORM_CONTENT_TYPE, parseSubmissionAck, payloadBody, viewSubmissionPayload, type SubmissionAck } from '../../src/sandbox/fake-slack/index.js';
import type { TestApp } from '../support/test-app.js';

/** Either harness: the real HTTP app (startTestApp) or the listener app (startListenerApp). */
type DrivenApp = Pick<TestApp, 'fake' | 'db' | 'driver'>;

export const CHANNEL = 'C0GENERAL';
/** 2026-11-18 in San José: mid-morning on a Wednesday. */
export const NOW = new Date('2026-11-18T17:00:00Z');
export const TODAY = '2026-11-18';

export const ADMIN = 'U0ORSE01'; // ORSE admin, reads Spanish
export const ADMIN_LEAD = 'U0ORSE02'; // ORSE admin and equity lead, reads Vietnamese
export const LIB_LEAD = 'U0LIB01';
export const LIB_STAFF = 'U0LIB03'; // follows Slack's en-GB locale: English
export const LIB_STAFF_VI = 'U0LIB02';
export const HSG_LEAD = 'U0HSG01';
export const MANAGER = 'U0MGR01';

/** The top modal of `user` once it is the one with `callbackId` (listeners fill modals after acking). */
export async function modalFor(app: DrivenApp, user: string, callbackId: string, options: { notId?: string; timeoutMs?: number } = {}): Promise<ViewOutput> {
  return app.fake.waitFor(
    () => {
      const top = app.fake.openViews(user).at(-1);
      return top?.callback_id === callbackId && top.id !== options.notId ? top : undefined;
    },
    options.timeoutMs ?? 4000,
    `${user}'s ${callbackId} modal`,
  );
}

/** The text a person sees in a view or message (all mrkdwn and plain text, joined). */
export function textOf(blocks: unknown): string {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      else Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

/**
 * A list message with the Manage menu next to each strategy, as the status and plan
 * features post it (they include manageOverflow for strategies the reader may manage).
 */
export function postManageList(app: DrivenApp, strategyIds: number[], channel = CHANNEL): string {
  const t = translator('en');
  const blocks: KnownBlock[] = strategyIds.map((id) => ({
    type: 'section',
    block_id: `s_${id}`,
    text: { type: 'mrkdwn', text: `Strategy #${id}` },
    accessory: manageOverflow(t, id),
  }));
  const message = app.fake.workspace.addMessage({
    channel,
    user: app.fake.bot.userId,
    bot_id: app.fake.bot.botId,
    text: 'Strategies',
    blocks,
    source: 'chat.postMessage',
  });
  return message.ts;
}

/** Picks `op` in the Manage menu of strategy `id` and waits for the modal it opens. */
export async function manage(app: DrivenApp, user: string, op: string, id: number, callbackId: string): Promise<ViewOutput> {
  const ts = postManageList(app, [id]);
  const before = app.fake.openViews(user).at(-1)?.id;
  await app.driver.blockAction({ user, channel: CHANNEL, messageTs: ts, actionId: 'strategy:manage', blockId: `s_${id}`, value: `${op}:${id}` });
  return modalFor(app, user, callbackId, { notId: before });
}

/** An open strategy of the department, with an owner, in plan order. */
export async function strategyOf(app: DrivenApp, code: string, extra: Record<string, unknown> = {}) {
  const s = await app.db.prisma.strategy.findFirst({
    where: { archivedAt: null, status: { not: 'COMPLETED' }, objective: { plan: { department: { code } } }, ...extra },
    orderBy: [{ objectiveId: 'asc' }, { number: 'asc' }],
    include: { owner: true },
  });
  expect(s, `a ${code} strategy`).toBeTruthy();
  return s!;
}

export const audits = (app: DrivenApp, where: Record<string, unknown>) => app.db.prisma.auditLog.findMany({ where, orderBy: { id: 'asc' } });

/** Sets what a crafted payload would carry in an input, past what Slack's client allows. */
export function craftInput(app: DrivenApp, viewId: string, blockId: string, value: Record<string, unknown>): void {
  const view = app.fake.workspace.view(viewId);
  if (!view) throw new Error(`no view ${viewId}`);
  const block = view.state[blockId];
  if (!block) throw new Error(`view ${viewId} has no input ${blockId}`);
  const actionId = Object.keys(block)[0]!;
  block[actionId] = { ...block[actionId], ...value } as (typeof block)[string];
}

/**
 * Submits a modal as a crafted client would, past the checks Slack's own client makes
 * (required inputs left empty). The modal stays as it was; the app's answer is returned.
 */
export async function craftedSubmission(app: DrivenApp, viewId: string): Promise<SubmissionAck> {
  const view = app.fake.workspace.view(viewId);
  if (!view) throw new Error(`no view ${viewId}`);
  const payload = viewSubmissionPayload(app.fake, view);
  const result = await app.driver.transport.send(payloadBody(payload), FORM_CONTENT_TYPE, {});
  return parseSubmissionAck(result);
}
