import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIN_NODE, nodeIsSupported } from '../../src/node-version-check.js';

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
});
