// src/slack is Bolt wiring, Block Kit builders and words. Reading or writing the database is
// a use case: it belongs in src/services, where who may do what is decided and audited. A
// listener that queried Prisma itself would be a use case nobody checks, so any file under
// src/slack that imports the Prisma client or the generated Prisma code, or reaches for the
// database through its context, fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.(ts|mts|cts|js|mjs)$/.test(e.name) ? [rel] : [];
  });
}

/** Module specifiers that are the database: the Prisma client, generated code, src/db/client. */
const FORBIDDEN_MODULE = [/^@prisma\//, /(^|\/)generated\/prisma(\/|$)/, /(^|\/)db\/client(\.[a-z]+)?$/, /^prisma$/];

/** Ways of reaching the database without importing it: the context's client. */
const FORBIDDEN_USE: { pattern: RegExp; what: string }[] = [
  { pattern: /\bctx\.prisma\b/, what: 'uses ctx.prisma' },
  { pattern: /\.prisma\./, what: 'uses .prisma.' },
  { pattern: /\bctx\.db\b/, what: 'uses ctx.db' },
  { pattern: /\.\$(transaction|queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe)\b/, what: 'runs SQL or a transaction' },
];

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** The text without comments, so that prose mentioning ctx.prisma does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Each line of `text` that touches the database, as "file:line: what". */
function problemsIn(file: string, text: string): string[] {
  const problems: string[] = [];
  code(text)
    .split('\n')
    .forEach((line, i) => {
      const where = `${file}:${i + 1}`;
      for (const m of line.matchAll(SPECIFIER)) {
        const spec = m[1]!;
        if (FORBIDDEN_MODULE.some((p) => p.test(spec))) problems.push(`${where}: imports '${spec}'`);
      }
      for (const { pattern, what } of FORBIDDEN_USE) if (pattern.test(line)) problems.push(`${where}: ${what}`);
    });
  return problems;
}

const ADVICE =
  'src/slack must not touch the database. Move the call into a named function in src/services ' +
  '(next to the use cases of the same data) and call that from src/slack; take enums from src/domain/enums.ts.';

describe('src/slack stays out of the database', () => {
  it('recognises each way in (so the check below cannot pass by missing them)', () => {
    const sample = `import { PrismaClient } from '@prisma/client';
import type { StrategyStatus } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../db/client.js';
const m = await import('../../generated/prisma/client.js');
const rows = await ctx.prisma.member.findMany();
await loadLiveStrategy(ctx.prisma, 1);
const d = app.ctx.prisma.department;
await ctx.db.close();
await db.$queryRaw\`SELECT 1\`;
// ctx.prisma in a comment is only words
import { liveStrategy } from '../../services/strategy-records.js';
import type { StrategyStatus } from '../../domain/enums.js';`;
    expect(problemsIn('sample.ts', sample)).toEqual([
      "sample.ts:1: imports '@prisma/client'",
      "sample.ts:2: imports '../../generated/prisma/enums.js'",
      "sample.ts:3: imports '../../db/client.js'",
      "sample.ts:4: imports '../../generated/prisma/client.js'",
      'sample.ts:5: uses ctx.prisma',
      'sample.ts:5: uses .prisma.',
      'sample.ts:6: uses ctx.prisma',
      'sample.ts:7: uses ctx.prisma',
      'sample.ts:7: uses .prisma.',
      'sample.ts:8: uses ctx.db',
      'sample.ts:9: runs SQL or a transaction',
    ]);
  });

  it('no file under src/slack imports Prisma or uses the database client', () => {
    const files = sources('src/slack');
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => problemsIn(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(problems, `${problems.join('\n')}\n${ADVICE}`).toEqual([]);
  });
});
