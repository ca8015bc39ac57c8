// The production shape: `npm run build` output started with plain node, and the
// Dockerfile's own steps. No container engine runs on the City's build machines, so unless
// one answers, the Dockerfile's build-stage RUN commands are run as written in a clean copy
// of the files it copies, and the result is started the way the image's CMD starts it,
// with production dependencies only.
import { execFileSync, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePortBelowEphemeralRange } from '../support/free-port.js';

const repo = path.resolve(import.meta.dirname, '../..');
const dockerfile = fs.readFileSync(path.join(repo, 'Dockerfile'), 'utf8');

interface Stage {
  name: string | null;
  copies: Array<{ from: string | null; sources: string[]; target: string }>;
  runs: string[];
  cmd: string[] | null;
}

/** The Dockerfile's stages with their COPY, RUN and CMD instructions (continuations joined). */
function stages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const out: Stage[] = [];
  for (const line of lines) {
    const [op, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op === 'FROM') out.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? null, copies: [], runs: [], cmd: null });
    const stage = out.at(-1)!;
    if (op === 'RUN') stage.runs.push(args);
    if (op === 'CMD') stage.cmd = JSON.parse(args) as string[];
    if (op === 'COPY') {
      const parts = rest.filter((p) => !p.startsWith('--chown'));
      const from = parts[0]?.startsWith('--from=') ? parts.shift()!.slice('--from='.length) : null;
      stage.copies.push({ from, sources: parts.slice(0, -1), target: parts.at(-1)! });
    }
  }
  return out;
}

function containerEngine(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

async function untilHealthy(port: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** Starts the image's CMD in `dir` (the sandbox, on an in-memory database), checks it, stops it. */
async function startLikeTheImage(dir: string, cmd: string[]) {
  const port = await freePortBelowEphemeralRange();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: 'pglite:memory', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  const child = spawn(cmd[0]!, cmd.slice(1), { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const healthy = await untilHealthy(port, 90_000);
    expect({ healthy, stderr: stderr.slice(-2000) }).toEqual({ healthy: true, stderr: expect.any(String) });
    // The public port refuses what Slack never sends, from compiled code too.
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`)).status).toBe(405);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
}

describe('the production build', () => {
  const temp: string[] = [];
  afterAll(() => {
    for (const dir of temp) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a build stage and a non-root run stage with a health check', () => {
    const [build, run] = stages(dockerfile);
    expect(build!.name).toBe('build');
    expect(run!.cmd).toEqual(['node', 'dist/main.js', 'start']);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile.replace(/\\\n\s*/g, ' ')).toMatch(/^HEALTHCHECK .*\/healthz/m);
    // Nothing of the build's tools reaches the image: only what the run stage copies.
    expect(run!.copies.filter((c) => c.from === 'build').flatMap((c) => c.sources)).toEqual([
      '/app/package.json',
      '/app/node_modules',
      '/app/dist',
      '/app/prisma/migrations',
    ]);
  });

  it('runs on the Node.js LTS line that CI tests (.nvmrc)', () => {
    const lts = fs.readFileSync(path.join(repo, '.nvmrc'), 'utf8').trim();
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(bases).toEqual([`node:${lts}-bookworm-slim`, `node:${lts}-bookworm-slim`]);
  });

  it(
    "builds with the Dockerfile's commands and serves from dist/ with production dependencies only",
    async () => {
      if (containerEngine()) {
        execFileSync('docker', ['build', '-t', 'reap-tracker:test', repo], { stdio: 'inherit', timeout: 20 * 60_000 });
        return;
      }
      const [build, run] = stages(dockerfile);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-image-'));
      temp.push(dir);
      const ignored = fs.readFileSync(path.join(repo, '.dockerignore'), 'utf8').split('\n').filter(Boolean);
      for (const copy of build!.copies) {
        for (const source of copy.sources) {
          const target =
            copy.target.endsWith('/') || copy.sources.length > 1 ? path.join(dir, copy.target, path.basename(source)) : path.join(dir, copy.target);
          fs.cpSync(path.join(repo, source), target, {
            recursive: true,
            filter: (p) => !ignored.some((i) => path.relative(repo, p) === i || path.relative(repo, p).startsWith(`${i}/`)),
          });
        }
      }
      for (const command of build!.runs) execSync(command, { cwd: dir, stdio: 'pipe', timeout: 10 * 60_000 });
      expect(fs.existsSync(path.join(dir, 'node_modules/tsx'))).toBe(false); // dev tools pruned
      expect(fs.existsSync(path.join(dir, 'dist/main.js'))).toBe(true);
      // A new embedded database in the container starts from the migrated template.
      expect(fs.readdirSync(path.join(dir, 'dist/db')).filter((f) => /^pglite-template-[0-9a-f]{16}\.tar\.gz$/.test(f))).toHaveLength(1);
      // The run stage also copies the manifests from the repository (the sandbox reads one)
      // and the chart font subset.
      for (const copy of run!.copies.filter((c) => c.from === null)) {
        for (const source of copy.sources) fs.cpSync(path.join(repo, source), path.join(dir, copy.target), { recursive: true });
      }
      // Compiled, the renderer draws charts with the subset, not the full font it falls back to.
      const font = execFileSync(
        process.execPath,
        ['--input-type=module', '-e', "console.log((await import('./dist/charts/renderer.js')).chartFontFiles().join(','))"],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(font.trim()).toBe(path.join(dir, 'assets/fonts/DejaVuSans-charts.ttf'));
      await startLikeTheImage(dir, run!.cmd!);
    },
    20 * 60_000,
  );
});
