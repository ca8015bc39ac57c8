import { extname } from 'node:path';
import { SlackApiError, jsonArg, listArg, optionalNumber, optionalString, requireString, type MethodEnv, type MethodHandler } from '../method-context.js';
import { isObject, type JsonObject, type StoredFile } from '../types.js';
import { requirePostable, requireVisibleChannel } from './shared.js';

/**
 * The three-step upload that replaced files.upload (retired 2025-11-12):
 * 1. files.getUploadURLExternal {filename, length} → {upload_url, file_id}
 * 2. POST the bytes to upload_url (hosted by this fake at /_fake/upload/<file_id>)
 * 3. files.completeUploadExternal {files:[{id,title}], channel_id?, initial_comment?, thread_ts?}
 * What @slack/web-api 8.2's files.uploadV2 sends is in docs/slack-platform.md §5.2.
 */
export const filesMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': (args, env) => {
    const filename = requireString(args, 'filename');
    const length = optionalNumber(args, 'length');
    if (length === undefined || length <= 0) {
      throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] missing required field: length'] });
    }
    const altText = optionalString(args, 'alt_txt') ?? optionalString(args, 'alt_text');
    if (altText !== undefined && altText.length > 1000) throw new SlackApiError('invalid_arguments');
    const file = env.workspace.addFile({
      name: filename,
      title: filename,
      length,
      alt_txt: altText,
      snippet_type: optionalString(args, 'snippet_type'),
      user: env.workspace.bot.userId,
    });
    return { upload_url: `${env.origin}/_fake/upload/${file.id}`, file_id: file.id };
  },

  'files.completeUploadExternal': (args, env) => {
    const requested = readFileList(args);
    const files = requested.map(({ id }) => requireUploadedFile(env, id));
    const channelIds = [optionalString(args, 'channel_id'), ...listArg(args, 'channels')].filter((c): c is string => c !== undefined);
    const channels = channelIds.map((id) => {
      const channel = requireVisibleChannel(env, id);
      requirePostable(env, channel);
      return channel;
    });
    requested.forEach(({ title }, index) => {
      const file = files[index];
      if (file && title !== undefined) file.title = title;
    });
    for (const file of files) {
      file.completed = true;
      file.channels = channels.map((c) => c.id);
    }
    for (const channel of channels) {
      env.workspace.addMessage({
        channel: channel.id,
        user: env.workspace.bot.userId,
        bot_id: env.workspace.bot.botId,
        app_id: env.workspace.bot.appId,
        text: optionalString(args, 'initial_comment') ?? '',
        files: files.map((f) => ({ id: f.id, name: f.name, title: f.title })),
        thread_ts: optionalString(args, 'thread_ts'),
        source: 'files.completeUploadExternal',
      });
    }
    return { files: files.map((file) => fileObject(file, env)) };
  },
};

function readFileList(args: JsonObject): { id: string; title?: string }[] {
  const files = jsonArg(args, 'files', 'invalid_arguments');
  if (!Array.isArray(files) || files.length === 0) {
    throw new SlackApiError('invalid_arguments', { messages: ['[ERROR] missing required field: files'] });
  }
  return files.map((entry, index) => {
    if (!isObject(entry) || typeof entry.id !== 'string') {
      throw new SlackApiError('invalid_arguments', { messages: [`[ERROR] missing required field: id [json-pointer:/files/${index}]`] });
    }
    return { id: entry.id, title: typeof entry.title === 'string' ? entry.title : undefined };
  });
}

function requireUploadedFile(env: MethodEnv, id: string): StoredFile {
  const file = env.workspace.files.get(id);
  if (!file) throw new SlackApiError('file_not_found');
  if (!file.uploaded) throw new SlackApiError('file_not_found', { messages: ['[ERROR] no bytes were uploaded to the upload_url'] });
  return file;
}

const MIME_TYPES: Readonly<Record<string, [mimetype: string, filetype: string]>> = {
  '.csv': ['text/csv', 'csv'],
  '.md': ['text/markdown', 'markdown'],
  '.txt': ['text/plain', 'text'],
  '.json': ['application/json', 'json'],
  '.pdf': ['application/pdf', 'pdf'],
  '.png': ['image/png', 'png'],
};

export function mimeOf(name: string): { mimetype: string; filetype: string } {
  const [mimetype, filetype] = MIME_TYPES[extname(name).toLowerCase()] ?? ['application/octet-stream', 'binary'];
  return { mimetype, filetype };
}

export function fileObject(file: StoredFile, env: MethodEnv): JsonObject {
  const { mimetype, filetype } = mimeOf(file.name);
  const download = `${env.origin}/_fake/files/${file.id}/${encodeURIComponent(file.name)}`;
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype,
    filetype,
    user: file.user,
    size: file.content?.length ?? file.length,
    url_private: download,
    url_private_download: download,
    permalink: `https://${env.workspace.team.domain}.slack.com/files/${file.user}/${file.id}/${encodeURIComponent(file.name)}`,
    channels: file.channels.filter((id) => env.workspace.channels.get(id)?.kind === 'channel'),
    groups: file.channels.filter((id) => env.workspace.channels.get(id)?.kind === 'group'),
    ims: file.channels.filter((id) => env.workspace.channels.get(id)?.kind === 'im'),
    alt_txt: file.alt_txt,
    is_public: file.channels.some((id) => env.workspace.channels.get(id)?.kind === 'channel'),
  };
}
