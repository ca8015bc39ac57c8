// What a failed Web API call means for a message. The question that matters is not "is it
// transient?" but "could Slack have posted it anyway?": a 429 or an ok:false answer means
// nothing was posted, so resending is safe; a timeout, a dropped connection or a 5xx may
// hide a posted message, so the dispatcher checks before sending again.
import { ErrorCode } from '@slack/web-api';

export type FailureKind =
  /** Nothing was posted; try again later (Retry-After when Slack gave one). */
  | 'retry'
  /** The recipient or the message is the problem; retrying cannot help. */
  | 'permanent'
  /** The app's token or workspace is the problem; every message would fail. Pause. */
  | 'app-blocked'
  /** Slack may or may not have posted it. */
  | 'unknown';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** Slack's error code, "http_503", "timeout", "network:ECONNRESET" … */
  code: string;
  retryAfterSeconds?: number;
}

/** The person left Slack or cannot be messaged. */
export const RECIPIENT_GONE_CODES: ReadonlySet<string> = new Set([
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'user_not_visible',
  'cannot_dm_bot',
  'messages_tab_disabled',
]);

/** Slack refuses the message itself: a fault in what the app composed. */
export const MESSAGE_REJECTED_CODES: ReadonlySet<string> = new Set([
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'too_many_attachments',
  'invalid_attachments',
  'markdown_text_conflict',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'metadata_too_large',
]);

/** Recipient gone or unreachable, or a message Slack will never accept. */
export const PERMANENT_CODES: ReadonlySet<string> = new Set([
  ...RECIPIENT_GONE_CODES,
  ...MESSAGE_REJECTED_CODES,
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'channel_type_not_supported',
  'invalid_thread_ts',
  'thread_not_found',
  'invalid_arguments',
  'invalid_arg_name',
]);

const RETRY_CODES = new Set(['ratelimited', 'rate_limited', 'request_timeout']);

const APP_BLOCKED_CODES = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'not_allowed_token_type',
  'no_permission',
  'accesslimited',
  'ekm_access_denied',
  'team_access_not_granted',
  'team_added_to_org',
  'org_login_required',
  'message_limit_exceeded',
]);

/** Server-side failures reported as ok:false; Slack warns a retry of chat.postMessage may post twice. */
const UNKNOWN_CODES = new Set(['fatal_error', 'internal_error', 'service_unavailable']);

/** Network errors raised before the request reached Slack. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function networkCode(original: unknown): string | undefined {
  let e: unknown = original;
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifySlackError(error: unknown): ClassifiedFailure {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; original?: unknown; message?: string };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'retry', code: 'ratelimited', retryAfterSeconds: e.retryAfter };
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (PERMANENT_CODES.has(code)) return { kind: 'permanent', code };
      if (RETRY_CODES.has(code)) return { kind: 'retry', code };
      if (APP_BLOCKED_CODES.has(code)) return { kind: 'app-blocked', code };
      if (UNKNOWN_CODES.has(code)) return { kind: 'unknown', code };
      // A code we have never heard of: failing once and telling the admins beats retrying forever.
      return { kind: 'permanent', code };
    }
    case ErrorCode.HTTPError:
      return { kind: 'unknown', code: `http_${e.statusCode ?? 'error'}` };
    case ErrorCode.RequestError: {
      const original = e.original as { name?: string } | undefined;
      if (original?.name === 'TimeoutError' || original?.name === 'AbortError') return { kind: 'unknown', code: 'timeout' };
      const net = networkCode(original);
      if (net && NOT_CONNECTED.has(net)) return { kind: 'retry', code: `network:${net}` };
      return { kind: 'unknown', code: net ? `network:${net}` : 'network' };
    }
    default:
      // A 429 without a usable Retry-After arrives as a plain Error from the client.
      if (typeof e?.message === 'string' && e.message.includes('Retry header did not contain a valid timeout')) {
        return { kind: 'retry', code: 'ratelimited', retryAfterSeconds: 30 };
      }
      return { kind: 'unknown', code: 'unexpected' };
  }
}

/** A recipient problem worth telling the admins about, by the person or channel it concerns. */
export function isRecipientProblem(code: string): boolean {
  return PERMANENT_CODES.has(code);
}
