// Turns a use case's typed failure into words for the person in front of Slack: a
// message in their language, and per-field messages for a modal's response_action: errors.
import type { Logger } from '../logger.js';
import { isServiceError, type MessageParams, type ServiceError } from '../services/errors.js';
import type { Translate } from './i18n/index.js';
import { truncate } from './ui/mrkdwn.js';

const mention = (id: unknown) => `<@${String(id)}>`;

/** Lists and ids become readable text before interpolation; everything else passes through. */
export function formatParams(params: MessageParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) {
      out[k] = v
        .map((item) =>
          item && typeof item === 'object' && 'code' in item
            ? `${String((item as { name?: unknown }).name ?? '')} (\`${String((item as { code: unknown }).code)}\`)`
            : String(item),
        )
        .join(', ');
    } else out[k] = v === null || v === undefined ? '' : String(v);
  }
  if (params.adminSlackIds || params.equityLeadSlackIds) {
    const ids = [...((params.equityLeadSlackIds as unknown[]) ?? []), ...((params.adminSlackIds as unknown[]) ?? [])];
    out.contacts = ids.length ? [...new Set(ids)].map(mention).join(', ') : 'the Office of Racial and Social Equity';
  }
  return out;
}

export function describeServiceError(t: Translate, e: ServiceError): string {
  return t(e.messageKey, formatParams(e.params));
}

/**
 * The one way a listener turns a failure into words: a service refusal as the service
 * meant it (not found with suggestions, not allowed, unknown member…); anything else is a
 * fault, logged as `what` with `detail`, and the person gets the generic apology.
 */
export function problemText(ctx: { logger: Logger }, t: Translate, e: unknown, what: string, detail: Record<string, unknown> = {}): string {
  if (isServiceError(e)) return describeServiceError(t, e);
  ctx.logger.error({ err: e, ...detail }, what);
  return t('common.errorGeneric');
}

/**
 * Per-field errors for a modal. `blockIdFor` maps a service field name to the modal's
 * input block_id; problems without a matching input are returned separately so the
 * caller can show them elsewhere (Slack rejects error keys that are not input blocks).
 */
export function modalErrors(
  t: Translate,
  e: ServiceError,
  blockIdFor: (field: string) => string | undefined,
): { errors: Record<string, string>; unplaced: string[] } {
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  const problems = e.fieldErrors.length ? e.fieldErrors : [{ field: e.field ?? '', messageKey: e.messageKey, params: e.params }];
  for (const p of problems) {
    const text = truncate(t(p.messageKey, formatParams(p.params)), 2000);
    const blockId = blockIdFor(p.field);
    if (blockId && !errors[blockId]) errors[blockId] = text;
    else if (!blockId) unplaced.push(text);
  }
  return { errors, unplaced };
}

export { isServiceError };
