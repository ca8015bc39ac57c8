// What the front door's thread and the main thread say to each other (see ./index.ts).
import type { ModalView } from '@slack/types';
import type { Lang } from '../../slack/i18n/index.js';

export interface FrontDoorSettings {
  /** Where Slack reaches the app (0 = any free port). */
  port: number;
  host?: string;
  signingSecret: string;
  botToken: string;
  /** Web API base, ending with /api/. */
  apiUrl: string;
  logLevel: string;
  bodyLimit: number;
  /** Bolt answers 404 when nothing acknowledged a request by then. */
  unhandledRequestTimeoutMillis: number;
  /** The update modal's loading view in each language, built by the main thread. */
  loadingViews: Record<Lang, ModalView>;
}

/** The loading view the front door opened for `/reap update`, or why it could not. */
export type LoadingViewOpened = { ok: true; viewId: string; hash?: string } | { ok: false; error: string };

/** Front door → main thread. */
export type FromDoor =
  | { type: 'listening'; port: number }
  | { type: 'listen-failed'; message: string; code?: string }
  /** A verified Slack request. `acked`: the door already answered Slack (and opens a loading view). */
  | { type: 'event'; id: number; body: Record<string, unknown>; retryNum?: number; retryReason?: string; acked: boolean }
  | { type: 'opened'; id: number; result: LoadingViewOpened }
  | { type: 'closed' };

/** Main thread → front door. */
export type ToDoor =
  | { type: 'ack'; id: number; response?: unknown }
  | { type: 'done'; id: number; error?: { message: string; code?: string } }
  | { type: 'language'; user: string; lang: Lang }
  /**
   * Start listening. The thread is started before the database is open (loading it takes
   * as long), and told to listen once the app can serve; `internalPort` is the main
   * thread's own HTTP server on 127.0.0.1, for everything that is not /slack/events.
   */
  | { type: 'listen'; internalPort: number }
  | { type: 'close' };

/** People whose language a front door remembers; the least recently answered go first. */
const MAX_PEOPLE = 20_000;

/** Remembers the language `user` was last answered in (for their loading view). */
export function rememberLanguage(languages: Map<string, Lang>, user: string, lang: Lang): void {
  // Re-inserting moves the person to the end, so the oldest entry is the first one.
  languages.delete(user);
  languages.set(user, lang);
  if (languages.size > MAX_PEOPLE) languages.delete(languages.keys().next().value!);
}
