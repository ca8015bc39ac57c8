// The annual report draft in the structure of ORSE's memo to Council: summary, each
// objective's completed and running strategies with highlights from the year's progress
// updates, departmental highlights, and the work-plan table as the attachment. Pure: data
// in, Markdown or HTML out. Every figure and sentence comes from the data; ORSE writes the
// rest when it edits the draft.
//
// Only PUBLIC updates are quoted. REDI updates are shared with City staff only (see
// services/import-export/open-data.ts) and a Council memo is public, so they stay out with
// INTERNAL ones; the loader asks for PUBLIC rows only and this module filters again, so a
// change in one place cannot put an internal note into a public document.
import type { PlanKind, StrategyStatus, Visibility } from '../../generated/prisma/enums.js';
import { fiscalYearLabel, fiscalYearRange } from '../../domain/fiscal-calendar.js';
import type { ReportTable } from '../../domain/report-table.js';
import { ANNUAL_REPORT_WORDS, type AnnualReportWords, type DraftLang } from './annual-words.js';
import { formatMeasureValue, meetsTarget } from '../../domain/measures.js';
import type { ReportedMeasure } from '../measures.js';

export interface DraftStrategyRow {
  id: number;
  number: number;
  text: string;
  status: StrategyStatus;
  performanceMeasures: string;
  outputs: string;
}

export interface DraftObjectiveRow {
  number: number;
  title: string;
  strategies: readonly DraftStrategyRow[];
}

export interface DraftUpdateRow {
  id: number;
  strategyId: number;
  visibility: Visibility;
  createdAt: Date;
  periodKey: string;
  /** ISO dates, inclusive. */
  periodStart: string;
  periodEnd: string;
  narrative: string;
  measureValues: string;
  outputs: string;
  /** "1.2" within its own plan. */
  strategyRef: string;
  planKey: string;
  planKind: PlanKind;
  /** The strategy's department: its plan's, or a citywide strategy's lead department. */
  department: { code: string; name: string } | null;
  /** The typed measures' values of this (PUBLIC) update, open-data measures only. */
  typedValues?: readonly ReportedMeasure[];
}

export interface AnnualDraftInput {
  /** ORSE's work plan that covers the year. */
  plan: { key: string; title: string; departmentName: string | null };
  fiscalYearEnd: number;
  generatedAt: Date;
  timeZone: string;
  objectives: readonly DraftObjectiveRow[];
  updates: readonly DraftUpdateRow[];
  counts: {
    departments: number;
    departmentsWithPlan: number;
    /** Every update of the year, whatever its visibility: a count reveals no words. */
    updatesInYear: number;
    departmentsReporting: number;
  };
  includesDemoData: boolean;
  /** The attachment, as `/reap report` builds and renders it. */
  table: ReportTable;
  tableMarkdown: string;
}

export interface DraftStrategyItem {
  ref: string;
  text: string;
  status: string;
  measures: string[];
  outputs: string[];
  /** "Workforce trained: 61.5% (FY2024-Q1), 98.5% (FY2024-Q3); target 98%, met" per typed measure. */
  typed: string[];
  /** Each typed measure against its target over time, drawn (HTML only). */
  charts: DraftChart[];
}

/** A chart of a measure, rendered: its PNG as base64 and the alt text that states every figure. */
export interface DraftChart {
  title: string;
  alt: string;
  pngBase64: string;
}

/** A typed measure's values in the year's public updates, one per period, oldest first. */
export interface DraftMeasureSeries {
  measure: ReportedMeasure;
  points: { periodKey: string; periodStart: string; value: number }[];
}

export interface DraftHighlight {
  /** The number of its source note. */
  note: number;
  text: string;
  measures: string;
  outputs: string;
}

export interface DraftNote {
  n: number;
  updateId: number;
  text: string;
}

export interface AnnualDraft {
  lang: DraftLang;
  words: AnnualReportWords;
  title: string;
  banner: string;
  demoNote: string | null;
  summary: string[];
  objectives: { heading: string; completed: DraftStrategyItem[]; active: DraftStrategyItem[]; waiting: DraftStrategyItem[]; highlights: DraftHighlight[] }[];
  departments: { heading: string; highlights: DraftHighlight[] }[];
  notes: DraftNote[];
  attachment: { heading: string; note: string; table: ReportTable; markdown: string };
}

const STATUS_ORDER: readonly StrategyStatus[] = ['COMPLETED', 'IN_PROGRESS', 'ONGOING', 'NOT_STARTED', 'DEFERRED'];

const lines = (text: string): string[] =>
  text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

const byNumber = <T extends { number: number }>(items: readonly T[]) => [...items].sort((a, b) => a.number - b.number);

/** Quotable: PUBLIC, reported for a period inside the fiscal year, and saying something. */
export function isQuotable(u: DraftUpdateRow, fiscalYearEnd: number): boolean {
  const year = fiscalYearRange(fiscalYearEnd);
  return (
    u.visibility === 'PUBLIC' &&
    u.periodStart >= year.start &&
    u.periodEnd <= year.end &&
    (u.narrative.trim() !== '' || u.measureValues.trim() !== '' || u.outputs.trim() !== '')
  );
}

/**
 * Per strategy, each typed measure's values in the year's quotable (PUBLIC) updates: one per
 * period, the latest update of a period counting (a correction replaces the first figure).
 */
export function typedSeries(input: AnnualDraftInput): Map<number, DraftMeasureSeries[]> {
  const quotable = input.updates.filter((u) => isQuotable(u, input.fiscalYearEnd)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const byStrategy = new Map<number, Map<number, { measure: ReportedMeasure; periods: Map<string, { periodStart: string; value: number }> }>>();
  for (const u of quotable) {
    for (const v of u.typedValues ?? []) {
      const measures = byStrategy.get(u.strategyId) ?? new Map();
      const entry = measures.get(v.measureId) ?? { measure: v, periods: new Map() };
      entry.periods.set(u.periodKey, { periodStart: u.periodStart, value: v.value });
      measures.set(v.measureId, entry);
      byStrategy.set(u.strategyId, measures);
    }
  }
  return new Map(
    [...byStrategy.entries()].map(([strategyId, measures]) => [
      strategyId,
      [...measures.values()].map(({ measure, periods }) => ({
        measure,
        points: [...periods.entries()].map(([periodKey, p]) => ({ periodKey, ...p })).sort((a, b) => a.periodStart.localeCompare(b.periodStart)),
      })),
    ]),
  );
}

export function buildAnnualDraft(input: AnnualDraftInput, lang: DraftLang, charts: ReadonlyMap<number, readonly DraftChart[]> = new Map()): AnnualDraft {
  const words = ANNUAL_REPORT_WORDS[lang];
  const date = (d: Date) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: input.timeZone }).format(d);
  const period = fiscalYearLabel(input.fiscalYearEnd);
  const generatedOn = date(input.generatedAt);

  const quotable = input.updates.filter((u) => isQuotable(u, input.fiscalYearEnd)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const series = typedSeries(input);
  const objectiveOfStrategy = new Map(input.objectives.flatMap((o) => o.strategies.map((s) => [s.id, o.number] as const)));
  const ownUpdates = quotable.filter((u) => u.planKey === input.plan.key && objectiveOfStrategy.has(u.strategyId));
  // A citywide strategy's updates are its lead department's highlights (the loader gives
  // the lead as `department`); one without a lead has no department to quote it under.
  const departmentUpdates = quotable.filter((u) => u.planKind === 'DEPARTMENT_REAP' || (u.planKind === 'CITYWIDE_PLAN' && u.department !== null));

  // Notes are numbered in reading order: objectives first, then departments.
  const notes: DraftNote[] = [];
  const highlight = (u: DraftUpdateRow): DraftHighlight => {
    const n = notes.length + 1;
    notes.push({
      n,
      updateId: u.id,
      text: words.source({
        id: u.id,
        date: date(u.createdAt),
        periodKey: u.periodKey,
        department: u.department ? `${u.department.name} (${u.department.code})` : (input.plan.departmentName ?? 'ORSE'),
        strategyRef: u.strategyRef,
        planKey: u.planKey,
      }),
    });
    return { note: n, text: u.narrative.trim(), measures: u.measureValues.trim(), outputs: u.outputs.trim() };
  };

  const item = (o: DraftObjectiveRow, s: DraftStrategyRow): DraftStrategyItem => ({
    ref: `${o.number}.${s.number}`,
    text: s.text,
    status: words.status[s.status],
    measures: lines(s.performanceMeasures),
    outputs: lines(s.outputs),
    typed: typedLines(series.get(s.id) ?? [], words, lang),
    charts: [...(charts.get(s.id) ?? [])],
  });
  const objectives = byNumber(input.objectives).map((o) => {
    const strategies = byNumber(o.strategies);
    const pick = (statuses: readonly StrategyStatus[]) => strategies.filter((s) => statuses.includes(s.status)).map((s) => item(o, s));
    return {
      heading: words.objectiveHeading(o.number, o.title),
      completed: pick(['COMPLETED']),
      active: pick(['IN_PROGRESS', 'ONGOING']),
      waiting: pick(['NOT_STARTED', 'DEFERRED']),
      highlights: ownUpdates.filter((u) => objectiveOfStrategy.get(u.strategyId) === o.number).map(highlight),
    };
  });

  const byDepartment = new Map<string, DraftUpdateRow[]>();
  for (const u of departmentUpdates) {
    const name = u.department ? `${u.department.name} (${u.department.code})` : u.planKey;
    byDepartment.set(name, [...(byDepartment.get(name) ?? []), u]);
  }
  const departments = [...byDepartment.entries()]
    .sort(([a], [b]) => a.localeCompare(b, lang))
    .map(([heading, updates]) => ({ heading, highlights: updates.map(highlight) }));

  const all = input.objectives.flatMap((o) => o.strategies);
  const counts = STATUS_ORDER.map((st) => [st, all.filter((s) => s.status === st).length] as const).filter(([, n]) => n > 0);
  const quoted = objectives.reduce((n, o) => n + o.highlights.length, 0) + departments.reduce((n, d) => n + d.highlights.length, 0);

  return {
    lang,
    words,
    title: words.title(input.plan.title, period),
    banner: words.draftBanner(generatedOn),
    demoNote: input.includesDemoData ? words.demoNote : null,
    summary: [
      words.summaryStrategies(
        all.length,
        counts.map(([st, n]) => words.statusCount(st, n)),
      ),
      words.summaryObjectives(input.objectives.length),
      words.summaryDepartments(generatedOn, input.counts.departmentsWithPlan, input.counts.departments),
      words.summaryUpdates(period, input.counts.updatesInYear, input.counts.departmentsReporting),
      ...(input.counts.updatesInYear > 0 ? [words.summaryPublicUpdates(quoted)] : []),
    ],
    objectives,
    departments,
    notes,
    attachment: { heading: words.attachmentHeading(input.table.title), note: words.attachmentNote, table: input.table, markdown: input.tableMarkdown },
  };
}

/** Each typed measure's values by period, with the target and whether the latest value meets it. */
function typedLines(series: readonly DraftMeasureSeries[], words: AnnualReportWords, lang: DraftLang): string[] {
  const locale = { en: 'en-US', es: 'es-US', vi: 'vi-VN' }[lang];
  const yesNo: [string, string] = lang === 'es' ? ['sí', 'no'] : lang === 'vi' ? ['có', 'không'] : ['yes', 'no'];
  return series.map(({ measure: m, points }) => {
    const show = (n: number) => formatMeasureValue(m, n, { locale, yesNo });
    const values = points.map((p) => `${show(p.value)} (${p.periodKey})`).join(', ');
    const latest = points.at(-1)?.value;
    const target = m.target !== null && latest !== undefined ? `; ${words.typedTarget(show(m.target), meetsTarget(m, latest) === true)}` : '';
    return `${m.label}: ${values}${target}`;
  });
}

// ---------------------------------------------------------------------------------------
// Markdown

/**
 * Text as literal Markdown inside a line: emphasis, links, code and HTML characters are
 * escaped, and so is what would start a heading, quote or list at the start of the text
 * (it follows "- " in a list item, where "# x" would still become a heading).
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/^(\s*)([#>+-])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

const md = escapeMarkdownText;

function markdownStrategies(items: readonly DraftStrategyItem[], w: AnnualReportWords): string[] {
  if (items.length === 0) return [w.none];
  const out: string[] = [];
  for (const s of items) {
    out.push(`- **${s.ref}** ${md(s.text)} — ${md(s.status)}`);
    for (const [label, values] of [
      [w.performanceMeasures, s.measures],
      [w.typedMeasures, s.typed],
      [w.outputs, s.outputs],
    ] as const) {
      if (values.length === 0) continue;
      out.push(`  - ${md(label)}:`);
      for (const v of values) out.push(`    - ${md(v)}`);
    }
  }
  return out;
}

function markdownHighlights(items: readonly DraftHighlight[], w: AnnualReportWords, empty: string): string[] {
  if (items.length === 0) return [empty];
  const out: string[] = [];
  for (const h of items) {
    out.push(`- ${h.text === '' ? '' : `${md(h.text)} `}[^${h.note}]`);
    if (h.measures !== '') out.push(`  - ${md(w.measuresReported)}: ${md(h.measures)}`);
    if (h.outputs !== '') out.push(`  - ${md(w.outputsReported)}: ${md(h.outputs)}`);
  }
  return out;
}

export function renderAnnualMarkdown(d: AnnualDraft): string {
  const w = d.words;
  const out: string[] = [`# ${md(d.title)}`, '', `> **${md(w.draftLabel)}:** ${md(d.banner)}`];
  if (d.demoNote) out.push('>', `> ${md(d.demoNote)}`);
  out.push('', `## ${md(w.summaryHeading)}`, '', ...d.summary.map((s) => `- ${md(s)}`));
  for (const o of d.objectives) {
    out.push('', `## ${md(o.heading)}`);
    out.push('', `### ${md(w.completedHeading)}`, '', ...markdownStrategies(o.completed, w));
    out.push('', `### ${md(w.inProgressHeading)}`, '', ...markdownStrategies(o.active, w));
    out.push('', `### ${md(w.notStartedHeading)}`, '', ...markdownStrategies(o.waiting, w));
    out.push('', `### ${md(w.highlightsHeading)}`, '', ...markdownHighlights(o.highlights, w, w.noHighlights));
  }
  out.push('', `## ${md(w.departmentsHeading)}`);
  if (d.departments.length === 0) out.push('', w.noDepartmentHighlights);
  for (const dep of d.departments) out.push('', `### ${md(dep.heading)}`, '', ...markdownHighlights(dep.highlights, w, w.noHighlights));
  if (d.notes.length > 0) {
    out.push('', `## ${md(w.sourcesHeading)}`, '', w.sourcesIntro, '');
    for (const n of d.notes) out.push(`[^${n.n}]: ${md(n.text)}`);
  }
  out.push('', `## ${md(d.attachment.heading)}`, '', md(d.attachment.note), '', d.attachment.markdown.trimEnd());
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// HTML

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const h = escapeHtml;
const multiline = (text: string) => h(text).replace(/\r\n|\r|\n/g, '<br>');

// Black on white and dark on pale yellow: well above 4.5:1. The draft banner says "Draft" in
// words, with a border, so nothing depends on its colour.
const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.5; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
a { color: #0b4f9c; }
.draft { border: 3px solid #7a5a00; background: #fff8dc; color: #1a1a1a; padding: 0.75rem 1rem; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
th, td { border: 1px solid #555555; padding: 0.4rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
tbody th[scope="rowgroup"] { background: #f2f2f2; }
tbody th[scope="row"] { font-weight: normal; }
sup a { text-decoration: underline; }
`.trim();

function htmlStrategies(items: readonly DraftStrategyItem[], w: AnnualReportWords): string {
  if (items.length === 0) return `<p>${h(w.none)}</p>`;
  const li = items.map((s) => {
    const details = (
      [
        [w.performanceMeasures, s.measures],
        [w.typedMeasures, s.typed],
        [w.outputs, s.outputs],
      ] as const
    )
      .filter(([, values]) => values.length > 0)
      .map(([label, values]) => `<li>${h(label)}:<ul>${values.map((v) => `<li>${h(v)}</li>`).join('')}</ul></li>`)
      .join('');
    const figures = s.charts
      .map((c) => `<figure><img src="data:image/png;base64,${c.pngBase64}" alt="${h(c.alt)}" width="440"><figcaption>${h(c.title)}</figcaption></figure>`)
      .join('');
    return `<li><strong>${h(s.ref)}</strong> ${h(s.text)} — ${h(s.status)}${details ? `<ul>${details}</ul>` : ''}${figures}</li>`;
  });
  return `<ul>\n${li.join('\n')}\n</ul>`;
}

function htmlHighlights(items: readonly DraftHighlight[], w: AnnualReportWords, empty: string): string {
  if (items.length === 0) return `<p>${h(empty)}</p>`;
  const li = items.map((x) => {
    const details = [
      x.measures !== '' ? `<li>${h(w.measuresReported)}: ${multiline(x.measures)}</li>` : '',
      x.outputs !== '' ? `<li>${h(w.outputsReported)}: ${multiline(x.outputs)}</li>` : '',
    ].join('');
    const cite = `<sup><a id="cite-${x.note}" href="#source-${x.note}">[${x.note}]</a></sup>`;
    return `<li>${multiline(x.text)} ${cite}${details ? `<ul>${details}</ul>` : ''}</li>`;
  });
  return `<ul>\n${li.join('\n')}\n</ul>`;
}

/** `lang` marks the table as English inside a Spanish or Vietnamese document (WCAG 3.1.2). */
function htmlTable(table: ReportTable, lang: DraftLang): string {
  const head = `<thead><tr>${table.columns.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead>`;
  // One tbody per objective, its title a row-group header, so a screen reader announces
  // which objective a strategy row belongs to.
  const groups: string[][] = [];
  for (const row of table.rows) {
    if (row.kind === 'objective' || groups.length === 0) groups.push([]);
    const cells =
      row.kind === 'objective'
        ? `<th scope="rowgroup" colspan="${table.columns.length}">${multiline(row.cells[0])}</th>`
        : row.cells.map((c, i) => (i === 0 ? `<th scope="row">${multiline(c)}</th>` : `<td>${multiline(c)}</td>`)).join('');
    groups.at(-1)!.push(`<tr>${cells}</tr>`);
  }
  const bodies = groups.map((rows) => `<tbody>\n${rows.join('\n')}\n</tbody>`).join('\n');
  return `<table${lang === 'en' ? '' : ' lang="en"'}>\n<caption>${h(table.title)}</caption>\n${head}\n${bodies}\n</table>`;
}

export function renderAnnualHtml(d: AnnualDraft): string {
  const w = d.words;
  const parts: string[] = [
    `<h1>${h(d.title)}</h1>`,
    `<p class="draft" role="note"><strong>${h(w.draftLabel)}:</strong> ${h(d.banner)}${d.demoNote ? `<br>${h(d.demoNote)}` : ''}</p>`,
    `<h2>${h(w.summaryHeading)}</h2>`,
    `<ul>\n${d.summary.map((s) => `<li>${h(s)}</li>`).join('\n')}\n</ul>`,
  ];
  for (const o of d.objectives) {
    parts.push(
      `<h2>${h(o.heading)}</h2>`,
      `<h3>${h(w.completedHeading)}</h3>`,
      htmlStrategies(o.completed, w),
      `<h3>${h(w.inProgressHeading)}</h3>`,
      htmlStrategies(o.active, w),
      `<h3>${h(w.notStartedHeading)}</h3>`,
      htmlStrategies(o.waiting, w),
      `<h3>${h(w.highlightsHeading)}</h3>`,
      htmlHighlights(o.highlights, w, w.noHighlights),
    );
  }
  parts.push(`<h2>${h(w.departmentsHeading)}</h2>`);
  if (d.departments.length === 0) parts.push(`<p>${h(w.noDepartmentHighlights)}</p>`);
  for (const dep of d.departments) parts.push(`<h3>${h(dep.heading)}</h3>`, htmlHighlights(dep.highlights, w, w.noHighlights));
  if (d.notes.length > 0) {
    parts.push(
      `<h2 id="sources">${h(w.sourcesHeading)}</h2>`,
      `<p>${h(w.sourcesIntro)}</p>`,
      `<ol>\n${d.notes.map((n) => `<li id="source-${n.n}">${h(n.text)} <a href="#cite-${n.n}">${h(w.backToText(n.n))}</a></li>`).join('\n')}\n</ol>`,
    );
  }
  parts.push(`<h2>${h(d.attachment.heading)}</h2>`, `<p>${h(d.attachment.note)}</p>`, htmlTable(d.attachment.table, d.lang));
  return [
    '<!doctype html>',
    `<html lang="${d.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(`${w.draftLabel}: ${d.title}`)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...parts,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
