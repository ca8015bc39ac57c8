// Two writes run after every Submit and every opening of App Home: remembering where the
// department channel's post went, and noting that someone opened Home. On PGlite, Prisma
// runs updateMany inside a transaction of its own, and one such transaction was seen begun
// and never ended under load, holding the only connection and the whole app with it
// (commit a20e983). So each is one raw statement. A refactor back to a Prisma model write
// would pass every other test; these watch the operations themselves.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Prisma } from '../../../src/db/client.js';
import { HOME_VIEWER_DAYS, homeViewers, noteHomeOpened } from '../../../src/services/home-viewers.js';
import { recordChannelPost } from '../../../src/services/update-channel-posts.js';
import { NOW, serviceContext, useFreshWorld, type World } from './support/world.js';

let prisma: Prisma;
let world: World;
useFreshWorld((db, w) => {
  prisma = db.prisma;
  world = w;
});

/** The Prisma operations `work` makes through a watched client. */
async function operationsOf(work: (watched: Prisma) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const watched = prisma.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        seen.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  }) as unknown as Prisma;
  await work(watched);
  return seen;
}

describe('writes on every Submit and Home opening', () => {
  let updateId: number;
  beforeEach(async () => {
    const update = await prisma.progressUpdate.create({
      data: {
        strategyId: world.strategy.lib11,
        periodKey: 'FY2026-Q2',
        periodStart: new Date('2025-10-01'),
        periodEnd: new Date('2025-12-31'),
        statusFrom: 'NOT_STARTED',
        statusTo: 'IN_PROGRESS',
        narrative: 'Two story times in Vietnamese.',
        authorId: world.member.libStaff,
        idempotencyKey: 'single-statement',
      },
    });
    updateId = update.id;
  });

  it('remembers the channel post in one statement', async () => {
    const ops = await operationsOf((watched) => recordChannelPost(serviceContext(watched), updateId, { channel: 'C0LIBRARY', ts: '1763485200.000100' }));
    expect(ops).toEqual(['$executeRaw']);
    expect(await prisma.progressUpdate.findUniqueOrThrow({ where: { id: updateId }, select: { channelPostChannel: true, channelPostTs: true } })).toEqual({
      channelPostChannel: 'C0LIBRARY',
      channelPostTs: '1763485200.000100',
    });
  });

  it('notes a Home opening in one statement, at most once an hour', async () => {
    let clock = NOW.getTime();
    const ctx = (watched: Prisma) => serviceContext(watched, () => new Date(clock));
    const openedAt = async () => (await prisma.member.findUniqueOrThrow({ where: { id: world.member.libStaff }, select: { homeOpenedAt: true } })).homeOpenedAt;

    expect(await operationsOf((watched) => noteHomeOpened(ctx(watched), 'ULIBSTAFF'))).toEqual(['$executeRaw']);
    expect(await openedAt()).toEqual(NOW);
    clock += 30 * 60_000;
    expect(await operationsOf((watched) => noteHomeOpened(ctx(watched), 'ULIBSTAFF'))).toEqual(['$executeRaw']);
    expect(await openedAt()).toEqual(NOW);
    clock += 31 * 60_000;
    await noteHomeOpened(ctx(prisma), 'ULIBSTAFF');
    expect(await openedAt()).toEqual(new Date(clock));
    // And it is what decides who gets Home refreshes.
    expect(await homeViewers(ctx(prisma), { slackUserIds: ['ULIBSTAFF', 'ULIBSTAFF2'] })).toEqual(['ULIBSTAFF']);
    clock += (HOME_VIEWER_DAYS + 1) * 86_400_000;
    expect(await homeViewers(ctx(prisma), { slackUserIds: ['ULIBSTAFF'] })).toEqual([]);
  });
});
