import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { CHEAP_RUN_MS, DiagnosticsScheduler, delayAfterEdit } from '../../../server/src/lsp/diagnostics';

/** One open document whose runs cost `costMs` on a clock that moves only inside a run. */
function harness(options: { costMs?: number; async?: boolean; whenIdle?: (resume: () => void) => void } = {}) {
  let now = 0;
  const state = {
    version: 1 as number | undefined,
    computed: [] as number[],
    published: [] as Array<{ version: number; diagnostics: Diagnostic[] }>,
    /** Resolvers of asynchronous runs still under way. */
    pending: [] as Array<() => void>,
  };
  const result = (version: number): Diagnostic[] => [{ message: `v${version}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
  const scheduler = new DiagnosticsScheduler(
    {
      version: () => state.version,
      generation: () => 0,
      compute: () => {
        const version = state.version as number;
        state.computed.push(version);
        now += options.costMs ?? 1;
        if (!options.async) return result(version);
        return new Promise<Diagnostic[]>((resolve) => state.pending.push(() => resolve(result(version))));
      },
      publish: (_uri, version, diagnostics) => state.published.push({ version, diagnostics }),
    },
    () => true,
    () => now,
    options.whenIdle,
  );
  return { scheduler, state };
}

/** Lets the scheduler's zero-delay runs (two turns of the event loop) and their publishing happen. */
const turns = async (n = 4) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

test('a run is delayed only in proportion to what the last one cost', () => {
  assert.equal(delayAfterEdit(undefined), 0);
  assert.equal(delayAfterEdit(CHEAP_RUN_MS), 0);
  assert.equal(delayAfterEdit(40), 80);
  assert.equal(delayAfterEdit(60_000), 1000);
});

test('an edit to a cheap document is published at once', async () => {
  const { scheduler, state } = harness();
  scheduler.opened('a');
  await turns();
  state.version = 2;
  scheduler.changed('a');
  await turns();
  assert.deepEqual(
    state.published.map((p) => p.version),
    [1, 2],
  );
});

test('a newer version replaces the pending run of an older one', async () => {
  const { scheduler, state } = harness();
  scheduler.opened('a');
  state.version = 2;
  scheduler.changed('a');
  await turns();
  assert.deepEqual(state.computed, [2]);
  assert.deepEqual(
    state.published.map((p) => p.version),
    [2],
  );
});

test('a result for a version the document has left is never published', async () => {
  const { scheduler, state } = harness({ async: true });
  scheduler.opened('a');
  await turns();
  assert.deepEqual(state.computed, [1]);
  state.version = 2;
  state.pending.shift()?.();
  await turns();
  assert.deepEqual(state.published, []);
});

test('a pull is answered from the run a push made, without computing again', async () => {
  const { scheduler, state } = harness();
  scheduler.opened('a');
  await turns();
  const pulled = await scheduler.current('a');
  assert.deepEqual(state.computed, [1]);
  assert.equal(pulled, state.published[0].diagnostics);
});

test('a pull of a document with a run pending takes that run\u2019s place', async () => {
  // The last run cost 20 ms: the next edit waits 40 ms before its run.
  const { scheduler, state } = harness({ costMs: 20 });
  scheduler.opened('a');
  await turns();
  state.version = 2;
  scheduler.changed('a');
  await scheduler.current('a');
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(state.computed, [1, 2]);
});

test('a closed document is neither computed nor published', async () => {
  const { scheduler, state } = harness();
  scheduler.opened('a');
  scheduler.closed('a');
  state.version = undefined;
  await turns();
  assert.deepEqual(state.computed, []);
  assert.equal(scheduler.current('a'), undefined);
});

test("a due run waits while a request is open, and a newer edit takes the waiting run's place", async () => {
  const held: Array<() => void> = [];
  const { scheduler, state } = harness({ whenIdle: (resume) => held.push(resume) });
  scheduler.opened('a');
  await turns();
  assert.deepEqual(state.computed, [], 'nothing runs while the request is open');
  state.version = 2;
  scheduler.changed('a');
  await turns();
  // The request is answered: both waiting runs resume; only the newer edit's computes.
  for (const resume of held.splice(0)) resume();
  await turns();
  assert.deepEqual(state.computed, [2]);
  assert.deepEqual(
    state.published.map((p) => p.version),
    [2],
  );
});
