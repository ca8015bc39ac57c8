// What the sandbox must know about the app's Slack manifest to behave like Slack would for
// this app: its name, its slash commands, whether the Home tab and a writable Messages tab
// exist, whether it may post in public channels without joining (chat:write.public), and
// which message shortcuts Slack offers in a message's "More actions" menu.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionDefinition } from './fake-slack/index.js';

export interface ManifestFacts {
  displayName: string;
  commands: { command: string; description: string; usageHint: string }[];
  homeTabEnabled: boolean;
  /** Slack hides the composer of the app's Messages tab when this is set. */
  messagesTabReadOnly: boolean;
  chatWritePublic: boolean;
  /** Custom workflow steps, by callback_id, as the manifest declares them. */
  functions: Record<string, FunctionDefinition>;
  messageShortcuts: { callbackId: string; name: string; description: string }[];
}

export const HTTP_MANIFEST_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../manifests/reap-tracker.http.json');

interface ManifestShape {
  display_information?: { name?: string };
  features?: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name?: string };
    slash_commands?: { command?: string; description?: string; usage_hint?: string }[];
    shortcuts?: { type?: string; callback_id?: string; name?: string; description?: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[] } };
  functions?: Record<string, FunctionDefinition>;
}

export function readManifestFacts(file: string = HTTP_MANIFEST_PATH): ManifestFacts {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as ManifestShape;
  const features = manifest.features ?? {};
  return {
    displayName: features.bot_user?.display_name ?? manifest.display_information?.name ?? 'App',
    commands: (features.slash_commands ?? [])
      .filter((c): c is { command: string; description?: string; usage_hint?: string } => typeof c.command === 'string')
      .map((c) => ({ command: c.command, description: c.description ?? '', usageHint: c.usage_hint ?? '' })),
    homeTabEnabled: features.app_home?.home_tab_enabled === true,
    messagesTabReadOnly: features.app_home?.messages_tab_read_only_enabled === true,
    chatWritePublic: manifest.oauth_config?.scopes?.bot?.includes('chat:write.public') ?? false,
    functions: manifest.functions ?? {},
    messageShortcuts: (features.shortcuts ?? [])
      .filter(
        (s): s is { type: 'message'; callback_id: string; name?: string; description?: string } => s.type === 'message' && typeof s.callback_id === 'string',
      )
      .map((s) => ({ callbackId: s.callback_id, name: s.name ?? s.callback_id, description: s.description ?? '' })),
  };
}
