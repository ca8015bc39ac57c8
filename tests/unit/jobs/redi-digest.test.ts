// The REDI digest's pure parts: the theme classifier, grouping across departments with
// "may help" hints, never anything INTERNAL, the covered month, and valid Block Kit.
import { describe, expect, it } from 'vitest';
import { composeRediDigest, rediDigestWindow, type RediUpdateRow } from '../../../src/domain/redi-digest.js';
import { classifyThemes, normalizeForThemes, primaryTheme, sharedThemes } from '../../../src/domain/redi-themes.js';
import { validateBlocks } from '../../../src/sandbox/fake-slack/index.js';
import { translator } from '../../../src/slack/i18n/index.js';
import { monthLabel, rediDigestMessages } from '../../../src/slack/features/digests/ui/redi-digest.js';
import { DIGEST_MAX_TEXT, blockTextLength } from '../../../src/slack/features/digests/ui/weekly-digest-split.js';

const ZONE = 'America/Los_Angeles';
const FROM = new Date('2026-11-01T07:00:00Z');
const UNTIL = new Date('2026-12-01T08:00:00Z');
const SECRET = 'ZZ-INTERNAL-ONLY-7731';

const SJCE = { id: 1, code: 'SJCE', name: 'San José Clean Energy' };
const HOUSING = { id: 2, code: 'HOUSING', name: 'Housing' };
const LIB = { id: 3, code: 'LIB', name: 'Library' };

let nextId = 1;
function row(over: Partial<RediUpdateRow> = {}): RediUpdateRow {
  const id = nextId++;
  return {
    id,
    visibility: 'REDI',
    createdAt: new Date('2026-11-10T18:00:00Z'),
    department: SJCE,
    strategy: { id: 100 + id, label: '1.1', text: 'A strategy' },
    practices: '',
    roadblocks: '',
    helpNeeded: '',
    ...over,
  };
}

describe('themes', () => {
  it('recognises the subjects people write about, in English, Spanish and Vietnamese', () => {
    expect(primaryTheme('No Vietnamese legal interpreter available this month.')).toBe('language-access');
    expect(primaryTheme('Faltan intérpretes y traducción al español')).toBe('language-access');
    expect(primaryTheme('Thiếu người phiên dịch tiếng Việt')).toBe('language-access');
    expect(primaryTheme('Captions and screen reader checks for the ADA review')).toBe('disability-access');
    expect(primaryTheme('Holding listening sessions with residents and a community partner')).toBe('community-engagement');
    expect(primaryTheme('Disaggregated the baseline data by ZIP code')).toBe('data');
    expect(primaryTheme('A workshop series and a toolkit for supervisors')).toBe('training');
    expect(primaryTheme('Recruiting bilingual applicants through a new internship')).toBe('workforce');
    expect(primaryTheme('The vendor contract is stuck in procurement')).toBe('procurement');
    expect(primaryTheme('Two vacancies and an overloaded workload on a small staff')).toBe('capacity');
    expect(primaryTheme('Legal review of the opt-in wording has taken three weeks.')).toBe('other');
    expect(primaryTheme('   ')).toBe('other');
  });

  it('matches at word starts and whole words where it must', () => {
    // "adapted" is not the ADA; "data" inside "update" is not data.
    expect(classifyThemes('We adapted the update schedule')).toEqual(['other']);
    expect(normalizeForThemes('Tiếng  Việt ĐƯỜNG')).toBe('tieng viet duong');
    expect(sharedThemes(['language-access', 'data'], ['data', 'other'])).toEqual(['data']);
    expect(sharedThemes(['other'], ['other'])).toEqual([]);
  });
});

describe('composing the month', () => {
  it('never includes an INTERNAL update, whatever it says', () => {
    const digest = composeRediDigest({
      from: FROM,
      until: UNTIL,
      updates: [
        row({ visibility: 'INTERNAL', practices: `Translated everything ${SECRET}`, roadblocks: `interpreter ${SECRET}`, helpNeeded: SECRET }),
        row({ visibility: 'PUBLIC', practices: 'Translated the notices into Spanish.', department: LIB }),
        row({ visibility: 'REDI', roadblocks: 'No Vietnamese interpreter this month.', department: HOUSING }),
      ],
    });
    const text = JSON.stringify(digest);
    expect(text).not.toContain(SECRET);
    expect(digest.practiceCount).toBe(1);
    expect(digest.roadblockCount).toBe(1);
    const messages = rediDigestMessages(translator('en'), digest, { lang: 'en', zone: ZONE, audience: 'channel' });
    expect(JSON.stringify(messages)).not.toContain(SECRET);
  });

  it('groups by theme across departments and points a roadblock to another department’s practice', () => {
    const olderPractice = row({
      createdAt: new Date('2026-06-01T18:00:00Z'), // before the month: not listed, but it may help
      department: SJCE,
      practices: 'Testing the inserts with Vietnamese-speaking customers first caught two confusing translations.',
    });
    const digest = composeRediDigest({
      from: FROM,
      until: UNTIL,
      updates: [
        olderPractice,
        row({
          department: HOUSING,
          roadblocks: 'No Vietnamese legal interpreter available this month.',
          helpNeeded: 'Who has a contract with an interpreter agency?',
        }),
        row({ department: HOUSING, practices: 'Interpreters at every clinic in Spanish.' }), // same department: never a hint to itself
        row({ department: LIB, practices: 'Teens rewrote the survey rubric; response data improved.' }),
        row({ department: LIB, roadblocks: 'Weekend staff cannot attend weekday sessions.', visibility: 'PUBLIC' }),
        row({ department: SJCE, practices: 'Sharing raw data with partners first built trust.', createdAt: new Date('2026-12-01T09:00:00Z') }), // after the month
      ],
    });
    expect(digest.groups.map((g) => [g.theme, g.practices.length, g.roadblocks.length])).toEqual([
      ['language-access', 1, 1],
      ['data', 1, 0],
      ['capacity', 0, 1],
    ]);
    const roadblock = digest.groups[0]!.roadblocks[0]!;
    expect(roadblock.department.code).toBe('HOUSING');
    expect(roadblock.hints.map((h) => [h.department.code, h.theme])).toEqual([['SJCE', 'language-access']]);
    expect(roadblock.hints[0]!.practice.updateId).toBe(olderPractice.id);
    expect(digest.departmentCount).toBe(2);

    const [message, ...rest] = rediDigestMessages(translator('en'), digest, { lang: 'en', zone: ZONE, audience: 'member' });
    expect(rest).toEqual([]);
    expect(validateBlocks(message!.blocks, 'message')).toEqual([]);
    const text = JSON.stringify(message!.blocks);
    expect(text).toContain('REDI digest: November 2026');
    expect(text).toContain('San José Clean Energy shared a practice on language access that may help');
    expect(text).toContain('_Asking for:_ Who has a contract with an interpreter agency?');
    expect(text).toContain('Language access');
    expect(text).toContain('/reap redi leave');

    const es = rediDigestMessages(translator('es'), digest, { lang: 'es', zone: ZONE, audience: 'member' });
    expect(JSON.stringify(es)).toContain('San José Clean Energy compartió una práctica sobre acceso lingüístico que podría ayudar');
    expect(JSON.stringify(es)).toContain('Resumen REDI: noviembre 2026');
    const vi = rediDigestMessages(translator('vi'), digest, { lang: 'vi', zone: ZONE, audience: 'channel' });
    expect(JSON.stringify(vi)).toContain('đã chia sẻ một cách làm hay về tiếp cận ngôn ngữ');
  });

  it('gives at most three hints, one per department, freshest practice first', () => {
    const practices = ['SJCE', 'LIB', 'DOT', 'PRNS'].flatMap((code, i) => [
      row({ department: { id: 10 + i, code, name: code }, practices: `Old translation tip ${code}`, createdAt: new Date('2026-10-01T18:00:00Z') }),
      row({ department: { id: 10 + i, code, name: code }, practices: `New translation tip ${code}`, createdAt: new Date(`2026-11-0${i + 2}T18:00:00Z`) }),
    ]);
    const digest = composeRediDigest({
      from: FROM,
      until: UNTIL,
      updates: [...practices, row({ department: HOUSING, roadblocks: 'We need translation help' })],
    });
    const hints = digest.groups[0]!.roadblocks[0]!.hints;
    expect(hints.map((h) => [h.department.code, h.practice.text])).toEqual([
      ['PRNS', 'New translation tip PRNS'],
      ['DOT', 'New translation tip DOT'],
      ['LIB', 'New translation tip LIB'],
    ]);
  });

  it('prefers the practice closest to the roadblock over a fresher one on the same theme', () => {
    const digest = composeRediDigest({
      from: FROM,
      until: UNTIL,
      updates: [
        row({
          department: SJCE,
          practices: 'Testing inserts with Vietnamese-speaking customers caught confusing terms.',
          createdAt: new Date('2026-07-20T18:00:00Z'),
        }),
        row({ department: SJCE, practices: 'A plain-language one-pager made the baseline easy to share.', createdAt: new Date('2026-10-20T18:00:00Z') }),
        row({ department: HOUSING, roadblocks: 'No Vietnamese legal interpreter available this month.' }),
      ],
    });
    const [hint] = digest.groups.find((g) => g.theme === 'language-access')!.roadblocks[0]!.hints;
    expect(hint!.practice.text).toContain('Vietnamese-speaking customers');
  });

  it('covers the calendar month before the fire, named by that month', () => {
    const w = rediDigestWindow(new Date('2026-12-01T17:00:00Z'), ZONE);
    expect(w).toEqual({ from: new Date('2026-11-01T07:00:00Z'), until: new Date('2026-12-01T08:00:00Z'), month: '2026-11' });
    // Run by hand mid-month: the same month again, so the same idempotency keys.
    expect(rediDigestWindow(new Date('2026-12-15T20:00:00Z'), ZONE).month).toBe('2026-11');
    expect(rediDigestWindow(new Date('2027-01-01T17:00:00Z'), ZONE).month).toBe('2026-12');
    expect(monthLabel(w.from, ZONE, 'vi')).toMatch(/11/);
  });

  it('splits a busy month into several valid messages', () => {
    const departments = Array.from({ length: 40 }, (_, i) => ({ id: 100 + i, code: `D${i}`, name: `Department <${i}> & Co` }));
    const long = 'word '.repeat(200);
    const digest = composeRediDigest({
      from: FROM,
      until: UNTIL,
      updates: departments.flatMap((d) => [
        row({ department: d, practices: `Translation practice ${d.code}: ${long}` }),
        row({ department: d, roadblocks: `Interpreter roadblock ${d.code}: ${long}`, helpNeeded: `Need help ${long}` }),
        row({ department: d, practices: `Data practice ${d.code}: ${long}` }),
      ]),
    });
    const messages = rediDigestMessages(translator('en'), digest, { lang: 'en', zone: ZONE, audience: 'channel' });
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(validateBlocks(m.blocks, 'message')).toEqual([]);
      expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(DIGEST_MAX_TEXT);
    }
    const all = JSON.stringify(messages);
    for (const d of departments) expect(all).toContain(`Interpreter roadblock ${d.code}:`);
    expect(all).toContain('Department &lt;1&gt; &amp; Co');
    expect(messages[1]!.text).toContain('part 2 of');
  });
});
