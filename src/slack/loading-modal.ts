// Opening a modal inside Slack's trigger window. A trigger_id works once, for 3 seconds,
// and under load a database read can wait behind other requests' queries; so a light
// "Loading…" view goes out first, the slow part runs after it, and the result replaces it
// with views.update by the view's id and hash (someone who closed or changed the view
// meanwhile is left alone).
import type { ModalView, View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { LoadingViewOpened } from '../http/front-door/messages.js';
import type { Logger } from '../logger.js';
import { heavyTurn } from './heavy-turns.js';
import type { Translate } from './i18n/index.js';
import { problemText } from './service-errors.js';
import { viewPayload } from './view-payload.js';

type Ctx = { logger: Logger };

/** A view on screen that can be replaced. */
export interface OpenedView {
  viewId: string;
  hash?: string;
}

/** How a view gets on screen. */
export type Opener =
  /** push: from inside a modal, on top of it (Back returns to it). */
  | { triggerId: string; push?: boolean }
  /** A workflow step's pointer: the form then belongs to that run. */
  | { interactivityPointer: string }
  /**
   * Opened already, or being opened: by the HTTP front door (`/reap update`), or by a
   * listener that starts its reads once the view is up. null: it failed, and was logged.
   */
  | { opened: Promise<LoadingViewOpened | OpenedView | null> };

const slackError = (e: unknown): string => (e as { data?: { error?: string } }).data?.error ?? (e as Error).message;

/** Puts `view` on screen; null (logged) when Slack refused, typically an expired trigger. */
export async function openView(ctx: Ctx, client: WebClient, opener: Opener, view: View): Promise<OpenedView | null> {
  try {
    if ('opened' in opener) {
      const opened = await opener.opened;
      if (opened === null || !('ok' in opened)) return opened;
      if (!opened.ok) throw new Error(opened.error);
      return { viewId: opened.viewId, hash: opened.hash };
    }
    const res =
      'interactivityPointer' in opener
        ? await client.views.open({ interactivity_pointer: opener.interactivityPointer, view })
        : opener.push
          ? await client.views.push({ trigger_id: opener.triggerId, view })
          : await client.views.open({ trigger_id: opener.triggerId, view });
    return res.view?.id ? { viewId: res.view.id, hash: res.view.hash } : null;
  } catch (e) {
    // A spent trigger cannot be recovered: the caller says so another way, or the person clicks again.
    ctx.logger.warn({ err: slackError(e) }, 'could not open a modal');
    return null;
  }
}

/**
 * Replaces a view on screen; false (logged) when Slack refused. `heavy` is for a large
 * view (the update form): it waits its turn and goes out as the JSON Slack gets anyway.
 */
export async function replaceView(ctx: Ctx, client: WebClient, opened: OpenedView, view: View, options: { heavy?: boolean } = {}): Promise<boolean> {
  if (options.heavy) await heavyTurn();
  try {
    await client.views.update({
      view_id: opened.viewId,
      ...(opened.hash ? { hash: opened.hash } : {}),
      view: options.heavy ? viewPayload(view as ModalView) : view,
    });
    return true;
  } catch (e) {
    // hash_conflict: the person closed it or moved on meanwhile; nothing to repair.
    ctx.logger.info({ err: slackError(e), view: opened.viewId }, 'a modal was not replaced');
    return false;
  }
}

export interface LoadingFlow {
  opener: Opener;
  /** The light view sent at once. */
  loading: View;
  /** The slow part, run once the loading view is on screen: the view to show. */
  load: () => Promise<View>;
  /** For a load that failed: a view that says `text` instead. */
  problem: (text: string) => View;
  /** The words of a failed load; also names it in the log. */
  t: Translate;
  what: string;
  /** The loading view could not open (trigger spent, Slack down): tell the person another way. */
  notOpened?: () => Promise<unknown>;
  heavy?: boolean;
}

/** The one way to open a modal whose content takes a read: loading view, load, fill. */
export async function openThenFill(ctx: Ctx, client: WebClient, flow: LoadingFlow): Promise<void> {
  const opened = await openView(ctx, client, flow.opener, flow.loading);
  if (!opened) {
    await flow.notOpened?.();
    return;
  }
  let view: View;
  try {
    view = await flow.load();
  } catch (e) {
    view = flow.problem(problemText(ctx, flow.t, e, flow.what));
  }
  await replaceView(ctx, client, opened, view, { heavy: flow.heavy });
}
