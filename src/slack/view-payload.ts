// Large views (the 100-option update form, an App Home) handed to views.open, views.update
// and views.publish as the JSON text Slack receives anyway.
//
// Why: for every call @slack/web-api deep-copies the arguments to redact tokens and
// serialises the copy for a debug log line, whether or not debug logging is on, and then
// serialises the arguments again for the request body. For a view of a few hundred blocks
// and options that is two walks of the whole object and two JSON.stringify calls on the
// main thread (4-6% of it under bench/slack-update's load). Given a string, web-api copies
// the string and sends it as it is: the bytes Slack receives are the same.
import type { HomeView, ModalView } from '@slack/types';

export function viewPayload<V extends ModalView | HomeView>(view: V): V {
  return JSON.stringify(view) as unknown as V;
}
