/**
 * Fake Slack: a strict local stand-in for Slack's Web API and interactivity endpoints, shared
 * by the end-to-end tests and the offline sandbox. See fake-slack.ts for the main class.
 */
export { FakeSlack, createFakeSlack, DEFAULT_BOT, DEFAULT_BOT_TOKEN, DEFAULT_TEAM } from './fake-slack.js';
export type { AssertOptions, FakeSlackOptions } from './fake-slack.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export { MAX_BLOCKS, validateBlocks, toSlackMessages, formatSlackError } from './block-kit-validator.js';
export type { BlockKitError, Surface } from './block-kit-validator.js';
export { validateView, MAX_VIEW_BYTES, type ViewType, type ViewValidation } from './view-validator.js';
export type { FaultSpec, ActiveFault } from './faults.js';
export { RESPONSE_URL_ENDPOINT, UPLOAD_ENDPOINT } from './faults.js';
export { TRIGGER_TTL_MS, RESPONSE_URL_TTL_MS, RESPONSE_URL_MAX_USES, type ResponseUrlContext } from './interactivity.js';
export { DEFAULT_POSTING_RATE, type RateLimitOptions } from './rate-limit.js';
export { MAX_MODAL_STACK } from './methods/views.js';
export { METHODS } from './methods/index.js';
export { FunctionRegistry, outputProblems } from './functions.js';
export type { FunctionDefinition, FunctionExecution, FunctionExecutionState, FunctionParameter } from './functions.js';
export { SlackApiError, type MethodEnv, type MethodHandler } from './method-context.js';
export { describeViolation } from './journal.js';
export type * from './types.js';
export { signRequest, signatureHeaders } from './signing.js';
export { deliver, formBody, payloadBody, parseJson, FORM_CONTENT_TYPE, JSON_CONTENT_TYPE } from './delivery.js';
export type { DeliveryOptions, DeliveryResult, SignedRequest } from './delivery.js';
export {
  VERIFICATION_TOKEN,
  appHomeOpenedEvent,
  eventEnvelope,
  functionExecutedEvent,
  messageActionPayload,
  messageShortcutPayload,
  slashCommandPayload,
  userMessageEvents,
  viewActionPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from './payloads.js';
export type { MessageActionInput, MessageShortcutInput, SlashCommandInput, UserMessageInput, ViewActionInput } from './payloads.js';
export {
  ACK_DEADLINE_MS,
  ackFailure,
  applySlashCommandAck,
  applySubmissionAck,
  enterViewValues,
  missingRequiredInputs,
  parseSubmissionAck,
} from './acks.js';
export type { AckViolation, SubmissionAck } from './acks.js';
export type { UserInput } from './view-state.js';
