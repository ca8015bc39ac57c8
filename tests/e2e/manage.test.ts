// Managing strategies end to end: /reap add and the Manage menu (edit, reassign, defer,
// close, milestones) as an equity lead or ORSE admin sees them in Slack, the database rows
// they leave, and what happens with bad input, concurrent edits and people who may not.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';
import {
  ADMIN,
  ADMIN_LEAD,
  CHANNEL,
  HSG_LEAD,
  LIB_LEAD,
  LIB_STAFF,
  MANAGER,
  NOW,
  TODAY,
  audits,
  craftInput,
  craftedSubmission,
  manage,
  modalFor,
  postManageList,
  strategyOf,
  textOf,
} from './manage-support.js';

describe('managing strategies', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  describe('/reap add', () => {
    it('lets an equity lead add a strategy to their department, numbered and audited', async () => {
      const res = await app.driver.slashCommand({ user: LIB_LEAD, channel: CHANNEL, text: 'add' });
      expect(res.ms).toBeLessThan(3000);
      const modal = await modalFor(app, LIB_LEAD, 'manage:add');
      const shown = textOf(modal.blocks);
      expect(shown).toContain('San José Public Library');
      // A lead's department is fixed: no department picker.
      expect(modal.blocks.some((b) => b.block_id === 'department' && b.type === 'input')).toBe(false);

      const objectives = await app.db.prisma.objective.findMany({
        where: { plan: { department: { code: 'LIB' } } },
        orderBy: { number: 'asc' },
        include: { strategies: true },
      });
      const objective = objectives[0]!;
      const sub = await app.driver.viewSubmission({
        viewId: modal.id,
        values: {
          objectiveId: String(objective.id),
          text: 'Offer library cards in Vietnamese and Spanish at every branch 📚',
          ownerSlackId: 'U0LIB02',
          dueDate: '2027-03-31',
          performanceMeasures: 'Cards issued per quarter',
          flags: ['languageAccess', 'priorityCommunities'],
        },
      });
      expect(sub.ack.action).toBe('update');
      const number = Math.max(0, ...objective.strategies.map((s) => s.number)) + 1;
      const done = app.fake.openViews(LIB_LEAD).at(-1)!;
      expect(textOf(done.blocks)).toContain(`${objective.number}.${number}`);

      const row = await app.db.prisma.strategy.findFirstOrThrow({ where: { objectiveId: objective.id, number }, include: { owner: true } });
      expect(row).toMatchObject({
        text: 'Offer library cards in Vietnamese and Spanish at every branch 📚',
        languageAccess: true,
        priorityCommunities: true,
        disabilityAccess: false,
        performanceMeasures: 'Cards issued per quarter',
        status: 'NOT_STARTED',
      });
      expect(row.owner?.slackUserId).toBe('U0LIB02');
      expect(row.dueDate?.toISOString().slice(0, 10)).toBe('2027-03-31');
      expect(await audits(app, { action: 'strategy.add', entityId: String(row.id) })).toHaveLength(1);
    });

    it('lets an ORSE admin pick the department, and the objectives follow it', async () => {
      await app.driver.slashCommand({ user: ADMIN_LEAD, channel: CHANNEL, text: 'add' });
      const modal = await modalFor(app, ADMIN_LEAD, 'manage:add');
      expect(modal.blocks.some((b) => b.block_id === 'department' && b.type === 'input')).toBe(true);
      const housing = await app.db.prisma.department.findUniqueOrThrow({ where: { code: 'HOUSING' } });
      await app.driver.blockAction({ user: ADMIN_LEAD, viewId: modal.id, actionId: 'manage:add:department', value: String(housing.id) });
      const switched = await app.fake.waitFor(
        () => {
          const v = app.fake.openViews(ADMIN_LEAD).at(-1);
          return v && v.private_metadata.includes(`"departmentId":${housing.id}`) ? v : undefined;
        },
        4000,
        'the add modal for Housing',
      );
      const objective = await app.db.prisma.objective.findFirstOrThrow({ where: { plan: { departmentId: housing.id } }, orderBy: { number: 'asc' } });
      const sub = await app.driver.viewSubmission({
        viewId: switched.id,
        values: { objectiveId: String(objective.id), text: 'Tenant outreach in Vietnamese' },
      });
      expect(sub.ack.action).toBe('update');
      expect(await app.db.prisma.strategy.count({ where: { objectiveId: objective.id, text: 'Tenant outreach in Vietnamese' } })).toBe(1);
    });

    it('shows problems under the inputs: past date, blank text, impossible date, 10,000 characters', async () => {
      await app.driver.slashCommand({ user: LIB_LEAD, channel: CHANNEL, text: 'add' });
      const modal = await modalFor(app, LIB_LEAD, 'manage:add');
      const objective = await app.db.prisma.objective.findFirstOrThrow({ where: { plan: { department: { code: 'LIB' } } } });
      const before = await app.db.prisma.strategy.count();

      // Spaces get past Slack's "required" but not the service.
      const blank = await app.driver.viewSubmission({ viewId: modal.id, values: { objectiveId: String(objective.id), text: '   ' } });
      expect(blank.ack).toEqual({ action: 'errors', errors: { text: 'Please fill this in.' } });
      const past = await app.driver.viewSubmission({ viewId: modal.id, values: { text: 'Real text', dueDate: '2026-11-17' } });
      expect(past.ack).toEqual({ action: 'errors', errors: { dueDate: `Please choose today (${TODAY}) or a later date.` } });

      // Slack's datepicker cannot send 30 February; a crafted payload can.
      craftInput(app, modal.id, 'dueDate', { selected_date: '2027-02-30' });
      const impossible = await app.driver.viewSubmission({ viewId: modal.id });
      expect(impossible.ack).toEqual({ action: 'errors', errors: { dueDate: 'Please enter a real date (YYYY-MM-DD).' } });

      // Slack's client stops typing at max_length; a crafted payload carries 10,000 characters.
      const input = app.fake
        .openViews(LIB_LEAD)
        .at(-1)!
        .blocks.find((b) => b.block_id === 'text') as { element: { max_length: number } };
      expect(input.element.max_length).toBe(2000);
      craftInput(app, modal.id, 'text', { value: 'x'.repeat(10_000) });
      craftInput(app, modal.id, 'dueDate', { selected_date: null });
      const long = await app.driver.viewSubmission({ viewId: modal.id });
      expect(long.ack).toEqual({
        action: 'errors',
        errors: { text: '10,000 characters; the limit is 2,000. Nothing was cut or saved: please shorten it.' },
      });
      expect(await app.db.prisma.strategy.count()).toBe(before);
      // The modal is still open with what was typed.
      expect(app.fake.openViews(LIB_LEAD).at(-1)?.state.values.text?.value?.value?.length).toBe(10_000);

      // Required inputs Slack's client would not leave empty, emptied by a crafted payload.
      craftInput(app, modal.id, 'text', { value: null });
      craftInput(app, modal.id, 'objectiveId', { selected_option: null });
      expect(await craftedSubmission(app, modal.id)).toEqual({ action: 'errors', errors: { objectiveId: 'Please fill this in.' } });
      craftInput(app, modal.id, 'objectiveId', { selected_option: { text: { type: 'plain_text', text: 'x' }, value: String(objective.id) } });
      expect(await craftedSubmission(app, modal.id)).toEqual({ action: 'errors', errors: { text: 'Please fill this in.' } });
      expect(await app.db.prisma.strategy.count()).toBe(before);
    });

    it('refuses staff and managers before any form opens, and audits it', async () => {
      for (const user of [LIB_STAFF, MANAGER]) {
        const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: 'add' });
        expect(JSON.stringify(res.json)).toContain('Only your department’s equity lead or an ORSE admin can change strategies');
        expect(app.fake.openViews(user)).toHaveLength(0);
        expect(await audits(app, { actor: user, action: 'authz.denied', detail: 'strategy.add' })).toHaveLength(1);
      }
    });

    it('refuses a lead adding to another department', async () => {
      const res = await app.driver.slashCommand({ user: HSG_LEAD, channel: CHANNEL, text: 'add library' });
      expect(JSON.stringify(res.json)).toContain('Only your department’s equity lead or an ORSE admin');
      expect(app.fake.openViews(HSG_LEAD)).toHaveLength(0);
    });

    it('tells someone REAP Tracker does not know how to be added, and whom to ask', async () => {
      app.fake.addUser({
        id: 'U0NEW01',
        name: 'newcomer',
        real_name: 'Nia Newcomer',
        email: 'nia@sanjoseca.gov.example',
        tz: 'America/Los_Angeles',
        locale: 'en-US',
      });
      const res = await app.driver.slashCommand({ user: 'U0NEW01', channel: CHANNEL, text: 'add' });
      const text = JSON.stringify(res.json);
      expect(text).toContain('REAP Tracker doesn’t know you yet');
      expect(text).toContain(`<@${ADMIN}>`);
      expect(app.fake.openViews('U0NEW01')).toHaveLength(0);
    });
  });

  describe('the Manage menu', () => {
    it('edits a strategy from a prefilled form and bumps its version', async () => {
      const s = await strategyOf(app, 'LIB');
      const modal = await manage(app, LIB_LEAD, 'edit', s.id, 'manage:edit');
      expect(modal.state.values.text?.value?.value).toBe(s.text);
      expect(JSON.parse(modal.private_metadata)).toEqual({ strategyId: s.id, version: s.version });
      const sub = await app.driver.viewSubmission({ viewId: modal.id, values: { text: `${s.text} (revised)`, outputs: 'A toolkit' } });
      expect(sub.ack.action).toBe('update');
      const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id } });
      expect(after).toMatchObject({ text: `${s.text} (revised)`, outputs: 'A toolkit', version: s.version + 1 });
      const [audit] = await audits(app, { action: 'strategy.edit', entityId: String(s.id) });
      expect(audit).toMatchObject({ actor: LIB_LEAD });
    });

    it('gives the second of two simultaneous editors the conflict, keeps their text, and loses nothing', async () => {
      const s = await strategyOf(app, 'LIB', { number: 2 });
      const first = await manage(app, LIB_LEAD, 'edit', s.id, 'manage:edit');
      const second = await manage(app, ADMIN_LEAD, 'edit', s.id, 'manage:edit');
      const a = await app.driver.viewSubmission({ viewId: first.id, values: { text: 'Version from the Library lead' } });
      expect(a.ack.action).toBe('update');
      const b = await app.driver.viewSubmission({ viewId: second.id, values: { text: 'Version from ORSE' } });
      expect(b.ack.action).toBe('update');
      const top = app.fake.openViews(ADMIN_LEAD).at(-1)!;
      expect(top.callback_id).toBe('manage:edit');
      // Daniel reads Vietnamese: the conflict message is at the top of his form, his text kept.
      expect(textOf(top.blocks)).toContain('Có người đã thay đổi chiến lược này');
      expect(top.state.values.text?.value?.value).toBe('Version from ORSE');
      const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id } });
      expect(after).toMatchObject({ text: 'Version from the Library lead', version: s.version + 1 });
    });

    it('saves exactly one of two edits submitted at the same moment; the other gets the conflict', async () => {
      const s = await strategyOf(app, 'LIB', { number: 4 });
      const first = await manage(app, LIB_LEAD, 'edit', s.id, 'manage:edit');
      const second = await manage(app, ADMIN, 'edit', s.id, 'manage:edit');
      const [a, b] = await Promise.all([
        app.driver.viewSubmission({ viewId: first.id, values: { text: 'Lead wording' } }),
        app.driver.viewSubmission({ viewId: second.id, values: { text: 'Admin wording' } }),
      ]);
      const outcomes = [
        { user: LIB_LEAD, text: 'Lead wording', ack: a.ack },
        { user: ADMIN, text: 'Admin wording', ack: b.ack },
      ].map((o) => ({ ...o, shown: textOf(app.fake.openViews(o.user).at(-1)!.blocks) }));
      const saved = outcomes.filter((o) => app.fake.openViews(o.user).at(-1)!.callback_id === 'manage:info');
      const refused = outcomes.filter((o) => app.fake.openViews(o.user).at(-1)!.callback_id === 'manage:edit');
      expect(saved).toHaveLength(1);
      expect(refused).toHaveLength(1);
      // Marisol reads Spanish, Priya English.
      expect(refused[0]!.shown).toMatch(/Someone changed this strategy|Alguien cambió esta estrategia/);
      const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id } });
      expect(after).toMatchObject({ text: saved[0]!.text, version: s.version + 1 });
      expect(await audits(app, { action: 'strategy.edit', entityId: String(s.id) })).toHaveLength(1);
    });

    it('defers with a reason and a date after today, refusing past and today', async () => {
      const s = await strategyOf(app, 'LIB', { number: 3 });
      const modal = await manage(app, LIB_LEAD, 'defer', s.id, 'manage:defer');
      const past = await app.driver.viewSubmission({ viewId: modal.id, values: { reason: 'Budget', newDueDate: '2026-01-01' } });
      expect(past.ack).toEqual({ action: 'errors', errors: { newDueDate: `Please choose a date after today (${TODAY}).` } });
      const today = await app.driver.viewSubmission({ viewId: modal.id, values: { reason: '  ', newDueDate: TODAY } });
      expect(today.ack).toEqual({
        action: 'errors',
        errors: { reason: 'Please fill this in.', newDueDate: `Please choose a date after today (${TODAY}).` },
      });
      const ok = await app.driver.viewSubmission({ viewId: modal.id, values: { reason: 'Waiting for the FY27 budget', newDueDate: '2027-09-30' } });
      expect(ok.ack.action).toBe('update');
      const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id } });
      expect(after).toMatchObject({ status: 'DEFERRED', deferredReason: 'Waiting for the FY27 budget' });
      expect(after.dueDate?.toISOString().slice(0, 10)).toBe('2027-09-30');
    });

    it('closes a strategy after confirmation, and says so when it was already closed', async () => {
      const s = await strategyOf(app, 'DOT');
      const modal = await manage(app, 'U0DOT01', 'close', s.id, 'manage:close');
      expect(textOf(modal.blocks)).toContain('as completed?');
      // Someone else is quicker with the same version: the second close changes nothing.
      const other = await manage(app, ADMIN_LEAD, 'close', s.id, 'manage:close');
      await app.driver.viewSubmission({ viewId: modal.id });
      expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('COMPLETED');
      await app.driver.viewSubmission({ viewId: other.id });
      expect(textOf(app.fake.openViews(ADMIN_LEAD).at(-1)!.blocks)).toContain('đã được đóng (hoàn thành) từ trước');
      expect(await audits(app, { action: 'strategy.close', entityId: String(s.id) })).toHaveLength(1);
    });

    it('reassigns to an active member, and refuses one deactivated meanwhile under the owner input', async () => {
      const s = await strategyOf(app, 'SJCE');
      const modal = await manage(app, 'U0SJCE01', 'reassign', s.id, 'manage:reassign');
      // Bao leaves while the lead is choosing.
      await app.db.prisma.member.update({ where: { slackUserId: 'U0SJCE02' }, data: { active: false, deactivatedAt: NOW } });
      const gone = await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: 'U0SJCE02' } });
      expect(gone.ack).toEqual({ action: 'errors', errors: { ownerSlackId: 'That person is no longer active in Slack; please choose someone else.' } });
      await app.db.prisma.member.update({ where: { slackUserId: 'U0SJCE02' }, data: { active: true, deactivatedAt: null } });
      const ok = await app.driver.viewSubmission({ viewId: modal.id, values: { ownerSlackId: 'U0SJCE02' } });
      expect(ok.ack.action).toBe('update');
      const after = await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id }, include: { owner: true } });
      expect(after.owner?.slackUserId).toBe('U0SJCE02');
    });

    it('adds, edits and completes milestones', async () => {
      const s = await strategyOf(app, 'PRNS');
      const lead = 'U0PRNS01'; // reads Spanish
      const modal = await manage(app, lead, 'milestone:add', s.id, 'manage:milestones');
      const add = await app.driver.viewSubmission({
        viewId: modal.id,
        values: { title: 'Publicar el calendario de reservas', dueDate: '2027-01-15', ownerSlackId: 'U0PRNS02' },
      });
      expect(add.ack.action).toBe('update');
      const m = await app.db.prisma.milestone.findFirstOrThrow({ where: { strategyId: s.id, title: 'Publicar el calendario de reservas' } });
      const list = await modalFor(app, lead, 'manage:milestones');
      expect(textOf(list.blocks)).toContain('Publicar el calendario de reservas');
      // The add form starts empty for the next milestone.
      expect(Object.values(list.state.values.title ?? {})[0]?.value ?? null).toBeNull();

      await app.driver.blockAction({ user: lead, viewId: list.id, actionId: 'milestone:edit', blockId: `milestone_${m.id}` });
      const edit = await modalFor(app, lead, 'manage:milestone-edit');
      expect(Object.values(edit.state.values.title ?? {})[0]?.value).toBe('Publicar el calendario de reservas');
      await app.driver.viewSubmission({ viewId: edit.id, values: { title: 'Publicar el calendario en línea' } });
      const refreshed = await app.fake.waitFor(
        () => {
          const v = app.fake.openViews(lead).at(-1);
          return v?.callback_id === 'manage:milestones' && textOf(v.blocks).includes('Publicar el calendario en línea') ? v : undefined;
        },
        4000,
        'the refreshed milestone list',
      );

      await app.driver.blockAction({ user: lead, viewId: refreshed.id, actionId: 'milestone:complete', blockId: `milestone_${m.id}` });
      await app.fake.waitFor(() => textOf(app.fake.openViews(lead).at(-1)?.blocks).includes('quedó marcado como hecho'), 4000, 'the completion notice');
      const done = await app.db.prisma.milestone.findUniqueOrThrow({ where: { id: m.id } });
      expect(done.title).toBe('Publicar el calendario en línea');
      expect(done.completedAt).not.toBeNull();
    });
  });

  describe('people who may not manage', () => {
    it('refuses a crafted Manage value for another department, in the modal, with an audit row', async () => {
      const s = await strategyOf(app, 'HOUSING');
      const ts = postManageList(app, [s.id]);
      await app.driver.blockAction({ user: LIB_STAFF, channel: CHANNEL, messageTs: ts, actionId: 'strategy:manage', value: `edit:${s.id}` });
      const modal = await modalFor(app, LIB_STAFF, 'manage:info');
      await app.fake.waitFor(() => textOf(app.fake.openViews(LIB_STAFF).at(-1)?.blocks).includes('Only your department'), 4000, 'the refusal');
      expect(modal.submit).toBeNull();
      const [audit] = await audits(app, { actor: LIB_STAFF, action: 'authz.denied', detail: 'strategy.edit' });
      expect(audit).toMatchObject({ entityType: 'strategy', entityId: String(s.id) });
    });

    it('refuses a crafted view_submission naming another department’s strategy, changes nothing, audits it', async () => {
      const s = await strategyOf(app, 'HOUSING', { number: 2 });
      // The staff member's client submits an Edit form they were never shown.
      const trigger = app.fake.issueTriggerId(LIB_STAFF);
      const { editStrategyModal } = await import('../../src/slack/features/manage/ui/strategy-form.js');
      const { translator } = await import('../../src/slack/i18n/index.js');
      const view = editStrategyModal(translator('en'), {
        label: '1.2',
        text: s.text,
        departmentName: 'Housing',
        planTitle: 'Plan',
        objectiveNumber: 1,
        meta: { strategyId: s.id, version: s.version },
        limits: { text: 2000, performanceMeasures: 3000, outputs: 3000 },
        values: {
          text: s.text,
          dueDate: null,
          performanceMeasures: '',
          outputs: '',
          flags: { languageAccess: false, disabilityAccess: false, genderEquity: false, priorityCommunities: false },
        },
      });
      const res = await fetch(`${app.fake.url}views.open`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app.fake.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ trigger_id: trigger, view: JSON.stringify(view) }),
      });
      const opened = (await res.json()) as { ok: boolean; view: { id: string } };
      expect(opened.ok).toBe(true);
      const sub = await app.driver.viewSubmission({ viewId: opened.view.id, values: { text: 'Hijacked' } });
      expect(sub.ack.action).toBe('update');
      expect(textOf(app.fake.openViews(LIB_STAFF).at(-1)!.blocks)).toContain('Only your department’s equity lead or an ORSE admin');
      expect((await app.db.prisma.strategy.findUniqueOrThrow({ where: { id: s.id } })).text).toBe(s.text);
      expect(await audits(app, { actor: LIB_STAFF, action: 'authz.denied', detail: 'strategy.edit', entityId: String(s.id) })).toHaveLength(1);
    });
  });
});
