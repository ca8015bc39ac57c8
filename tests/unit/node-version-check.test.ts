import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIN_NODE, endOfLifeWarning, nodeIsSupported } from '../../src/node-version-check.js';

describe('the Node.js version check at start', () => {
  it('accepts the minimum and anything newer, and refuses older', () => {
    expect(nodeIsSupported('v20.19.0')).toBe(true);
    expect(nodeIsSupported('20.20.2')).toBe(true);
    expect(nodeIsSupported('22.1.0')).toBe(true);
    expect(nodeIsSupported('v20.18.9')).toBe(false);
    expect(nodeIsSupported('18.20.4')).toBe(false);
  });

  it('agrees with package.json engines', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`>=${MIN_NODE}`);
  });

  it('warns on a line past its end of life, and not before or on a line still kept', () => {
    expect(endOfLifeWarning('v20.20.2', new Date('2026-12-05T12:00:00Z'))).toMatch(/Node\.js 20 reached end of life on 2026-04-30/);
    expect(endOfLifeWarning('v20.20.2', new Date('2026-04-30T12:00:00Z'))).toBeNull();
    expect(endOfLifeWarning('26.12.1', new Date('2026-12-05T12:00:00Z'))).toBeNull();
  });

  it('names the LTS line in .nvmrc among the lines it knows', async () => {
    const { NODE_END_OF_LIFE } = await import('../../src/node-version-check.js');
    const lts = Number(fs.readFileSync('.nvmrc', 'utf8').trim());
    expect(NODE_END_OF_LIFE[lts]).toBeDefined();
  });
});
