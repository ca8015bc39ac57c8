// One process at a time in the embedded database's directory: a second one is refused with
// words that say who holds it and what to do; a holder that died (crash, kill -9, a pid
// reused by something else) does not lock the City out of its own data.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, LOCK_FILE, lockDataDir } from '../../src/db/data-dir-lock.js';

let dir: string;
const lockFile = () => path.join(dir, LOCK_FILE);
const holderOf = () => JSON.parse(fs.readFileSync(lockFile(), 'utf8')) as { pid: number; host: string; procStart: string | null };
const startOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};
const writeHolder = (h: Record<string, unknown>) =>
  fs.writeFileSync(lockFile(), JSON.stringify({ host: os.hostname(), since: '2026-11-01T00:00:00.000Z', ...h }));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-lock-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => new Promise<void>((r) => (child.kill('SIGKILL'), child.once('exit', () => r()))) };
}

describe('the data directory lock', () => {
  it('names this process while held and is gone once released', () => {
    const release = lockDataDir(dir);
    expect(holderOf()).toMatchObject({ pid: process.pid, host: os.hostname(), procStart: startOf(process.pid) });
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
    release();
  });

  it('refuses a second holder in the same process until the first lets go', () => {
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
    lockDataDir(dir)();
  });

  it('refuses while another live process holds it, saying which and what to do', async () => {
    const other = sleeper();
    try {
      writeHolder({ pid: other.pid, procStart: startOf(other.pid) });
      let error: unknown;
      try {
        lockDataDir(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirInUseError);
      expect((error as Error).message).toBe(
        `the embedded database in ${dir} is in use by another REAP Tracker process ${other.pid}, since 2026-11-01T00:00:00.000Z. ` +
          'Stop it first; several processes need PostgreSQL (DATABASE_URL=postgres://…). ' +
          `If no such process is running, delete ${lockFile()}.`,
      );
      // Its lock is left exactly as it was.
      expect(holderOf().pid).toBe(other.pid);
    } finally {
      await other.stop();
    }
  });

  it('takes over from a process that died without letting go', async () => {
    const other = sleeper();
    writeHolder({ pid: other.pid, procStart: startOf(other.pid) });
    await other.stop();
    const release = lockDataDir(dir);
    expect(holderOf().pid).toBe(process.pid);
    release();
  });

  it('takes over when the pid now belongs to a different process (reused after a restart)', async () => {
    const other = sleeper();
    try {
      writeHolder({ pid: other.pid, procStart: `${startOf(other.pid)}0` });
      lockDataDir(dir)();
      // This process's own pid, left by an earlier run in a container that restarted: not ours.
      writeHolder({ pid: process.pid, procStart: startOf(process.pid) });
      lockDataDir(dir)();
    } finally {
      await other.stop();
    }
  });

  it('takes over a half-written lock file, and refuses one from another machine', () => {
    fs.writeFileSync(lockFile(), '{"pid": 12');
    lockDataDir(dir)();
    writeHolder({ pid: 4242, host: 'another-host.sanjoseca.gov', procStart: null });
    expect(() => lockDataDir(dir)).toThrow('in use by another REAP Tracker process 4242 on another-host.sanjoseca.gov');
  });

  it('is let go when the process exits without releasing it', () => {
    const script = `import { lockDataDir } from ${JSON.stringify(path.resolve('src/db/data-dir-lock.ts'))}; lockDataDir(${JSON.stringify(dir)}); process.exit(0);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});
