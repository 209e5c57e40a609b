/**
 * Work done between requests (the workspace scan, the workspace index): in slices of at most
 * SLICE_MS, each followed by a turn of the event loop, so a request that arrives meanwhile waits
 * for the end of one slice at most, never for the whole job.
 */
export const SLICE_MS = 4;

export interface Background {
  /** Resolves when the job has finished or was cancelled; rejects with what a step threw. */
  readonly done: Promise<void>;
  cancel(): void;
}

/**
 * Runs `step` until it returns true. `step` is given `stop()`, true once the slice's time is used
 * up: it should return (false) soon after, keeping where it was for its next call.
 */
export function inSlices(step: (stop: () => boolean) => boolean, clock: () => number = () => performance.now()): Background {
  let cancelled = false;
  let handle: NodeJS.Immediate | undefined;
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const slice = () => {
    handle = undefined;
    if (cancelled) return finish();
    const end = clock() + SLICE_MS;
    try {
      if (step(() => clock() >= end)) finish();
      else handle = setImmediate(slice);
    } catch (error) {
      // A job that throws is over; its owner hears of it through `done`.
      fail(error);
    }
  };
  handle = setImmediate(slice);
  return {
    done,
    cancel() {
      cancelled = true;
      if (handle) clearImmediate(handle);
      finish();
    },
  };
}
