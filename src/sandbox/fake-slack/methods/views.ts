import { SlackApiError, jsonArg, optionalString, requireString, type MethodEnv, type MethodHandler } from '../method-context.js';
import type { JsonObject, ViewRecord } from '../types.js';
import { toViewOutput } from '../view-output.js';
import { validateView, type ViewType } from '../view-validator.js';
import { requireSlackFiles } from './chat.js';

/**
 * views.open / push / update / publish with the modal rules of docs.slack.dev/surfaces/modals:
 * single-use 3-second trigger_ids, a stack of at most 3 views, optimistic locking by `hash`
 * (every successful call returns a new one), and full view validation.
 */
export const MAX_MODAL_STACK = 3;

export const viewsMethods: Record<string, MethodHandler> = {
  'views.open': (args, env) => {
    const trigger = readTrigger(args);
    const definition = readView(args, ['modal']);
    const userId = useTrigger(env, trigger, definition);
    const view = env.workspace.openModal(userId, definition);
    const run = args.interactivity_pointer !== undefined ? env.functions.executionForPointer(trigger) : undefined;
    if (run) view.functionExecutionId = run.id;
    return { view: output(view, env) };
  },

  'views.push': (args, env) => {
    const trigger = readTrigger(args);
    const definition = readView(args, ['modal']);
    const { userId } = checkTrigger(env, trigger);
    const stack = env.workspace.modalStack(userId);
    if (stack.length === 0) throw new SlackApiError('not_found', { messages: ['[ERROR] no modal is open to push onto'] });
    // REF(views.push) push_limit_reached: "Currently the limit is 3".
    if (stack.length >= MAX_MODAL_STACK) throw new SlackApiError('push_limit_reached');
    useTrigger(env, trigger, definition);
    const view = env.workspace.pushModal(userId, definition);
    return { view: output(view, env) };
  },

  'views.update': (args, env) => {
    const target = findTarget(args, env);
    const definition = readView(args, [target.type]);
    requireCurrentHash(args, target);
    requireUniqueExternalId(env, definition, target);
    return { view: output(env.workspace.updateView(target, definition), env) };
  },

  'views.publish': (args, env) => {
    const userId = requireString(args, 'user_id');
    const definition = readView(args, ['home']);
    if (!env.settings.homeTabEnabled) throw new SlackApiError('not_enabled');
    const user = env.workspace.users.get(userId);
    if (!user || user.is_bot) throw new SlackApiError('user_not_found');
    const current = env.workspace.homeView(userId);
    if (current) requireCurrentHash(args, current);
    // A chart on App Home names a file the app uploaded, as in a message.
    if (Array.isArray(definition.blocks)) requireSlackFiles(env, definition.blocks, 'invalid_arguments');
    return { view: output(env.workspace.publishHome(userId, definition), env) };
  },
};

function output(view: ViewRecord, env: MethodEnv): JsonObject {
  return { ...toViewOutput(view, env.workspace.team, env.workspace.bot) };
}

/** Exactly one of trigger_id or interactivity_pointer (REF arg_groups). */
function readTrigger(args: JsonObject): string {
  const trigger = optionalString(args, 'trigger_id');
  const pointer = optionalString(args, 'interactivity_pointer');
  if (trigger !== undefined && pointer !== undefined) {
    throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] provide only one of trigger_id or interactivity_pointer'] });
  }
  const value = trigger ?? pointer;
  if (value === undefined) throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] missing required field: trigger_id'] });
  return value;
}

function readView(args: JsonObject, allowed: readonly ViewType[]): JsonObject {
  const view = jsonArg(args, 'view', 'invalid_arguments');
  if (view === undefined) throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] missing required field: view'] });
  const result = validateView(view, allowed);
  if (result.error === 'view_too_large') throw new SlackApiError('view_too_large');
  if (result.error) throw new SlackApiError(result.error, { blockErrors: result.errors });
  return view as JsonObject;
}

function checkTrigger(env: MethodEnv, trigger: string): { userId: string } {
  const check = env.triggers.check(trigger);
  if (!check.ok) throw new SlackApiError(check.error);
  return { userId: check.userId ?? '' };
}

/** Validates, then spends the trigger: a call that fails leaves the trigger usable. */
function useTrigger(env: MethodEnv, trigger: string, definition: JsonObject): string {
  const { userId } = checkTrigger(env, trigger);
  requireUniqueExternalId(env, definition, undefined);
  env.triggers.markUsed(trigger);
  return userId;
}

function findTarget(args: JsonObject, env: MethodEnv): ViewRecord {
  const viewId = optionalString(args, 'view_id');
  const externalId = optionalString(args, 'external_id');
  if ((viewId === undefined) === (externalId === undefined)) {
    throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] provide exactly one of view_id or external_id'] });
  }
  const view = viewId !== undefined ? env.workspace.view(viewId) : env.workspace.viewByExternalId(externalId ?? '', { includeClosed: true });
  // A modal that closed long ago and is no longer kept answers as a closed one does (below).
  if (!view) throw new SlackApiError('not_found', viewId !== undefined && env.workspace.wasForgotten(viewId) ? { violation: false } : undefined);
  // A closed modal can no longer be updated (docs/slack-platform.md marks this unverified).
  // The person closing it while the app was still working is a race every app meets, not
  // a broken rule; an id Slack never gave out is.
  if (!env.workspace.isLive(view)) throw new SlackApiError('not_found', { violation: false });
  return view;
}

function requireCurrentHash(args: JsonObject, view: ViewRecord): void {
  const hash = optionalString(args, 'hash');
  if (hash !== undefined && hash !== view.hash) throw new SlackApiError('hash_conflict');
}

/** external_id must be unique per team among live views (REF duplicate_external_id). */
function requireUniqueExternalId(env: MethodEnv, definition: JsonObject, self: ViewRecord | undefined): void {
  if (typeof definition.external_id !== 'string') return;
  const holder = env.workspace.viewByExternalId(definition.external_id);
  if (holder && holder.id !== self?.id) throw new SlackApiError('duplicate_external_id');
}
