// One catalog module per feature, each with en, es and vi, so features can be added
// without touching each other's strings. The namespace is the first part of the key:
// t('help.header') reads catalogs/help.ts.
import admin from './admin.js';
import briefings from './briefings.js';
import canvas from './canvas.js';
import changes from './changes.js';
import charts from './charts.js';
import common from './common.js';
import coverage from './coverage.js';
import deadlines from './deadlines.js';
import digests from './digests.js';
import errors from './errors.js';
import help from './help.js';
import language from './language.js';
import home from './home.js';
import manage from './manage.js';
import measures from './measures.js';
import notices from './notices.js';
import outbox from './outbox.js';
import plan from './plan.js';
import redi from './redi.js';
import reminders from './reminders.js';
import report from './report.js';
import settings from './settings.js';
import shortcut from './shortcut.js';
import status from './status.js';
import statusReport from './status-report.js';
import update from './update.js';
import workflow from './workflow.js';

export const CATALOGS = {
  admin,
  common,
  errors,
  help,
  manage,
  status,
  deadlines,
  home,
  plan,
  statusReport,
  language,
  update,
  report,
  digests,
  redi,
  reminders,
  briefings,
  settings,
  outbox,
  canvas,
  coverage,
  notices,
  workflow,
  shortcut,
  charts,
  changes,
  measures,
} as const;
