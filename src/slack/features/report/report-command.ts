// /reap report [FY] [department]: the work-plan table (Objectives & Strategies | Progress |
// Performance Measures | Outputs) uploaded as CSV and Markdown files to the channel the
// command came from, with a short summary (counts by status). A department's REAP is
// posted only in that department's own channel; typed anywhere else, it goes to the person
// who asked in a direct message.
//   /reap report                      → the latest ORSE work plan
//   /reap report FY2023-2024          → ORSE's work plan for that fiscal year
//   /reap report FY2024-2026 library  → that department's REAP table
// Acknowledged at once with what is being prepared; the upload follows. When Slack will not
// take the files (a private channel the app is not in…) the person is told so in an ephemeral.
//   /reap report annual FY2023-2024 [es|vi] → ORSE admins: the annual report draft, as
//   Markdown and HTML, sent to the person alone (a draft is not for a channel).
import { callerActor } from '../../caller.js';
import type { StrategyStatus } from '../../../domain/enums.js';
import { parsePlanRef } from '../../../domain/plan-ref.js';
import { STATUS_LABELS_EN } from '../../../domain/report-table.js';
import { emptyStatusCounts } from '../../../domain/status-summary.js';
import { annualReportDraft, renderAnnualDraft } from '../../../services/annual-report.js';
import { annualMeasureCharts } from '../../../charts/annual-measure-charts.js';
import { latestWorkPlanKey } from '../../../services/plans.js';
import { planPeriodLabel, renderPlanTable, reportDestination, workPlanTable, type PlanTable } from '../../../services/reports.js';
import { fiscalYearLabel, parseFiscalYears } from '../../../domain/fiscal-calendar.js';
import { isDraftLang, type DraftLang } from '../../../services/reports/annual-words.js';
import { heavyTurn } from '../../heavy-turns.js';
import { escapeMrkdwn, truncate } from '../../ui/mrkdwn.js';
import { preparingText, reportSummaryText, type ReportRequest } from './ui/report-message.js';
import type { SubcommandHandler } from '../../commands/types.js';
import { problemText } from '../../service-errors.js';

/** What the acknowledgement can say before any database work. */
export function reportRequest(args: string): ReportRequest {
  const text = args.trim();
  if (text === '') return { kind: 'latest' };
  const ref = parsePlanRef(text);
  if (!ref.years) return { kind: 'ref', ref: text };
  return {
    kind: 'years',
    period: planPeriodLabel({ fiscalStartYear: ref.years.startYear, fiscalEndYear: ref.years.endYear }),
    // "LIB-FY2024-2026" (a plan key) leaves "LIB-" around the years.
    department: ref.departmentQuery.replace(/^[-–\s]+|[-–\s]+$/g, '') || null,
  };
}

const STATUS_BY_LABEL = new Map(Object.entries(STATUS_LABELS_EN).map(([status, label]) => [label, status as StrategyStatus]));

/** Counts by status, read from the table's own Progress column. */
export function countsOf(table: PlanTable['table']): Record<StrategyStatus, number> {
  const counts = emptyStatusCounts();
  for (const row of table.rows) {
    const status = row.kind === 'strategy' ? STATUS_BY_LABEL.get(row.cells[1]) : undefined;
    if (status) counts[status]++;
  }
  return counts;
}

function slackError(e: unknown): string | undefined {
  return (e as { data?: { error?: string } }).data?.error;
}

/** "annual FY2023-2024 vi" → the year as typed and the draft's language; null when not "annual". */
export function annualRequest(args: string): { ref: string; lang: DraftLang | null } | null {
  const words = args.trim().split(/\s+/);
  if (words[0]?.toLowerCase() !== 'annual') return null;
  const rest = words.slice(1);
  const last = rest.at(-1)?.toLowerCase();
  const lang = isDraftLang(last) ? last : null;
  return { ref: (lang ? rest.slice(0, -1) : rest).join(' '), lang };
}

export const reportCommand: SubcommandHandler = async (req) => {
  const annual = annualRequest(req.args);
  if (annual) return annualReportCommand(req, annual);
  return tableReportCommand(req);
};

const annualReportCommand = async (
  { ctx, caller, t, ack, respond, client }: Parameters<SubcommandHandler>[0],
  { ref, lang }: { ref: string; lang: DraftLang | null },
): Promise<void> => {
  const years = parseFiscalYears(ref);
  const period = years ? fiscalYearLabel(years.endYear) : escapeMrkdwn(truncate(ref, 80));
  if (ref === '') {
    await ack({ response_type: 'ephemeral', text: t('report.annualUsage') });
    return;
  }
  await ack({ response_type: 'ephemeral', text: t('report.annualPreparing', { period }) });

  let files: ReturnType<typeof renderAnnualDraft>;
  try {
    const actor = await callerActor(ctx, caller);
    const input = await annualReportDraft(ctx, actor, ref);
    // Building two documents of the whole year is the heavy step here; let acks go first.
    await heavyTurn();
    const draftLang = lang ?? caller.lang;
    const charts = await annualMeasureCharts(input, draftLang, undefined, (e) =>
      ctx.logger.warn({ err: (e as Error).message }, 'a measure chart of the annual draft could not be drawn'),
    );
    await heavyTurn();
    files = renderAnnualDraft(input, draftLang, charts);
  } catch (e) {
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: problemText(ctx, t, e, 'reading command failed', { subcommand: 'report annual', user: caller.slackUserId }),
    });
    return;
  }

  try {
    const dm = await openDirectMessage(client, caller.slackUserId);
    await client.filesUploadV2({
      channel_id: dm,
      initial_comment: t('report.annualComment', { title: escapeMrkdwn(files.title) }),
      file_uploads: [
        { content: files.markdown.content, filename: files.markdown.filename, title: t('report.annualMarkdownTitle', { title: files.title }) },
        { content: files.html.content, filename: files.html.filename, title: t('report.annualHtmlTitle', { title: files.title }) },
      ],
    });
    await respond({ response_type: 'ephemeral', replace_original: true, text: t('report.annualSent', { title: escapeMrkdwn(files.title) }) });
  } catch (e) {
    const code = slackError(e);
    ctx.logger.warn({ err: code ?? (e as Error).message, ref }, 'annual report upload failed');
    await respond({ response_type: 'ephemeral', replace_original: true, text: t('report.annualUploadFailed', { error: code ?? 'network error' }) }).catch(
      (err: unknown) => ctx.logger.warn({ err }, 'could not tell the user the upload failed'),
    );
  }
};

const tableReportCommand: SubcommandHandler = async ({ ctx, command, args, caller, t, ack, respond, client }) => {
  await ack({ response_type: 'ephemeral', text: preparingText(t, reportRequest(args)) });

  let planTable: PlanTable;
  try {
    const actor = await callerActor(ctx, caller);
    const ref = args.trim() === '' ? await latestWorkPlanKey(ctx) : args.trim();
    if (ref === null) {
      await respond({ response_type: 'ephemeral', replace_original: true, text: t('report.noPlan') });
      return;
    }
    planTable = await workPlanTable(ctx, actor, ref);
  } catch (e) {
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: problemText(ctx, t, e, 'reading command failed', { subcommand: 'report', user: caller.slackUserId }),
    });
    return;
  }

  const { plan, table } = planTable;
  const csv = renderPlanTable(planTable, 'csv');
  const markdown = renderPlanTable(planTable, 'markdown');
  const summary = reportSummaryText(t, { title: plan.title, period: planPeriodLabel(plan), byStatus: countsOf(table), requestedBy: caller.slackUserId });
  const direct = reportDestination(plan, command.channel_id) === 'direct';
  try {
    // A department's REAP typed elsewhere than its own channel goes to the person alone.
    const channel = direct ? await openDirectMessage(client, caller.slackUserId) : command.channel_id;
    await client.filesUploadV2({
      channel_id: channel,
      initial_comment: summary,
      file_uploads: [
        { content: csv.content, filename: csv.filename, title: t('report.csvTitle', { title: plan.title }) },
        { content: markdown.content, filename: markdown.filename, title: t('report.markdownTitle', { title: plan.title }) },
      ],
    });
    // The acknowledgement said "Preparing…": the answer takes its place (or follows it, where
    // Slack does not replace a command's first answer), so it never stays the last word.
    const done = direct ? 'report.sentPrivately' : 'report.posted';
    await respond({ response_type: 'ephemeral', replace_original: true, text: t(done, { title: escapeMrkdwn(plan.title) }) });
  } catch (e) {
    const code = slackError(e);
    ctx.logger.warn({ err: code ?? (e as Error).message, channel: command.channel_id, plan: plan.key, direct }, 'report upload failed');
    // A private channel the app is not in looks like either error, depending on visibility.
    const text =
      !direct && (code === 'not_in_channel' || code === 'channel_not_found')
        ? t('report.notInChannel')
        : t('report.uploadFailed', { error: code ?? 'network error' });
    await respond({ response_type: 'ephemeral', replace_original: true, text }).catch((err: unknown) =>
      ctx.logger.warn({ err }, 'could not tell the user the upload failed'),
    );
  }
};

async function openDirectMessage(client: Parameters<SubcommandHandler>[0]['client'], user: string): Promise<string> {
  const opened = await client.conversations.open({ users: user });
  const id = opened.channel?.id;
  if (!id) throw Object.assign(new Error('conversations.open returned no channel'), { data: { error: 'channel_not_found' } });
  return id;
}
