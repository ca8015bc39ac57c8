// The audit log: who changed what, before and after. Written in the same transaction as
// the change whenever the caller passes a transaction client.
import type { Prisma } from '../db/client.js';
import type { Prisma as PrismaNS } from '../generated/prisma/client.js';

type Tx = Pick<Prisma, 'auditLog'>;

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  detail?: string;
}

const asJson = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as PrismaNS.InputJsonValue));

export async function writeAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actor: e.actor,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: asJson(e.before),
      after: asJson(e.after),
      detail: e.detail,
    },
  });
}
