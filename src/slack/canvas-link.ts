// Where people open a canvas: the workspace's address (auth.test) + docs/<team>/<canvas>,
// the form Slack's own canvas links take. auth.test is asked once per client.
import type { WebClient } from '@slack/web-api';

const workspaces = new WeakMap<object, Promise<{ url: string; teamId: string } | null>>();

/** The canvas's link, or null when Slack will not say where the workspace is. */
export async function canvasLink(client: Pick<WebClient, 'auth'>, canvasId: string): Promise<string | null> {
  let workspace = workspaces.get(client);
  if (!workspace) {
    workspace = client.auth
      .test()
      .then((r) => (r.url && r.team_id ? { url: r.url.replace(/\/?$/, '/'), teamId: r.team_id } : null))
      .catch(() => null);
    workspaces.set(client, workspace);
  }
  const w = await workspace;
  return w ? `${w.url}docs/${w.teamId}/${canvasId}` : null;
}
