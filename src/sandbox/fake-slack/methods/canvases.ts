import { randomBytes } from 'node:crypto';
import { SlackApiError, jsonArg, optionalString, requireString, type MethodEnv, type MethodHandler } from '../method-context.js';
import { slackId } from '../ids.js';
import { isObject, type JsonObject } from '../types.js';
import type { Workspace } from '../workspace.js';
import { requirePostable, requireVisibleChannel } from './shared.js';

/**
 * canvases.create/edit/delete/sections.lookup and conversations.canvases.create, as
 * docs.slack.dev documents them: content is `{type:"markdown", markdown}`, one change per
 * canvases.edit call, sections addressed by id. A canvas is kept as a list of sections: each
 * header line starts one, and text before the first header is a section of its own, so an
 * app can see exactly what a crash between two edits left behind.
 */

export interface CanvasSection {
  id: string;
  markdown: string;
}

export interface FakeCanvas {
  id: string;
  title: string;
  /** The channel whose tab shows this canvas, for channel canvases. */
  channelId?: string;
  /** Channels and people a standalone canvas is shared with (canvases.access.set), and how. */
  access?: Record<string, 'read' | 'write' | 'owner'>;
  sections: CanvasSection[];
}

const OPERATIONS = new Set(['insert_after', 'insert_before', 'insert_at_start', 'insert_at_end', 'replace', 'delete', 'rename']);
const NEEDS_SECTION = new Set(['insert_after', 'insert_before', 'delete']);
/** Slack does not publish a body limit; this keeps a runaway app from filling the fake. */
const MAX_MARKDOWN = 100_000;

// Kept beside the workspace rather than inside it, so the shared Workspace class stays untouched.
const stores = new WeakMap<Workspace, Map<string, FakeCanvas>>();

export function canvasStore(workspace: Workspace): Map<string, FakeCanvas> {
  let store = stores.get(workspace);
  if (!store) {
    store = new Map();
    stores.set(workspace, store);
  }
  return store;
}

/** The channel's canvas, for the sandbox page and tests. */
export function channelCanvas(workspace: Workspace, channelId: string): FakeCanvas | undefined {
  return [...canvasStore(workspace).values()].find((c) => c.channelId === channelId);
}

export function canvasMarkdown(canvas: FakeCanvas): string {
  return canvas.sections.map((s) => s.markdown).join('\n');
}

function sectionId(): string {
  // Slack's ids look like temp:C:<28 chars>; the shape matters to apps that store them.
  return `temp:C:${randomBytes(21).toString('base64url').slice(0, 28).toUpperCase()}`;
}

const HEADER = /^#{1,3} \S/;

/** Split markdown into sections: a header line starts a new one. */
export function splitSections(markdown: string): CanvasSection[] {
  const chunks: string[][] = [];
  for (const line of markdown.split('\n')) {
    const last = chunks[chunks.length - 1];
    if (!last || HEADER.test(line)) chunks.push([line]);
    else last.push(line);
  }
  return chunks
    .map((lines) => lines.join('\n').replace(/\n+$/, ''))
    .filter((text) => text.trim() !== '')
    .map((text) => ({ id: sectionId(), markdown: text }));
}

function readDocument(value: unknown, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] missing required field: document_content'] });
    return undefined;
  }
  if (!isObject(value) || value.type !== 'markdown' || typeof value.markdown !== 'string') {
    throw new SlackApiError('invalid_arguments', {
      messages: ['[ERROR] document_content must be {"type":"markdown","markdown":"..."}'],
    });
  }
  if (value.markdown.length > MAX_MARKDOWN) throw new SlackApiError('canvas_creation_failed');
  return value.markdown;
}

function readContentArg(args: JsonObject): string | undefined {
  const raw = args.document_content;
  if (raw === undefined) return undefined;
  return readDocument(typeof raw === 'string' ? jsonArg(args, 'document_content', 'invalid_arguments') : raw, false);
}

function newCanvas(env: MethodEnv, title: string, markdown: string | undefined, channelId?: string): FakeCanvas {
  const canvas: FakeCanvas = { id: slackId('F'), title, channelId, sections: splitSections(markdown ?? '') };
  canvasStore(env.workspace).set(canvas.id, canvas);
  return canvas;
}

function requireCanvas(env: MethodEnv, args: JsonObject): FakeCanvas {
  const id = requireString(args, 'canvas_id');
  const canvas = canvasStore(env.workspace).get(id);
  if (!canvas) throw new SlackApiError('canvas_not_found');
  return canvas;
}

function indexOfSection(canvas: FakeCanvas, id: unknown): number {
  const index = typeof id === 'string' ? canvas.sections.findIndex((s) => s.id === id) : -1;
  if (index < 0) throw new SlackApiError('canvas_editing_failed', { messages: ['[ERROR] section not found'] });
  return index;
}

function applyChange(canvas: FakeCanvas, change: unknown): void {
  if (!isObject(change) || typeof change.operation !== 'string' || !OPERATIONS.has(change.operation)) {
    throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] unknown operation'] });
  }
  const op = change.operation;
  if (op === 'rename') {
    const title = change.title_content;
    if (!isObject(title) || title.type !== 'markdown' || typeof title.markdown !== 'string') {
      throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] rename needs title_content'] });
    }
    canvas.title = title.markdown;
    return;
  }
  if (NEEDS_SECTION.has(op) && change.section_id === undefined) {
    throw new SlackApiError('invalid_arguments', { messages: [`[ERROR] ${op} needs section_id`] });
  }
  if (op === 'delete') {
    canvas.sections.splice(indexOfSection(canvas, change.section_id), 1);
    return;
  }
  const added = splitSections(readDocument(change.document_content, true) ?? '');
  switch (op) {
    case 'insert_at_start':
      canvas.sections.unshift(...added);
      return;
    case 'insert_at_end':
      canvas.sections.push(...added);
      return;
    case 'insert_before':
      canvas.sections.splice(indexOfSection(canvas, change.section_id), 0, ...added);
      return;
    case 'insert_after':
      canvas.sections.splice(indexOfSection(canvas, change.section_id) + 1, 0, ...added);
      return;
    case 'replace':
      if (change.section_id === undefined) canvas.sections = added;
      else canvas.sections.splice(indexOfSection(canvas, change.section_id), 1, ...added);
      return;
  }
}

function headerLevel(markdown: string): number {
  return /^(#{1,3}) /.exec(markdown)?.[1]?.length ?? 0;
}

export const canvasesMethods: Record<string, MethodHandler> = {
  'canvases.create': (args, env) => {
    const canvas = newCanvas(env, optionalString(args, 'title') ?? 'Untitled', readContentArg(args));
    return { canvas_id: canvas.id };
  },

  'conversations.canvases.create': (args, env) => {
    const channel = requireVisibleChannel(env, requireString(args, 'channel_id'));
    requirePostable(env, channel);
    if (channelCanvas(env.workspace, channel.id)) throw new SlackApiError('channel_canvas_already_exists');
    const canvas = newCanvas(env, optionalString(args, 'title') ?? channel.name, readContentArg(args), channel.id);
    return { canvas_id: canvas.id };
  },

  'canvases.edit': (args, env) => {
    const canvas = requireCanvas(env, args);
    const changes = typeof args.changes === 'string' ? jsonArg(args, 'changes', 'invalid_arguments') : args.changes;
    if (!Array.isArray(changes) || changes.length === 0) {
      throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] missing required field: changes'] });
    }
    // "Only one operation per API call is currently supported."
    if (changes.length > 1) throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] only one change per call'] });
    // Work on a copy so a refused change leaves the canvas as it was.
    const draft: FakeCanvas = { ...canvas, sections: [...canvas.sections] };
    applyChange(draft, changes[0]);
    canvas.title = draft.title;
    canvas.sections = draft.sections;
    return {};
  },

  // docs.slack.dev/reference/methods/canvases.access.set: channel_ids or user_ids (not both),
  // access_level read or write ("owner" only for people).
  'canvases.access.set': (args, env) => {
    const canvas = requireCanvas(env, args);
    const level = requireString(args, 'access_level');
    if (level !== 'read' && level !== 'write' && level !== 'owner') throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] access_level'] });
    const list = (name: string): string[] | undefined => {
      const raw = args[name];
      if (raw === undefined) return undefined;
      const value = typeof raw === 'string' ? (raw.trim().startsWith('[') ? jsonArg(args, name, 'invalid_arguments') : raw.split(',')) : raw;
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string' || v === '')) throw new SlackApiError('invalid_arguments');
      return value as string[];
    };
    const channels = list('channel_ids');
    const users = list('user_ids');
    if ((channels ? 1 : 0) + (users ? 1 : 0) !== 1)
      throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] exactly one of channel_ids, user_ids'] });
    if (channels && level === 'owner') throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] owner is for user_ids only'] });
    for (const id of channels ?? []) requireVisibleChannel(env, id);
    canvas.access = { ...canvas.access, ...Object.fromEntries((channels ?? users ?? []).map((id) => [id, level])) };
    return {};
  },

  'canvases.delete': (args, env) => {
    const canvas = requireCanvas(env, args);
    canvasStore(env.workspace).delete(canvas.id);
    return {};
  },

  'canvases.sections.lookup': (args, env) => {
    const canvas = requireCanvas(env, args);
    const criteria = typeof args.criteria === 'string' ? jsonArg(args, 'criteria', 'invalid_arguments') : args.criteria;
    if (!isObject(criteria)) throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] missing required field: criteria'] });
    const types = criteria.section_types;
    const text = criteria.contains_text;
    if (types === undefined && text === undefined) throw new SlackApiError('invalid_arguments');
    if (types !== undefined && (!Array.isArray(types) || types.length < 1 || types.length > 3)) {
      throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] section_types takes 1 to 3 entries'] });
    }
    if (text !== undefined && typeof text !== 'string') throw new SlackApiError('invalid_arguments');
    const wanted = (types ?? []) as unknown[];
    const sections = canvas.sections.filter((s) => {
      const level = headerLevel(s.markdown);
      if (types !== undefined) {
        const ok = wanted.some((t) => (t === 'any_header' ? level > 0 : t === `h${level}`));
        if (!ok) return false;
      }
      return text === undefined || s.markdown.includes(text);
    });
    return { sections: sections.map((s) => ({ id: s.id })) };
  },
};
