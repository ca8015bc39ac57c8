// Typed failures of the use cases. The Slack layer never parses English: it switches on
// `code`, translates `messageKey` with `params`, and when `field` (or `fieldErrors`) is set
// shows the message under that modal input. The keys live in domain/messages.ts.
import type { FieldProblem, MessageKey, MessageParams } from '../domain/messages.js';

export { MESSAGE_KEYS, type MessageKey, type MessageParams, type FieldProblem } from '../domain/messages.js';

export type ServiceErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'unknown_member';

export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly messageKey: MessageKey;
  readonly params: MessageParams;
  /** The modal input the (first) problem belongs to. */
  readonly field?: string;
  /** Every field problem at once, so a modal can mark all of them in one round trip. */
  readonly fieldErrors: readonly FieldProblem[];

  constructor(
    code: ServiceErrorCode,
    messageKey: MessageKey,
    params: MessageParams = {},
    options: { field?: string; fieldErrors?: readonly FieldProblem[] } = {},
  ) {
    super(`${code}: ${messageKey}${options.field ? ` (${options.field})` : ''}`);
    this.name = 'ServiceError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.field = options.field;
    this.fieldErrors = options.fieldErrors ?? (options.field ? [{ field: options.field, messageKey, params }] : []);
  }
}

export const isServiceError = (e: unknown): e is ServiceError => e instanceof ServiceError;

export const notFound = (messageKey: MessageKey, params: MessageParams = {}) => new ServiceError('not_found', messageKey, params);

export const conflict = (messageKey: MessageKey, params: MessageParams = {}, field?: string) => new ServiceError('conflict', messageKey, params, { field });

export const invalidField = (field: string, messageKey: MessageKey, params: MessageParams = {}) =>
  new ServiceError('invalid', messageKey, { field, ...params }, { field });

/** One error carrying every field problem; the first one is the headline. */
export function invalidFields(problems: readonly FieldProblem[]): ServiceError {
  const first = problems[0];
  if (!first) throw new Error('invalidFields needs at least one problem');
  return new ServiceError('invalid', first.messageKey, first.params, { field: first.field, fieldErrors: problems });
}
