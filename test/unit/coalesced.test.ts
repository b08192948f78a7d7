// A task run once at a time (server/src/coalesced.ts), as the server reads its references again.

import assert from 'node:assert/strict';
import { coalesced } from '../../server/src/coalesced';

/** A task whose runs finish when the test says, counting them. */
function controlledTask() {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const task = () => {
    runs++;
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  /** Finishes the run in progress and lets the promises that wait on it go on. */
  const finish = async () => {
    finishers.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { task, finish, runs: () => runs };
}

describe('coalesced', () => {
  it('runs once for a call, and once more after it for any number of calls meanwhile', async () => {
    const { task, finish, runs } = controlledTask();
    const run = coalesced(task);
    const settled: number[] = [];
    const first = run().then(() => settled.push(1));
    const later = [run(), run(), run()].map((promise, i) => promise.then(() => settled.push(2 + i)));
    assert.equal(runs(), 1);
    await finish();
    await first;
    // The calls made meanwhile wait for a run that started after them.
    assert.deepEqual(settled, [1]);
    assert.equal(runs(), 2);
    await finish();
    await Promise.all(later);
    assert.deepEqual(settled, [1, 2, 3, 4]);
    assert.equal(runs(), 2);
    // Idle again: the next call runs at once.
    const next = run();
    assert.equal(runs(), 3);
    await finish();
    await next;
  });

  it('runs the queued calls even when the run before them failed', async () => {
    let runs = 0;
    const run = coalesced(async () => {
      runs++;
      if (runs === 1) throw new Error('first run fails');
    });
    const first = run();
    const second = run();
    await assert.rejects(first, /first run fails/);
    await second;
    assert.equal(runs, 2);
  });
});
