// Publishes a person's App Home: loads what their role should see, builds the view with the
// pure builder in features/home/ui/home-view.ts and calls views.publish.
//
// Concurrency: the hash the view had when we started reading data goes with the publish
// (from the app_home_opened event, or the last one this process published). If someone
// else published meanwhile (another instance, or the update flow after a change) Slack
// answers hash_conflict; our data may then be older than what is shown, so we read it
// again and publish that, without a hash, once.
import type { WebClient } from '@slack/web-api';
import type { AppContext } from '../../../services/app-context.js';
import { isOrseAdmin, loadActor, type Actor } from '../../../services/authz.js';
import { myDeadlines } from '../../../services/deadlines.js';
import { departmentCodes } from '../../../services/departments.js';
import { isServiceError } from '../../../services/errors.js';
import { homeViewers } from '../../../services/home-viewers.js';
import { ownerCoverage } from '../../../services/owner-coverage.js';
import { ownedMeasureTrends } from '../../../services/measure-trends.js';
import { listReportableStrategies } from '../../../services/progress-updates.js';
import { cityToday } from '../../../services/service-context.js';
import { citywideChanges, departmentChanges, departmentsChanges } from '../../../services/period-changes.js';
import { citywideStatus, departmentStatus } from '../../../services/status.js';
import { identifyCaller } from '../../caller.js';
import { resolveLanguage, translator, type Lang } from '../../i18n/index.js';
import { rememberLanguage } from '../../recent-languages.js';
import { homeView, type HomeData } from './ui/home-view.js';
import { queueHomeRefresh, trackHomeWork } from './refresh-queue.js';
import { viewPayload } from '../../view-payload.js';
import { heavyTurn } from '../../heavy-turns.js';
import { chartHash } from '../../../charts/renderer.js';
import { uploadStoredChart } from '../../../charts/stored-charts.js';
import { knownChartFiles } from '../../../services/chart-files.js';
import { reportingCoverage } from '../../../services/reporting-coverage.js';
import type { Chart } from '../../ui/charts/chart-spec.js';
import { homeCharts } from './ui/home-charts.js';

export interface PublishOptions {
  /** The current view's hash, e.g. from app_home_opened's `event.view.hash`. */
  hash?: string;
}

export type PublishOutcome = 'published' | 'failed';

/**
 * Hashes of the views this process last published, by user, so a republish can detect a
 * newer view published meanwhile. Only an optimisation: after a restart we publish without
 * a hash, which is what Slack does when none is passed. Bounded so it cannot grow forever.
 */
const lastHash = new Map<string, string>();
const LAST_HASH_MAX = 10_000;

function rememberHash(userId: string, hash: string | undefined): void {
  lastHash.delete(userId);
  if (hash) lastHash.set(userId, hash);
  if (lastHash.size > LAST_HASH_MAX) lastHash.delete(lastHash.keys().next().value!);
}

const asIds = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** What the person should see, by their strongest role, and in which language. A fixed number of queries per role. */
export async function loadHomeData(ctx: AppContext, slackUserId: string): Promise<{ data: HomeData; lang: Lang }> {
  let actor: Actor;
  try {
    actor = await loadActor(ctx, slackUserId);
  } catch (e) {
    if (isServiceError(e) && e.code === 'unknown_member') {
      // Their department's equity leads first (when we know the department), then ORSE admins.
      const ids = [...asIds(e.params.equityLeadSlackIds), ...asIds(e.params.adminSlackIds)];
      const { lang } = await identifyCaller(ctx, slackUserId);
      return { lang, data: { role: 'unknown', contacts: ids.length ? [...new Set(ids)].map((id) => `<@${id}>`).join(', ') : null } };
    }
    throw e;
  }
  // The member's row, already read, says the language: no second read for it.
  const lang = resolveLanguage(actor.language, actor.slackLocale);
  rememberLanguage(ctx, slackUserId, lang);
  const now = ctx.now();
  // Anyone may own strategies: their measures are read for every role, in one statement.
  const [deadlines, measureTrends] = await Promise.all([myDeadlines(ctx, actor, now), ownedMeasureTrends(ctx, actor)]);
  const common = { name: actor.name, today: cityToday(ctx, now), deadlines, measureTrends };
  if (isOrseAdmin(actor)) {
    const [citywide, coverage, changes, reporting] = await Promise.all([
      citywideStatus(ctx, actor, now),
      ownerCoverage(ctx, actor, undefined, now),
      citywideChanges(ctx, actor, now),
      reportingCoverage(ctx, 'citywide', now),
    ]);
    return { lang, data: { ...common, role: 'admin', citywide, coverage, changes, reportingCoverage: reporting } };
  }
  if (actor.roles.includes('EQUITY_LEAD') && actor.departmentId !== null) {
    const [status, changes, reporting] = await Promise.all([
      departmentStatus(ctx, actor, undefined, now),
      departmentChanges(ctx, actor, actor.departmentId, now),
      reportingCoverage(ctx, { departmentId: actor.departmentId }, now),
    ]);
    return { lang, data: { ...common, role: 'lead', status, changes, reportingCoverage: reporting } };
  }
  if (actor.roles.includes('MANAGER')) {
    const [departments, changes] = await Promise.all([managedDepartments(ctx, actor, now), departmentsChanges(ctx, actor, actor.managedDepartmentIds, now)]);
    return { lang, data: { ...common, role: 'manager', departments, changes } };
  }
  return { lang, data: { ...common, role: 'staff', strategies: await listReportableStrategies(ctx, actor) } };
}

/** The departments a manager oversees, their own first. One status per department. */
async function managedDepartments(ctx: AppContext, actor: Actor, now: Date) {
  const codes = await departmentCodes(ctx, actor.managedDepartmentIds, 'name');
  return Promise.all(codes.map((d) => departmentStatus(ctx, actor, d.code, now)));
}

/**
 * The view, and the charts it would show whose files are not uploaded yet: those are left out
 * of this publish and made afterwards (drawPendingCharts), never holding the Home up.
 */
async function build(ctx: AppContext, slackUserId: string): Promise<{ view: ReturnType<typeof homeView>; pending: Chart[] }> {
  const { data, lang } = await loadHomeData(ctx, slackUserId);
  const t = translator(lang);
  const wanted = data.role === 'unknown' ? [] : homeCharts(t, data);
  const hashes = wanted.map((w) => chartHash(w.chart.spec));
  const files = await knownChartFiles(ctx, hashes);
  const charts = wanted.flatMap((w, i) => {
    const fileId = files.get(hashes[i]!);
    return fileId ? [{ ...w, fileId }] : [];
  });
  const pending = wanted.filter((_, i) => !files.has(hashes[i]!)).map((w) => w.chart);
  // Building and sending a Home is heavy: in turn with the other heavy steps.
  await heavyTurn();
  return { view: homeView(t, data.role === 'unknown' ? data : { ...data, charts }), pending };
}

/**
 * Draws and uploads the charts a published Home left out, then publishes that Home again
 * (behind the other refreshes) if any of them could be made. The next build finds their
 * files; a chart that failed is not tried again for a while (stored-charts.ts), so this
 * never loops.
 */
async function drawPendingCharts(ctx: AppContext, client: WebClient, slackUserId: string, pending: readonly Chart[]): Promise<void> {
  try {
    const made = await Promise.all(pending.map((chart) => uploadStoredChart(ctx, chart, { client, logger: ctx.logger, filePrefix: 'home' })));
    if (made.some((id) => id !== null)) await queueHomeRefresh(ctx, slackUserId, async () => void (await publishHome(ctx, client, slackUserId)));
  } catch (e) {
    ctx.logger.warn({ err: (e as Error).message, user: slackUserId }, 'App Home charts left out');
  }
}

function slackError(e: unknown): string | undefined {
  return (e as { data?: { error?: string } }).data?.error;
}

/**
 * Builds and publishes `slackUserId`'s App Home. Never throws: a Home tab that could not be
 * refreshed is logged and left as it was (the person still has every /reap command).
 */
export async function publishHome(ctx: AppContext, client: WebClient, slackUserId: string, opts: PublishOptions = {}): Promise<PublishOutcome> {
  // Taken before reading data: a view published after this point makes ours stale.
  const hash = opts.hash ?? lastHash.get(slackUserId);
  try {
    const { view, pending } = await build(ctx, slackUserId);
    let later = pending;
    try {
      const res = await client.views.publish({ user_id: slackUserId, view: viewPayload(view), ...(hash ? { hash } : {}) });
      rememberHash(slackUserId, res.view?.hash);
    } catch (e) {
      if (slackError(e) !== 'hash_conflict') throw e;
      ctx.logger.info({ user: slackUserId }, 'App Home changed while we built it; publishing a fresh build');
      const fresh = await build(ctx, slackUserId);
      later = fresh.pending;
      const res = await client.views.publish({ user_id: slackUserId, view: viewPayload(fresh.view) });
      rememberHash(slackUserId, res.view?.hash);
    }
    if (later.length > 0) trackHomeWork(ctx, drawPendingCharts(ctx, client, slackUserId, later));
    return 'published';
  } catch (e) {
    ctx.logger.error({ err: e, user: slackUserId, slackError: slackError(e) }, 'could not publish App Home');
    return 'failed';
  }
}

/**
 * Refreshes the App Home of everyone a change concerns (the update flow calls this after a
 * submission: the owner, the author, and through `departmentIds` the departments' equity
 * leads and managers) who looks at their Home tab (services/home-viewers.ts); the others
 * get a fresh Home when they open it. Duplicates are published once, and so is a person
 * whose refresh is already waiting in the queue (refresh-queue.ts); one failure does not
 * stop the others. Resolves when they are done; never throws.
 */
export async function republishHomeFor(
  ctx: AppContext,
  client: WebClient,
  slackUserIds: readonly string[],
  departmentIds: readonly number[] = [],
): Promise<void> {
  const unique = [...new Set(slackUserIds.filter((id) => typeof id === 'string' && id !== ''))];
  let viewers: string[];
  try {
    viewers = await homeViewers(ctx, { slackUserIds: unique, departmentIds });
  } catch (e) {
    // Without the database no Home could be built either; they refresh when next opened.
    ctx.logger.error({ err: e, users: unique.length, departments: departmentIds.length }, 'could not tell whose App Home to refresh');
    return;
  }
  await Promise.all(viewers.map((id) => queueHomeRefresh(ctx, id, async () => void (await publishHome(ctx, client, id)))));
}
