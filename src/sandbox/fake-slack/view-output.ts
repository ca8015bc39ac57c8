import type { ViewOutput } from '@slack/bolt';
import type { BotIdentity, TeamInfo, ViewRecord } from './types.js';

type PlainTextOutput = NonNullable<ViewOutput['submit']>;

/**
 * The `view` object Slack returns from views.* and puts in block_actions / view_submission
 * payloads (Bolt's ViewOutput; sample in slackapi/bolt-python tests/scenario_tests/test_view_submission.py).
 */
export function toViewOutput(view: ViewRecord, team: TeamInfo, bot: BotIdentity): ViewOutput {
  const def = view.definition;
  const output: ViewOutput = {
    id: view.id,
    team_id: team.id,
    type: view.type,
    blocks: def.blocks as ViewOutput['blocks'],
    private_metadata: typeof def.private_metadata === 'string' ? def.private_metadata : '',
    callback_id: typeof def.callback_id === 'string' ? def.callback_id : '',
    state: { values: structuredClone(view.state) as unknown as ViewOutput['state']['values'] },
    hash: view.hash,
    // Home views have no title in Slack's output; Bolt's type still requires the field.
    title: plainTextOutput(def.title) ?? { type: 'plain_text', text: '' },
    submit: plainTextOutput(def.submit),
    close: plainTextOutput(def.close),
    clear_on_close: def.clear_on_close === true,
    notify_on_close: def.notify_on_close === true,
    root_view_id: view.rootViewId,
    previous_view_id: view.previousViewId,
    app_id: bot.appId,
    external_id: typeof def.external_id === 'string' ? def.external_id : '',
    app_installed_team_id: team.id,
    bot_id: bot.botId,
  };
  return output;
}

/** Slack echoes plain_text objects with `emoji: true` filled in. */
function plainTextOutput(text: unknown): PlainTextOutput | null {
  if (typeof text !== 'object' || text === null || !('text' in text) || typeof text.text !== 'string') return null;
  return { type: 'plain_text', emoji: true, ...text, text: text.text } as PlainTextOutput;
}
