// English catalog: the source of truth for keys. Spanish and Vietnamese must carry the
// same keys (a unit test checks), so nobody sees a raw key in Slack.
export const en = {
  common: {
    appName: 'REAP Tracker',
    notYetAvailable: 'Not available yet',
    errorGeneric: 'Something went wrong on our side and nothing was saved. Please try again in a minute.',
    errorDatabase: 'REAP Tracker cannot reach its database right now, so nothing was saved. Please try again in a few minutes.',
  },
  help: {
    header: 'REAP Tracker commands',
    intro: 'Keep your Racial Equity Action Plan moving without leaving Slack. Type `/reap` followed by one of these:',
    unknown: 'I don’t know the command `{{command}}`. Here is what I can do:',
    notYet: '`{{command}}` is not available yet; it arrives in a later release. Here is the full list:',
    comingSoon: '_(coming soon)_',
    footer: 'Questions about your plan? Ask your department equity lead or the Office of Racial and Social Equity.',
    commands: {
      help: 'Show this list.',
      update: 'Report progress on one of your strategies.',
      status: 'Where your department (or another) stands: statuses, overdue items, missing updates.',
      deadlines: 'Your upcoming and overdue milestones.',
      plan: 'A department’s plan, strategies grouped by objective.',
      add: 'Add a strategy or milestone (equity leads and ORSE).',
      report: 'The annual work-plan table as CSV and Markdown files.',
      language: 'Choose your language: `en`, `es` or `vi`.',
      redi: 'Join or leave the REDI digest of shared practices.',
      briefing: 'Compose a quarterly briefing (ORSE).',
      settings: 'Reminder and digest schedules (ORSE).',
      admin: 'Assign roles and departments (ORSE).',
    },
  },
  status: {
    COMPLETED: 'Completed',
    IN_PROGRESS: 'In Progress',
    ONGOING: 'Ongoing',
    NOT_STARTED: 'Not Started',
    DEFERRED: 'Deferred',
  },
};

// Widen the literal strings so the other catalogs type-check against the same shape.
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalog = Widen<typeof en>;
