import type { Clock } from './clock.js';
import { opaqueToken, slackId } from './ids.js';
import type { JsonObject } from './types.js';

/**
 * Custom workflow steps (Slack "functions"): the app's manifest declares them, Slack runs one
 * as a step of a workflow and tells the app with a `function_executed` event, and the app ends
 * each run once, with functions.completeSuccess or functions.completeError. Shapes: the
 * function_executed reference page (docs.slack.dev/reference/events/function_executed) and
 * the manifest schema v1 (`functions.<callback_id>.input_parameters.<name>`).
 */

/** One parameter as a v1 manifest declares it. */
export interface FunctionParameter {
  type: string;
  title?: string;
  description?: string;
  is_required?: boolean;
  hint?: string;
}

export interface FunctionDefinition {
  title: string;
  description?: string;
  input_parameters: Record<string, FunctionParameter>;
  output_parameters: Record<string, FunctionParameter>;
}

export type FunctionExecutionState = 'running' | 'completed' | 'failed';

export interface FunctionExecution {
  id: string;
  workflowExecutionId: string;
  /** The Fn… id Slack gives the function when the manifest is saved. */
  functionId: string;
  callbackId: string;
  inputs: JsonObject;
  /** The workflow token Slack hands the app for this run (xwfp-…). */
  botAccessToken: string;
  state: FunctionExecutionState;
  outputs?: JsonObject;
  error?: string;
  startedAt: number;
  endedAt?: number;
  /** The interactivity_pointer handed to the app in the inputs, when the step declares one. */
  interactivityPointer?: string;
}

/** The parameter types Slack checks outputs against; others (blocks, rich text…) pass as given. */
const TYPE_CHECKS: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  'slack#/types/user_id': (v) => typeof v === 'string' && /^[UW][A-Z0-9]+$/.test(v),
  'slack#/types/channel_id': (v) => typeof v === 'string' && /^[CDG][A-Z0-9]+$/.test(v),
};

/** Problems with `outputs` against the definition, in Slack's `[ERROR] …` line format. */
export function outputProblems(definition: FunctionDefinition, outputs: JsonObject): string[] {
  const problems: string[] = [];
  const declared = definition.output_parameters;
  for (const [name, parameter] of Object.entries(declared)) {
    const value = outputs[name];
    if (value === undefined || value === null) {
      if (parameter.is_required) problems.push(`[ERROR] missing required output: ${name} [json-pointer:/outputs/${name}]`);
      continue;
    }
    const check = TYPE_CHECKS[parameter.type];
    if (check && !check(value)) problems.push(`[ERROR] must be of type ${parameter.type} [json-pointer:/outputs/${name}]`);
  }
  for (const name of Object.keys(outputs)) {
    if (!(name in declared)) problems.push(`[ERROR] unknown output: ${name} [json-pointer:/outputs/${name}]`);
  }
  return problems;
}

export class FunctionRegistry {
  private readonly definitions = new Map<string, FunctionDefinition & { id: string }>();
  private readonly executions = new Map<string, FunctionExecution>();

  constructor(private readonly clock: Clock) {}

  define(callbackId: string, definition: FunctionDefinition): void {
    this.definitions.set(callbackId, { ...definition, id: this.definitions.get(callbackId)?.id ?? slackId('Fn') });
  }

  definition(callbackId: string): (FunctionDefinition & { id: string }) | undefined {
    return this.definitions.get(callbackId);
  }

  callbackIds(): string[] {
    return [...this.definitions.keys()];
  }

  start(callbackId: string, inputs: JsonObject): FunctionExecution {
    const definition = this.definitions.get(callbackId);
    if (!definition) throw new Error(`no function "${callbackId}" in the manifest: declare it with fake.defineFunctions() first`);
    const execution: FunctionExecution = {
      id: slackId('Fx'),
      workflowExecutionId: slackId('Wx'),
      functionId: definition.id,
      callbackId,
      inputs,
      botAccessToken: `xwfp-${opaqueToken()}`,
      state: 'running',
      startedAt: this.clock.now(),
    };
    this.executions.set(execution.id, execution);
    return execution;
  }

  execution(id: string): FunctionExecution | undefined {
    return this.executions.get(id);
  }

  /** The run whose interactivity_pointer this is: a modal opened with it belongs to that run. */
  executionForPointer(pointer: string): FunctionExecution | undefined {
    return [...this.executions.values()].find((e) => e.interactivityPointer === pointer);
  }

  all(): FunctionExecution[] {
    return [...this.executions.values()];
  }
}
