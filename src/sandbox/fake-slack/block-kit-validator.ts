import { blockSpec } from './block-kit-schema.js';
import { formatSlackError, newContext, pointerJoin, report, walk, type BlockKitError, type Surface, type ValidationContext } from './schema-engine.js';

/**
 * Pure Block Kit validation for one surface. Returns errors in Slack's shape; callers turn them
 * into `invalid_blocks` (chat.*), `invalid_arguments` (views.*) or blocks.validate replies.
 */

export { formatSlackError, type BlockKitError, type Surface };

/** Blocks per surface: docs.slack.dev/reference/block-kit/blocks, modal-views, home-tab-views. */
export const MAX_BLOCKS: Readonly<Record<Surface, number>> = { message: 50, modal: 100, home: 100 };

export interface BlockValidationOptions {
  /** JSON pointer of the blocks array in the request: `/blocks` for chat.*, `/view/blocks` for views. */
  pointer?: string;
  /** Share a context with a surrounding view walk so block_id/focus rules span the whole view. */
  context?: ValidationContext;
}

export function validateBlocks(blocks: unknown, surface: Surface, options: BlockValidationOptions = {}): BlockKitError[] {
  const pointer = options.pointer ?? '/blocks';
  const ctx = options.context ?? newContext(surface);
  walkBlocks(blocks, pointer, ctx);
  if (!options.context) checkSurfaceWide(ctx, pointer);
  return ctx.errors;
}

export function walkBlocks(blocks: unknown, pointer: string, ctx: ValidationContext): void {
  if (!Array.isArray(blocks)) return report(ctx, pointer, 'must be an array');
  const limit = MAX_BLOCKS[ctx.surface];
  if (blocks.length > limit) report(ctx, pointer, `no more than ${limit} items allowed`);
  blocks.forEach((block, index) => {
    // action_id uniqueness is per block (docs: "unique among all other action_ids in the containing block").
    ctx.actionIds = new Set();
    walk(blockSpec, block, pointerJoin(pointer, index), ctx);
  });
}

/** Rules that need the whole surface: at most one element may ask for focus_on_load. */
export function checkSurfaceWide(ctx: ValidationContext, pointer: string): void {
  if (ctx.focusOnLoad > 1) report(ctx, pointer, 'only one element may set focus_on_load to true');
}

/** Slack's `response_metadata.messages` lines for a list of errors. */
export function toSlackMessages(errors: readonly BlockKitError[]): string[] {
  return errors.map(formatSlackError);
}
