// What one person's Slack client shows: their channels and the app's DM, the messages there,
// their ephemerals, their modal stack and Home tab, plus the names needed to render mentions.
// Built from the fake Slack's workspace on every request; it is small and always current.
import type { FakeSlack } from './fake-slack/index.js';
import { toViewOutput } from './fake-slack/view-output.js';
import { canvasMarkdown, channelCanvas } from './fake-slack/methods/canvases.js';
import type { ViewRecord } from './fake-slack/index.js';
import { HttpError } from './http-json.js';

export interface PageChannel {
  id: string;
  name: string;
  kind: 'channel' | 'private' | 'app';
}

/** @param appName the bot's display name from the manifest, shown for mentions of the bot. */
export function pageState(fake: FakeSlack, userId: string, appName: string): Record<string, unknown> {
  const ws = fake.workspace;
  const user = ws.users.get(userId);
  if (!user || user.is_bot) throw new HttpError(400, `unknown user ${userId}`);
  const dm = ws.dmWith(userId).channel;
  const joined: PageChannel[] = [...ws.channels.values()]
    .filter((c) => (c.kind === 'channel' || c.kind === 'group') && c.members.has(userId) && !c.is_archived)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => ({ id: c.id, name: c.name, kind: c.is_private ? 'private' : 'channel' }));
  const channels: PageChannel[] = [...joined, { id: dm.id, name: 'app', kind: 'app' }];
  const visible = new Set(channels.map((c) => c.id));
  return {
    user: { id: user.id, name: user.real_name, tz: user.tz, locale: user.locale },
    channels,
    dmChannel: dm.id,
    messages: Object.fromEntries(channels.map((c) => [c.id, fake.messages(c.id).map(({ source: _source, ...m }) => m)])),
    ephemerals: fake.ephemerals(userId).filter((e) => visible.has(e.channel)),
    modals: ws.modalStack(userId).map((v) => withErrors(v, fake)),
    home: homeView(fake, userId),
    users: Object.fromEntries(
      [...ws.users.values()].map((u) => [u.id, { name: u.id === fake.bot.userId ? appName : u.real_name, isBot: u.is_bot, deleted: u.deleted }]),
    ),
    channelNames: Object.fromEntries([...ws.channels.values()].filter((c) => c.kind !== 'im').map((c) => [c.id, c.name])),
    canvases: Object.fromEntries(
      joined.flatMap((c) => {
        const canvas = channelCanvas(ws, c.id);
        return canvas ? [[c.id, { title: canvas.title, markdown: canvasMarkdown(canvas) }]] : [];
      }),
    ),
    files: Object.fromEntries(fake.files().map((f) => [f.id, { name: f.name, title: f.title, size: f.content?.length ?? 0 }])),
  };
}

function withErrors(view: ViewRecord, fake: FakeSlack): Record<string, unknown> {
  return { ...toViewOutput(view, fake.team, fake.bot), errors: view.errors ?? {} };
}

function homeView(fake: FakeSlack, userId: string): Record<string, unknown> | null {
  const view = fake.workspace.homeView(userId);
  return view ? withErrors(view, fake) : null;
}
