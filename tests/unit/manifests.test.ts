import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readManifestFacts } from '../../src/sandbox/manifest-facts.js';
import { REPORT_MESSAGE_SHORTCUT } from '../../src/slack/features/update/listeners/report-message-shortcut.js';

const load = (name: string) => JSON.parse(fs.readFileSync(new URL(`../../manifests/${name}`, import.meta.url), 'utf8'));
const http = load('reap-tracker.http.json');
const socket = load('reap-tracker.socket.json');

describe('Slack app manifests', () => {
  it.each([
    ['http', http],
    ['socket', socket],
  ])('%s manifest respects Slack manifest limits', (_, m) => {
    expect(m.display_information.name.length).toBeLessThanOrEqual(35);
    expect(m.display_information.description.length).toBeLessThanOrEqual(140);
    expect(m.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(m.display_information.long_description.length).toBeLessThanOrEqual(4000);
    expect(m.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    for (const c of m.features.slash_commands) {
      expect(c.command).toMatch(/^\/.{1,31}$/);
      expect(c.description.length).toBeGreaterThan(0);
    }
    for (const s of m.oauth_config.scopes.bot) expect(s.length).toBeLessThanOrEqual(50);
    expect(m.features.shortcuts.length).toBeLessThanOrEqual(10);
    for (const s of m.features.shortcuts) {
      expect(['message', 'global']).toContain(s.type);
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.callback_id.length).toBeLessThanOrEqual(255);
      expect(s.description.length).toBeGreaterThan(0);
      expect(s.description.length).toBeLessThanOrEqual(150);
    }
  });

  it('both offer "Report as REAP update" on messages, with the callback_id the app listens for, and no scope beyond commands for it', () => {
    for (const m of [http, socket]) {
      expect(m.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', name: 'Report as REAP update', callback_id: REPORT_MESSAGE_SHORTCUT })]);
      // Shortcuts need `commands`; chat.getPermalink needs no scope at all.
      expect(m.oauth_config.scopes.bot).toContain('commands');
    }
    expect(socket.features.shortcuts).toEqual(http.features.shortcuts);
    expect(readManifestFacts().messageShortcuts).toEqual([
      { callbackId: REPORT_MESSAGE_SHORTCUT, name: 'Report as REAP update', description: http.features.shortcuts[0].description },
    ]);
  });

  it('both register /reap, the Home tab, interactivity and the same scopes and events', () => {
    for (const m of [http, socket]) {
      expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/reap']);
      expect(m.features.app_home.home_tab_enabled).toBe(true);
      expect(m.settings.interactivity.is_enabled).toBe(true);
      expect(m.oauth_config.scopes.bot).toEqual(
        expect.arrayContaining([
          'commands',
          'chat:write',
          'im:write',
          'users:read',
          'users:read.email',
          'files:write',
          'channels:history',
          'groups:history',
          'im:history',
          'canvases:read',
          'canvases:write',
        ]),
      );
      expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_home_opened', 'user_change']));
    }
    expect(socket.oauth_config).toEqual(http.oauth_config);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(http.settings.socket_mode_enabled).toBe(false);
  });

  it('HTTP manifest sends commands, interactivity and events to /slack/events', () => {
    const url = http.features.slash_commands[0].url;
    expect(url).toMatch(/^https:\/\/.+\/slack\/events$/);
    expect(http.settings.interactivity.request_url).toBe(url);
    expect(http.settings.event_subscriptions.request_url).toBe(url);
    expect(socket.features.slash_commands[0].url).toBeUndefined();
  });

  it('both declare the two custom workflow steps the app listens for, with remote function runtime', () => {
    const types = new Set(['string', 'integer', 'number', 'boolean', 'slack#/types/user_id', 'slack#/types/channel_id', 'slack#/types/interactivity']);
    for (const m of [http, socket]) {
      // Custom steps need an org-ready app and, added to an existing app, the remote runtime.
      expect(m.settings.org_deploy_enabled).toBe(true);
      expect(m.settings.function_runtime).toBe('remote');
      expect(Object.keys(m.functions).sort()).toEqual(['get_department_status', 'submit_reap_update']);
      expect(Object.keys(m.functions).length).toBeLessThanOrEqual(50);
      for (const [callbackId, f] of Object.entries(
        m.functions as Record<string, { title: string; description: string; input_parameters: object; output_parameters: object }>,
      )) {
        expect(callbackId.length).toBeLessThanOrEqual(100);
        expect(f.title.length).toBeGreaterThan(0);
        expect(f.title.length).toBeLessThanOrEqual(255);
        expect(f.description.length).toBeGreaterThan(0);
        // Manifest v1: parameters are a map of name → {type, title, is_required, …}.
        for (const p of [...Object.values(f.input_parameters), ...Object.values(f.output_parameters)] as { type: string; title?: string }[]) {
          expect(types.has(p.type)).toBe(true);
          expect(p.title).toBeTruthy();
        }
      }
    }
    expect(socket.functions).toEqual(http.functions);
    const status = http.functions.get_department_status;
    expect(status.input_parameters.department).toMatchObject({ type: 'string', is_required: true });
    for (const name of ['completed', 'in_progress', 'ongoing', 'not_started', 'deferred', 'reported_this_period', 'not_reported', 'overdue']) {
      expect(status.output_parameters[name]).toMatchObject({ type: 'integer', is_required: true });
    }
    const submit = http.functions.submit_reap_update;
    expect(Object.keys(submit.input_parameters).sort()).toEqual(['interactivity', 'narrative', 'status', 'strategy', 'user_id']);
    expect(submit.input_parameters.user_id.type).toBe('slack#/types/user_id');
    // What the workflow leaves out, the person fills in the form the interactivity opens.
    expect(submit.input_parameters.interactivity).toMatchObject({ type: 'slack#/types/interactivity', is_required: false });
    for (const name of ['strategy', 'status', 'narrative']) expect(submit.input_parameters[name].is_required).toBe(false);
    expect(submit.output_parameters.update_id).toMatchObject({ type: 'integer', is_required: true });
    expect(submit.output_parameters.permalink.is_required).toBe(false);
  });
});
