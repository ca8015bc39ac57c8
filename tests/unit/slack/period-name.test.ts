// One name per reporting period, in each language, wherever people read it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../../src/domain/fiscal-calendar.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { periodName } from '../../../src/slack/ui/period-name.js';

describe('periodName', () => {
  it('names quarters and months the same way in every language', () => {
    expect(periodName(translator('en'), 'FY2027-Q2')).toBe('FY 2026-27 Q2');
    expect(periodName(translator('es'), 'FY2027-Q2')).toBe('AF 2026-27 T2');
    expect(periodName(translator('vi'), 'FY2027-Q2')).toBe('NTC 2026-27 Quý 2');
    expect(periodName(translator('en'), parsePeriodKey('FY2027-M05')!)).toBe('FY 2026-27 November');
    expect(periodName(translator('es'), 'FY2027-M07')).toBe('AF 2026-27 enero');
    expect(periodName(translator('vi'), 'FY2027-M05')).toBe('NTC 2026-27 Tháng 11');
    expect(periodName(translator('en'), 'FY2100-Q4')).toBe('FY 2099-00 Q4');
  });

  it('is the only place that names a period: no message builder shows a stored key or builds its own name', () => {
    const dir = join(import.meta.dirname, '../../../src/slack/ui');
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'period-name.ts')) {
      const text = readFileSync(join(dir, file), 'utf8');
      // A period or quarter passed to a message as its raw key ("FY2027-Q2").
      for (const m of text.matchAll(/(period|quarter): [\w.]*(periodKey|period\.key|quarter\.key|quarterKey)\b/g)) offenders.push(`${file}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
