// Helpers for the /reap update e2e tests, shared by those on the listener harness
// (startListenerApp) and the few in update-http.test.ts that need real HTTP (Slack's
// retry headers, timing) on startTestApp.
import type { ViewOutput } from '@slack/bolt';
import { expect } from 'vitest';
import type { Prisma } from '../../src/db/client.js';
import { userMessageEvents } from '../../src/sandbox/fake-slack/index.js';
import { REPORT_MESSAGE_SHORTCUT } from '../../src/slack/features/update/listeners/report-message-shortcut.js';
import type { ListenerApp } from '../support/listener-app.js';

/** Either harness: the listener app (startListenerApp) or the real HTTP app (startTestApp). */
export type DrivenApp = Pick<ListenerApp, 'fake' | 'db' | 'driver'>;

/** 2026-11-18 in San José: mid-morning on a Wednesday. */
export const NOW = new Date('2026-11-18T17:00:00Z');
export const CHANNEL = 'C0GENERAL';
export const LIB_CHANNEL = 'C0LIBRARY';
export const GRACE = 'U0LIB03'; // Grace Kim, Library staff, English, owns LIB 1.1 and 2.1
export const MINH = 'U0LIB02'; // Minh Nguyen, Library staff, Vietnamese

/**
 * `/reap update <text>` in #general: Slack gets its answer in time, and the update form
 * opens, first as a loading view, then filled in.
 */
export async function openUpdateForm(app: DrivenApp, user: string, text: string): Promise<ViewOutput> {
  const opens = app.fake.calls('views.open').length;
  const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: `update ${text}`.trim() });
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(3000);
  await app.fake.waitFor(() => app.fake.calls('views.open').length > opens, 5000, 'views.open');
  return app.fake.waitFor(
    () => {
      const top = app.fake.openViews(user).at(-1);
      return top?.callback_id === 'reap.update' && top.blocks.some((b) => b.block_id === 'narrative') ? top : undefined;
    },
    5000,
    'the update form',
  );
}

/** Typed measures for a strategy: a percentage, a count and a yes/no, as an owner would set them. */
export async function addTypedMeasures(app: DrivenApp, strategyId: number): Promise<{ trained: number; sessions: number; adopted: number }> {
  const p = app.db.prisma;
  const trained = await p.measure.create({
    data: {
      strategyId,
      position: 1,
      label: 'Branch staff trained',
      kind: 'PERCENT',
      target: 90,
      direction: 'INCREASE',
      dataSource: 'Training roster',
      splitBy: ['LANGUAGE'],
    },
  });
  const sessions = await p.measure.create({ data: { strategyId, position: 2, label: 'Bilingual sessions held', kind: 'COUNT', unit: 'sessions', target: 12 } });
  const adopted = await p.measure.create({ data: { strategyId, position: 3, label: 'Language access policy adopted', kind: 'YES_NO', target: 1 } });
  return { trained: trained.id, sessions: sessions.id, adopted: adopted.id };
}

/**
 * What Slack would have refused, except App Home's own overlapping refreshes: its publisher
 * answers a views.publish hash_conflict by publishing a fresh build (src/slack/home).
 */
/** A Submit of the form `addTypedMeasures` made: every measure answered, one off target with its note. */
export function measuresSubmission(m: { trained: number; sessions: number; adopted: number }): Record<string, string> {
  return {
    narrative: 'Eight bilingual sessions; four were cancelled for the branch closure.',
    [`measure.${m.trained}`]: '92.5',
    [`measure.${m.sessions}`]: '8',
    [`measure_note.${m.sessions}`]: 'Alum Rock closed for repairs in October.',
    [`measure.${m.adopted}`]: '1',
    visibility: 'PUBLIC',
  };
}

export function expectNoViolations(app: DrivenApp, allow: readonly string[] = []): void {
  const unexpected = app.fake.violations().filter((v) => !(v.method === 'views.publish' && v.code === 'hash_conflict') && !allow.includes(v.code));
  app.fake.clearViolations();
  expect(unexpected).toEqual([]);
}

/**
 * Swaps the app's database client for one whose statement named by `marker` (the comment
 * it starts with) misbehaves `times` times. Work still running in the background (App Home
 * refreshes) may use it too. Put `realPrisma` back after the test.
 */
export function sabotageSql(ctx: { prisma: Prisma }, realPrisma: Prisma, marker: string, behave: () => Promise<void>, times = Number.POSITIVE_INFINITY): void {
  let left = times;
  const hook = async ({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) => {
    if (left > 0 && JSON.stringify(args).includes(`/* ${marker} */`)) {
      left--;
      await behave();
    }
    return query(args);
  };
  ctx.prisma = realPrisma.$extends({ query: { $queryRaw: hook } } as never) as unknown as Prisma;
}

/** A message someone posted (stored in the fake as Slack would; the app is not told). Its ts. */
export function postMessage(app: DrivenApp, user: string, channel: string, text: string): string {
  const [event] = userMessageEvents(app.fake, { user, channel, text });
  return String(event?.ts);
}

/** "Report as REAP update" on a message: Slack gets its answer in time. */
export async function runReportShortcut(app: DrivenApp, user: string, channel: string, messageTs: string): Promise<void> {
  const res = await app.driver.messageShortcut({ user, channel, messageTs, callbackId: REPORT_MESSAGE_SHORTCUT });
  expect(res.status).toBe(200);
  expect(res.ms).toBeLessThan(3000);
}

/** Picks a strategy in an open update form and waits for the form to be rebuilt for it. */
export async function pickUpdateStrategy(app: DrivenApp, user: string, view: ViewOutput, strategyId: number): Promise<ViewOutput> {
  const hash = app.fake.view(view.id)!.hash;
  await app.driver.blockAction({ user, viewId: view.id, actionId: 'update.strategy', value: String(strategyId) });
  return app.fake.waitFor(
    () => {
      const v = app.fake.view(view.id);
      return v && v.hash !== hash ? v : undefined;
    },
    5000,
    'the form refreshed for the strategy',
  );
}
