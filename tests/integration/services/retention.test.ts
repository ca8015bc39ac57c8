// Records kept only to run the app are pruned on schedule; what tells a plan's story stays.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { OUTBOX_KEPT_DAYS, pruneExpiredRecords, UNKNOWN_AUDIT_KEPT_DAYS } from '../../../src/services/retention.js';
import { NOW, useFreshWorld } from './support/world.js';

let db: TestDatabase;
useFreshWorld((d) => {
  db = d;
});

const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe('retention', () => {
  it('deletes delivered and failed outbox messages past their days, never pending ones', async () => {
    const old = daysAgo(OUTBOX_KEPT_DAYS + 1);
    const recent = daysAgo(OUTBOX_KEPT_DAYS - 1);
    const rows = [
      { key: 'old-sent', status: 'SENT', createdAt: old },
      { key: 'old-failed', status: 'FAILED', createdAt: old },
      { key: 'old-pending', status: 'PENDING', createdAt: old },
      { key: 'old-sending', status: 'SENDING', createdAt: old },
      { key: 'recent-sent', status: 'SENT', createdAt: recent },
    ] as const;
    for (const r of rows) {
      await db.prisma.outboxMessage.create({ data: { idempotencyKey: r.key, userId: 'UX', payload: { text: 'x' }, status: r.status, createdAt: r.createdAt } });
    }
    const pruned = await pruneExpiredRecords(db.prisma, NOW);
    expect(pruned.outboxMessages).toBe(2);
    const left = await db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true }, orderBy: { idempotencyKey: 'asc' } });
    expect(left.map((r) => r.idempotencyKey)).toEqual(['old-pending', 'old-sending', 'recent-sent']);
  });

  it("deletes old audit rows of Slack ids that are not members, and keeps members', system and recent ones", async () => {
    const old = daysAgo(UNKNOWN_AUDIT_KEPT_DAYS + 1);
    const rows = [
      { actor: 'U0STRANGER', at: old },
      { actor: 'W0STRANGER', at: old },
      { actor: 'ULIBSTAFF', at: old }, // a member
      { actor: 'system:outbox', at: old },
      { actor: 'cli', at: old },
      { actor: 'U0STRANGER2', at: daysAgo(UNKNOWN_AUDIT_KEPT_DAYS - 1) },
    ];
    for (const r of rows) {
      await db.prisma.auditLog.create({ data: { actor: r.actor, at: r.at, action: 'authz.denied', entityType: 'strategy', entityId: '1' } });
    }
    const before = await db.prisma.auditLog.count();
    const pruned = await pruneExpiredRecords(db.prisma, NOW);
    expect(pruned.unknownAuditRows).toBe(2);
    expect(await db.prisma.auditLog.count()).toBe(before - 2);
    const actors = (await db.prisma.auditLog.findMany({ select: { actor: true } })).map((r) => r.actor);
    expect(actors).not.toContain('U0STRANGER');
    expect(actors).not.toContain('W0STRANGER');
    expect(actors).toEqual(expect.arrayContaining(['ULIBSTAFF', 'system:outbox', 'cli', 'U0STRANGER2']));
  });
});
