import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { inSlices, RequestActivity, SLICE_MS } from '../../../server/src/lsp/background';

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

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('no slice starts while a request is open, and the job goes on once it is answered', async () => {
  const clock = fakeClock();
  const activity = new RequestActivity(clock.now);
  let steps = 0;
  activity.messageIn(true);
  const job = inSlices(
    () => {
      steps++;
      return steps === 3;
    },
    clock.now,
    activity,
  );
  for (let i = 0; i < 5; i++) await turn();
  assert.equal(steps, 0);
  activity.answered();
  await job.done;
  assert.equal(steps, 3);
});

test('a request open for over a second stops holding the job back', async () => {
  const clock = fakeClock();
  const activity = new RequestActivity(clock.now);
  activity.messageIn(true);
  assert.equal(activity.busy, true);
  clock.advance(1001);
  assert.equal(activity.busy, false);
  let ran = false;
  await inSlices(() => (ran = true), clock.now, activity).done;
  assert.ok(ran);
});

test('bytes not yet read as a message hold slices back until the message is read; a notification then frees them', () => {
  const clock = fakeClock();
  const activity = new RequestActivity(clock.now);
  activity.bytesIn();
  assert.equal(activity.busy, true);
  activity.messageIn(false);
  assert.equal(activity.busy, false);
  activity.bytesIn();
  activity.messageIn(true);
  assert.equal(activity.busy, true, 'a request read from the bytes stays open');
  activity.answered();
  assert.equal(activity.busy, false);
  activity.bytesIn();
  clock.advance(1001);
  assert.equal(activity.busy, false, 'a partial message never starves the job');
});

// Waiting is event-driven (no polling of `busy` on every turn), so the second after which a request
// stops counting needs a timer of its own: without one a job waiting behind a request that is never
// answered would never run.
test('a job waiting behind a request that is never answered runs once that request stops counting', async () => {
  const clock = fakeClock();
  const activity = new RequestActivity(clock.now);
  activity.messageIn(true);
  let ran = false;
  const job = inSlices(() => (ran = true), clock.now, activity);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(ran, false);
  clock.advance(1001);
  // The server's connection keeps its process alive; here a timer does (the activity's is unref'd).
  const alive = setTimeout(() => undefined, 5000);
  await job.done;
  clearTimeout(alive);
  assert.ok(ran);
});
