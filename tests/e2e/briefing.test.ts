// /reap briefing as Slack drives it, with the jobs run through the real registry, outbox and
// dispatcher against the fake Slack: an ORSE admin composes a briefing from the automatic
// draft (PUBLIC text only, a citywide strategy under its lead department), previews it,
// schedules it for two channels; the `briefings` job posts it to each exactly once however
// often it runs (with charts of the City's status, reporting coverage and the work plan's
// public measure against its target), records the posts' links and DMs them to the
// composer; Edit then corrects both posted messages.
// People who are not ORSE admins are refused, crafted payloads included, and nothing changes.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobName } from '../../src/config.js';
import { registerBriefingReminder } from '../../src/jobs/composers/briefing-reminder.js';
import { registerBriefings } from '../../src/jobs/composers/briefings.js';
import { outboxJob } from '../../src/jobs/outbox/outbox-job.js';
import { JobRegistry } from '../../src/jobs/registry.js';
import { RunCoordinator } from '../../src/jobs/run-coordinator.js';
import { createDispatcherClient } from '../../src/jobs/slack-client.js';
import { createOutboxDispatcher } from '../../src/jobs/start-scheduler.js';
import { enterViewValues } from '../../src/sandbox/fake-slack/index.js';
import { canvasMarkdown, canvasStore } from '../../src/sandbox/fake-slack/methods/canvases.js';
import { translator } from '../../src/slack/i18n/index.js';
import { briefingMessage } from '../../src/slack/features/briefing/ui/briefing-message.js';
import { briefingComposerModal } from '../../src/slack/features/briefing/ui/briefing-modal.js';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import { reportMeasureValues } from '../support/measure-values.js';

const START = Date.parse('2026-11-18T17:00:00Z'); // Wednesday 09:00 in San José, FY2027-Q2
const MARISOL = 'U0ORSE01'; // ORSE admin, Spanish
const DANIEL = 'U0ORSE02'; // ORSE admin, Vietnamese
const GRACE = 'U0LIB03'; // Library staff, English
const MINH = 'U0LIB02'; // Library staff, Vietnamese
const GENERAL = 'C0GENERAL';
const REDI = 'C0REDI';
// Not used by the other briefings here, so their message counts stay as they are.
const CANVAS_CHANNEL = 'C0LIBRARY';

type Block = { type: string; block_id?: string; element?: Record<string, unknown>; text?: { text: string }; elements?: unknown[] };
const blocksOf = (v: { blocks?: unknown } | undefined) => (v?.blocks ?? []) as Block[];
const text = (x: unknown) => JSON.stringify(x);

describe('/reap briefing', () => {
  let app: ListenerApp;
  let clock = START;
  let coordinator: RunCoordinator;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => new Date(clock) });
    const ctx = app.ctx;
    const registry = new JobRegistry();
    // No client passed: the job builds its own from SLACK_BOT_TOKEN / SLACK_API_URL, as in production.
    registerBriefings(registry);
    registerBriefingReminder(registry);
    const client = createDispatcherClient(app.fake.botToken, { apiUrl: app.fake.url });
    registry.register('outbox', outboxJob(createOutboxDispatcher(ctx, client, 'e2e', { perChannelIntervalMs: 0 })));
    coordinator = new RunCoordinator({ ctx, registry, instanceId: 'e2e' });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function run(job: JobName) {
    clock += 5_000; // each manual run is its own fire
    const outcome = await coordinator.runManually(job);
    expect(outcome.outcome, text(outcome)).toBe('succeeded');
    return outcome as { enqueued?: number; detail?: string };
  }

  /** The view_closed listener saves after its ack: poll the database for the draft. */
  async function waitForDraft() {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const row = await app.db.prisma.briefing.findFirst({ where: { status: 'DRAFT' }, orderBy: { id: 'desc' } });
      if (row) return row;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no draft was kept');
  }

  const top = (user: string) => app.fake.openViews(user).at(-1);
  const waitForView = (user: string, probe: (v: ViewOutput) => boolean, what: string) =>
    app.fake.waitFor(
      () => {
        const v = top(user);
        return v && probe(v) ? v : undefined;
      },
      5000,
      what,
    );

  describe('an ORSE admin', () => {
    let briefingId: number;

    it('composes from the draft, previews exactly the message, and schedules it for two channels', async () => {
      const res = await app.driver.slashCommand({ user: MARISOL, channel: GENERAL, text: 'briefing' });
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      const composer = await app.driver.waitForModal(MARISOL, 5000);
      expect(composer.callback_id).toBe('briefing:compose');
      expect(composer.title.text).toBe('Nuevo informe');
      const quarter = blocksOf(composer).find((b) => b.block_id === 'quarter')!.element as { initial_option: { value: string } };
      expect(quarter.initial_option.value).toBe('FY2027-Q2');

      // Parks leads a Welcoming San José strategy (its plan has no department) and reported
      // on it this quarter, once for the public and once internally.
      const wsj = await addWelcomingStrategy(app.db.prisma, {
        pillar: 2,
        number: 1,
        text: 'Library cards at every park program',
        lead: 'PRNS',
        partners: ['LIB'],
      });
      const parks = await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: 'U0PRNS01' } });
      for (const [visibility, outputs] of [
        ['PUBLIC', 'Cards handed out at 14 summer camps'],
        ['INTERNAL', 'ZQX-INTERNAL briefing citywide note'],
      ] as const) {
        await app.db.prisma.progressUpdate.create({
          data: {
            strategyId: wsj,
            authorId: parks.id,
            periodKey: 'FY2027-Q2',
            periodStart: new Date('2026-10-01T00:00:00Z'),
            periodEnd: new Date('2026-12-31T00:00:00Z'),
            statusFrom: 'IN_PROGRESS',
            statusTo: 'IN_PROGRESS',
            narrative: 'n',
            outputs,
            visibility,
            idempotencyKey: `briefing-wsj-${visibility}`,
            createdAt: new Date('2026-11-10T18:00:00Z'),
          },
        });
      }

      // Start from a draft: the message inputs are replaced (new block ids) by the quarter's news.
      await app.driver.blockAction({ user: MARISOL, viewId: composer.id, actionId: 'briefing:draft' });
      const drafted = await waitForView(MARISOL, (v) => blocksOf(v).some((b) => b.block_id === 'body__1__0'), 'the draft');
      const draft = blocksOf(drafted)
        .filter((b) => b.block_id?.startsWith('body__1__'))
        .map((b) => String((b.element as { initial_value?: string }).initial_value ?? ''))
        .join('\n\n');
      expect(text(drafted.blocks)).toContain('Se agregó abajo el borrador de AF 2026-27 T2');
      expect(draft).toContain('Lo más destacado de AF 2026-27 T2');

      // Only PUBLIC text is quoted: every INTERNAL or REDI measure, output and roadblock of the quarter stays out.
      const updates = await app.db.prisma.progressUpdate.findMany({
        where: { periodStart: { gte: new Date('2026-10-01') }, periodEnd: { lte: new Date('2026-12-31') } },
        select: { visibility: true, measureValues: true, outputs: true, roadblocks: true },
      });
      const hidden = updates
        .filter((u) => u.visibility !== 'PUBLIC')
        .flatMap((u) => [u.measureValues, u.outputs, u.roadblocks])
        .filter((s) => s.length > 12);
      const shown = updates
        .filter((u) => u.visibility === 'PUBLIC')
        .flatMap((u) => [u.measureValues, u.outputs, u.roadblocks])
        .filter((s) => s.length > 12);
      expect(hidden.length).toBeGreaterThan(0);
      expect(shown.length).toBeGreaterThan(0);
      for (const s of hidden) expect(draft, s).not.toContain(s.slice(0, 60));
      expect(shown.some((s) => draft.includes(s.slice(0, 60)))).toBe(true);
      // The citywide strategy is told with its lead department, as the weekly digest lists it.
      const parksPart = draft.split('\n\n').find((p) => p.startsWith('*Parks, Recreation and Neighborhood Services (PRNS)*'));
      expect(parksPart).toContain('• 2.1 (Welcoming San José Plan 2.0) Library cards at every park program: Cards handed out at 14 summer camps');
      // The plan names the strategy; it is never a heading of its own.
      expect(draft).not.toContain('*Welcoming San José');

      // She titles it, picks two channels, and looks at the preview.
      const view = app.fake.workspace.view(drafted.id)!;
      enterViewValues(view, { title: 'Avances de equidad racial, octubre a diciembre', channels: [GENERAL, REDI] });
      await app.driver.blockAction({ user: MARISOL, viewId: drafted.id, actionId: 'briefing:preview' });
      const preview = await waitForView(MARISOL, (v) => v.callback_id === 'briefing:preview', 'the preview');
      expect(app.fake.openViews(MARISOL)).toHaveLength(2);
      const expected = briefingMessage(translator('es'), { title: 'Avances de equidad racial, octubre a diciembre', body: draft, quarterKey: 'FY2027-Q2' });
      // Not posted yet: the message as typed, and a line saying the charts come when it is.
      const [whenPosted, ...message] = [preview.blocks.at(-1)!, ...preview.blocks.slice(0, -1)];
      expect(text(message.map(({ block_id: _b, ...rest }) => rest))).toBe(text(expected.blocks.map(({ block_id: _b, ...rest }) => rest as object)));
      expect(text([whenPosted])).toContain('Los gráficos del trimestre');
      await app.driver.viewClosed({ viewId: preview.id });
      expect(top(MARISOL)?.id).toBe(drafted.id);

      const sub = await app.driver.viewSubmission({ viewId: drafted.id });
      expect(sub.ack.action).toBe('update');
      expect(text(top(MARISOL)!.blocks)).toContain(`se publicará en <#${GENERAL}>, <#${REDI}>`);
      const saved = await app.db.prisma.briefing.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(saved).toMatchObject({
        status: 'SCHEDULED',
        quarterKey: 'FY2027-Q2',
        channelIds: [GENERAL, REDI],
        title: 'Avances de equidad racial, octubre a diciembre',
      });
      expect(saved.body).toBe(draft);
      expect(saved.scheduledFor!.getTime()).toBe(clock);
      briefingId = saved.id;
      app.fake.workspace.clearModals(MARISOL);
    });

    it('is posted to each channel exactly once, its links recorded and sent to her', async () => {
      // The work plan's training rating gets a target and two quarters of public figures; an
      // internal figure stays out of the channels.
      const rating = await app.db.prisma.measure.findFirstOrThrow({
        where: { label: 'Rating on ORE trainings', strategy: { objective: { plan: { kind: 'ORSE_WORK_PLAN' } } } },
      });
      await app.db.prisma.measure.update({ where: { id: rating.id }, data: { target: 4.5 } });
      const marisol = await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: MARISOL } });
      await reportMeasureValues(app.db.prisma, rating.id, marisol.id, [
        { periodKey: 'FY2026-Q4', value: 1, at: '2026-05-01T18:00:00Z', visibility: 'INTERNAL' },
        { periodKey: 'FY2027-Q1', value: 4.2, at: '2026-09-01T18:00:00Z' },
        { periodKey: 'FY2027-Q2', value: 4.6, at: '2026-11-02T18:00:00Z' },
      ]);
      expect((await run('briefings')).enqueued).toBe(2);
      expect((await run('briefings')).enqueued).toBe(0);
      await run('outbox');
      await run('outbox');
      for (const channel of [GENERAL, REDI]) {
        const posted = app.fake.messages(channel);
        expect(posted, channel).toHaveLength(1);
        expect(posted[0]!.text).toBe('Avances de equidad racial, octubre a diciembre (AF 2026-27 T2)');
        expect((posted[0]!.blocks as Block[])[0]).toMatchObject({ type: 'header', text: { text: 'Avances de equidad racial, octubre a diciembre' } });
        // Every department's status mix, reporting coverage of the past quarters, then the work
        // plan's measure against its target, with the figures in the alt text.
        const charts = (posted[0]!.blocks as (Block & { block_id?: string; alt_text?: string; slack_file?: { id: string } })[]).filter(
          (b) => b.type === 'image',
        );
        expect(charts.map((c) => c.block_id)).toEqual(['briefing_chart', 'briefing_coverage_chart', 'briefing_measure_chart_1']);
        expect(charts[1]!.alt_text).toMatch(/AF 2026-27 T1: \d+ con informe, \d+ sin informe/);
        expect(charts[2]!.alt_text).toBe(
          'Gráfico de líneas de Rating on ORE trainings por período del informe. AF 2026-27 T1: 4.2 / 5. AF 2026-27 T2: 4.6 / 5. Meta: 4.5 / 5, más alto es mejor.',
        );
        expect(charts[2]!.slack_file?.id).toMatch(/^F/);
      }
      await run('briefings');
      const b = await app.db.prisma.briefing.findUniqueOrThrow({ where: { id: briefingId }, include: { posts: { orderBy: { channelId: 'asc' } } } });
      expect(b.status).toBe('POSTED');
      expect(b.posts.map((p) => [p.channelId, p.ts])).toEqual([
        [GENERAL, app.fake.messages(GENERAL)[0]!.ts],
        [REDI, app.fake.messages(REDI)[0]!.ts],
      ]);
      for (const p of b.posts) expect(p.permalink).toContain(`/archives/${p.channelId}/p`);
      await run('outbox');
      const dm = app.fake.messages(app.fake.dmChannelId(MARISOL));
      expect(dm).toHaveLength(1);
      for (const p of b.posts) expect(text(dm[0]!.blocks)).toContain(`<#${p.channelId}> (<${p.permalink}|abrir>)`);

      // Running both jobs again sends nothing anywhere.
      for (let i = 0; i < 2; i++) {
        await run('briefings');
        await run('outbox');
      }
      expect(app.fake.messages(GENERAL)).toHaveLength(1);
      expect(app.fake.messages(REDI)).toHaveLength(1);
      expect(app.fake.messages(app.fake.dmChannelId(MARISOL))).toHaveLength(1);
    });

    it('edits the posted briefing: both messages are updated in place, and the edit is audited', async () => {
      const res = await app.driver.slashCommand({ user: MARISOL, channel: GENERAL, text: 'briefing' });
      const list = res.json as { response_type: string; blocks: Block[] };
      expect(list.response_type).toBe('ephemeral');
      expect(text(list.blocks)).toContain('Publicado');
      const ephemeral = app.fake.ephemerals(MARISOL).at(-1)!;
      await app.driver.blockAction({ user: MARISOL, channel: GENERAL, messageTs: ephemeral.ts, actionId: 'briefing:edit', blockId: `briefing:${briefingId}` });
      const editor = await waitForView(MARISOL, (v) => v.callback_id === 'briefing:compose', 'the posted briefing in the composer');
      expect(editor.title.text).toBe('Editar informe publicado');
      expect(blocksOf(editor).some((b) => b.block_id === 'channels')).toBe(false);
      expect(text(editor.blocks)).toContain(`<#${GENERAL}>`);

      const before = app.fake.messages(GENERAL)[0]!.ts;
      const images = (channel: string) => (app.fake.messages(channel)[0]!.blocks as Block[]).filter((b) => b.type === 'image');
      const postedCharts = new Map([GENERAL, REDI].map((c) => [c, images(c)]));
      expect(postedCharts.get(GENERAL)).toHaveLength(3);
      // Its preview shows the charts it was posted with, which the edit keeps.
      await app.driver.blockAction({ user: MARISOL, viewId: editor.id, actionId: 'briefing:preview' });
      const preview = await waitForView(MARISOL, (v) => v.callback_id === 'briefing:preview', 'the posted briefing’s preview');
      expect(preview.blocks.filter((b) => b.type === 'image')).toEqual(postedCharts.get(GENERAL));
      expect(text(preview.blocks)).not.toContain('Los gráficos del trimestre');
      await app.driver.viewClosed({ viewId: preview.id });
      const uploads = app.fake.calls('files.completeUploadExternal').length;
      await app.driver.viewSubmission({
        viewId: editor.id,
        values: { title: 'Avances de equidad racial (corregido)', body__0__0: '*Corrección:* 1.250 tarjetas nuevas & <!channel>' },
      });
      await app.fake.waitFor(() => text(top(MARISOL)?.blocks).includes('Se actualizó el mensaje en'), 5000, 'the update result');
      for (const channel of [GENERAL, REDI]) {
        const [m] = app.fake.messages(channel);
        expect(app.fake.messages(channel)).toHaveLength(1);
        expect(m!.text).toBe('Avances de equidad racial (corregido) (AF 2026-27 T2)');
        expect(text(m!.blocks)).toContain('*Corrección:* 1.250 tarjetas nuevas &amp; &lt;!channel&gt;');
        // The charts stay, the same uploaded files with the same words, before the text.
        expect(images(channel)).toEqual(postedCharts.get(channel));
        expect((m!.blocks as Block[]).findIndex((b) => b.type === 'image')).toBe(2);
      }
      // Nothing was drawn or uploaded again.
      expect(app.fake.calls('files.completeUploadExternal')).toHaveLength(uploads);
      expect(app.fake.messages(GENERAL)[0]!.ts).toBe(before);
      expect(app.fake.calls('chat.update').filter((c) => (c.response as { ok?: boolean }).ok)).toHaveLength(2);
      const b = await app.db.prisma.briefing.findUniqueOrThrow({ where: { id: briefingId } });
      expect(b).toMatchObject({ status: 'POSTED', title: 'Avances de equidad racial (corregido)' });
      const audits = await app.db.prisma.auditLog.findMany({ where: { entityType: 'briefing', entityId: String(briefingId) }, orderBy: { id: 'asc' } });
      expect(audits.map((a) => a.action)).toEqual(['briefing.schedule', 'briefing.posted', 'briefing.edit', 'briefing.posts.update']);
      expect(audits[2]!.actor).toBe(MARISOL);
      app.fake.workspace.clearModals(MARISOL);
    });

    it('refuses a private channel REAP Tracker is not in and a time gone by, under their inputs, saving nothing', async () => {
      app.fake.addChannel({ id: 'G0ORSEPRIV', name: 'orse-private', is_private: true, members: [MARISOL] });
      await app.driver.slashCommand({ user: MARISOL, channel: GENERAL, text: 'briefing new' });
      const composer = await app.driver.waitForModal(MARISOL, 5000);
      const count = await app.db.prisma.briefing.count();
      const sub = await app.driver.viewSubmission({
        viewId: composer.id,
        values: { title: 'Privado', body__0__0: 'Texto', channels: ['G0ORSEPRIV', GENERAL], time: Math.floor(clock / 1000) - 86_400 },
      });
      expect(sub.ack.action).toBe('errors');
      expect(app.fake.viewErrors(composer.id)).toEqual({
        channels: 'REAP Tracker no puede publicar en G0ORSEPRIV: invítelo primero (/invite @REAP Tracker) o elija otro canal.',
        time: 'Elija una hora en el futuro, o déjela vacía para publicar ahora.',
      });
      expect(top(MARISOL)?.id).toBe(composer.id);
      expect(await app.db.prisma.briefing.count()).toBe(count);
      // Slack answers channel_not_found for a private channel the app was never invited to: expected here.
      app.driver.assertNoViolations({ allow: ['channel_not_found'] });
      app.fake.clearViolations();
      app.fake.workspace.clearModals(MARISOL);
    });

    it('keeps a closed composer as a draft, and cancels it from the list', async () => {
      await app.driver.slashCommand({ user: DANIEL, channel: GENERAL, text: 'briefing new' });
      const composer = await app.driver.waitForModal(DANIEL, 5000);
      expect(composer.title.text).toBe('Bản tin mới');
      enterViewValues(app.fake.workspace.view(composer.id)!, { title: 'Nháp quý 2', body__0__0: 'Ghi chú ban đầu' });
      await app.driver.viewClosed({ viewId: composer.id, isCleared: true });
      const draft = await waitForDraft();
      expect(draft).toMatchObject({ status: 'DRAFT', title: 'Nháp quý 2', body: 'Ghi chú ban đầu' });

      const res = await app.driver.slashCommand({ user: DANIEL, channel: GENERAL, text: 'briefing' });
      expect(text((res.json as { blocks: unknown }).blocks)).toContain('Bản nháp');
      const ephemeral = app.fake.ephemerals(DANIEL).at(-1)!;
      await app.driver.blockAction({
        user: DANIEL,
        channel: GENERAL,
        messageTs: ephemeral.ts,
        actionId: 'briefing:cancel',
        blockId: `briefing:${draft.id}:cancel`,
      });
      await app.fake.waitFor(
        () => text(app.fake.ephemerals(DANIEL).find((e) => e.ts === ephemeral.ts)?.blocks).includes('Đã hủy “Nháp quý 2”'),
        5000,
        'the refreshed list',
      );
      expect((await app.db.prisma.briefing.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('CANCELLED');
    });

    it('opens the composer from the reminder’s button, on the quarter it names', async () => {
      // Q2's briefing is posted, so its reminder stays quiet; Q3's comes 14 days before 31 March.
      clock = Date.parse('2026-12-20T17:30:00Z');
      expect((await run('briefing-reminder')).detail).toContain('is already posted');
      clock = Date.parse('2027-03-17T16:30:00Z');
      expect((await run('briefing-reminder')).enqueued).toBe(2);
      await run('outbox');
      const dm = app.fake.messages(app.fake.dmChannelId(DANIEL));
      const reminder = dm.at(-1)!;
      expect(reminder.text).toContain('Sắp đến hạn bản tin NTC 2026-27 Quý 3');
      await app.driver.blockAction({ user: DANIEL, channel: app.fake.dmChannelId(DANIEL), messageTs: reminder.ts, actionId: 'briefing:compose' });
      const composer = await app.driver.waitForModal(DANIEL, 5000);
      expect(composer.callback_id).toBe('briefing:compose');
      expect((blocksOf(composer).find((b) => b.block_id === 'quarter')!.element as { initial_option: { value: string } }).initial_option.value).toBe(
        'FY2027-Q3',
      );
      expect((await run('briefing-reminder')).enqueued).toBe(0);
      app.fake.workspace.clearModals(DANIEL);
    });
  });

  describe('anyone else', () => {
    it('is refused /reap briefing in their language, with an audit row and no modal', async () => {
      const res = await app.driver.slashCommand({ user: MINH, channel: GENERAL, text: 'briefing' });
      expect((res.json as { text: string }).text).toBe('Chỉ quản trị viên ORSE mới làm được việc này.');
      await new Promise((r) => setTimeout(r, 200));
      expect(app.fake.openViews(MINH)).toEqual([]);
      const audit = await app.db.prisma.auditLog.findFirst({ where: { actor: MINH, action: 'authz.denied' }, orderBy: { id: 'desc' } });
      expect(audit?.detail).toBe('briefing.compose');
    });

    it('gets a refusal for a crafted composer submission, and no briefing is created', async () => {
      const count = await app.db.prisma.briefing.count();
      const trigger = app.fake.issueTriggerId(GRACE);
      const { briefingQuarterChoices } = await import('../../src/domain/briefing-draft.js');
      const { current, choices } = briefingQuarterChoices(new Date(clock), 'America/Los_Angeles');
      const view = briefingComposerModal(translator('en'), {
        meta: { mode: 'new', id: null, parts: 1, gen: 0 },
        quarters: choices,
        currentQuarterKey: current.key,
        quarterKey: current.key,
        title: '',
        bodyParts: [''],
        channelIds: [],
        scheduledFor: null,
      });
      const opened = (await (
        await fetch(`${app.fake.url}views.open`, {
          method: 'POST',
          headers: { authorization: `Bearer ${app.fake.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ trigger_id: trigger, view: JSON.stringify(view) }),
        })
      ).json()) as { ok: boolean; view: { id: string } };
      expect(opened.ok).toBe(true);
      const sub = await app.driver.viewSubmission({ viewId: opened.view.id, values: { title: 'Hijacked', body__0__0: 'Not from ORSE', channels: [GENERAL] } });
      expect(sub.ack.action).toBe('update');
      expect(text(top(GRACE)!.blocks)).toContain('Only ORSE admins can do this.');
      expect(await app.db.prisma.briefing.count()).toBe(count);
      const audit = await app.db.prisma.auditLog.findFirst({ where: { actor: GRACE, action: 'authz.denied' }, orderBy: { id: 'desc' } });
      expect(audit?.detail).toBe('briefing.create');
      // Closing it keeps nothing either.
      await app.driver.viewClosed({ viewId: opened.view.id, isCleared: true });
      await new Promise((r) => setTimeout(r, 200));
      expect(await app.db.prisma.briefing.count()).toBe(count);
    });

    it('gets a refusal for a crafted Edit or Cancel button, and nothing changes', async () => {
      const posted = await app.db.prisma.briefing.findFirstOrThrow({ where: { status: 'POSTED' } });
      // The admin's list, as if forwarded into a channel Grace can click in.
      const { briefingListMessage } = await import('../../src/slack/features/briefing/ui/briefing-message.js');
      const msg = briefingListMessage(translator('en'), [
        { ...posted, status: 'POSTED', posts: [] },
        { ...posted, id: posted.id, status: 'SCHEDULED', posts: [] },
      ]);
      const ts = app.fake.workspace.addMessage({
        channel: GENERAL,
        user: app.fake.bot.userId,
        bot_id: app.fake.bot.botId,
        text: msg.text,
        blocks: msg.blocks,
        source: 'chat.postMessage',
      }).ts;
      const before = app.fake.ephemerals(GRACE).length;
      await app.driver.blockAction({ user: GRACE, channel: GENERAL, messageTs: ts, actionId: 'briefing:cancel' });
      const refusal = await app.fake.waitFor(() => app.fake.ephemerals(GRACE)[before], 5000, 'the refusal');
      expect(refusal.text).toBe('Only ORSE admins can do this.');
      await app.driver.blockAction({ user: GRACE, channel: GENERAL, messageTs: ts, actionId: 'briefing:edit', blockId: `briefing:${posted.id}` });
      await waitForView(GRACE, (v) => text(v.blocks).includes('Only ORSE admins can do this.'), 'the refusal in the modal');
      expect(top(GRACE)!.submit).toBeFalsy();
      expect((await app.db.prisma.briefing.findUniqueOrThrow({ where: { id: posted.id } })).status).toBe('POSTED');
      const denied = await app.db.prisma.auditLog.findMany({ where: { actor: GRACE, action: 'authz.denied' }, orderBy: { id: 'asc' } });
      expect(denied.map((a) => a.detail)).toEqual(expect.arrayContaining(['briefing.cancel', 'briefing.view']));
      app.fake.workspace.clearModals(GRACE);
    });
  });
  describe('published as a canvas too', () => {
    it('makes one canvas shared read-only with the channels, links it from the post and tells the admin', async () => {
      app.fake.workspace.clearModals(DANIEL);
      // "new" opens the composer even with briefings on file.
      const res = await app.driver.slashCommand({ user: DANIEL, channel: GENERAL, text: 'briefing new' });
      expect(res.status).toBe(200);
      const composer = await app.driver.waitForModal(DANIEL, 5000);
      const canvasInput = blocksOf(composer).find((b) => b.block_id === 'canvas')!;
      expect(text(canvasInput)).toContain('Đăng thêm dưới dạng canvas');
      const view = app.fake.workspace.view(composer.id)!;
      enterViewValues(view, {
        title: 'Canvas quý',
        body__0__0: 'Dòng đầu\n• Một *điểm* chính\n# không phải tiêu đề',
        channels: [CANVAS_CHANNEL],
        canvas: ['canvas'],
      });
      const sub = await app.driver.viewSubmission({ viewId: composer.id });
      expect(sub.ack.action).toBe('update');
      const saved = await app.db.prisma.briefing.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(saved).toMatchObject({ asCanvas: true, canvasId: null, status: 'SCHEDULED' });
      app.fake.workspace.clearModals(DANIEL);

      await run('briefings');
      await run('briefings');
      const made = [...canvasStore(app.fake.workspace).values()].filter((c) => c.title === 'Canvas quý');
      expect(made).toHaveLength(1);
      expect(made[0]!.access).toEqual({ [CANVAS_CHANNEL]: 'read' });
      const markdown = canvasMarkdown(made[0]!);
      expect(markdown).toContain('# Canvas quý');
      expect(markdown).toContain('- Một \\*điểm\\* chính');
      expect(markdown).toContain('\\# không phải tiêu đề');
      const row = await app.db.prisma.briefing.findUniqueOrThrow({ where: { id: saved.id } });
      expect(row.canvasId).toBe(made[0]!.id);

      await run('outbox');
      const post = app.fake.messages(CANVAS_CHANNEL).find((m) => m.text.startsWith('Canvas quý'))!;
      expect(text(post.blocks)).toContain(`/docs/${app.fake.workspace.team.id}/${made[0]!.id}|Canvas quý>`);
      await run('briefings');
      await run('outbox');
      const dm = app.fake.messages(app.fake.dmChannelId(DANIEL)).at(-1)!;
      expect(text(dm.blocks)).toContain('mở canvas');

      // Edited after posting: the messages and the canvas change together, the link stays.
      await app.driver.slashCommand({ user: DANIEL, channel: GENERAL, text: 'briefing' });
      const list = app.fake.ephemerals(DANIEL).at(-1)!;
      await app.driver.blockAction({ user: DANIEL, channel: GENERAL, messageTs: list.ts, actionId: 'briefing:edit', blockId: `briefing:${saved.id}` });
      const editor = await waitForView(DANIEL, (v) => v.callback_id === 'briefing:compose', 'the posted briefing in the composer');
      await app.driver.viewSubmission({ viewId: editor.id, values: { title: 'Canvas quý (sửa)', body__0__0: 'Nội dung đã sửa' } });
      await app.fake.waitFor(() => text(top(DANIEL)?.blocks).includes('Canvas cũng đã hiển thị nội dung mới'), 5000, 'the canvas update result');
      expect(made[0]!.title).toBe('Canvas quý (sửa)');
      expect(canvasMarkdown(made[0]!)).toContain('Nội dung đã sửa');
      expect(canvasMarkdown(made[0]!)).not.toContain('Dòng đầu');
      const edited = app.fake.messages(CANVAS_CHANNEL).find((m) => m.ts === post.ts)!;
      expect(text(edited.blocks)).toContain(`/docs/${app.fake.workspace.team.id}/${made[0]!.id}|Canvas quý (sửa)>`);
      app.fake.workspace.clearModals(DANIEL);
    });
  });
});
