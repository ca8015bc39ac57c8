// The edit form's use cases: who may load an update to edit it, and telling a repeat of an
// edit already saved (a double click, Slack's retry) from someone else's change.
import { describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../support/test-db.js';
import { loadActor } from '../../../src/services/authz.js';
import { editUpdate, submitUpdate } from '../../../src/services/progress-updates.js';
import { editRace, loadUpdateForEdit } from '../../../src/services/update-editing.js';
import { refusal, serviceContext, useFreshWorld, updateInput, type World } from './support/world.js';

let db: TestDatabase;
let world: World;
const ctx = () => serviceContext(db.prisma);
const actor = (slackUserId: string) => loadActor(ctx(), slackUserId);

useFreshWorld((d, w) => {
  db = d;
  world = w;
});

async function submitted() {
  const me = await actor('ULIBSTAFF');
  const input = await updateInput(db.prisma, world.strategy.lib11, { narrative: 'first draft' });
  const { update } = await submitUpdate(ctx(), me, input, { idempotencyKey: 'k' });
  return { me, update };
}

describe('loadUpdateForEdit', () => {
  it('gives the author the update as stored, with the statuses they may choose', async () => {
    const { me, update } = await submitted();
    const stored = await loadUpdateForEdit(ctx(), me, update.id);
    expect(stored.update).toMatchObject({ id: update.id, narrative: 'first draft', revision: 1 });
    expect(stored.authorSlackId).toBe('ULIBSTAFF');
    expect(stored.strategy.id).toBe(world.strategy.lib11);
    expect(stored.statuses).toContain('IN_PROGRESS');
  });

  it("refuses and audits a colleague loading someone else's update; a missing one is not found", async () => {
    const { update } = await submitted();
    const colleague = await actor('ULIBSTAFF2');
    const e = await refusal(loadUpdateForEdit(ctx(), colleague, update.id));
    expect(e.code).toBe('forbidden');
    expect(await db.prisma.auditLog.count({ where: { action: 'authz.denied', actor: 'ULIBSTAFF2' } })).toBe(1);
    expect((await refusal(loadUpdateForEdit(ctx(), colleague, update.id + 1000))).code).toBe('not_found');
  });
});

describe('editRace', () => {
  const second = { status: 'IN_PROGRESS', narrative: 'second draft', visibility: 'PUBLIC' };

  it('calls a Submit of an edit this person already saved a repeat', async () => {
    const { me, update } = await submitted();
    await editUpdate(ctx(), me, update.id, second, 1);
    const race = await editRace(ctx(), me, update.id, 1, second);
    expect(race.repeated).toBe(true);
    expect(race.nextEditor).toEqual({ slackUserId: 'ULIBSTAFF', name: expect.any(String) });
    expect(race.stored.update.revision).toBe(2);
  });

  it('calls it a conflict when the saved edit says something else or was made by someone else', async () => {
    const { me, update } = await submitted();
    const lead = await actor('ULIBLEAD');
    await editUpdate(ctx(), lead, update.id, second, 1);
    // The lead's edit, with the same words: still not this person's.
    expect((await editRace(ctx(), me, update.id, 1, second)).repeated).toBe(false);
    const leadRace = await editRace(ctx(), lead, update.id, 1, { ...second, narrative: 'other words' });
    expect(leadRace.repeated).toBe(false);
    expect(leadRace.nextEditor?.slackUserId).toBe('ULIBLEAD');
  });

  it('reads an unset visibility as the internal one it was saved as', async () => {
    const { me, update } = await submitted();
    await editUpdate(ctx(), me, update.id, { status: 'IN_PROGRESS', narrative: 'third' }, 1);
    expect((await editRace(ctx(), me, update.id, 1, { status: 'IN_PROGRESS', narrative: 'third', visibility: null })).repeated).toBe(true);
  });
});
