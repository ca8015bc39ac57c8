// Brings a canvas to the wanted sections with one edit call per change, and converges when
// run again after a crash at any point: each section is found by lookup, not by ids kept
// from an earlier run, and sections nobody wants any more (removed strategies, copies a
// crashed run inserted) are deleted at the end.
import type { WebClient } from '@slack/web-api';
import { sectionChanges, type CanvasChange, type CanvasSectionDraft } from './ui/plan-canvas.js';

export interface CanvasApi {
  lookup(canvasId: string, criteria: CanvasSectionDraft['criteria'] | { section_types: ('h1' | 'h2' | 'h3')[] }): Promise<string[]>;
  edit(canvasId: string, change: CanvasChange): Promise<void>;
}

export function webClientCanvasApi(client: WebClient): CanvasApi {
  return {
    async lookup(canvasId, criteria) {
      const res = await client.canvases.sections.lookup({ canvas_id: canvasId, criteria: criteria as never });
      return (res.sections ?? []).map((s) => s.id ?? '').filter((id) => id !== '');
    },
    async edit(canvasId, change) {
      await client.canvases.edit({ canvas_id: canvasId, changes: [change as never] });
    },
  };
}

export interface SyncOptions {
  /**
   * Sections the canvas already holds as drafted (their hash was stored after the last
   * write). Found again, they are left alone, which saves an edit and a lookup each
   * (Slack allows about 50 of each a minute); missing, they are inserted as usual.
   */
  unchanged?: (section: CanvasSectionDraft) => boolean;
}

/** Returns how many edit calls it made; a section found again is rewritten unless `unchanged` says it holds this text. */
export async function syncCanvasSections(
  api: CanvasApi,
  canvasId: string,
  sections: readonly CanvasSectionDraft[],
  options: SyncOptions = {},
): Promise<number> {
  let edits = 0;
  let previousId: string | null = null;
  const kept = new Set<string>();
  for (const section of sections) {
    const found = await api.lookup(canvasId, section.criteria);
    const [first, ...extra] = found;
    if (first !== undefined && options.unchanged?.(section)) {
      // Copies a crashed run inserted still go; deleting them leaves the first one's id as it was.
      for (const id of extra) {
        await api.edit(canvasId, { operation: 'delete', section_id: id });
        edits += 1;
      }
      kept.add(first);
      previousId = first;
      continue;
    }
    const changes = sectionChanges(section, found, previousId);
    for (const change of changes) {
      await api.edit(canvasId, change);
      edits += 1;
    }
    // Slack does not say whether a replace keeps the section's id, and an insert's id is
    // only known by looking, so look again rather than trust the old id.
    const [id] = await api.lookup(canvasId, section.criteria);
    if (id === undefined) throw new Error(`canvas section ${section.key} not found after insert`);
    kept.add(id);
    previousId = id;
  }
  const all = await api.lookup(canvasId, { section_types: ['h1', 'h2', 'h3'] });
  for (const id of all.filter((x) => !kept.has(x))) {
    await api.edit(canvasId, { operation: 'delete', section_id: id });
    edits += 1;
  }
  return edits;
}
