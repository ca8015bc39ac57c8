// /reap report's words: what the acknowledgement says before any database work, and the
// summary posted with the files.
import { describe, expect, it } from 'vitest';
import { buildReportTable } from '../../../src/domain/report-table.js';
import { annualRequest, countsOf, reportRequest } from '../../../src/slack/features/report/report-command.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { preparingText, reportSummaryText } from '../../../src/slack/features/report/ui/report-message.js';

describe('/reap report acknowledgement', () => {
  it('names the fiscal year and department as typed', () => {
    const en = translator('en');
    expect(preparingText(en, reportRequest(''))).toBe('Preparing the latest ORSE work-plan table…');
    expect(preparingText(en, reportRequest('FY2023-2024'))).toBe('Preparing the FY 2023-2024 table…');
    expect(preparingText(en, reportRequest('FY 2023-24'))).toBe('Preparing the FY 2023-2024 table…');
    expect(preparingText(en, reportRequest('FY2024-2026 library'))).toBe('Preparing the FY 2024-2026 table for “library”…');
    expect(preparingText(en, reportRequest('LIB-FY2024-2026'))).toBe('Preparing the FY 2024-2026 table for “LIB”…');
    expect(preparingText(en, reportRequest('<!channel>'))).toBe('Preparing the table for “&lt;!channel&gt;”…');
    expect(preparingText(translator('es'), reportRequest('FY2023-2024'))).toBe('Preparando la tabla de FY 2023-2024…');
    expect(preparingText(translator('vi'), reportRequest(''))).toBe('Đang chuẩn bị bảng kế hoạch làm việc mới nhất của ORSE…');
  });
});

describe('/reap report summary', () => {
  const table = buildReportTable({
    title: 'Office of Racial Equity Work Plan July 2023-June 2024',
    objectives: [
      {
        number: 1,
        title: 'Normalize',
        strategies: [
          { number: 1, text: 'a', status: 'COMPLETED', performanceMeasures: '', outputs: '' },
          { number: 2, text: 'b', status: 'COMPLETED', performanceMeasures: '', outputs: '' },
          { number: 3, text: 'c', status: 'IN_PROGRESS', performanceMeasures: '', outputs: '' },
        ],
      },
      { number: 2, title: 'Organize', strategies: [{ number: 1, text: 'd', status: 'NOT_STARTED', performanceMeasures: '', outputs: '' }] },
    ],
  });

  it('counts strategies by status from the table’s Progress column', () => {
    expect(countsOf(table)).toEqual({ COMPLETED: 2, IN_PROGRESS: 1, ONGOING: 0, NOT_STARTED: 1, DEFERRED: 0 });
  });

  it('says what was posted, how it stands and who asked', () => {
    const text = reportSummaryText(translator('en'), { title: table.title, period: 'FY 2023-2024', byStatus: countsOf(table), requestedBy: 'U0LIB03' });
    expect(text).toBe(
      '*Office of Racial Equity Work Plan July 2023-June 2024* (FY 2023-2024): 4 strategies · :white_check_mark: Completed 2 · :large_blue_circle: In Progress 1 · :white_circle: Not Started 1\n' +
        'Requested by <@U0LIB03>. Columns: Objectives & Strategies | Progress | Performance Measures | Outputs.',
    );
    expect(reportSummaryText(translator('vi'), { title: 'T', period: 'FY 2024-2026', byStatus: countsOf(table), requestedBy: 'U1' })).toContain('4 chiến lược');
  });

  it('reads "annual <FY> [lang]" as the annual report draft, and anything else as a table', () => {
    expect(annualRequest('annual FY2023-2024')).toEqual({ ref: 'FY2023-2024', lang: null });
    expect(annualRequest('Annual FY 2023-24 VI')).toEqual({ ref: 'FY 2023-24', lang: 'vi' });
    expect(annualRequest('annual')).toEqual({ ref: '', lang: null });
    expect(annualRequest('FY2023-2024')).toBeNull();
    expect(annualRequest('annually FY2024')).toBeNull();
  });
});
