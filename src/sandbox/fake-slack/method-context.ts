import type { Clock } from './clock.js';
import type { FunctionRegistry } from './functions.js';
import type { ResponseUrlRegistry, TriggerRegistry } from './interactivity.js';
import type { PostingRateLimiter } from './rate-limit.js';
import { formatSlackError, type BlockKitError } from './schema-engine.js';
import type { JsonObject } from './types.js';
import type { Workspace } from './workspace.js';

/**
 * The contract between the HTTP server and the method handlers. A handler receives decoded
 * arguments and the fake's services, returns the success body (without `ok`), and throws
 * SlackApiError for an `ok:false` reply or RateLimitedError for an HTTP 429.
 */

export interface FakeSlackSettings {
  /** Allow posting to public channels the bot has not joined (the chat:write.public scope). */
  chatWritePublic: boolean;
  /** The manifest's app_home.home_tab_enabled; views.publish answers not_enabled when false. */
  homeTabEnabled: boolean;
}

export interface MethodEnv {
  workspace: Workspace;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrlRegistry;
  postingRate: PostingRateLimiter | null;
  /** The manifest's custom steps and their runs. */
  functions: FunctionRegistry;
  clock: Clock;
  /** `http://127.0.0.1:PORT`, for URLs the fake hands out (upload_url, permalinks to files). */
  origin: string;
  settings: FakeSlackSettings;
}

export type MethodHandler = (args: JsonObject, env: MethodEnv) => JsonObject;

export interface SlackErrorOptions {
  /** Lines for `response_metadata.messages`, already in Slack's `[ERROR] …` format. */
  messages?: string[];
  /** Block Kit errors; they become `messages` and are kept with their pointers for violations(). */
  blockErrors?: BlockKitError[];
  /**
   * Whether this reply means the app broke a rule. Lookups that legitimately find nothing
   * (users.lookupByEmail → users_not_found) are not violations.
   */
  violation?: boolean;
  /** Extra top-level fields Slack sends with some errors (e.g. blocks.validate's `errors`). */
  extra?: JsonObject;
}

export class SlackApiError extends Error {
  readonly messages: string[];
  readonly blockErrors: BlockKitError[];
  readonly violation: boolean;
  readonly extra: JsonObject;

  constructor(
    readonly code: string,
    options: SlackErrorOptions = {},
  ) {
    super(code);
    this.blockErrors = options.blockErrors ?? [];
    this.messages = options.messages ?? this.blockErrors.map(formatSlackError);
    this.violation = options.violation ?? true;
    this.extra = options.extra ?? {};
  }
}

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('ratelimited');
  }
}

// ---------- argument helpers: form bodies carry strings, JSON bodies carry real types ----------

export function optionalString(args: JsonObject, name: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** Slack's reply to a missing required argument on methods without a more specific code. */
export function requireString(args: JsonObject, name: string, code = 'invalid_arguments'): string {
  const value = optionalString(args, name);
  if (value === undefined) throw new SlackApiError(code, { messages: [`[ERROR] missing required field: ${name}`] });
  return value;
}

export function optionalBoolean(args: JsonObject, name: string): boolean | undefined {
  const value = args[name];
  if (value === undefined || value === '') return undefined;
  return value === true || value === 'true' || value === '1' || value === 1;
}

export function optionalNumber(args: JsonObject, name: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new SlackApiError('invalid_arguments', { messages: [`[ERROR] must be a number [json-pointer:/${name}]`] });
  }
  return number;
}

/**
 * Reads an argument that form bodies carry as a JSON string (blocks, view, files, metadata).
 * Returns undefined when absent; throws `badJsonCode` when the string is not JSON.
 */
export function jsonArg(args: JsonObject, name: string, badJsonCode: string): unknown {
  const value = args[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new SlackApiError(badJsonCode, { messages: [`[ERROR] ${name} is not valid JSON`] });
  }
}

/** Comma-separated lists (conversations.open `users`, conversations.list `types`). */
export function listArg(args: JsonObject, name: string): string[] {
  const value = optionalString(args, name);
  return value === undefined
    ? []
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/** Opaque pagination cursors shaped like Slack's (base64 of `<kind>:<offset>`). */
export function encodeCursor(offset: number): string {
  return Buffer.from(`next:${offset}`).toString('base64');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^next:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match?.[1]) throw new SlackApiError('invalid_cursor');
  return Number(match[1]);
}

export function paginate<T>(items: readonly T[], args: JsonObject, defaultLimit = 100): { page: T[]; nextCursor: string } {
  const offset = decodeCursor(optionalString(args, 'cursor'));
  const limit = Math.min(Math.max(optionalNumber(args, 'limit') ?? defaultLimit, 1), 1000);
  const page = items.slice(offset, offset + limit);
  const nextCursor = offset + limit < items.length ? encodeCursor(offset + limit) : '';
  return { page, nextCursor };
}
