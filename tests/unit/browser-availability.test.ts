import { describe, expect, it } from 'vitest';
import { browserTestPlan, SKIP_LINE } from '../support/browser-availability.js';

const none = () => false;
const found = () => true;

describe('whether npm test runs the browser tests', () => {
  it('runs them when Chromium is installed', () => {
    expect(browserTestPlan({}, found)).toEqual({ run: true });
  });

  it("leaves them out with one line saying how to install Chromium on a newcomer's machine", () => {
    expect(browserTestPlan({}, none)).toEqual({ run: false, message: SKIP_LINE });
    expect(SKIP_LINE).toBe('browser tests skipped: no Chromium found; apt-get install chromium (or set CHROMIUM_PATH)');
    expect(browserTestPlan({ CI: 'false' }, none).run).toBe(false);
  });

  it('always runs them in CI, so a missing browser fails there', () => {
    expect(browserTestPlan({ CI: 'true' }, none)).toEqual({ run: true });
    expect(browserTestPlan({ CI: '1' }, none)).toEqual({ run: true });
  });

  it('looks where CHROMIUM_PATH says', () => {
    const seen: string[] = [];
    browserTestPlan({ CHROMIUM_PATH: '/opt/chrome/chrome' }, (p) => (seen.push(p), true));
    expect(seen).toEqual(['/opt/chrome/chrome']);
  });
});
