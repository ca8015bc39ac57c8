// Fills a fake Slack workspace with the demo personas and the department channels the
// seed names, so the demo people exist on both sides: in Slack (users.info, DMs) and in
// the database.
import { DEMO_PERSONAS, SEED_DEPARTMENTS } from '../db/seed/index.js';
import type { FakeSlack } from './fake-slack/index.js';

export const GENERAL_CHANNEL = { id: 'C0GENERAL', name: 'general' };
export const REDI_CHANNEL = { id: 'C0REDI', name: 'redi-network' };

export function populateDemoWorkspace(fake: FakeSlack): void {
  for (const p of DEMO_PERSONAS) {
    fake.addUser({ id: p.slackUserId, name: p.email.split('@')[0]!, real_name: p.name, email: p.email, tz: p.tz, locale: p.locale });
  }
  const everyone = DEMO_PERSONAS.map((p) => p.slackUserId);
  const bot = fake.workspace.bot.userId;
  fake.addChannel({ ...GENERAL_CHANNEL, members: [...everyone, bot] });
  fake.addChannel({
    ...REDI_CHANNEL,
    members: [...DEMO_PERSONAS.filter((p) => p.roles.includes('REDI_MEMBER')).map((p) => p.slackUserId), bot],
  });
  for (const d of SEED_DEPARTMENTS) {
    if (!d.slackChannelId) continue;
    const members = DEMO_PERSONAS.filter((p) => p.departmentCode === d.code).map((p) => p.slackUserId);
    fake.addChannel({ id: d.slackChannelId, name: `${d.code.toLowerCase()}-equity`, members: [...members, bot] });
  }
}
