// Small helpers shared by the benchmarks: percentiles, a table printer, and starting the
// app as a child process until its health check answers.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const REPO = path.resolve(import.meta.dirname, '..');
export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (v: readonly number[]) => percentile(v, 50);

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  console.log(line(cols));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}

export async function postgresReachable(url = POSTGRES_URL): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** A fresh, empty database on the server; returns its URL and a drop function. */
export async function freshPostgresDatabase(url = POSTGRES_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `reap_bench_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const db = new URL(url);
  db.pathname = `/${name}`;
  return { url: db.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export interface StartedProcess {
  child: ChildProcess;
  msToHealthy: number;
  stop: () => Promise<number>;
}

/**
 * Spawns `node --import tsx <args>` (one process, so its RSS is the app's) and polls
 * `healthUrl` until it answers 200.
 */
export async function startUntilHealthy(args: string[], env: NodeJS.ProcessEnv, healthUrl: string, timeoutMs = 60_000): Promise<StartedProcess> {
  const t0 = performance.now();
  // TypeScript entry points run through tsx; compiled ones (dist/*.js) with plain node.
  const loader = args[0]!.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited early (${child.exitCode}): ${stderr.slice(-500)}`);
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error('not healthy in time');
    }
    try {
      const r = await fetch(healthUrl, { signal: AbortSignal.timeout(500) });
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const msToHealthy = performance.now() - t0;
  return {
    child,
    msToHealthy,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time (user + system, every thread) a process has used so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  // USER_HZ is 100 on Linux for every architecture Node supports.
  return ticks * 10;
}

let nextPort = 39_000 + Math.floor(Math.random() * 1000);
export const freePort = () => nextPort++;

export interface BenchTarget {
  /** The Slack request URL (…/slack/events). */
  url: string;
  stop: () => Promise<void>;
}

/** Serves a bare Bolt receiver on a free loopback port: the floor each benchmark compares with. */
export async function serveReceiver(receiver: { requestListener: http.RequestListener }): Promise<BenchTarget> {
  const server = http.createServer(receiver.requestListener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * Starts bench/serve-target.ts in its own process (`BENCH_TARGET=reap|bare` and the rest
 * in `env`) and resolves once it prints the port it listens on.
 */
export async function startTarget(env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<BenchTarget & { pid: number }> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each app under test there (on stop).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(REPO, 'bench', 'serve-target.ts')], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`target not ready in time: ${stderr.slice(-500)}`)), timeoutMs);
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`target exited (${code}): ${stderr.slice(-500)}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The benchmark's side of bench/timing-tap.ts: where to send, and what the tap measured. */
export interface TimingTap {
  /** The Web API base URL to give the app under test (`…/api/`). */
  apiUrl: string;
  /** The tap's address for a target's request URL. */
  via(targetUrl: string): string;
  /** ms from the tap forwarding a request sent with `x-bench-id: id` until the app's answer was back. */
  acks: Map<string, number>;
  /** ms from the tap forwarding the command with this trigger until the app's views.open reached the tap. */
  opens: Map<string, number>;
  /** ms from the tap forwarding the app_home_opened event sent with `x-bench-id: id` until the app's accepted views.publish reached it. */
  publishes: Map<string, number>;
  /** Resolves once every report the tap has sent so far has arrived. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts bench/timing-tap.ts in its own process, in front of the fake Slack at `upstreamOrigin`. */
export async function startTimingTap(upstreamOrigin: string): Promise<TimingTap> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'bench', 'timing-tap.ts')], {
    cwd: REPO,
    env: { ...process.env, TAP_UPSTREAM: upstreamOrigin },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const acks = new Map<string, number>();
  const opens = new Map<string, number>();
  const publishes = new Map<string, number>();
  let flushed: (() => void)[] = [];
  child.on('message', (m: { type: string; id?: string; trigger?: string; ms?: number }) => {
    if (m.type === 'ack') acks.set(m.id!, m.ms!);
    else if (m.type === 'open') opens.set(m.trigger!, m.ms!);
    else if (m.type === 'publish') publishes.set(m.id!, m.ms!);
    else if (m.type === 'flushed') {
      const waiting = flushed;
      flushed = [];
      for (const w of waiting) w();
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /TAP (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`timing tap exited (${code})`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${origin}/api/`,
    via: (targetUrl) => {
      const u = new URL(targetUrl);
      return `${origin}/to/${u.port}${u.pathname}`;
    },
    acks,
    opens,
    publishes,
    flush: () =>
      new Promise<void>((resolve) => {
        flushed.push(resolve);
        child.send({ type: 'flush' });
      }),
    stop: async () => {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.disconnect();
      await exited;
    },
  };
}
