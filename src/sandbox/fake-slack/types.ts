/**
 * Domain types shared by the fake Slack's modules. They describe the fake's own state, not
 * Slack's wire format; wire shapes are built from them in the method handlers and payloads.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface TeamInfo {
  id: string;
  name: string;
  domain: string;
  email_domain: string;
}

/** The app's bot identity: what auth.test returns and what Bolt uses for ignoreSelf. */
export interface BotIdentity {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  email?: string;
  /** IANA time zone, e.g. America/Los_Angeles. */
  tz: string;
  locale: string;
  deleted: boolean;
  is_bot: boolean;
  is_admin: boolean;
}

export interface UserSeed {
  id: string;
  name: string;
  real_name?: string;
  email?: string;
  tz?: string;
  locale?: string;
  deleted?: boolean;
  is_admin?: boolean;
}

export type ChannelKind = 'channel' | 'group' | 'im' | 'mpim';

export interface FakeChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  is_private: boolean;
  is_archived: boolean;
  /** For an im: the human on the other side of the bot's DM. */
  dmUser?: string;
  members: Set<string>;
  created: number;
}

export interface ChannelSeed {
  id: string;
  name: string;
  is_private?: boolean;
  is_archived?: boolean;
  /** User ids; include the bot user id (U0BOT by default) for channels the bot has joined. */
  members?: string[];
}

export interface FileSummary {
  id: string;
  name: string;
  title: string;
}

export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  user: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  files?: FileSummary[];
  metadata?: unknown;
  edited?: { user: string; ts: string };
  /** Which path created it: a Web API method, a response_url, or a slash-command ack. */
  source: string;
}

export interface EphemeralMessage {
  channel: string;
  /** The only user who can see it. */
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  source: string;
}

export type StateValues = Record<string, Record<string, JsonObject>>;

/**
 * One view (modal or App Home) as the fake stores it. `definition` is exactly what the app sent;
 * the ViewOutput Slack would put in payloads is derived from it (see view-output.ts).
 */
export interface ViewRecord {
  id: string;
  userId: string;
  type: 'modal' | 'home';
  definition: JsonObject;
  hash: string;
  rootViewId: string | null;
  previousViewId: string | null;
  state: StateValues;
  /** Errors from the last `response_action: errors`, shown under the input blocks. */
  errors: Record<string, string> | null;
  /** Opened with a custom step's interactivity_pointer: the run it belongs to. */
  functionExecutionId?: string;
}

export interface StoredFile {
  id: string;
  name: string;
  title: string;
  /** Declared by files.getUploadURLExternal `length`. */
  length: number;
  alt_txt?: string;
  snippet_type?: string;
  content?: Buffer;
  uploaded: boolean;
  completed: boolean;
  channels: string[];
  user: string;
  created: number;
}

export interface Violation {
  /** Web API method (e.g. chat.postMessage) or delivery path (e.g. ack:view_submission). */
  method: string;
  /** Slack's error code, e.g. invalid_blocks, not_in_channel. */
  code: string;
  message: string;
  pointer?: string;
  at: number;
}

export interface CallRecord {
  seq: number;
  method: string;
  args: JsonObject;
  httpStatus: number;
  response: unknown;
  violations: Violation[];
  /** Name of the injected fault that shaped this response, if any. */
  fault?: string;
  at: number;
  durationMs: number;
}
