// /reap report annual FY2023-2024: an ORSE admin gets the annual report draft in a direct
// message as a Markdown and an HTML file, in their language; staff are refused in words,
// the refusal is audited, and nothing is sent to them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startListenerApp, type ListenerApp } from '../support/listener-app.js';

const NOW = new Date('2026-11-18T17:00:00Z');
const GENERAL = 'C0GENERAL';
const ADMIN = 'U0ORSE01'; // ORSE admin, Spanish
const ADMIN_VI = 'U0ORSE02'; // ORSE admin, Vietnamese
const STAFF = 'U0LIB03';

describe('/reap report annual', () => {
  let app: ListenerApp;
  beforeAll(async () => {
    app = await startListenerApp({ now: () => NOW });
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    app.driver.assertNoViolations();
  });

  async function run(user: string, text: string) {
    const before = app.fake.ephemerals(user).length;
    const res = await app.driver.slashCommand({ user, channel: GENERAL, text });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    return { res, before };
  }

  it('sends an ORSE admin the draft as two files in a direct message, in their language', async () => {
    const dm = app.fake.dmChannelId(ADMIN);
    const dmPosts = app.fake.messages(dm).length;
    const generalPosts = app.fake.messages(GENERAL).length;
    const { res, before } = await run(ADMIN, 'report annual FY2023-2024');
    expect(JSON.stringify(res.json)).toContain('Preparando el borrador del informe anual de FY 2023-2024…');

    const post = await app.fake.waitFor(
      () =>
        app.fake
          .messages(dm)
          .slice(dmPosts)
          .find((m) => (m.files?.length ?? 0) > 0),
      15_000,
      'the draft',
    );
    const files = post.files!;
    expect(files.map((f) => f.name).sort()).toEqual(['ORSE-FY2023-2024-annual-report-draft.es.html', 'ORSE-FY2023-2024-annual-report-draft.es.md']);
    for (const f of files) expect(app.fake.files().find((x) => x.id === f.id)?.channels).toEqual([dm]);
    expect(post.text).toContain('revíselo y edítelo antes de publicarlo');

    const md = app.fake.fileText(files.find((f) => f.name.endsWith('.md'))!.id)!;
    expect(md).toContain('# Informe anual FY 2023-2024: Office of Racial Equity Work Plan July 2023-June 2024');
    expect(md).toContain('Borrador generado por REAP Tracker el 18 de noviembre de 2026');
    for (const n of [1, 2, 3, 4]) expect(md).toContain(`## Objetivo ${n}: `);
    const html = app.fake.fileText(files.find((f) => f.name.endsWith('.html'))!.id)!;
    expect(html).toContain('<html lang="es">');

    // "Preparing…" gives way to where the draft went; nothing was posted in the channel.
    const done = await app.fake.waitFor(
      () =>
        app.fake
          .ephemerals(ADMIN)
          .slice(before)
          .find((e) => e.text.includes('mensaje directo')),
      5000,
      'the done note',
    );
    expect(done.text).toContain('Listo: le envié el borrador de *Informe anual FY 2023-2024');
    expect(app.fake.messages(GENERAL).length).toBe(generalPosts);
  });

  it('writes the draft in the language named at the end of the command', async () => {
    const dm = app.fake.dmChannelId(ADMIN_VI);
    const dmPosts = app.fake.messages(dm).length;
    const { res } = await run(ADMIN_VI, 'report annual FY 2023-24 en');
    expect(JSON.stringify(res.json)).toContain('Đang chuẩn bị bản nháp báo cáo thường niên FY 2023-2024…');
    const post = await app.fake.waitFor(
      () =>
        app.fake
          .messages(dm)
          .slice(dmPosts)
          .find((m) => (m.files?.length ?? 0) > 0),
      15_000,
      'the draft',
    );
    expect(post.files!.map((f) => f.name).sort()).toEqual(['ORSE-FY2023-2024-annual-report-draft.en.html', 'ORSE-FY2023-2024-annual-report-draft.en.md']);
  });

  it('refuses staff in words, audits it and sends nothing', async () => {
    const dm = app.fake.dmChannelId(STAFF);
    const dmPosts = app.fake.messages(dm).length;
    const files = app.fake.files().length;
    const { res, before } = await run(STAFF, 'report annual FY2023-2024');
    expect(JSON.stringify(res.json)).toContain('Preparing the FY 2023-2024 annual report draft…');
    const refusal = await app.fake.waitFor(() => app.fake.ephemerals(STAFF).slice(before + 1)[0], 5000, 'the refusal');
    expect(refusal.text).toContain('Only ORSE admins can do this.');
    const audit = await app.db.prisma.auditLog.findFirst({ where: { actor: STAFF, action: 'authz.denied' }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toBe('report.annual');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.fake.messages(dm).length).toBe(dmPosts);
    expect(app.fake.files().length).toBe(files);
  });

  it('asks for the fiscal year when none is given', async () => {
    const { res } = await run(STAFF, 'report annual');
    expect(JSON.stringify(res.json)).toContain('/reap report annual FY2023-2024');
  });
});
