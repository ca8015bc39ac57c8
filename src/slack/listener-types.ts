// The shapes of Bolt listeners, so a listener module can export its handler and the
// feature's index.ts can show which id goes to which handler.
import type {
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewClosedAction,
  ViewSubmitAction,
} from '@slack/bolt';

export type ActionListener<A extends SlackAction> = Middleware<SlackActionMiddlewareArgs<A>>;
export type EventListener<E extends string> = Middleware<SlackEventMiddlewareArgs<E>>;
export type ShortcutListener<S extends SlackShortcut> = Middleware<SlackShortcutMiddlewareArgs<S>>;
export type SubmitListener = Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type ViewClosedListener = Middleware<SlackViewMiddlewareArgs<ViewClosedAction>>;
/** A custom workflow step (Bolt does not export the type of its arguments). */
export type StepListener = Parameters<App['function']>[1];
