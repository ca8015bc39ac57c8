import { checkSurfaceWide, walkBlocks } from './block-kit-validator.js';
import { plainText } from './block-kit-schema.js';
import { WRAPPER_MESSAGE, newContext, pointerJoin, report, walk, type BlockKitError, type Spec } from './schema-engine.js';
import { isObject } from './types.js';

/**
 * Validation of a whole view (modal or App Home) as views.open/push/update/publish and
 * `response_action: update|push` receive it. Limits: docs.slack.dev/reference/views/modal-views
 * and home-tab-views (title/submit/close 24 chars, private_metadata 3000, callback_id and
 * external_id 255, 250 kB per view).
 */

export type ViewType = 'modal' | 'home';

export const MAX_VIEW_BYTES = 250 * 1024;

export interface ViewValidation {
  /** invalid_arguments for schema failures, view_too_large above 250 kB. */
  error?: 'invalid_arguments' | 'view_too_large';
  errors: BlockKitError[];
}

const str = (max: number): Spec => ({ kind: 'string', max });
const bool: Spec = { kind: 'boolean' };

/** Envelope fields per view type; `blocks` is walked separately with the surface's rules. */
const ENVELOPES: Readonly<Record<ViewType, Record<string, Spec>>> = {
  modal: {
    type: { kind: 'string' },
    blocks: { kind: 'any' },
    title: plainText(24),
    submit: plainText(24),
    close: plainText(24),
    private_metadata: str(3000),
    callback_id: str(255),
    external_id: str(255),
    clear_on_close: bool,
    notify_on_close: bool,
  },
  home: {
    type: { kind: 'string' },
    blocks: { kind: 'any' },
    private_metadata: str(3000),
    callback_id: str(255),
    external_id: str(255),
  },
};

const REQUIRED: Readonly<Record<ViewType, string[]>> = { modal: ['type', 'title', 'blocks'], home: ['type', 'blocks'] };

/**
 * @param allowed the view types the calling method accepts (views.publish: home; views.open: modal).
 */
export function validateView(view: unknown, allowed: readonly ViewType[], pointer = '/view'): ViewValidation {
  if (isObject(view) && Buffer.byteLength(JSON.stringify(view)) > MAX_VIEW_BYTES) {
    return { error: 'view_too_large', errors: [] };
  }
  const errors = collectViewErrors(view, allowed, pointer);
  if (errors.length === 0) return { errors };
  // Slack puts a "failed to match all allowed schemas" line for the view itself first
  // (observed in slackapi/bolt-js#2282).
  const head: BlockKitError = { pointer, message: WRAPPER_MESSAGE, code: 'failed_constraint' };
  return { error: 'invalid_arguments', errors: [head, ...errors] };
}

function collectViewErrors(view: unknown, allowed: readonly ViewType[], pointer: string): BlockKitError[] {
  if (!isObject(view)) return [{ pointer, message: 'must be an object', code: 'failed_constraint' }];
  const type = view.type;
  if (type === undefined) return [{ pointer, message: 'missing required field: type', code: 'failed_constraint' }];
  if (type !== 'modal' && type !== 'home') {
    return [{ pointer: pointerJoin(pointer, 'type'), message: `unsupported type: ${String(type)}`, code: 'failed_constraint' }];
  }
  if (!allowed.includes(type)) {
    return [{ pointer: pointerJoin(pointer, 'type'), message: 'must be a valid enum value', code: 'failed_constraint' }];
  }
  const ctx = newContext(type);
  walk({ kind: 'object', props: ENVELOPES[type], required: REQUIRED[type] }, view, pointer, ctx);
  if (view.blocks !== undefined) {
    const blocksPointer = pointerJoin(pointer, 'blocks');
    walkBlocks(view.blocks, blocksPointer, ctx);
    checkSurfaceWide(ctx, blocksPointer);
  }
  if (type === 'modal' && ctx.inputBlocks > 0 && view.submit === undefined) {
    report(ctx, pointer, 'must provide a submit property when using input blocks');
  }
  return ctx.errors;
}
