// The living department canvas: a plan as canvas markdown, one section per objective and
// per strategy, so an update rewrites only its strategy's section. Slack returns section
// ids but never a canvas's text, so each section starts with a marker line the app can
// find again with canvases.sections.lookup (contains_text); that is what makes a resumed
// edit replace what a crashed one inserted instead of adding it twice.
import type { StrategyStatus } from '../../../../domain/enums.js';
import type { Translate } from '../../../i18n/index.js';
import { truncate } from '../../../ui/mrkdwn.js';
import { STATUS_EMOJI, STATUS_ORDER, oneLine } from '../../../ui/status-parts.js';

export interface CanvasStrategy {
  label: string;
  text: string;
  status: StrategyStatus;
  ownerSlackId: string | null;
  dueDate: string | null;
  lastUpdateAt: Date | null;
  performanceMeasures: string;
  /** The latest update's text, when the channel may show it. */
  lastUpdateText?: string | null;
  /** The latest update is Internal and this channel may not show its text. */
  lastUpdateHidden?: boolean;
}

export interface CanvasObjective {
  number: number;
  title: string;
  strategies: CanvasStrategy[];
}

export interface CitywideSummary {
  /** The City's date the figures are for. */
  asOf: string;
  departments: { code: string; name: string; total: number; byStatus: Record<StrategyStatus, number>; overdue: number; silent: boolean }[];
}

export interface PlanCanvasInput {
  department: string;
  plan: string;
  objectives: CanvasObjective[];
  /** ORSE's canvas: one line per department after the intro. */
  citywide?: CitywideSummary;
}

export interface CanvasSectionDraft {
  /** Unique within the canvas and found by contains_text; it never contains another key. */
  key: string;
  /** What canvases.sections.lookup takes to find this section again. */
  criteria: { section_types: ['h1' | 'h2' | 'h3']; contains_text: string };
  markdown: string;
}

/** Keep user text on one line and out of markdown syntax that would split the section. */
function literalLine(text: string): string {
  return oneLine(text).replace(/[#*_`~[\]]/g, (c) => `\\${c}`);
}

/** A canvas is a summary: the whole update is in the channel's post and in /reap plan. */
const LATEST_TEXT_MAX = 500;

// The trailing space stops "### 1.2 " from matching inside "### 1.23 ".
const objectiveKey = (n: number) => `## ${n}. `;
const strategyKey = (label: string) => `### ${label} `;
export const INTRO_KEY = '# ';
// Objectives are "## 1. "…; no number, so it never matches one.
const CITYWIDE_KEY = '## REAP citywide ';

function citywideSection(t: Translate, c: CitywideSummary): CanvasSectionDraft {
  const lines = c.departments.map((d) => {
    const counts = STATUS_ORDER.filter((s) => d.byStatus[s] > 0).map((s) => `${STATUS_EMOJI[s]} ${t(`status.${s}`)} ${d.byStatus[s]}`);
    const flags = [d.overdue > 0 ? t('canvas.citywide.overdue', { count: d.overdue }) : null, d.silent ? t('canvas.citywide.silent') : null].filter(Boolean);
    return `- **${literalLine(d.name)}** (${literalLine(d.code)}): ${t('canvas.citywide.total', { count: d.total })} · ${counts.join(' · ')}${flags.length ? ` · ${flags.join(' · ')}` : ''}`;
  });
  return {
    key: CITYWIDE_KEY,
    criteria: { section_types: ['h2'], contains_text: CITYWIDE_KEY },
    markdown: [`${CITYWIDE_KEY}${t('canvas.citywide.heading', { date: c.asOf })}`, ...(lines.length ? lines : [t('canvas.citywide.none')])].join('\n'),
  };
}

export function planCanvasTitle(t: Translate, input: PlanCanvasInput): string {
  return t('canvas.title', { department: input.department });
}

export function planCanvasSections(t: Translate, input: PlanCanvasInput): CanvasSectionDraft[] {
  const sections: CanvasSectionDraft[] = [
    {
      key: INTRO_KEY,
      criteria: { section_types: ['h1'], contains_text: INTRO_KEY },
      markdown: `# ${literalLine(t('canvas.heading', { department: input.department, plan: input.plan }))}\n${t('canvas.intro')}`,
    },
  ];
  if (input.citywide) sections.push(citywideSection(t, input.citywide));
  for (const objective of input.objectives) {
    const key = objectiveKey(objective.number);
    sections.push({ key, criteria: { section_types: ['h2'], contains_text: key }, markdown: `${key}${literalLine(objective.title)}` });
    for (const s of objective.strategies) {
      const sKey = strategyKey(s.label);
      const lines = [
        `${sKey}${literalLine(s.text)}`,
        `- ${t('canvas.status', { status: `${STATUS_EMOJI[s.status]} ${t(`status.${s.status}`)}` })}`,
        `- ${s.ownerSlackId ? t('canvas.owner', { owner: `![](@${s.ownerSlackId})` }) : t('canvas.noOwner')}`,
        `- ${s.dueDate ? t('canvas.due', { date: s.dueDate }) : t('canvas.noDue')}`,
        `- ${s.lastUpdateAt ? t('canvas.lastUpdate', { date: s.lastUpdateAt.toISOString().slice(0, 10) }) : t('canvas.neverUpdated')}`,
      ];
      if (s.lastUpdateText?.trim()) lines.push(`- ${t('canvas.latest', { text: literalLine(truncate(s.lastUpdateText, LATEST_TEXT_MAX)) })}`);
      else if (s.lastUpdateHidden) lines.push(`- ${t('canvas.latestInternal')}`);
      if (s.performanceMeasures.trim()) lines.push(`- ${t('canvas.measures', { measures: literalLine(s.performanceMeasures) })}`);
      sections.push({ key: sKey, criteria: { section_types: ['h3'], contains_text: sKey }, markdown: lines.join('\n') });
    }
  }
  return sections;
}

export type CanvasChange =
  | { operation: 'replace' | 'insert_after'; section_id: string; document_content: { type: 'markdown'; markdown: string } }
  | { operation: 'insert_at_start'; document_content: { type: 'markdown'; markdown: string } }
  | { operation: 'delete'; section_id: string };

/**
 * The edits that make one section right, given the ids a lookup of its key found now and
 * the id of the section before it. Running it again after any crash converges: one found
 * section is replaced, extra copies a crashed run inserted are deleted, none is inserted.
 */
export function sectionChanges(section: CanvasSectionDraft, foundIds: readonly string[], previousId: string | null): CanvasChange[] {
  const document_content = { type: 'markdown' as const, markdown: section.markdown };
  const [first, ...extra] = foundIds;
  if (first === undefined) {
    return [previousId ? { operation: 'insert_after', section_id: previousId, document_content } : { operation: 'insert_at_start', document_content }];
  }
  return [...extra.map((id): CanvasChange => ({ operation: 'delete', section_id: id })), { operation: 'replace', section_id: first, document_content }];
}
