// /reap status messages against Slack's limits, in every language, at sizes no department
// reaches: 50 blocks, 3000 characters a section, about 12,000 characters in all.
import { describe, expect, it } from 'vitest';
import { translator, LANGUAGES } from '../../../src/slack/i18n/index.js';
import { citywideStatusMessage, departmentStatusMessage } from '../../../src/slack/features/status/ui/status-message.js';
import { dueText, slackDate, UPDATE_ACTION_ID } from '../../../src/slack/ui/status-parts.js';
import { MESSAGE_TEXT_BUDGET, allText, buttonsOf, citywide, departmentStatus, slackProblems, statusItem, textLength } from './status-fixtures.js';

describe('department status message', () => {
  it.each(LANGUAGES)('stays within Slack’s limits with 200 strategies in every list (%s)', (lang) => {
    const msg = departmentStatusMessage(translator(lang), departmentStatus(200), { isAdmin: true });
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
    expect(msg.text.length).toBeGreaterThan(0);
  });

  it('shows counts, the three lists with what is left counted, and the last update’s age', () => {
    const msg = departmentStatusMessage(translator('en'), departmentStatus(200));
    const text = allText(msg.blocks);
    expect(text).toContain('San José Public Library & Friends <of> the Library: where things stand');
    expect(text).toContain('*200* active strategies');
    expect(text).toContain(':large_blue_circle: In Progress: *201*');
    expect(text).toContain('*Overdue:* 200');
    expect(text).toContain('*Due in the next 14 days:* 200');
    expect(text).toContain('*No update this quarter:* 200');
    expect(text).toContain('(39 days ago)');
    // Each list shows 7 items and counts the other 193, pointing at /reap plan.
    expect(text.match(/…and 193 more: `\/reap plan LIB` lists them all\./g)).toHaveLength(3);
    expect(text).toContain('strategies need a new owner');
    expect(text).not.toContain('/reap status all');
  });

  it('escapes what people typed and never lets it mention the channel', () => {
    const text = allText(departmentStatusMessage(translator('en'), departmentStatus(3)).blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    // Department names are escaped in mrkdwn but shown as typed in the plain-text header.
    expect(text).toContain('"text":"San José Public Library & Friends <of> the Library: where things stand"');
  });

  it('puts the shared Update button only beside strategies the reader may report on', () => {
    const s = departmentStatus(6);
    const buttons = buttonsOf(departmentStatusMessage(translator('en'), s).blocks);
    const updatable = s.overdue.filter((i) => i.canUpdate).map((i) => String(i.id));
    expect(buttons.every((b) => b.actionId === UPDATE_ACTION_ID)).toBe(true);
    expect(new Set(buttons.map((b) => b.value))).toEqual(new Set(updatable));
    expect(UPDATE_ACTION_ID).toBe('update:open');
  });

  it('says so when a department has no strategies, and points ORSE admins to the citywide view', () => {
    const msg = departmentStatusMessage(translator('es'), departmentStatus(0, 'Human Resources'), { isAdmin: true });
    const text = allText(msg.blocks);
    expect(text).toContain('Human Resources todavía no tiene estrategias activas en REAP Tracker.');
    expect(text).toContain('`/reap status all`');
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
  });
});

describe('department status footer', () => {
  it('invites each reader only to the departments they may see', () => {
    const staff = allText(departmentStatusMessage(translator('en'), departmentStatus(3)).blocks);
    expect(staff).not.toContain('/reap status <');
    expect(staff).not.toContain('Another department');
    expect(staff).toContain('Dates show in your time zone.');

    const manager = allText(departmentStatusMessage(translator('en'), departmentStatus(3), { otherReadable: [{ code: 'LIB' }, { code: 'DOT' }] }).blocks);
    expect(manager).toContain('Your other departments: `/reap status DOT`.');
    expect(manager).not.toContain('/reap status LIB`');
    expect(manager).not.toContain('/reap status <');

    const admin = allText(departmentStatusMessage(translator('vi'), departmentStatus(3), { isAdmin: true }).blocks);
    expect(admin).toContain('`/reap status <tên hoặc mã>`');
    expect(admin).toContain('`/reap status all`');
  });
});

describe('citywide status message', () => {
  it.each(LANGUAGES)('lists sixty departments within Slack’s limits (%s)', (lang) => {
    const msg = citywideStatusMessage(translator(lang), citywide(60));
    expect(slackProblems(msg.blocks, 'message')).toEqual([]);
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(textLength(msg.blocks)).toBeLessThan(MESSAGE_TEXT_BUDGET);
  });

  it('shows each department with work, the silent ones and those without a plan', () => {
    const c = citywide(10);
    const text = allText(citywideStatusMessage(translator('en'), c).blocks);
    expect(text).toContain('Completed/In Progress/Ongoing/Not Started/Deferred');
    expect(text).toContain('*D001XYZW* Department of Very Long Names and Public Works …: 30 · 7/8/7/1/0 · 1 overdue · 39 days ago');
    c.departments[1]!.department.name = 'Parks & <Rec>';
    expect(allText(citywideStatusMessage(translator('en'), c).blocks)).toContain('*D001XYZW* Parks &amp; &lt;Rec&gt;: 30');
    expect(text).toContain('*D003XYZW*');
    expect(text).toContain('no updates');
    expect(text).toContain('Silent this quarter');
    expect(text).toContain('• *D002XYZW*');
    expect(text).toContain('2 departments have no plan in REAP Tracker yet: D000XYZW, D005XYZW.');
  });

  it('celebrates when nobody is silent', () => {
    const c = citywide(3);
    for (const d of c.departments) d.silent = false;
    expect(allText(citywideStatusMessage(translator('vi'), c).blocks)).toContain('Tất cả các sở có việc đang thực hiện đều đã báo cáo quý này.');
  });
});

describe('dates and due phrases', () => {
  it('shows a due date as a Slack date token on the same calendar day everywhere', () => {
    const token = slackDate('2026-11-24');
    const unix = Number(/<!date\^(\d+)\^/.exec(token)![1]);
    expect(new Date(unix * 1000).toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(token.endsWith('^{date_short}|2026-11-24>')).toBe(true);
    // Noon UTC is still the 24th in Honolulu and in Ho Chi Minh City.
    for (const zone of ['Pacific/Honolulu', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh']) {
      expect(new Date(unix * 1000).toLocaleDateString('en-CA', { timeZone: zone })).toBe('2026-11-24');
    }
  });

  it('words overdue, today, tomorrow and later in each language', () => {
    const en = translator('en');
    expect(dueText(en, '2026-11-10', -8)).toMatch(/\(8 days overdue\)$/);
    expect(dueText(en, '2026-11-17', -1)).toMatch(/\(1 day overdue\)$/);
    expect(dueText(en, '2026-11-18', 0)).toMatch(/^due today/);
    expect(dueText(en, '2026-11-19', 1)).toMatch(/\(tomorrow\)$/);
    expect(dueText(en, null, null)).toBe('no due date');
    expect(dueText(translator('es'), '2026-11-21', 3)).toMatch(/\(en 3 días\)$/);
    expect(dueText(translator('vi'), '2026-11-10', -8)).toMatch(/\(quá hạn 8 ngày\)$/);
  });

  it('lists an item with its owner or the need for a new one', () => {
    const msg = departmentStatusMessage(translator('en'), { ...departmentStatus(0), total: 2, overdue: [statusItem(1), statusItem(7)] });
    const text = allText(msg.blocks);
    expect(text).toContain('owner <@U0OWNER1>');
    expect(text).toContain(':warning: needs a new owner');
  });
});
