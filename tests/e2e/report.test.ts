// /reap report: the work-plan table uploaded as CSV and Markdown files to the channel the
// command came from. The FY 2023-2024 CSV must be the table of ORSE's annual report, row for
// row: it is read back from the fake Slack and compared with the rows parsed straight from
// the seed document (not from the seed's constant).
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedTableRows, SEED_MEMO_PATH as SOURCE } from '../support/seed-work-plan-table.js';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const GENERAL = 'C0GENERAL';
const PRIVATE = 'G0PRIVATE';
const LIBRARY = 'C0LIBRARY';
const LIB_STAFF = 'U0LIB03';
const DOT_STAFF = 'U0DOT02'; // Spanish

describe('/reap report', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
    // A private channel the app was never invited to.
    app.fake.addChannel({ id: PRIVATE, name: 'lib-leadership', is_private: true, members: [LIB_STAFF] });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function report(user: string, channel: string, text: string) {
    const posts = app.fake.messages(channel).length;
    const res = await app.driver.slashCommand({ user, channel, text: `report ${text}`.trim() });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    return { res, posts };
  }

  async function uploadedPost(channel: string, after: number) {
    const post = await app.fake.waitFor(
      () =>
        app.fake
          .messages(channel)
          .slice(after)
          .find((m) => (m.files?.length ?? 0) > 0),
      10_000,
      'the upload',
    );
    const files = post.files!;
    const csv = files.find((f) => f.name.endsWith('.csv'))!;
    const md = files.find((f) => f.name.endsWith('.md'))!;
    return { post, csv, md, csvText: app.fake.fileText(csv.id)!, mdText: app.fake.fileText(md.id)! };
  }

  it('reproduces the FY 2023-2024 table of the annual report row for row', async () => {
    const { res, posts } = await report(LIB_STAFF, GENERAL, 'FY2023-2024');
    // Acknowledged at once with what is being prepared.
    expect(JSON.stringify(res.json)).toContain('Preparing the FY 2023-2024 table…');

    const { post, csv, md, csvText, mdText } = await uploadedPost(GENERAL, posts);
    expect(csv.name).toBe('ORSE-FY2023-2024.csv');
    expect(md.name).toBe('ORSE-FY2023-2024.md');
    expect(app.fake.files().find((f) => f.id === csv.id)?.channels).toEqual([GENERAL]);

    const [header, ...rows] = parse(csvText, { relax_column_count: false }) as string[][];
    expect(header).toEqual(['Objectives & Strategies', 'Progress', 'Performance Measures', 'Outputs']);
    const expected = seedTableRows(fs.readFileSync(SOURCE, 'utf8'));
    expect(expected).toHaveLength(4 + 26);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => expect({ row: i + 1, cells: row }).toEqual({ row: i + 1, cells: expected[i] }));

    // The Markdown file is the same table.
    const mdLines = mdText.trimEnd().split('\n');
    expect(mdLines[0]).toBe('| Objectives & Strategies | Progress | Performance Measures | Outputs |');
    expect(mdLines).toHaveLength(2 + expected.length);
    expect(mdLines[2]).toContain('Objective 1: Normalize and culturalize racial equity');

    // The summary posted with the files: counts by status, who asked.
    expect(post.text).toContain('Office of Racial Equity Work Plan July 2023-June 2024');
    expect(post.text).toContain('26 strategies');
    expect(post.text).toContain(':white_check_mark: Completed 17');
    expect(post.text).toContain(`<@${LIB_STAFF}>`);
    // "Preparing…" is not the last word: an answer says where the report went.
    await app.fake.waitFor(
      () => app.fake.ephemerals(LIB_STAFF).find((e) => e.text.includes('is posted in this channel as a CSV and a Markdown file')),
      5000,
      'the done note',
    );
  });

  it('with no year, posts the latest ORSE work plan', async () => {
    const { res, posts } = await report(LIB_STAFF, GENERAL, '');
    expect(JSON.stringify(res.json)).toContain('Preparing the latest ORSE work-plan table…');
    const { csv } = await uploadedPost(GENERAL, posts);
    expect(csv.name).toBe('ORSE-FY2023-2024.csv');
  });

  it("posts a department REAP table in that department's channel, and refuses it to others in words", async () => {
    const { res, posts } = await report(LIB_STAFF, LIBRARY, 'FY2024-2026 library');
    expect(JSON.stringify(res.json)).toContain('Preparing the FY 2024-2026 table for “library”…');
    const { csv, csvText } = await uploadedPost(LIBRARY, posts);
    expect(csv.name).toBe('LIB-FY2024-2026.csv');
    const rows = parse(csvText) as string[][];
    const lib = await app.db.prisma.strategy.count({ where: { archivedAt: null, objective: { plan: { key: 'LIB-FY2024-2026' } } } });
    expect(rows.filter((r) => /^\d+\. /.test(r[0]!))).toHaveLength(lib);

    const before = app.fake.ephemerals(DOT_STAFF).length;
    const refused = await report(DOT_STAFF, GENERAL, 'FY2024-2026 library');
    expect(JSON.stringify(refused.res.json)).toContain('Preparando la tabla de FY 2024-2026 para “library”…');
    const answer = await app.fake.waitFor(() => app.fake.ephemerals(DOT_STAFF).slice(before + 1)[0], 5000, 'the refusal');
    expect(answer.text).toContain('Solo puede ver el plan de su propio departamento');
    expect(app.fake.messages(GENERAL).length).toBe(refused.posts);
  });

  it('sends a department REAP asked for in another channel to the person alone, and says so', async () => {
    const dm = app.fake.dmChannelId(LIB_STAFF);
    const dmPosts = app.fake.messages(dm).length;
    const before = app.fake.ephemerals(LIB_STAFF).length;
    const { posts } = await report(LIB_STAFF, GENERAL, 'FY2024-2026 library');
    const { csv } = await uploadedPost(dm, dmPosts);
    expect(csv.name).toBe('LIB-FY2024-2026.csv');
    expect(app.fake.files().find((f) => f.id === csv.id)?.channels).toEqual([dm]);
    const told = await app.fake.waitFor(() => app.fake.ephemerals(LIB_STAFF).slice(before + 1)[0], 5000, 'the note');
    expect(told.channel).toBe(GENERAL);
    expect(told.text).toContain('I sent *San José Public Library Racial Equity Action Plan FY 2024-2026* to you');
    expect(told.text).toContain('direct message');
    // Nothing of the department's plan appeared in the public channel.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.fake.messages(GENERAL).length).toBe(posts);
  });

  it('says clearly when the app cannot post in a private channel', async () => {
    const before = app.fake.ephemerals(LIB_STAFF).length;
    const { posts } = await report(LIB_STAFF, PRIVATE, 'FY2023-2024');
    const answer = await app.fake.waitFor(() => app.fake.ephemerals(LIB_STAFF).slice(before + 1)[0], 10_000, 'the upload failure');
    expect(answer.channel).toBe(PRIVATE);
    expect(answer.text).toContain('I’m not a member of this channel');
    expect(app.fake.messages(PRIVATE).length).toBe(posts);
    // Slack refused the share; nothing was posted anywhere.
    app.driver.assertNoViolations({ allow: ['not_in_channel', 'channel_not_found'] });
    app.fake.clearViolations();
  });

  it('answers an unknown year with the plans that exist', async () => {
    const before = app.fake.ephemerals(LIB_STAFF).length;
    await report(LIB_STAFF, GENERAL, 'FY2019-2020');
    const answer = await app.fake.waitFor(() => app.fake.ephemerals(LIB_STAFF).slice(before + 1)[0], 5000, 'the not-found answer');
    expect(answer.text).toContain('I couldn’t find a plan for “FY2019-2020”');
    expect(answer.text).toContain('ORSE-FY2023-2024');
  });
});
