// /reap settings as Slack drives it: an ORSE admin sees every job's schedule in force, where
// it comes from and its next run in the City's time; an invalid cron expression is refused
// under its input in the admin's language and the old schedule stays (in the database and in
// the running scheduler); a valid one is saved, audited and picked up by the scheduler at
// once, with the REDI channel and reminder days. Everyone else is refused.
import type { ViewOutput } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../src/config.js';
import { PEOPLE_FACING_JOBS } from '../../src/jobs/schedule/cadence.js';
import { JobRegistry } from '../../src/jobs/registry.js';
import { scheduleChanges } from '../../src/jobs/schedule/set-job-schedule.js';
import { startScheduler, type RunningScheduler } from '../../src/jobs/start-scheduler.js';
import { getRediChannelId, getReminderOffsetDays, saveSettings } from '../../src/services/settings.js';
import { loadActor } from '../../src/services/authz.js';
import { translator } from '../../src/slack/i18n/index.js';
import { settingsModal } from '../../src/slack/features/settings/ui/settings-modal.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z'); // Wednesday 09:00 in San José
const MARISOL = 'U0ORSE01'; // ORSE admin, Spanish
const DANIEL = 'U0ORSE02'; // ORSE admin, Vietnamese
const GRACE = 'U0LIB03'; // Library staff, English
const CHANNEL = 'C0GENERAL';

type Block = { type: string; block_id?: string; hint?: { text: string }; element?: { initial_value?: string; initial_conversation?: string } };
const blocksOf = (v: ViewOutput | undefined) => (v?.blocks ?? []) as unknown as Block[];
const block = (v: ViewOutput | undefined, id: string) => blocksOf(v).find((b) => b.block_id === id);

describe('/reap settings', () => {
  let app: ListenerApp;
  let scheduler: RunningScheduler;

  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    // A running scheduler in the same process (no jobs of its own; sweeps far apart).
    scheduler = await startScheduler(app.ctx, { registry: new JobRegistry(), scheduler: { catchUp: false, sweepIntervalMs: 3_600_000 } });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  const top = (user: string) => app.fake.openViews(user).at(-1);

  async function openSettings(user: string): Promise<ViewOutput> {
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text: 'settings' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    return app.fake.waitFor(
      () => {
        const v = top(user);
        return v?.callback_id === 'settings:save' ? v : undefined;
      },
      5000,
      'the settings modal',
    );
  }

  it('shows each job’s schedule in force, where it comes from and its next run in the City’s time', async () => {
    const view = await openSettings(MARISOL);
    expect(view.title.text).toBe('Configuración');
    for (const job of PEOPLE_FACING_JOBS) expect(block(view, `cron__${job}`), job).toBeDefined();
    const weekly = block(view, 'cron__weekly-digest')!;
    expect(weekly.element!.initial_value).toBe('0 8 * * 1');
    // The next three runs, in the City's time.
    expect(weekly.hint!.text).toMatch(
      /^Ahora: el predeterminado\. Próximas ejecuciones: lun.*23.*nov.*2026.*8:00.*PST; lun.*30.*nov.*2026.*8:00.*PST; lun.*7.*dic.*2026.*8:00.*PST\.$/,
    );
    // The outbox (every DM waits on it) and posting briefings are shown, not editable.
    expect(block(view, 'cron__outbox')).toBeUndefined();
    expect(block(view, 'cron__briefings')).toBeUndefined();
    const all = JSON.stringify(view.blocks);
    expect(all).toContain('Tareas internas');
    expect(all).toContain('`*/10 * * * * *`');
    expect(block(view, 'redi_channel')).toBeDefined();
    expect(block(view, 'reminder_offsets')).toBeDefined();
  });

  it('refuses an invalid cron under its input, in Spanish, and keeps the old schedule everywhere', async () => {
    const view = top(MARISOL)!;
    const changed: string[] = [];
    const listener = (job: string) => changed.push(job);
    scheduleChanges.on('changed', listener);
    try {
      const sub = await app.driver.viewSubmission({ viewId: view.id, values: { 'cron__weekly-digest': '0 8 * *', reminder_offsets: 'siete' } });
      expect(sub.ack.action).toBe('errors');
      const errors = app.fake.viewErrors(view.id)!;
      expect(errors['cron__weekly-digest']).toBe(
        '“0 8 * *” tiene 4 campos, así que el horario no cambió. Use 5 campos (minuto hora día-del-mes mes día-de-la-semana) o 6 (con los segundos primero), p. ej., “0 8 * * 1” para los lunes a las 08:00.',
      );
      expect(errors.reminder_offsets).toContain('“siete” no es una lista de días');
      const sub2 = await app.driver.viewSubmission({ viewId: view.id, values: { 'cron__weekly-digest': '99 8 * * 1', reminder_offsets: '' } });
      expect(sub2.ack.action).toBe('errors');
      expect(app.fake.viewErrors(view.id)!['cron__weekly-digest']).toContain('“99 8 * * 1” no es un horario válido, así que se mantiene el anterior');
    } finally {
      scheduleChanges.off('changed', listener);
    }
    expect(changed).toEqual([]);
    expect(await app.db.prisma.jobSchedule.count()).toBe(0);
    expect(await app.db.prisma.auditLog.count({ where: { action: { startsWith: 'job.schedule' } } })).toBe(0);
    expect(scheduler.list().find((j) => j.job === 'weekly-digest')!.schedule.cron.expression).toBe('0 8 * * 1');
    expect(top(MARISOL)!.id).toBe(view.id);
  });

  it('refuses a schedule that would run less than once a month, and any change to an internal job, in the admin’s language', async () => {
    const view = top(MARISOL)!;
    const yearly = await app.driver.viewSubmission({ viewId: view.id, values: { 'cron__weekly-digest': '0 8 1 1 *' } });
    expect(yearly.ack.action).toBe('errors');
    expect(app.fake.viewErrors(view.id)!['cron__weekly-digest']).toBe(
      '“0 8 1 1 *” se ejecuta menos de una vez al mes: después del 2026-11-18 no volvería a ejecutarse hasta el 2027-01-01, y las personas dejarían de recibir mensajes de REAP Tracker sin darse cuenta. No se guardó nada. Elija un horario que se ejecute al menos cada 32 días, p. ej., “0 8 * * 1” para los lunes a las 08:00.',
    );
    // A daily job that would skip the next 45 days (only in February).
    const february = await app.driver.viewSubmission({ viewId: view.id, values: { 'cron__deadline-reminders': '0 8 * 2 *' } });
    expect(february.ack.action).toBe('errors');
    expect(app.fake.viewErrors(view.id)!['cron__deadline-reminders']).toContain('se ejecuta menos de una vez al mes');
    // The outbox has no input (the strict fake refuses a value for one); the service refuses it all the same.
    const actor = await loadActor(app.ctx, MARISOL);
    const refused = await saveSettings(app.ctx, actor, { crons: { outbox: '0 0 1 1 *', briefings: '0 0 1 1 *' } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid', messageKey: 'settings.errors.internalJob' });
    expect((refused as { fieldErrors: { field: string }[] }).fieldErrors.map((f) => f.field).sort()).toEqual(['cron:briefings', 'cron:outbox']);
    expect(translator('es')('settings.errors.internalJob', { job: 'outbox' })).toContain('“outbox” es una tarea interna');
    expect(await app.db.prisma.jobSchedule.count()).toBe(0);
    expect(scheduler.list().find((j) => j.job === 'outbox')!.schedule.cron.expression).toBe('*/10 * * * * *');
    // Putting the refused values back to what is in force saves nothing.
    const back = await app.driver.viewSubmission({ viewId: view.id, values: { 'cron__weekly-digest': '0 8 * * 1', 'cron__deadline-reminders': '0 8 * * *' } });
    expect(back.ack.action).toBe('update');
    expect(JSON.stringify(top(MARISOL)!.blocks)).toContain('No cambió nada.');
  });

  it('saves a valid schedule, the REDI channel and reminder days; the running scheduler reloads at once', async () => {
    const view = top(MARISOL)!;
    const sub = await app.driver.viewSubmission({
      viewId: view.id,
      values: { 'cron__weekly-digest': '0 7  * * 1', redi_channel: 'C0REDI', reminder_offsets: '3, 14' },
    });
    expect(sub.ack.action).toBe('update');
    const after = top(MARISOL)!;
    const notice = JSON.stringify(after.blocks);
    expect(notice).toContain('Guardado:');
    expect(notice).toContain('Resumen semanal: `0 7 * * 1`');
    expect(notice).toContain('Canal de REDI: <#C0REDI>');
    expect(notice).toContain('Recordatorios de fechas límite: 14, 3 días antes');
    expect(block(after, 'cron__weekly-digest')!.hint!.text).toMatch(
      /^Ahora: definido en REAP Tracker por Marisol Vega\. Próximas ejecuciones: lun.*23.*nov.*7:00/,
    );
    expect(block(after, 'redi_channel')!.element!.initial_conversation).toBe('C0REDI');

    expect(await app.db.prisma.jobSchedule.findMany({ select: { job: true, cron: true, updatedBy: true } })).toEqual([
      { job: 'weekly-digest', cron: '0 7 * * 1', updatedBy: MARISOL },
    ]);
    expect(await getRediChannelId(app.db.prisma)).toBe('C0REDI');
    expect(await getReminderOffsetDays(app.db.prisma)).toEqual([14, 3]);
    const audits = await app.db.prisma.auditLog.findMany({
      where: { actor: MARISOL, action: { in: ['job.schedule.set', 'setting.set'] } },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([
      ['job.schedule.set', 'weekly-digest'],
      ['setting.set', 'redi.channelId'],
      ['setting.set', 'reminders.offsetDays'],
    ]);
    await app.fake.waitFor(
      () => scheduler.list().find((j) => j.job === 'weekly-digest')?.schedule.cron.expression === '0 7 * * 1',
      5000,
      'the scheduler reload',
    );
    expect(scheduler.list().find((j) => j.job === 'weekly-digest')!.schedule.source).toBe('setting');
  });

  it('goes back to the default when a schedule is cleared, and saves nothing when nothing changed', async () => {
    const view = top(MARISOL)!;
    await app.driver.viewSubmission({ viewId: view.id, values: { 'cron__weekly-digest': '' } });
    const after = top(MARISOL)!;
    expect(JSON.stringify(after.blocks)).toContain('Resumen semanal: vuelve a `0 8 * * 1` (el predeterminado)');
    expect(await app.db.prisma.jobSchedule.count()).toBe(0);
    await app.fake.waitFor(() => scheduler.list().find((j) => j.job === 'weekly-digest')?.schedule.source === 'default', 5000, 'the scheduler reload');

    const count = await app.db.prisma.auditLog.count();
    await app.driver.viewSubmission({ viewId: after.id });
    expect(JSON.stringify(top(MARISOL)!.blocks)).toContain('No cambió nada.');
    expect(await app.db.prisma.auditLog.count()).toBe(count);
    app.fake.workspace.clearModals(MARISOL);
  });

  it('speaks the admin’s language', async () => {
    const view = await openSettings(DANIEL);
    expect(view.title.text).toBe('Cài đặt');
    await app.driver.viewSubmission({ viewId: view.id, values: { 'cron__briefing-reminder': '0 9 * * * * *' } });
    expect(app.fake.viewErrors(view.id)!['cron__briefing-reminder']).toContain('“0 9 * * * * *” có 7 trường nên lịch chạy chưa được thay đổi');
    app.fake.workspace.clearModals(DANIEL);
  });

  it('refuses anyone else, a crafted submission included, and saves nothing', async () => {
    const res = await app.driver.slashCommand({ user: GRACE, channel: CHANNEL, text: 'settings' });
    expect((res.json as { text: string }).text).toBe('Only ORSE admins can do this.');
    await new Promise((r) => setTimeout(r, 200));
    expect(app.fake.openViews(GRACE)).toEqual([]);

    const view = settingsModal(translator('en'), {
      timeZone: 'America/Los_Angeles',
      jobs: JOB_NAMES.map((job) => ({
        job,
        cron: '0 8 * * 1',
        source: 'default' as const,
        updatedBy: null,
        enabled: true,
        nextFire: NOW,
        nextFires: [NOW],
        internal: false,
      })),
      rediChannelId: null,
      reminderOffsetDays: [7, 1],
      reminderOffsetsSet: false,
      defaultOffsetDays: [7, 1],
    });
    const opened = (await (
      await fetch(`${app.fake.url}views.open`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app.fake.botToken}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ trigger_id: app.fake.issueTriggerId(GRACE), view: JSON.stringify(view) }),
      })
    ).json()) as { ok: boolean; view: { id: string } };
    expect(opened.ok).toBe(true);
    const sub = await app.driver.viewSubmission({ viewId: opened.view.id, values: { 'cron__weekly-digest': '* * * * *', redi_channel: 'C0GENERAL' } });
    expect(sub.ack.action).toBe('errors');
    expect(Object.values(app.fake.viewErrors(opened.view.id)!)).toEqual(['Only ORSE admins can do this.']);
    expect(await app.db.prisma.jobSchedule.count()).toBe(0);
    expect(await getRediChannelId(app.db.prisma)).toBe('C0REDI');
    const denied = await app.db.prisma.auditLog.findMany({ where: { actor: GRACE, action: 'authz.denied' } });
    expect(denied.map((a) => a.detail)).toEqual(['settings.view', 'settings.save']);
    app.fake.workspace.clearModals(GRACE);
  });
});
