// The weekly digest with the demo data and the real app: each demo manager gets their
// departments in their language, and the digest's buttons work: "Full plan" shows what
// `/reap plan <code>` shows, a crafted one naming a department the manager does not manage
// is refused in words, and the App Home link's click is acknowledged.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerWeeklyDigest } from '../../../src/jobs/composers/weekly-digest.js';
import { OutboxDispatcher } from '../../../src/jobs/outbox/dispatcher.js';
import { JobRegistry } from '../../../src/jobs/registry.js';
import { RunCoordinator } from '../../../src/jobs/run-coordinator.js';
import { createDispatcherClient } from '../../../src/jobs/slack-client.js';
import { createLogger } from '../../../src/logger.js';
import { startListenerApp, type ListenerApp } from '../../support/listener-app.js';
import type { FiscalPeriod } from '../../../src/domain/fiscal-calendar.js';
import { addSummaries, type ReportingSummary } from '../../../src/domain/status-summary.js';
import { weeklyDigestWindow } from '../../../src/domain/weekly-digest.js';
import { loadWeeklyDigests } from '../../../src/services/digests.js';
import { loadHomeData } from '../../../src/slack/features/home/publish-home.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { reportingSummaryLine, reportingTotalsLine } from '../../../src/slack/ui/reporting-summary.js';

const NOW = new Date('2026-11-16T16:00:00Z'); // Monday 08:00 in San José
const KEVIN = 'U0MGR01'; // manages HOUSING, LIB and PRNS; English
const LORENA = 'U0MGR02'; // manages SJPD; Spanish

type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value?: string; url?: string }[] };
type Message = { ts: string; text: string; blocks: Block[] };

describe('weekly digest with the demo data', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    const { ctx } = app;
    const registry = new JobRegistry();
    registerWeeklyDigest(registry, { appIdentity: async () => ({ teamId: app.fake.workspace.team.id, appId: app.fake.bot.appId }) });
    const outcome = await new RunCoordinator({ ctx, registry, instanceId: 'app-test' }).runFire('weekly-digest', NOW, 'cron');
    expect(outcome.outcome).toBe('succeeded');
    await new OutboxDispatcher({
      prisma: ctx.prisma,
      client: createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url }),
      instanceId: 'app-test',
      logger: createLogger('silent'),
      now: ctx.now,
      perChannelIntervalMs: 0,
    }).drain();
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    const unexpected = app.fake.violations().filter((v) => !(v.method === 'views.publish' && v.code === 'hash_conflict'));
    app.fake.clearViolations();
    expect(unexpected).toEqual([]);
  });

  const dms = (user: string) => app.fake.messages(app.fake.dmChannelId(user)) as unknown as Message[];

  it('sends each demo manager their departments, in their language, and nobody else', async () => {
    const kevin = dms(KEVIN);
    expect(kevin.length).toBeGreaterThanOrEqual(1);
    const all = kevin.map((m) => JSON.stringify(m.blocks)).join('');
    for (const code of ['HOUSING', 'LIB', 'PRNS']) expect(all).toContain(`(${code})`);
    expect(all).not.toContain('(SJPD)');
    expect(all).toContain('Your weekly REAP digest');

    const lorena = dms(LORENA)
      .map((m) => JSON.stringify(m.blocks))
      .join('');
    expect(lorena).toContain('Su resumen semanal de REAP');
    expect(lorena).toContain('(SJPD)');

    const recipients = await app.db.prisma.outboxMessage.findMany({ where: { job: 'weekly-digest' }, distinct: ['userId'], select: { userId: true } });
    expect(recipients.map((r) => r.userId).sort()).toEqual([KEVIN, LORENA]);
  });

  it('opens with the same reported / not reported / overdue / due soon counts as the manager’s App Home', async () => {
    // The figures behind both: App Home's loader and the digest's loader, on the same data and clock.
    const { data } = await loadHomeData(app.ctx, KEVIN);
    expect(data.role).toBe('manager');
    const home = (data as { departments: { department: { code: string }; summary: ReportingSummary; period: FiscalPeriod }[] }).departments;
    const { digests } = await loadWeeklyDigests(app.ctx, weeklyDigestWindow(NOW, app.ctx.config.timeZone));
    const weeks = digests.find((d) => d.manager.slackUserId === KEVIN)!.departments;
    expect(weeks.map((w) => w.department.code).sort()).toEqual(home.map((h) => h.department.code).sort());
    for (const h of home) {
      const w = weeks.find((x) => x.department.code === h.department.code)!;
      expect(w.summary, h.department.code).toEqual(h.summary);
      expect(w.period.key).toBe(h.period.key);
    }
    const total = addSummaries(home.map((h) => h.summary));
    expect(total.reported + total.notReported).toBeGreaterThan(0);

    // And what each surface shows: the digest's first lines and the Home tab's, word for word.
    const t = translator('en');
    const digestText = dms(KEVIN)
      .map((m) => JSON.stringify(m.blocks))
      .join('');
    expect(JSON.stringify(dms(KEVIN)[0]!.blocks[1])).toContain(JSON.stringify(reportingTotalsLine(t, total)).slice(1, -1));
    await app.driver.appHomeOpened(KEVIN);
    const shown = await app.fake.waitFor(() => app.fake.homeView(KEVIN), 5000, 'the Home tab');
    const homeText = JSON.stringify(shown.blocks);
    for (const h of home) {
      const line = JSON.stringify(reportingSummaryLine(t, h.summary, h.period)).slice(1, -1);
      expect(homeText).toContain(line);
      expect(digestText).toContain(line);
    }
  });

  it('shows the full plan of a department when its button is clicked', async () => {
    const message = dms(KEVIN).find((m) => m.blocks.some((b) => b.elements?.some((e) => e.action_id === 'plan:open' && e.value === 'LIB')))!;
    const before = app.fake.ephemerals(KEVIN).length;
    const res = await app.driver.blockAction({
      user: KEVIN,
      channel: app.fake.dmChannelId(KEVIN),
      messageTs: message.ts,
      actionId: 'plan:open',
      blockId: 'digest_plan_LIB',
    });
    expect(res.status).toBe(200);
    const plan = await app.fake.waitFor(() => app.fake.ephemerals(KEVIN)[before], 5000, 'the plan ephemeral');
    const text = JSON.stringify(plan.blocks);
    expect(text).toContain('San José Public Library Racial Equity Action Plan FY 2024-2026');
    expect(text).toMatch(/Strategies 1–\d+ of \d+/);
    // The digest itself is left as it was.
    expect(dms(KEVIN).find((m) => m.ts === message.ts)?.text).toBe(message.text);
  });

  it('refuses a crafted button naming a department the manager does not manage', async () => {
    // Someone edits the Library button's value to read the Police department's plan.
    const message = dms(KEVIN).find((m) => m.blocks.some((b) => b.elements?.some((e) => e.value === 'LIB')))!;
    const button = message.blocks.flatMap((b) => b.elements ?? []).find((e) => e.value === 'LIB')!;
    button.value = 'SJPD';
    const before = app.fake.ephemerals(KEVIN).length;
    await app.driver.blockAction({
      user: KEVIN,
      channel: app.fake.dmChannelId(KEVIN),
      messageTs: message.ts,
      actionId: 'plan:open',
      blockId: 'digest_plan_LIB',
    });
    const refusal = await app.fake.waitFor(() => app.fake.ephemerals(KEVIN)[before], 5000, 'the refusal');
    expect(refusal.text).toContain('You can see only your own department’s plan');
    const audit = await app.db.prisma.auditLog.findFirst({ where: { actor: KEVIN, action: 'authz.denied' }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toBe('plan.view');
  });

  it('links to the App Home tab and acknowledges the link’s click', async () => {
    const last = dms(KEVIN).at(-1)!;
    const home = last.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'digest:home');
    expect(home?.url).toBe(`slack://app?team=${app.fake.workspace.team.id}&id=${app.fake.bot.appId}&tab=home`);
    const res = await app.driver.blockAction({ user: KEVIN, channel: app.fake.dmChannelId(KEVIN), messageTs: last.ts, actionId: 'digest:home' });
    expect(res.status).toBe(200);
  });
});
