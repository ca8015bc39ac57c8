// The App Home as each kind of person sees it when they open the Home tab, refreshed after
// a change, and published safely when two publishes race (hash_conflict → one fresh retry).
import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createAppContext, type AppContext } from '../../src/services/app-context.js';
import { appHomeOpenedEvent } from '../../src/sandbox/fake-slack/index.js';
import { publishHome, republishHomeFor } from '../../src/slack/features/home/publish-home.js';
import { homeWorkSettled } from '../../src/slack/features/home/refresh-queue.js';
import { addWelcomingStrategy } from '../support/citywide-strategy.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const LIB_STAFF = 'U0LIB03'; // Grace Kim
const LIB_LEAD = 'U0LIB01'; // Priya Raman
const MANAGER = 'U0MGR01'; // Kevin O'Connell: Housing, Library, PRNS
const ADMIN_ES = 'U0ORSE01'; // Marisol Vega, Spanish
const STRANGER = 'U0VISITOR';
const NEVER_OPENED = 'U0LIB02'; // Minh Nguyen, Library staff: no test here opens his Home before the one about it

type Block = { type: string; text?: { text: string }; accessory?: { action_id: string; value: string } };

describe('App Home', () => {
  let app: ListenerApp;
  let ctx: AppContext;
  let client: WebClient;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    app.fake.addUser({ id: STRANGER, name: 'visitor', real_name: 'Visiting Analyst', tz: 'America/Los_Angeles', locale: 'en-US' });
    // The same context and Web API client the update flow has, to call republishHomeFor.
    const config = loadConfig({ SLACK_BOT_TOKEN: app.fake.botToken, SLACK_SIGNING_SECRET: 'x', SLACK_API_URL: app.fake.url, LOG_LEVEL: 'silent' });
    ctx = createAppContext(config, app.db, createLogger('silent'), () => NOW);
    client = new WebClient(app.fake.botToken, { slackApiUrl: app.fake.url, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function open(user: string) {
    const published = app.fake.calls('views.publish').length;
    const res = await app.driver.appHomeOpened(user);
    expect(res.status).toBe(200);
    await app.fake.waitFor(
      () =>
        app.fake
          .calls('views.publish')
          .slice(published)
          .some((c) => c.args.user_id === user),
      5000,
      `a views.publish for ${user}`,
    );
    // An admin's or lead's Home is published again once its charts are drawn: let that finish.
    await homeWorkSettled(app.ctx);
    const view = app.fake.homeView(user)!;
    return { view, blocks: view.blocks as Block[], text: JSON.stringify(view.blocks) };
  }

  it('shows staff their deadlines and strategies with Update buttons for each', async () => {
    const { blocks, text } = await open(LIB_STAFF);
    expect(text).toContain('Hello Grace Kim.');
    expect(text).toContain('*Your deadlines*');
    expect(text).toContain('*Your strategies*');
    expect(text).toContain('*2.1* Add assistive technology');
    expect(blocks.length).toBeLessThanOrEqual(100);
    const owned = await app.db.prisma.strategy.findMany({ where: { owner: { slackUserId: LIB_STAFF }, archivedAt: null }, select: { id: true } });
    const values = blocks.filter((b) => b.accessory?.action_id === 'update:open').map((b) => Number(b.accessory!.value));
    for (const s of owned) expect(values).toContain(s.id);
  });

  it('shows an equity lead their department, a manager the departments they oversee', async () => {
    const lead = await open(LIB_LEAD);
    expect(lead.text).toContain(':bar_chart: *San José Public Library*');
    expect(lead.text).toMatch(/\*Overdue:\* \d+/);
    expect(lead.text).toContain('No update this quarter');

    const manager = await open(MANAGER);
    expect(manager.text).toContain('*Departments you oversee*');
    for (const name of ['Housing Department', 'San José Public Library', 'Parks, Recreation and Neighborhood Services']) {
      expect(manager.text).toContain(`*${name}*`);
    }
    expect(manager.text).not.toContain('Police Department');
  });

  it('shows ORSE admins the citywide view, in their language', async () => {
    const { text } = await open(ADMIN_ES);
    expect(text).toContain('Hola, Marisol Vega.');
    expect(text).toContain('*Toda la Ciudad*');
    for (const code of ['DOT', 'HOUSING', 'LIB', 'PRNS', 'SJCE', 'SJPD']) expect(text).toContain(`*${code}*`);
    expect(text).toContain('*Sin informes este trimestre*');
  });

  it('welcomes someone REAP Tracker does not know and says whom to ask', async () => {
    const { blocks, text } = await open(STRANGER);
    expect(text).toContain('Welcome to REAP Tracker');
    expect(text).toContain('ask your department’s equity lead or an ORSE admin: <@U0ORSE01>, <@U0ORSE02>');
    expect(blocks.some((b) => b.accessory)).toBe(false);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    const before = app.fake.calls('views.publish').length;
    const res = await app.driver.appHomeOpened(LIB_STAFF, { tab: 'messages' });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.fake.calls('views.publish').length).toBe(before);
  });

  it('passes the hash of the view the person is looking at', async () => {
    await open(LIB_STAFF);
    const shown = app.fake.homeView(LIB_STAFF)!;
    await open(LIB_STAFF);
    const call = app.fake.calls('views.publish').at(-1)!;
    expect(call.args.hash).toBe(shown.hash);
    expect((call.response as { ok: boolean }).ok).toBe(true);
  });

  it('rebuilds and publishes once more when someone published in between (hash_conflict)', async () => {
    await open(LIB_LEAD);
    // The event carries the view as it was; then something else publishes before we do.
    const event = appHomeOpenedEvent(app.fake, LIB_LEAD, 'home');
    await client.views.publish({ user_id: LIB_LEAD, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'someone else' } }] } });
    const before = app.fake.calls('views.publish').length;
    await app.driver.event(event);
    await app.fake.waitFor(() => app.fake.calls('views.publish').length >= before + 2, 5000, 'the retry');
    const [conflict, retry] = app.fake.calls('views.publish').slice(before);
    expect((conflict!.response as { error?: string }).error).toBe('hash_conflict');
    expect(retry!.args.hash).toBeUndefined();
    expect((retry!.response as { ok: boolean }).ok).toBe(true);
    expect(JSON.stringify(app.fake.homeView(LIB_LEAD)!.blocks)).toContain('San José Public Library');
    app.driver.assertNoViolations({ allow: ['hash_conflict'] });
    app.fake.clearViolations();
  });

  it('republishHomeFor refreshes everyone a change concerns, once each, and survives a failure', async () => {
    await open(LIB_STAFF);
    // A strategy of Grace's is completed elsewhere (as the update flow would store it).
    const s = await app.db.prisma.strategy.findFirstOrThrow({
      where: { owner: { slackUserId: LIB_STAFF }, status: 'IN_PROGRESS' },
      include: { objective: true },
    });
    await app.db.prisma.strategy.update({ where: { id: s.id }, data: { status: 'COMPLETED' } });
    let before = app.fake.calls('views.publish').length;
    await republishHomeFor(ctx, client, [LIB_STAFF, LIB_LEAD, LIB_STAFF, MANAGER]);
    let calls = app.fake.calls('views.publish').slice(before);
    // Once per person (a publish racing ours may add a hash_conflict and its retry).
    const users = (list: typeof calls) => [...new Set(list.map((c) => c.args.user_id))].sort();
    expect(users(calls)).toEqual([LIB_LEAD, LIB_STAFF, MANAGER].sort());
    expect(calls.filter((c) => (c.response as { ok: boolean }).ok)).toHaveLength(3);
    const item = (app.fake.homeView(LIB_STAFF)!.blocks as Block[]).find((b) => b.text?.text.startsWith(`*${s.objective.number}.${s.number}*`));
    expect(item?.text?.text).toContain(':white_check_mark: Completed');

    // One Home failing to publish does not stop the others, nor throw at the caller.
    before = app.fake.calls('views.publish').length;
    app.fake.failNext('views.publish', 'internal_error');
    await republishHomeFor(ctx, client, [LIB_STAFF, LIB_LEAD, MANAGER]);
    calls = app.fake.calls('views.publish').slice(before);
    expect(users(calls)).toEqual([LIB_LEAD, LIB_STAFF, MANAGER].sort());
    expect(calls.filter((c) => (c.response as { error?: string }).error === 'internal_error')).toHaveLength(1);
    expect(calls.filter((c) => (c.response as { ok: boolean }).ok)).toHaveLength(2);
    await app.db.prisma.strategy.update({ where: { id: s.id }, data: { status: 'IN_PROGRESS' } });
    app.driver.assertNoViolations({ allow: ['internal_error', 'hash_conflict'] });
    app.fake.clearViolations();
    // And a direct publish reports what happened instead of throwing.
    expect(await publishHome(ctx, client, LIB_STAFF)).toBe('published');
  });

  it('refreshes after a change only the Home of people who opened it in the last 30 days', async () => {
    const homeOpenedAt = async () => (await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: NEVER_OPENED } })).homeOpenedAt;
    const publishedTo = async (users: string[]) => {
      const before = app.fake.calls('views.publish').length;
      await republishHomeFor(ctx, client, users);
      return [
        ...new Set(
          app.fake
            .calls('views.publish')
            .slice(before)
            .map((c) => c.args.user_id),
        ),
      ].sort();
    };
    expect(await homeOpenedAt()).toBeNull();
    expect(await publishedTo([NEVER_OPENED, LIB_LEAD])).toEqual([LIB_LEAD]);

    // Opening the tab publishes it and, from then on, changes refresh it.
    await open(NEVER_OPENED);
    await expect.poll(homeOpenedAt).toEqual(NOW);
    expect(await publishedTo([NEVER_OPENED, LIB_LEAD])).toEqual([LIB_LEAD, NEVER_OPENED].sort());

    // Opening it again within the hour writes nothing; later, it moves on.
    const tenMinutesAgo = new Date(NOW.getTime() - 10 * 60_000);
    await app.db.prisma.member.update({ where: { slackUserId: NEVER_OPENED }, data: { homeOpenedAt: tenMinutesAgo } });
    await open(NEVER_OPENED);
    expect(await homeOpenedAt()).toEqual(tenMinutesAgo);

    // Someone who has not looked for 31 days is not refreshed, until they look again.
    await app.db.prisma.member.update({ where: { slackUserId: NEVER_OPENED }, data: { homeOpenedAt: new Date(NOW.getTime() - 31 * 86_400_000) } });
    expect(await publishedTo([NEVER_OPENED])).toEqual([]);
    await open(NEVER_OPENED);
    await expect.poll(homeOpenedAt).toEqual(NOW);
    expect(await publishedTo([NEVER_OPENED])).toEqual([NEVER_OPENED]);
  });

  it('names a citywide strategy’s plan beside its number, next to the department’s own 2.1', async () => {
    await addWelcomingStrategy(app.db.prisma, {
      pillar: 2,
      number: 1,
      text: 'Citizenship corners in every branch',
      lead: 'LIB',
      partners: ['PRNS'],
      owner: LIB_STAFF,
    });
    const { text } = await open(LIB_STAFF);
    expect(text).toContain('*2.1* Add assistive technology');
    expect(text).toContain('*2.1 (Welcoming San José Plan 2.0)* Citizenship corners in every branch');
  });
});
