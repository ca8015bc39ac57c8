// A strategy of the seeded Welcoming San José Plan 2.0, led by one department with partner
// departments, for end-to-end tests: the seed ships the plan's pillars, not its strategies
// (the source lists none), so a test that needs one adds it.
import type { Prisma } from '../../src/db/client.js';
import type { StrategyStatus } from '../../src/generated/prisma/enums.js';
import { WELCOMING_SAN_JOSE_PLAN } from '../../src/db/seed/welcoming-san-jose-plan.js';

export interface CitywideStrategyInput {
  pillar: number;
  number: number;
  text: string;
  /** Department codes. */
  lead: string;
  partners: readonly string[];
  /** Slack user id of the owner, if any. */
  owner?: string;
  status?: StrategyStatus;
}

/**
 * The Welcoming plan and one of its pillars, as the seed has them, for a test whose
 * database is not seeded; nothing changes where they exist already.
 */
export async function addWelcomingPillar(prisma: Prisma, number: number): Promise<{ planId: number; objectiveId: number }> {
  const { key, title, fiscalStartYear, fiscalEndYear, pillars } = WELCOMING_SAN_JOSE_PLAN;
  const plan = await prisma.plan.upsert({
    where: { key },
    update: {},
    create: { key, kind: 'CITYWIDE_PLAN', title, fiscalStartYear, fiscalEndYear },
  });
  const pillarTitle = pillars.find((p) => p.number === number)?.title ?? `Pillar ${number}`;
  const objective = await prisma.objective.upsert({
    where: { planId_number: { planId: plan.id, number } },
    update: {},
    create: { planId: plan.id, number, title: pillarTitle },
  });
  return { planId: plan.id, objectiveId: objective.id };
}

/** Adds the strategy and returns its id. */
export async function addWelcomingStrategy(prisma: Prisma, input: CitywideStrategyInput): Promise<number> {
  const [pillar, lead, partners, owner] = await Promise.all([
    prisma.objective.findFirstOrThrow({ where: { number: input.pillar, plan: { key: WELCOMING_SAN_JOSE_PLAN.key } } }),
    prisma.department.findUniqueOrThrow({ where: { code: input.lead } }),
    prisma.department.findMany({ where: { code: { in: [...input.partners] } } }),
    input.owner ? prisma.member.findUniqueOrThrow({ where: { slackUserId: input.owner } }) : null,
  ]);
  const s = await prisma.strategy.create({
    data: {
      objectiveId: pillar.id,
      number: input.number,
      text: input.text,
      status: input.status ?? 'IN_PROGRESS',
      ownerId: owner?.id ?? null,
      leadDepartmentId: lead.id,
      partners: { create: partners.map((d) => ({ departmentId: d.id })) },
    },
  });
  return s.id;
}
