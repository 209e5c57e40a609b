import type { Diagnostic } from 'vscode-languageserver/node';

/**
 * When each open document's diagnostics are computed, and the results both ways of asking share.
 *
 * - A document whose last run was cheap is checked at once after an edit; a costly one waits for a
 *   pause in typing in proportion to what its last run cost (a 40 ms file waits 80 ms, so typing is
 *   never slowed by more than a third; a 2 ms file is published within a few milliseconds).
 * - A newer version replaces the pending run of an older one, and a result is published only if
 *   the document is still at the version it was computed for, so a stale list never overwrites a
 *   newer one (the editor keeps showing, and moving, the last list until then).
 * - Pushed and pulled diagnostics come from one store: a pull for a version already computed is
 *   answered from it, and a pull of a document with a run pending takes that run's place.
 *
 * Nothing here knows about languages: `compute` is the services' diagnose of the current text.
 */

/** A run at most this long counts as cheap: the next edit is checked at once. */
export const CHEAP_RUN_MS = 8;
/** A costly document waits this many times its last run's cost after an edit … */
const DELAY_PER_COST = 2;
/** … but never longer than this. */
const MAX_DELAY_MS = 1000;

/** The wait after an edit for a document whose last run took `costMs` (unknown: check at once). */
export function delayAfterEdit(costMs: number | undefined): number {
  if (costMs === undefined || costMs <= CHEAP_RUN_MS) return 0;
  return Math.min(MAX_DELAY_MS, Math.round(costMs * DELAY_PER_COST));
}

/** What the scheduler needs from the session. */
export interface DiagnosticsHost {
  /** The open document's version, or undefined once it is closed. */
  version(uri: string): number | undefined;
  /** Changes whenever a change elsewhere may change any document's diagnostics. */
  generation(): number;
  /** The diagnostics of the document's current text (a language may answer asynchronously). */
  compute(uri: string): Diagnostic[] | Promise<Diagnostic[]>;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
}

interface Run {
  version: number;
  generation: number;
  diagnostics: Promise<Diagnostic[]>;
}

interface Entry {
  /** Wall time of the last run, in ms. */
  costMs?: number;
  /** The last run (finished or not), and the version and generation it is for. */
  run?: Run;
  /** What was last published, so a run that found nothing new says nothing. */
  published?: Diagnostic[];
  timer?: { cancel(): void };
}

export class DiagnosticsScheduler {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly host: DiagnosticsHost,
    /** Whether results are pushed (publishDiagnostics) or only pulled by the client. */
    private readonly push: () => boolean,
    private readonly clock: () => number = () => performance.now(),
    /**
     * Calls its argument once no request is open (RequestActivity.whenIdle): a run that is due
     * lets a hover or completion already received be answered first. Typing in a 2,000-line Helm
     * template, a hover sent right after an edit waited for the edit's run about every other time.
     */
    private readonly whenIdle: (resume: () => void) => void = (resume) => resume(),
  ) {}

  /** A document was opened: checked at once. */
  opened(uri: string): void {
    this.schedule(uri, 0);
  }

  /** A document was edited: checked at once or after a pause, by what its last run cost. */
  changed(uri: string): void {
    this.schedule(uri, delayAfterEdit(this.entries.get(uri)?.costMs));
  }

  /** Every open document again, each after its own delay; `forget` drops the known results (settings changed). */
  revalidate(uris: Iterable<string>, forget = false): void {
    if (forget) for (const entry of this.entries.values()) entry.run = undefined;
    for (const uri of uris) this.schedule(uri, delayAfterEdit(this.entries.get(uri)?.costMs));
  }

  closed(uri: string): void {
    this.entries.get(uri)?.timer?.cancel();
    this.entries.delete(uri);
  }

  /**
   * The diagnostics of the document's current version: the known result when there is one (or the
   * run under way for it), else a run now, in place of a pending one. Undefined for a closed document.
   */
  current(uri: string): Promise<Diagnostic[]> | undefined {
    const version = this.host.version(uri);
    if (version === undefined) return undefined;
    const entry = this.entry(uri);
    const generation = this.host.generation();
    const known = entry.run;
    if (known && known.version === version && known.generation === generation) return known.diagnostics;
    entry.timer?.cancel();
    entry.timer = undefined;
    const start = this.clock();
    const computed = this.host.compute(uri);
    const finished = () => (entry.costMs = this.clock() - start);
    let diagnostics: Promise<Diagnostic[]>;
    if (computed instanceof Promise) {
      diagnostics = computed.finally(finished);
      // A failed run is not kept: the next request tries again.
      diagnostics.catch(() => entry.run?.diagnostics === diagnostics && (entry.run = undefined));
    } else {
      finished();
      diagnostics = Promise.resolve(computed);
    }
    entry.run = { version, generation, diagnostics };
    return diagnostics;
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = {};
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private schedule(uri: string, delay: number): void {
    // Pulling clients ask when they want them; nothing is computed ahead.
    if (!this.push()) return;
    const entry = this.entry(uri);
    entry.timer?.cancel();
    const timer = later(delay, () =>
      this.whenIdle(() => {
        // A newer edit (or a pull) has taken this run's place meanwhile.
        if (entry.timer !== timer) return;
        entry.timer = undefined;
        // The host logs a failed run and answers []; nothing is left to report here.
        this.publishCurrent(uri).catch(() => undefined);
      }),
    );
    entry.timer = timer;
  }

  private async publishCurrent(uri: string): Promise<void> {
    const version = this.host.version(uri);
    const running = this.current(uri);
    if (version === undefined || !running) return;
    const diagnostics = await running;
    const entry = this.entries.get(uri);
    // Only for the version it was computed for, and only if it says something new.
    if (!entry || this.host.version(uri) !== version || entry.published === diagnostics) return;
    entry.published = diagnostics;
    this.host.publish(uri, version, diagnostics);
  }
}

/**
 * Runs `fn` after `delay` ms. A zero delay still lets the message after the current one go first:
 * the connection dispatches one received message per turn of the event loop, so two turns let a
 * newer edit already received replace this run, and a hover sent right after an edit be answered
 * before the run starts.
 */
function later(delay: number, fn: () => void): { cancel(): void } {
  if (delay > 0) {
    const timer = setTimeout(fn, delay);
    return { cancel: () => clearTimeout(timer) };
  }
  let turn = setImmediate(() => (turn = setImmediate(fn)));
  return { cancel: () => clearImmediate(turn) };
}
