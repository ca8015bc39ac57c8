import type { FunctionExecution } from '../functions.js';
import { outputProblems } from '../functions.js';
import { SlackApiError, jsonArg, requireString, type MethodEnv, type MethodHandler } from '../method-context.js';
import type { JsonObject } from '../types.js';

/**
 * functions.completeSuccess / completeError: end one run of a custom step. Errors from
 * REF(functions.completeSuccess): function_execution_not_found, execution_not_in_running_state
 * (it already ended: a run ends once), parameter_validation_failed (outputs that do not match
 * the manifest's output_parameters).
 */
export const functionsMethods: Record<string, MethodHandler> = {
  'functions.completeSuccess': (args, env) => {
    const execution = runningExecution(args, env);
    const outputs = jsonArg(args, 'outputs', 'invalid_arguments') ?? {};
    if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) {
      throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] outputs must be an object [json-pointer:/outputs]'] });
    }
    const definition = env.functions.definition(execution.callbackId);
    const problems = definition ? outputProblems(definition, outputs as JsonObject) : [];
    if (problems.length > 0) throw new SlackApiError('parameter_validation_failed', { messages: problems });
    end(execution, env, { state: 'completed', outputs: outputs as JsonObject });
    return {};
  },

  'functions.completeError': (args, env) => {
    const execution = runningExecution(args, env);
    const error = requireString(args, 'error');
    end(execution, env, { state: 'failed', error });
    return {};
  },
};

function runningExecution(args: JsonObject, env: MethodEnv): FunctionExecution {
  const id = requireString(args, 'function_execution_id');
  const execution = env.functions.execution(id);
  if (!execution) throw new SlackApiError('function_execution_not_found');
  if (execution.state !== 'running') {
    throw new SlackApiError('execution_not_in_running_state', { messages: [`[ERROR] execution ${id} already ${execution.state}`] });
  }
  return execution;
}

function end(execution: FunctionExecution, env: MethodEnv, outcome: Pick<FunctionExecution, 'state' | 'outputs' | 'error'>): void {
  Object.assign(execution, outcome, { endedAt: env.clock.now() });
}
