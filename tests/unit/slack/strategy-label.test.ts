// A citywide plan's strategy sits in its lead department's lists next to the department's
// own REAP strategies, which may carry the same number: its label names its plan.
import { describe, expect, it } from 'vitest';
import { WELCOMING_SAN_JOSE_PLAN } from '../../../src/db/seed/welcoming-san-jose-plan.js';
import { LANGUAGES, translator } from '../../../src/slack/i18n/index.js';
import { strategyHeadline, updateButton } from '../../../src/slack/ui/status-parts.js';
import { PLAN_NAME_MAX, planShortName, strategyLabelText } from '../../../src/slack/ui/strategy-label.js';

const welcoming = WELCOMING_SAN_JOSE_PLAN.title;

describe('strategyLabelText', () => {
  it('leaves a department plan’s label as it was, in every language', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      expect(strategyLabelText(t, { label: '2.1' })).toBe('2.1');
      expect(strategyLabelText(t, { label: '2.1', citywidePlan: null })).toBe('2.1');
    }
  });

  it('names a citywide plan by its title up to the subtitle, in every language', () => {
    expect(strategyLabelText(translator('en'), { label: '2.1', citywidePlan: welcoming })).toBe('2.1 (Welcoming San José Plan 2.0)');
    // The plan's name is its own and is not translated.
    expect(strategyLabelText(translator('es'), { label: '2.1', citywidePlan: welcoming })).toBe('2.1 (Welcoming San José Plan 2.0)');
    expect(strategyLabelText(translator('vi'), { label: '2.1', citywidePlan: welcoming })).toBe('2.1 (Welcoming San José Plan 2.0)');
  });

  it('cuts a long title without a subtitle, and keeps one line', () => {
    const long = `Citywide Language Access and Digital Inclusion Plan for Every Neighborhood ${'x'.repeat(200)}`;
    const name = planShortName(long);
    expect(Array.from(name)).toHaveLength(PLAN_NAME_MAX);
    expect(name).toBe('Citywide Language Access and Di…');
    expect(planShortName('Digital\n  Equity   Plan')).toBe('Digital Equity Plan');
    // A title that starts with its colon keeps the title.
    expect(planShortName(': Digital Equity')).toBe(': Digital Equity');
  });

  it('fits an accessibility label (75 characters) whole in every language', () => {
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      const a11y = updateButton(t, 7, { label: '12.10', citywidePlan: welcoming }).accessibility_label!;
      expect(a11y.length).toBeLessThanOrEqual(75);
      expect(a11y).toContain('12.10 (Welcoming San José Plan 2.0)');
    }
  });

  it('is escaped in mrkdwn: a plan title is text people typed', () => {
    const line = strategyHeadline(translator('en'), { label: '1.1', citywidePlan: 'Parks <& Trails>: 2025', text: 'Signs' });
    expect(line).toBe('*1.1 (Parks &lt;&amp; Trails&gt;)* Signs');
  });
});
