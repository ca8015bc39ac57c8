import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../../src/sandbox/fake-slack/index.js';
import { canvasMarkdown, channelCanvas } from '../../../src/sandbox/fake-slack/methods/canvases.js';
import { syncCanvasSections, webClientCanvasApi, type CanvasApi } from '../../../src/slack/features/plan/canvas-sync.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { planCanvasSections, type PlanCanvasInput } from '../../../src/slack/features/plan/ui/plan-canvas.js';
import { CHANNELS, startFakeSlack, webClient } from '../../support/fake-slack-fixture.js';

let fake: FakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack({});
});

afterEach(async () => {
  await fake.stop();
});

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'ONGOING', 'COMPLETED', 'DEFERRED'] as const;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

function plan(): PlanCanvasInput {
  return {
    department: 'Parks',
    plan: 'REAP 2025-2027',
    objectives: [1, 2, 3].map((n) => ({
      number: n,
      title: `Objective ${n}`,
      strategies: [1, 2, 3].map((m) => ({
        label: `${n}.${m}`,
        text: `Strategy ${n}.${m}`,
        status: 'NOT_STARTED' as const,
        ownerSlackId: null,
        dueDate: null,
        lastUpdateAt: null,
        performanceMeasures: '',
      })),
    })),
  };
}

async function channelCanvasId(markdown = ''): Promise<string> {
  const res = await webClient(fake).conversations.canvases.create({
    channel_id: CHANNELS.reap.id,
    document_content: { type: 'markdown', markdown },
  });
  return res.canvas_id ?? '';
}

function shownMarkdown(): string {
  const canvas = channelCanvas(fake.workspace, CHANNELS.reap.id);
  return canvas ? canvasMarkdown(canvas) : '';
}

const t = translator('en');
const wanted = (input: PlanCanvasInput) =>
  planCanvasSections(t, input)
    .map((s) => s.markdown)
    .join('\n');

describe('keeping a department canvas equal to the plan', () => {
  it('equals the data after 50 random changes, edited section by section', async () => {
    const api = webClientCanvasApi(webClient(fake));
    const id = await channelCanvasId();
    const data = plan();
    await syncCanvasSections(api, id, planCanvasSections(t, data));
    expect(shownMarkdown()).toBe(wanted(data));
    const next = random(17);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    for (let i = 0; i < 50; i += 1) {
      const objective = pick(data.objectives);
      const kind = pick(['status', 'owner', 'due', 'update', 'measures', 'text', 'remove', 'add'] as const);
      const strategy = objective.strategies.length ? pick(objective.strategies) : undefined;
      if (kind === 'remove' && strategy) objective.strategies = objective.strategies.filter((s) => s !== strategy);
      else if (kind === 'add' || !strategy) {
        const number = Math.max(0, ...objective.strategies.map((s) => Number(s.label.split('.')[1]))) + 1;
        objective.strategies.push({ ...plan().objectives[0]!.strategies[0]!, label: `${objective.number}.${number}`, text: `New ${i}` });
      } else if (kind === 'status') strategy.status = pick(STATUSES);
      else if (kind === 'owner') strategy.ownerSlackId = pick([null, 'U0ANA', 'U0BEN']);
      else if (kind === 'due') strategy.dueDate = pick([null, '2026-06-30', '2027-01-15']);
      else if (kind === 'update') strategy.lastUpdateAt = new Date(Date.UTC(2026, 0, 1 + i));
      else if (kind === 'measures') strategy.performanceMeasures = `Count ${i} # of *events*`;
      else strategy.text = `Rewritten ${i} ### 9.9 not a heading`;
      await syncCanvasSections(api, id, planCanvasSections(t, data));
      expect(shownMarkdown(), `after change ${i} (${kind})`).toBe(wanted(data));
    }
    expect(fake.violations()).toEqual([]);
  });

  it('leaves no duplicate sections when a crash between edit calls is resumed', async () => {
    const real = webClientCanvasApi(webClient(fake));
    const id = await channelCanvasId();
    const data = plan();
    // Crash after every possible number of edits of a fresh canvas, then resume.
    for (let crashAfter = 1; crashAfter <= 12; crashAfter += 1) {
      let edits = 0;
      const crashing: CanvasApi = {
        lookup: real.lookup,
        async edit(canvasId, change) {
          if (edits === crashAfter) throw new Error('process killed');
          edits += 1;
          await real.edit(canvasId, change);
        },
      };
      data.objectives[0]!.strategies[0]!.text = `Edited ${crashAfter}`;
      await expect(syncCanvasSections(crashing, id, planCanvasSections(t, data))).rejects.toThrow('process killed');
    }
    await syncCanvasSections(real, id, planCanvasSections(t, data));
    expect(shownMarkdown()).toBe(wanted(data));
    const headers = shownMarkdown()
      .split('\n')
      .filter((line) => line.startsWith('#'));
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toHaveLength(1 + 3 + 9);
  });

  it('renders in Spanish and Vietnamese too', () => {
    expect(planCanvasSections(translator('es'), plan())[2]?.markdown).toContain('Estado: :white_circle: No iniciado');
    expect(planCanvasSections(translator('vi'), plan())[2]?.markdown).toContain('Trạng thái:');
  });
});
