// `/reap update` opens its modal from the front door: a loading view sent with the
// trigger id the moment the request is verified. Slack's trigger id lives 3 s, and the
// main thread may be busy with other people's forms; this thread is not.
import http from 'node:http';
import https from 'node:https';
import { answersWithUpdateModal } from '../../slack/commands/command-text.js';
import type { ModalView } from '@slack/types';
import type { LoadingViewOpened } from './messages.js';

/** Who to open the loading view for, when this request answers with the update modal. */
export function opensLoadingView(body: Record<string, unknown>): { triggerId: string; userId: string } | null {
  if (body.command !== '/reap' || typeof body.trigger_id !== 'string' || body.trigger_id === '' || typeof body.user_id !== 'string') return null;
  if (!answersWithUpdateModal(typeof body.text === 'string' ? body.text : '')) return null;
  return { triggerId: body.trigger_id, userId: body.user_id };
}

/** Where views.open goes, and over which (kept-alive) connections. */
export interface SlackEndpoint {
  apiUrl: string;
  botToken: string;
  agent?: http.Agent;
}

/**
 * views.open with the loading view. No retries: a retried call would come after the
 * trigger's 3 s. Slack's answer, or the failure, goes to the main thread, which says what
 * happened in a message when there is no modal to say it in. node:http rather than fetch:
 * undici's fetch cost this thread about 5 ms per call, as much as the rest of a request.
 */
export function openLoadingView(endpoint: SlackEndpoint, triggerId: string, view: ModalView): Promise<LoadingViewOpened> {
  const url = new URL('views.open', endpoint.apiUrl);
  // Form-encoded with the view as JSON text, as @slack/web-api sends every call.
  const body = new URLSearchParams({ trigger_id: triggerId, view: JSON.stringify(view) }).toString();
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    const req = send(
      url,
      {
        method: 'POST',
        agent: endpoint.agent,
        timeout: 5_000,
        headers: {
          authorization: `Bearer ${endpoint.botToken}`,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (e) => resolve({ ok: false, error: e.message }));
        res.on('end', () => resolve(readAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('timeout', () => req.destroy(new Error('views.open timed out')));
    req.on('error', (e) => resolve({ ok: false, error: e.message }));
    req.end(body);
  });
}

function readAnswer(status: number, text: string): LoadingViewOpened {
  let answer: { ok?: boolean; error?: string; view?: { id?: string; hash?: string } };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return { ok: false, error: `HTTP ${status}` };
  }
  if (answer.ok && answer.view?.id) return { ok: true, viewId: answer.view.id, hash: answer.view.hash };
  return { ok: false, error: answer.error ?? `HTTP ${status}` };
}
