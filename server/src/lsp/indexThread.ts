import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { errorText, nodeFileSystem } from '../io';
import { acceptOffThread, type OffThreadJob, offThreadIndexJobs, summariseOffThread } from '../services';
import type { ServiceContext } from '../workspace';

/** What the worker sends back: summaries made so far, and `done` after the pass's last. */
interface WorkerReply {
  results: Array<{ job: OffThreadJob; summary: unknown }>;
  done: boolean;
}

/** The worker sends what it has at least this often, so the index grows while the pass runs. */
const BATCH_MS = 20;

/**
 * The editor's workspace index worker: a worker thread that reads and summarises the files of an
 * index pass (services offThreadIndexJobs) while the main thread answers requests. Parsing 7,400
 * manifests takes about 6 s of CPU; done in slices between requests on the main thread, each
 * request waited for the slice under way (hover p95 5.6 ms while indexing, against 1 ms of work).
 * The worker runs the server's own bundle (`script`), started on the first pass and kept for the
 * session. If it cannot start or dies, passes end at once and the main thread's indexStep does
 * the work in slices, as it always finishes a pass.
 */
export class IndexThread {
  private worker: Worker | undefined;
  private broken = false;
  private pass: { context: () => ServiceContext; summarised: number; finish: (summarised: number) => void } | undefined;

  constructor(
    private readonly script: string | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  /** Starts a pass and summarises its files on the worker; resolves with how many it summarised once every summary is in, or the worker failed. */
  summarise(context: () => ServiceContext): Promise<number> {
    const jobs = offThreadIndexJobs(context());
    const worker = jobs.length > 0 ? this.started() : undefined;
    if (!worker) return Promise.resolve(0);
    return new Promise((finish) => {
      this.pass = { context, summarised: 0, finish };
      worker.postMessage(jobs);
    });
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken || !this.script) return this.worker;
    try {
      const worker = new Worker(this.script);
      // The worker never keeps the server alive: the connection's end ends the process.
      worker.unref();
      worker.on('message', (reply: WorkerReply) => this.received(reply));
      worker.on('error', (error) => this.fail(`failed: ${errorText(error)}`));
      worker.on('exit', (code) => this.fail(`stopped (exit code ${code})`));
      this.worker = worker;
    } catch (error) {
      this.fail(`could not start: ${errorText(error)}`);
    }
    return this.worker;
  }

  private received(reply: WorkerReply): void {
    const pass = this.pass;
    if (!pass) return;
    const ctx = pass.context();
    for (const { job, summary } of reply.results) acceptOffThread(ctx, job, summary);
    pass.summarised += reply.results.length;
    if (!reply.done) return;
    this.pass = undefined;
    pass.finish(pass.summarised);
  }

  private fail(reason: string): void {
    if (!this.broken) this.warn(`[container-notes] workspace index worker ${reason}; the index is built between requests instead`);
    this.broken = true;
    this.worker = undefined;
    const pass = this.pass;
    this.pass = undefined;
    pass?.finish(pass.summarised);
  }
}

/** Whether this code runs as the index worker (the server's bundle started by IndexThread). */
export const isIndexWorker = !isMainThread;

/** The worker's side: summarise each pass's files from disk and send the summaries back in batches. */
export function serveIndexWorker(): void {
  const port = parentPort;
  if (!port) return;
  const fs = nodeFileSystem();
  port.on('message', (jobs: OffThreadJob[]) => {
    let results: WorkerReply['results'] = [];
    let since = performance.now();
    for (const job of jobs) {
      try {
        results.push({ job, summary: summariseOffThread(job, fs.readFile(job.uri)) });
      } catch {
        // Left out: the main thread's indexStep summarises it again and reports what goes wrong.
      }
      if (performance.now() - since < BATCH_MS) continue;
      port.postMessage({ results, done: false } satisfies WorkerReply);
      results = [];
      since = performance.now();
    }
    port.postMessage({ results, done: true } satisfies WorkerReply);
  });
}
