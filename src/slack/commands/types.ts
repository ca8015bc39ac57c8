import type { AckFn, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../services/app-context.js';
import type { LoadingViewOpened } from '../../http/front-door/messages.js';
import type { Lang, Translate } from '../i18n/index.js';
import type { Role } from '../../domain/enums.js';
import type { Actor } from '../../domain/permissions.js';

export interface Caller {
  slackUserId: string;
  lang: Lang;
  /** null when the person is not (yet) known to REAP Tracker. */
  memberId: number | null;
  /** Empty when not known or deactivated: only to choose what to offer, never to authorize. */
  roles: readonly Role[];
  /** The active member as the services see them, read with the rest; use callerActor (caller.ts). */
  actor?: Actor | null;
}

export interface SubcommandRequest {
  ctx: AppContext;
  command: SlashCommand;
  /** Text after the subcommand word, trimmed. */
  args: string;
  caller: Caller;
  t: Translate;
  ack: AckFn<string | RespondArguments>;
  respond: RespondFn;
  client: WebClient;
}

export type SubcommandHandler = (req: SubcommandRequest) => Promise<void>;

/**
 * A subcommand whose answer is a modal: it opens one with the trigger before anything is
 * read (see recent-languages.ts), and looks up who is asking itself.
 */
export interface ModalSubcommandRequest extends Omit<SubcommandRequest, 'caller' | 't'> {
  /** In the language the person was last answered in: for the first, momentary view only. */
  quickT: Translate;
  /** The loading view the HTTP front door already opened with the trigger (and acked). */
  loadingView?: Promise<LoadingViewOpened>;
}

export type ModalSubcommandHandler = (req: ModalSubcommandRequest) => Promise<void>;
