// The scheduler and `reap jobs run` use the briefing jobs: registerComposers adds both.
import { describe, expect, it } from 'vitest';
import { createJobRegistry } from '../../../src/jobs/start-scheduler.js';

describe('the briefing jobs', () => {
  it('are registered with the composers', () => {
    const registry = createJobRegistry();
    expect(registry.get('briefings').implemented).toBe(true);
    expect(registry.get('briefing-reminder').implemented).toBe(true);
  });
});
