// What a department canvas shows of the latest update, and the hash the sync job compares.
import { describe, expect, it } from 'vitest';
import type { DepartmentCanvasContent } from '../../../src/services/department-canvases.js';
import { renderCanvas } from '../../../src/slack/features/plan/department-canvas.js';

function content(visibility: 'INTERNAL' | 'REDI' | 'PUBLIC'): DepartmentCanvasContent {
  return {
    department: { id: 1, code: 'LIB', name: 'Library', slackChannelId: 'C1' },
    plan: { title: 'REAP FY 2024-2026' },
    objectives: [
      {
        number: 1,
        title: 'Access',
        strategies: [
          {
            label: '1.1',
            text: 'Open quiet rooms',
            status: 'IN_PROGRESS',
            ownerSlackId: 'U1',
            dueDate: '2026-12-01',
            performanceMeasures: '# of rooms',
            lastUpdate: { at: new Date('2026-11-02T18:00:00Z'), narrative: 'Budget notes for ### 1.2 rooms', visibility },
          },
        ],
      },
    ],
  };
}

const text = (r: ReturnType<typeof renderCanvas>) => r.sections.map((s) => s.markdown).join('\n');

describe('department canvas rendering', () => {
  it('leaves an Internal update’s text out unless the channel may show it', () => {
    const hidden = renderCanvas(content('INTERNAL'), false);
    expect(text(hidden)).not.toContain('Budget notes');
    expect(text(hidden)).toContain('Latest: an Internal update, shared only with the department.');
    const shown = renderCanvas(content('INTERNAL'), true);
    expect(text(shown)).toContain('Latest: Budget notes');
    expect(shown.hash).not.toBe(hidden.hash);
    expect(text(renderCanvas(content('PUBLIC'), false))).toContain('Latest: Budget notes');
  });

  it('keeps update text from posing as another strategy’s section', () => {
    const rendered = renderCanvas(content('PUBLIC'), false);
    expect(rendered.sections.filter((s) => s.markdown.includes('### 1.2 '))).toHaveLength(0);
  });

  it('hashes the same plan the same way, and a changed section differently', () => {
    const a = renderCanvas(content('PUBLIC'), false);
    expect(renderCanvas(content('PUBLIC'), false)).toEqual(a);
    const changed = content('PUBLIC');
    changed.objectives[0]!.strategies[0]!.status = 'COMPLETED';
    const b = renderCanvas(changed, false);
    expect(b.hash).not.toBe(a.hash);
    expect(b.sectionHashes['### 1.1 ']).not.toBe(a.sectionHashes['### 1.1 ']);
    expect(b.sectionHashes['# ']).toBe(a.sectionHashes['# ']);
  });
});
