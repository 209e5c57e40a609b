/**
 * Work done between requests (the workspace scan, the workspace index): in slices of at most
 * SLICE_MS, each followed by a turn of the event loop, so a request that arrives meanwhile waits
 * for the end of one slice at most, never for the whole job.
 */
export const SLICE_MS = 2;

/**
 * The requests received and not yet answered, as the transport sees them (transport.ts). Between
 * a request's arrival and its answer there are turns of the event loop (the connection's message
 * queue, an awaited service, the writer's queue), and each turn would otherwise run one more
 * slice first: a hover while the workspace index was building took 21 ms at the median, against
 * under 1 ms. Background slices wait while a request is open.
 */
export class RequestActivity {
  private open = 0;
  private unread = false;
  private lastArrival = 0;
  /** Background work waiting for the requests to be answered (see whenIdle). */
  private waiting: Array<() => void> = [];
  private starvationTimer: NodeJS.Timeout | undefined;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /**
   * Bytes came in that are not yet a message. The stdio reader takes a turn of the event loop to
   * make a message of its bytes, and a slice queued before ran first: a hover sent while a slice
   * ran waited for that slice and then one more (5.3 ms at the median while the workspace index
   * of 7,400 files was building, against 0.9 ms of work).
   */
  bytesIn(): void {
    this.unread = true;
    this.lastArrival = this.clock();
  }

  /** A message was read; a request stays open until `answered`. */
  messageIn(isRequest: boolean): void {
    this.unread = false;
    if (isRequest) {
      this.open++;
      this.lastArrival = this.clock();
    }
    this.releaseIfIdle();
  }

  answered(): void {
    if (this.open > 0) this.open--;
    this.releaseIfIdle();
  }

  /** True while a request is open or a message is being read; after a second without a new one it stops counting, so background work never starves. */
  get busy(): boolean {
    return (this.open > 0 || this.unread) && this.clock() - this.lastArrival < 1000;
  }

  /**
   * Calls `resume` on a turn of the event loop once nothing is `busy`. Background work waits here
   * instead of polling `busy` on every turn: that kept the event loop spinning, a whole core, for
   * as long as a request waited on something (the client's answer, a schema).
   */
  whenIdle(resume: () => void): void {
    if (!this.busy) {
      setImmediate(resume);
      return;
    }
    this.waiting.push(resume);
    this.armStarvationTimer();
  }

  private releaseIfIdle(): void {
    if (this.waiting.length === 0 || this.busy) return;
    const waiting = this.waiting;
    this.waiting = [];
    clearTimeout(this.starvationTimer);
    this.starvationTimer = undefined;
    for (const resume of waiting) setImmediate(resume);
  }

  /** `busy` ends by itself a second after the last arrival; nothing else would release the waiting then. */
  private armStarvationTimer(): void {
    if (this.starvationTimer) return;
    const left = Math.max(1, 1000 - (this.clock() - this.lastArrival) + 1);
    this.starvationTimer = setTimeout(() => {
      this.starvationTimer = undefined;
      this.releaseIfIdle();
      if (this.waiting.length > 0) this.armStarvationTimer();
    }, left);
    // A timer for background work never keeps the process alive.
    this.starvationTimer.unref();
  }
}

/**
 * A turn of the event loop, and more while a request is open: for background work written as an
 * async loop (the notes), which waits as `inSlices` does.
 */
export function idleTurn(activity: RequestActivity): Promise<void> {
  return new Promise((resolve) => activity.whenIdle(resolve));
}

export interface Background {
  /** Resolves when the job has finished or was cancelled; rejects with what a step threw. */
  readonly done: Promise<void>;
  cancel(): void;
}

/**
 * Runs `step` until it returns true. `step` is given `stop()`, true once the slice's time is used
 * up: it should return (false) soon after, keeping where it was for its next call. No slice starts
 * while `activity` has a request open.
 */
export function inSlices(step: (stop: () => boolean) => boolean, clock: () => number = () => performance.now(), activity?: RequestActivity): Background {
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
    if (activity?.busy) {
      activity.whenIdle(slice);
      return;
    }
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
