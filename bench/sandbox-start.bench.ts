// Sandbox start to first page: spawn the sandbox with a fresh embedded database directory (so
// it migrates and seeds the demo data) and time until GET / answers 200, next to a bare Node
// HTTP server started the same way in the same run. Also a second start on the now-seeded
// directory, which is what a developer sees from the second `npm start` on.
//
//   npx tsx bench/sandbox-start.bench.ts        (BENCH_RUNS=3 by default)
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO, median, printTable, rssMiB, startUntilHealthy } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

// `npm start` runs the sandbox once start-command calls startSandbox; until then, a tiny entry does.
const wired = fs.readFileSync(path.join(REPO, 'src/cli/start-command.ts'), 'utf8').includes('startSandbox');
const sandboxArgs = wired ? ['src/main.ts', 'start'] : ['bench/sandbox-entry.ts'];

// No Slack credentials, whatever the caller's shell has: that is what selects the sandbox.
const noSlack = { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', SLACK_API_URL: '', LOG_LEVEL: 'warn' };

interface Sample {
  ms: number;
  rss: number;
}

/** A port the system just handed out: other benchmarks and tests run on this machine too. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startOnce(args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  const port = await freePort();
  const started = await startUntilHealthy(args, { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/`, 120_000);
  await new Promise((r) => setTimeout(r, 300));
  const rss = rssMiB(started.child.pid!);
  const code = await started.stop();
  if (code !== 0) throw new Error(`${args.join(' ')}: exit code ${code} after SIGTERM`);
  return { ms: started.msToHealthy, rss };
}

const baseline: Sample[] = [];
const fresh: Sample[] = [];
const seeded: Sample[] = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so a noisy moment on the machine hits every row alike.
  baseline.push(await startOnce(['bench/baseline-server.ts'], {}));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reap-sandbox-bench-'));
  try {
    fresh.push(await startOnce(sandboxArgs, { ...noSlack, DATABASE_URL: `pglite:${dir}` }));
    seeded.push(await startOnce(sandboxArgs, { ...noSlack, DATABASE_URL: `pglite:${dir}` }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const base = median(baseline.map((s) => s.ms));
const row = (scenario: string, samples: Sample[]) => {
  const ms = median(samples.map((s) => s.ms));
  return {
    scenario,
    'start→first page ms (median)': ms.toFixed(0),
    'min–max ms': `${Math.min(...samples.map((s) => s.ms)).toFixed(0)}–${Math.max(...samples.map((s) => s.ms)).toFixed(0)}`,
    'x baseline': (ms / base).toFixed(1),
    'RSS MiB': median(samples.map((s) => s.rss)).toFixed(0),
  };
};
printTable(`Sandbox start to first page (${RUNS} runs each, median; entry: ${sandboxArgs.join(' ')})`, [
  row('baseline: bare node http (tsx)', baseline),
  row('sandbox, fresh PGlite dir (migrate + seed)', fresh),
  row('sandbox, seeded PGlite dir', seeded),
]);
