// Heavy steps (building and sending a 100-option form, an App Home) take turns: one per
// turn of the event loop, so requests Slack is timing are read between two of them. If
// they all ran in one turn again, /reap update would miss its trigger window under load.
import { describe, expect, it } from 'vitest';
import { heavyTurn, heavyTurnsWaiting } from '../../../src/slack/heavy-turns.js';

describe('heavy turns', () => {
  it('lets one heavy step start per turn of the event loop, in the order asked', async () => {
    // Counts turns: a check-phase callback that re-queues itself runs once per turn.
    let turn = 0;
    let counting = true;
    const count = () => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);

    const started: { step: number; turn: number }[] = [];
    const steps = Array.from({ length: 5 }, (_, step) => heavyTurn().then(() => started.push({ step, turn })));
    expect(heavyTurnsWaiting()).toBe(5);
    await Promise.all(steps);
    counting = false;

    expect(started.map((s) => s.step)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(started.map((s) => s.turn)).size).toBe(5);
    expect(heavyTurnsWaiting()).toBe(0);
  });

  it('lets a timer that fell due run between two heavy steps', async () => {
    const order: string[] = [];
    const first = heavyTurn().then(() => {
      order.push('heavy 1');
      // Due at once; the next turn's timers phase comes before its check phase.
      setTimeout(() => order.push('timer'), 0);
      const until = Date.now() + 5;
      while (Date.now() < until); // a heavy step long enough for the timer to fall due
    });
    const second = heavyTurn().then(() => order.push('heavy 2'));
    await Promise.all([first, second]);
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(['heavy 1', 'timer', 'heavy 2']);
  });
});
