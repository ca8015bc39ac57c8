// Joining and leaving the monthly REDI digest (/reap redi join|leave). Anyone REAP Tracker
// knows may join; unknown and deactivated people get the usual unknown-member refusal.
//
// Safe to run twice (Slack retries a slash command it thinks timed out): each change is a
// conditional write, so a repeat finds nothing to change, reports changed=false and leaves
// no second audit record.
import { writeAudit } from './audit.js';
import { loadActor } from './authz.js';
import { TX_OPTIONS, type ServiceContext } from './service-context.js';

export interface RediSubscriptionState {
  subscribed: boolean;
  /** False when the person was already in the state they asked for. */
  changed: boolean;
}

export async function rediSubscriptionStatus(ctx: ServiceContext, slackUserId: string): Promise<{ subscribed: boolean }> {
  const actor = await loadActor(ctx, slackUserId);
  const row = await ctx.prisma.digestSubscription.findUnique({
    where: { memberId_kind: { memberId: actor.memberId, kind: 'REDI_DIGEST' } },
    select: { active: true },
  });
  return { subscribed: row?.active === true };
}

export async function joinRediDigest(ctx: ServiceContext, slackUserId: string): Promise<RediSubscriptionState> {
  return setRediSubscription(ctx, slackUserId, true);
}

export async function leaveRediDigest(ctx: ServiceContext, slackUserId: string): Promise<RediSubscriptionState> {
  return setRediSubscription(ctx, slackUserId, false);
}

async function setRediSubscription(ctx: ServiceContext, slackUserId: string, subscribe: boolean): Promise<RediSubscriptionState> {
  const actor = await loadActor(ctx, slackUserId);
  const memberId = actor.memberId;
  const kind = 'REDI_DIGEST' as const;
  return ctx.prisma.$transaction(async (tx) => {
    let changed = 0;
    let created = false;
    if (subscribe) {
      changed += (await tx.digestSubscription.updateMany({ where: { memberId, kind, active: false }, data: { active: true } })).count;
      // No row yet: create it; a concurrent identical request loses quietly on the unique key.
      if (changed === 0) {
        changed += (await tx.digestSubscription.createMany({ data: [{ memberId, kind, active: true }], skipDuplicates: true })).count;
        created = changed > 0;
      }
    } else {
      changed += (await tx.digestSubscription.updateMany({ where: { memberId, kind, active: true }, data: { active: false } })).count;
    }
    if (changed > 0) {
      await writeAudit(tx, {
        actor: slackUserId,
        action: subscribe ? 'subscription.join' : 'subscription.leave',
        entityType: 'digestSubscription',
        entityId: `${memberId}:${kind}`,
        before: created ? null : { active: !subscribe },
        after: { active: subscribe },
        detail: kind,
      });
    }
    return { subscribed: subscribe, changed: changed > 0 };
  }, TX_OPTIONS);
}
