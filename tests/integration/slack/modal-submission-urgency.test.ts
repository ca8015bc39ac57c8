// A managing modal's Submit is answered within Slack's 3 seconds: its reads and its save
// must be served before database work nobody is timing (src/db/urgency.ts), and what it
// does after the answer (App Home refreshes) must not jump that queue.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { isUrgent } from '../../../src/db/urgency.js';
import { createLogger } from '../../../src/logger.js';
import type { AppContext } from '../../../src/services/app-context.js';
import { strategySubmission } from '../../../src/slack/features/manage/strategy-submission.js';
import type { TestDatabase } from '../../support/test-db.js';
import { useFreshWorld } from '../services/support/world.js';

let db: TestDatabase;
useFreshWorld((d) => {
  db = d;
});

type Handler = (args: Record<string, unknown>) => Promise<void>;

describe('a managing modal’s Submit', () => {
  it('saves as urgent work and follows up at the normal pace, after the answer', async () => {
    const ctx: AppContext = { config: loadConfig({}), db, prisma: db.prisma, logger: createLogger('silent'), now: () => new Date() };
    const seen: Record<string, boolean> = {};
    const order: string[] = [];
    const handler = strategySubmission(
      ctx,
      () => undefined,
      async () => {
        seen.save = isUrgent();
        return {
          after: async () => {
            seen.after = isUrgent();
            order.push('after');
          },
        };
      },
    );
    const acks: unknown[] = [];
    await (handler as unknown as Handler)({
      ack: async (r?: unknown) => {
        acks.push(r);
        order.push('ack');
      },
      body: { user: { id: 'ULIBLEAD' } },
      view: { id: 'V1', hash: 'h', state: { values: {} }, private_metadata: '' },
      client: {},
    });
    expect(acks).toEqual([undefined]);
    expect(seen).toEqual({ save: true, after: false });
    expect(order).toEqual(['ack', 'after']);
  });
});
