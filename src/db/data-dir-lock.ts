// One process at a time in an embedded database's directory. PGlite keeps Postgres's pages
// in the memory of the process that opened them and has no lock of its own, so a second
// process on the same directory (say `reap import` while the app runs) would write over the
// first one's pages and corrupt the City's data. PostgreSQL's own answer is postmaster.pid;
// this is the same idea: a file naming the process that holds the directory, refused to
// others while that process lives, taken over when it does not (a crash, a kill -9).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'reap-tracker.pid';

interface Holder {
  pid: number;
  host: string;
  /** The process's start time as /proc/<pid>/stat gives it (Linux), to tell a reused pid apart. */
  procStart: string | null;
  since: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    const who = holder.host === os.hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
    super(
      `the embedded database in ${dataDir} is in use by another REAP Tracker ${who}, since ${holder.since}. ` +
        `Stop it first; several processes need PostgreSQL (DATABASE_URL=postgres://…). ` +
        `If no such process is running, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** Directories this process holds: its own pid in a lock file means "ours" only if listed here. */
const heldHere = new Set<string>();

function processStart(pid: number): string | null {
  try {
    // Field 22 (starttime) follows the command name, which is in parentheses and may hold spaces.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: Holder, dataDir: string): boolean {
  // Another machine (a shared disk): its processes cannot be checked from here.
  if (holder.host !== os.hostname()) return true;
  if (holder.pid === process.pid) return heldHere.has(dataDir);
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: it exists, under another user.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid may have been reused since (after a reboot, in a new container).
  const start = processStart(holder.pid);
  return holder.procStart === null || start === null || start === holder.procStart;
}

function readHolder(file: string): { raw: string; holder: Holder | null } | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const h = JSON.parse(raw) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string') {
      return { raw, holder: { pid: h.pid, host: h.host, procStart: typeof h.procStart === 'string' ? h.procStart : null, since: String(h.since ?? '') } };
    }
  } catch {
    // Half-written by a process that died while writing it: nobody holds the directory.
  }
  return { raw, holder: null };
}

/**
 * Takes the directory for this process, or throws DataDirInUseError naming who has it.
 * Returns the release, which is also run if the process exits without calling it.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, host: os.hostname(), procStart: processStart(process.pid), since: new Date().toISOString() };
  const content = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
      heldHere.add(dir);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(dir);
        process.off('exit', release);
        // Only our own lock: never one another process has taken over since.
        if (readHolder(file)?.raw === content) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const found = readHolder(file);
    if (!found) continue;
    if (found.holder && isAlive(found.holder, dir)) throw new DataDirInUseError(dir, found.holder);
    // A dead holder's file. Renaming is atomic, so of two processes taking over at once only
    // one moves it; if what we moved is not the file we judged (the other one's fresh lock),
    // it goes back, without replacing anything written meanwhile, and we look again.
    const aside = `${file}.${process.pid}.stale`;
    try {
      fs.renameSync(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    if (readHolder(aside)?.raw !== found.raw) {
      try {
        fs.linkSync(aside, file);
      } catch {
        // Someone wrote a lock meanwhile; theirs stands.
      }
    }
    fs.rmSync(aside, { force: true });
  }
  const found = readHolder(file);
  throw new DataDirInUseError(dir, found?.holder ?? { pid: 0, host: 'unknown', procStart: null, since: 'unknown' });
}
