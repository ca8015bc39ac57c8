// /reap language: the member's own choice is stored, confirmed in the new language, and from
// then on wins over the language of their Slack; a wrong value gets the usage in the
// language they use now.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const CHANNEL = 'C0GENERAL';
const GRACE = 'U0LIB03'; // no choice stored, Slack locale en-GB
const TOMAS = 'U0HSG02'; // no choice stored, Slack locale es-LA

/**
 * What Slack would have refused, except App Home's own overlapping refreshes: its publisher
 * answers a views.publish hash_conflict by publishing a fresh build (src/slack/home).
 */
function expectNoViolations(app: ListenerApp, allow: readonly string[] = []): void {
  const unexpected = app.fake.violations().filter((v) => !(v.method === 'views.publish' && v.code === 'hash_conflict') && !allow.includes(v.code));
  app.fake.clearViolations();
  expect(unexpected).toEqual([]);
}

describe('/reap language', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    expectNoViolations(app);
  });

  async function say(user: string, text: string): Promise<string> {
    const res = await app.driver.slashCommand({ user, channel: CHANNEL, text });
    expect(res.status).toBe(200);
    const body = res.json as { response_type: string; text?: string; blocks?: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    return body.text ?? JSON.stringify(body.blocks);
  }
  const stored = async (user: string) => (await app.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: user } })).language;

  it('confirms a new language in that language, and uses it from then on', async () => {
    expect(await say(GRACE, 'help')).toContain('REAP Tracker commands');
    expect(await say(GRACE, 'language es')).toBe('Listo: a partir de ahora REAP Tracker le hablará en español, sea cual sea el idioma de su Slack.');
    expect(await stored(GRACE)).toBe('es');
    expect(await say(GRACE, 'help')).toContain('Comandos de REAP Tracker');
    expect(await say(GRACE, 'language VI')).toContain('từ giờ REAP Tracker sẽ nói chuyện với bạn bằng tiếng Việt');
    expect(await stored(GRACE)).toBe('vi');
  });

  it('answers a wrong or missing value with the usage in the current language, changing nothing', async () => {
    // Grace uses Vietnamese now (previous test).
    const usage = await say(GRACE, 'language fr');
    expect(usage).toContain('Chọn ngôn ngữ bằng `/reap language en`');
    expect(usage).toContain('Bạn đang dùng Tiếng Việt.');
    expect(await say(GRACE, 'language')).toContain('Chọn ngôn ngữ');
    expect(await stored(GRACE)).toBe('vi');
  });

  it('lets the member’s choice win over their Slack locale, and `auto` go back to it', async () => {
    expect(await say(TOMAS, 'help')).toContain('Comandos de REAP Tracker'); // es-LA Slack
    expect(await say(TOMAS, 'language en')).toContain('REAP Tracker will talk to you in English from now on');
    expect(await say(TOMAS, 'help')).toContain('REAP Tracker commands');
    // The update form follows the choice too.
    await app.driver.slashCommand({ user: TOMAS, channel: CHANNEL, text: 'update' });
    const modal = await app.driver.waitForModal(TOMAS, 5000, 'reap.update');
    expect(modal.title.text).toBe('Report progress');
    app.fake.workspace.clearModals(TOMAS);

    expect(await say(TOMAS, 'language auto')).toBe('Listo: REAP Tracker volverá a seguir el idioma de su Slack (ahora Español).');
    expect(await stored(TOMAS)).toBeNull();
    expect(await say(TOMAS, 'help')).toContain('Comandos de REAP Tracker');
  });

  it('tells someone REAP Tracker does not know yet how to be added', async () => {
    app.fake.addUser({ id: 'U0STRANGER', name: 'stranger', locale: 'en-US' });
    app.fake.joinChannel(CHANNEL, 'U0STRANGER');
    const text = await say('U0STRANGER', 'language es');
    expect(text).toContain('doesn’t know you yet');
    expect(text).toContain('<@U0ORSE01>');
  });
});
