// After a Submit or a strategy change, the app republishes the Home of the people it
// concerns who look at their Home tab. A lead or manager left out sees a stale Home; staff
// put in get Homes nobody asked for (and spend Slack's views.publish budget).
import { describe, expect, it } from 'vitest';
import type { Prisma } from '../../../src/db/client.js';
import { HOME_VIEWER_DAYS, homeViewers } from '../../../src/services/home-viewers.js';
import { NOW, serviceContext, useFreshWorld, type World } from './support/world.js';

let prisma: Prisma;
let world: World;
useFreshWorld((db, w) => {
  prisma = db.prisma;
  world = w;
});

const ctx = () => serviceContext(prisma, () => NOW);
const DAY_MS = 86_400_000;

/** Everyone opened their Home yesterday, but for `except`. */
async function everyoneLooked(except: string[] = []): Promise<void> {
  await prisma.member.updateMany({ data: { homeOpenedAt: new Date(NOW.getTime() - DAY_MS) } });
  await prisma.member.updateMany({ where: { slackUserId: { in: except } }, data: { homeOpenedAt: null } });
}

describe('whose Home a change refreshes', () => {
  it("is a department's equity leads and managers, not its staff, and the people named", async () => {
    await everyoneLooked();
    expect(await homeViewers(ctx(), { departmentIds: [world.dept.LIB] })).toEqual(['ULIBLEAD', 'UMANAGER']);
    expect(await homeViewers(ctx(), { slackUserIds: ['ULIBSTAFF', 'UHSGSTAFF'], departmentIds: [world.dept.LIB, world.dept.HOUSING] })).toEqual([
      'UHSGLEAD',
      'UHSGSTAFF',
      'ULIBLEAD',
      'ULIBSTAFF',
      'UMANAGER',
    ]);
    expect(await homeViewers(ctx(), {})).toEqual([]);
  });

  it('counts a manager who works in the department they manage, whatever their roles', async () => {
    await everyoneLooked();
    await prisma.member.update({ where: { id: world.member.manager }, data: { departmentId: world.dept.LIB } });
    expect(await homeViewers(ctx(), { departmentIds: [world.dept.LIB] })).toEqual(['ULIBLEAD', 'UMANAGER']);
  });

  it('leaves out people who left, and people who have not opened their Home lately', async () => {
    await everyoneLooked(['UMANAGER']);
    await prisma.member.update({ where: { id: world.member.libLead }, data: { active: false } });
    expect(await homeViewers(ctx(), { departmentIds: [world.dept.LIB] })).toEqual([]);
    await prisma.member.update({ where: { id: world.member.manager }, data: { homeOpenedAt: new Date(NOW.getTime() - (HOME_VIEWER_DAYS + 1) * DAY_MS) } });
    expect(await homeViewers(ctx(), { slackUserIds: ['UMANAGER'], departmentIds: [world.dept.LIB] })).toEqual([]);
  });
});
