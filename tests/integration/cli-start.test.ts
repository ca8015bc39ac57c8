// How the process behaves for an operator: one clear line and a non-zero exit for a bad
// setting or an unreachable database, and a clean exit on SIGTERM.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { LOCK_FILE } from '../../src/db/data-dir-lock.js';
import { createFakeSlack, type FakeSlack } from '../../src/sandbox/fake-slack/index.js';
import { PGLITE_TEMPLATE_ENV } from '../support/database-templates.js';
import { freePortBelowEphemeralRange } from '../support/free-port.js';
import { createTestDatabase, dropTestDatabase, type TestDatabase } from '../support/test-db.js';

const repo = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function reap(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: repo, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * A data directory holding the run's migrated template. Creating a cluster runs initdb
 * and every migration (10 s and more on a busy 2-core machine), which these tests do not
 * test: they start the app on a directory that already has a database.
 */
async function migratedDataDir(prefix: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const template = process.env[PGLITE_TEMPLATE_ENV];
  const db = await openDatabase({ kind: 'pglite', dataDir: dir, ...(template ? { fromDump: template } : {}) });
  await db.close();
  return dir;
}

/** `reap start` in a child process, once /healthz answers 200 (within `tries` × 100 ms). */
async function startUntilHealthy(env: NodeJS.ProcessEnv, port: number, tries: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], { cwd: repo, env, stdio: 'ignore' });
  let gone = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      gone = true;
      resolve(code);
    }),
  );
  let healthy = false;
  // A child that exited (a port taken, a bad setting) will not become healthy: stop asking.
  for (let i = 0; i < tries && !healthy && !gone; i++) {
    await new Promise((r) => setTimeout(r, 100));
    healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
  }
  return { child, exited, healthy };
}

describe('reap start', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  beforeAll(async () => {
    fake = await createFakeSlack().start();
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await fake?.stop();
    await dropTestDatabase(db);
  });
  const slack = () => ({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: 'x', SLACK_API_URL: fake.url, LOG_LEVEL: 'silent' });

  it('stops with one line when the database is down', async () => {
    const r = await reap(['start'], { ...slack(), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/reap' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^reap: cannot reach PostgreSQL at 127\.0\.0\.1:1\/reap: .*ECONNREFUSED/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops with one line when its port is taken', async () => {
    const taken = http.createServer();
    const port = await freePortBelowEphemeralRange();
    await new Promise<void>((r) => taken.listen(port, '127.0.0.1', () => r()));
    try {
      const r = await reap(['start'], { ...slack(), DATABASE_URL: 'pglite:memory', PORT: String(port), HOST: '127.0.0.1' });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(new RegExp(`^reap: cannot listen on port ${port}: .*EADDRINUSE`));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
  });

  it('stops with one line naming a wrong DATABASE_URL scheme', async () => {
    const r = await reap(['migrate'], { DATABASE_URL: 'mysql://root@127.0.0.1/reap' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'reap: DATABASE_URL is invalid: expected unset, pglite:<dir>, pglite:memory or postgres://user@host:port/db (got "mysql://root@127.0.0.1/reap")',
    );
  });

  it('stops with one line naming a wrong schedule override, before anything listens', async () => {
    const r = await reap(['start'], { ...slack(), DATABASE_URL: 'pglite:memory', REAP_CRON_WEEKLY_DIGEST: '0 8 * *' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^reap: REAP_CRON_WEEKLY_DIGEST is invalid: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops with one line when Slack rejects the bot token', async () => {
    fake.revokeToken();
    try {
      const r = await reap(['start'], { ...slack(), DATABASE_URL: 'pglite:memory' });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/^reap: Slack rejected SLACK_BOT_TOKEN \((invalid_auth|token_revoked)\)/);
    } finally {
      fake.addToken(fake.botToken);
    }
  });

  it('loads the demo data into an empty database when REAP_SEED_DEMO is true', async () => {
    const dir = await migratedDataDir('reap-seed-demo-');
    const port = await freePortBelowEphemeralRange();
    const env = { ...process.env, ...slack(), DATABASE_URL: `pglite:${dir}`, PORT: String(port), HOST: '127.0.0.1', REAP_SEED_DEMO: 'true' };
    const { child, exited, healthy } = await startUntilHealthy(env, port, 900);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(healthy).toBe(true);
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      expect(await db.prisma.department.count()).toBe(11);
      expect(await db.prisma.plan.count({ where: { key: 'ORSE-FY2023-2024' } })).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('refuses to run the sandbox on a PostgreSQL server without Slack credentials, in one line', async () => {
    const r = await reap(['start'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/reap_production',
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      LOG_LEVEL: 'silent',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^reap: DATABASE_URL names a PostgreSQL server but no Slack credentials are set.*REAP_SANDBOX_ALLOW_DATABASE=true/);
  });

  it('refuses to run the sandbox on a data directory that served real Slack', async () => {
    const dir = await migratedDataDir('reap-served-');
    const port = await freePortBelowEphemeralRange();
    const env = { ...process.env, ...slack(), DATABASE_URL: `pglite:${dir}`, PORT: String(port), HOST: '127.0.0.1' };
    const served = await startUntilHealthy(env, port, 900);
    expect(served.healthy).toBe(true);
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);

    const r = await reap(['start'], {
      DATABASE_URL: `pglite:${dir}`,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^reap: this database served a real Slack workspace \(last start \d{4}-\d\d-\d\dT/);
    // Nothing was delivered anywhere: the pending outbox is untouched.
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(await again.prisma.outboxMessage.count({ where: { status: 'FAILED' } })).toBe(0);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves until SIGTERM, then finishes and exits 0', async () => {
    const port = await freePortBelowEphemeralRange();
    const env = { ...process.env, ...slack(), DATABASE_URL: db.url ?? 'pglite:memory', PORT: String(port), HOST: '127.0.0.1' };
    const { child, exited, healthy } = await startUntilHealthy(env, port, 600);
    expect(healthy).toBe(true);
    const t0 = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('finishes its shutdown when the signal comes twice, and leaves the data directory free', async () => {
    // Ctrl-C reaches every process of the terminal's group, and npm and tsx pass theirs on.
    const dir = await migratedDataDir('reap-twice-');
    const port = await freePortBelowEphemeralRange();
    const env = { ...process.env, ...slack(), DATABASE_URL: `pglite:${dir}`, PORT: String(port), HOST: '127.0.0.1' };
    const { child, exited, healthy } = await startUntilHealthy(env, port, 900);
    expect(healthy).toBe(true);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
