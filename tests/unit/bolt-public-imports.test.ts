// Bolt's files under dist/ are not its API: a minor release may move or rename them, and
// then the app fails at start, not at `npm install`. Only the package root is allowed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(rel);
    return /\.(ts|mts|mjs|js)$/.test(e.name) ? [rel] : [];
  });
}

describe('imports of @slack/bolt', () => {
  it('use only the package root in src/, bench/ and tests/', () => {
    const files = [...sources('src'), ...sources('bench'), ...sources('tests')];
    expect(files.length).toBeGreaterThan(50);
    const deep = files.filter((f) => /['"]@slack\/bolt\/[^'"]*['"]/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(deep).toEqual([]);
  });
});
