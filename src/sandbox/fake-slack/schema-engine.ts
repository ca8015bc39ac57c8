import { isObject, type JsonObject } from './types.js';

/**
 * A tiny schema language and walker for Block Kit. Slack validates payloads with JSON Schema
 * internally and reports failures as `[ERROR] <text> [json-pointer:<path>]`; this walker
 * reproduces those texts so the app sees what Slack would send back. Texts observed in real
 * Slack responses (quoted in public issues) are used verbatim:
 *   "must be less than 3001 characters", "no more than 100 items allowed",
 *   "invalid additional property: submit_disabled", "failed to match all allowed schemas",
 *   "must be a valid enum value", "unsupported type: invalid" (blocks.validate docs).
 * Texts for rules Slack's reports were not found for are our own wording, kept in the same style.
 */

export type Surface = 'message' | 'modal' | 'home';

/** Slack's line for a node none of whose alternative schemas matched; it precedes the specific errors. */
export const WRAPPER_MESSAGE = 'failed to match all allowed schemas';

export interface BlockKitError {
  pointer: string;
  message: string;
  /** The code blocks.validate reports for schema failures. */
  code: 'failed_constraint';
}

export interface ValidationContext {
  surface: Surface;
  errors: BlockKitError[];
  blockIds: Set<string>;
  /** action_ids seen in the block being walked: Slack requires them unique within a block. */
  actionIds: Set<string>;
  focusOnLoad: number;
  inputBlocks: number;
}

export type ObjectCheck = (value: JsonObject, pointer: string, ctx: ValidationContext) => void;

export type Spec =
  | { kind: 'string'; max?: number; min?: number; values?: readonly string[]; pattern?: RegExp }
  | { kind: 'boolean' }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean }
  | { kind: 'any' }
  | { kind: 'array'; items: Spec; max?: number; min?: number }
  | {
      kind: 'object';
      props: Readonly<Record<string, Spec>>;
      required?: readonly string[];
      /** Accept keys not listed in props (only for blocks whose schema we do not model). */
      open?: boolean;
      checks?: readonly ObjectCheck[];
    }
  | {
      /** An object chosen by its `type` field among variants (blocks, elements, text objects). */
      kind: 'typed';
      variants: () => Readonly<Record<string, Spec>>;
      /** Emit Slack's "failed to match all allowed schemas" line above inner errors. */
      wrap?: boolean;
    };

export function newContext(surface: Surface): ValidationContext {
  return { surface, errors: [], blockIds: new Set(), actionIds: new Set(), focusOnLoad: 0, inputBlocks: 0 };
}

export function report(ctx: ValidationContext, pointer: string, message: string): void {
  ctx.errors.push({ pointer, message, code: 'failed_constraint' });
}

/** RFC 6901 escaping of one reference token. */
export function pointerJoin(base: string, token: string | number): string {
  const escaped = String(token).replace(/~/g, '~0').replace(/\//g, '~1');
  return `${base}/${escaped}`;
}

export function walk(spec: Spec, value: unknown, pointer: string, ctx: ValidationContext): void {
  switch (spec.kind) {
    case 'string':
      return walkString(spec, value, pointer, ctx);
    case 'boolean':
      if (typeof value !== 'boolean') report(ctx, pointer, 'must be a boolean');
      return;
    case 'number':
      return walkNumber(spec, value, pointer, ctx);
    case 'any':
      return;
    case 'array':
      return walkArray(spec, value, pointer, ctx);
    case 'object':
      return walkObject(spec, value, pointer, ctx);
    case 'typed':
      return walkTyped(spec, value, pointer, ctx);
  }
}

function walkString(spec: Extract<Spec, { kind: 'string' }>, value: unknown, pointer: string, ctx: ValidationContext): void {
  if (typeof value !== 'string') return report(ctx, pointer, 'must be a string');
  if (spec.values && !spec.values.includes(value)) return report(ctx, pointer, 'must be a valid enum value');
  // Slack counts characters, not bytes; Array.from counts code points like Slack's backend.
  const length = Array.from(value).length;
  if (spec.max !== undefined && length > spec.max) report(ctx, pointer, `must be less than ${spec.max + 1} characters`);
  if (spec.min !== undefined && length < spec.min) report(ctx, pointer, `must be more than ${spec.min - 1} characters`);
  if (spec.pattern && !spec.pattern.test(value)) report(ctx, pointer, `does not match the required format ${spec.pattern.source}`);
}

function walkNumber(spec: Extract<Spec, { kind: 'number' }>, value: unknown, pointer: string, ctx: ValidationContext): void {
  if (typeof value !== 'number' || Number.isNaN(value)) return report(ctx, pointer, 'must be a number');
  if (spec.integer && !Number.isInteger(value)) report(ctx, pointer, 'must be an integer');
  if (spec.min !== undefined && value < spec.min) report(ctx, pointer, `must be greater than or equal to ${spec.min}`);
  if (spec.max !== undefined && value > spec.max) report(ctx, pointer, `must be less than or equal to ${spec.max}`);
}

function walkArray(spec: Extract<Spec, { kind: 'array' }>, value: unknown, pointer: string, ctx: ValidationContext): void {
  if (!Array.isArray(value)) return report(ctx, pointer, 'must be an array');
  if (spec.max !== undefined && value.length > spec.max) report(ctx, pointer, `no more than ${spec.max} items allowed`);
  if (spec.min !== undefined && value.length < spec.min) report(ctx, pointer, `must provide at least ${spec.min} items`);
  value.forEach((item, index) => walk(spec.items, item, pointerJoin(pointer, index), ctx));
}

function walkObject(spec: Extract<Spec, { kind: 'object' }>, value: unknown, pointer: string, ctx: ValidationContext): void {
  if (!isObject(value)) return report(ctx, pointer, 'must be an object');
  for (const key of spec.required ?? []) {
    if (value[key] === undefined) report(ctx, pointer, `missing required field: ${key}`);
  }
  for (const [key, child] of Object.entries(value)) {
    const childSpec = spec.props[key];
    if (childSpec) walk(childSpec, child, pointerJoin(pointer, key), ctx);
    else if (!spec.open) report(ctx, pointer, `invalid additional property: ${key}`);
  }
  for (const check of spec.checks ?? []) check(value, pointer, ctx);
}

function walkTyped(spec: Extract<Spec, { kind: 'typed' }>, value: unknown, pointer: string, ctx: ValidationContext): void {
  const outer = ctx.errors;
  const inner: BlockKitError[] = [];
  ctx.errors = inner;
  try {
    walkTypedInner(spec, value, pointer, ctx);
  } finally {
    ctx.errors = outer;
  }
  if (inner.length > 0 && spec.wrap) report(ctx, pointer, WRAPPER_MESSAGE);
  outer.push(...inner);
}

function walkTypedInner(spec: Extract<Spec, { kind: 'typed' }>, value: unknown, pointer: string, ctx: ValidationContext): void {
  if (!isObject(value)) return report(ctx, pointer, 'must be an object');
  const type = value.type;
  if (type === undefined) return report(ctx, pointer, 'missing required field: type');
  const variants = spec.variants();
  const variant = typeof type === 'string' && Object.hasOwn(variants, type) ? variants[type] : undefined;
  if (!variant) return report(ctx, pointerJoin(pointer, 'type'), `unsupported type: ${String(type)}`);
  walk(variant, value, pointer, ctx);
}

/**
 * The errors worth reporting on their own: the "failed to match all allowed schemas" lines only
 * frame the specific ones (kept when nothing more specific exists).
 */
export function specificErrors(errors: readonly BlockKitError[]): BlockKitError[] {
  const specific = errors.filter((e) => e.message !== WRAPPER_MESSAGE);
  return specific.length > 0 ? specific : [...errors];
}

/** Slack's wire format for one error line in `response_metadata.messages`. */
export function formatSlackError(error: BlockKitError): string {
  return `[ERROR] ${error.message} [json-pointer:${error.pointer}]`;
}
