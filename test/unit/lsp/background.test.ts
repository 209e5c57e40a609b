import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { inSlices, SLICE_MS } from '../../../server/src/lsp/background';

/** A clock that moves only when a step says so. */
function fakeClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('a job runs in slices, a turn of the event loop after each, until its step says it is done', async () => {
  const clock = fakeClock();
  let units = 0;
  const slices: number[] = [];
  const job = inSlices((stop) => {
    let inThisSlice = 0;
    while (!stop() && units < 10) {
      units++;
      inThisSlice++;
      clock.advance(SLICE_MS / 2);
    }
    slices.push(inThisSlice);
    return units === 10;
  }, clock.now);
  await job.done;
  assert.equal(units, 10);
  assert.deepEqual(slices, [2, 2, 2, 2, 2]);
});

test('a cancelled job runs no further step', async () => {
  let steps = 0;
  const job = inSlices(() => {
    steps++;
    return false;
  });
  await new Promise((resolve) => setImmediate(resolve));
  job.cancel();
  const after = steps;
  await job.done;
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(steps, after);
});

test('a step that throws ends the job with its error', async () => {
  const job = inSlices(() => {
    throw new Error('broken');
  });
  await assert.rejects(job.done, /broken/);
});
