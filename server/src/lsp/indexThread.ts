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
 * Fewer files than this are summarised between requests: about 0.8 ms each, so under 100 ms of
 * slices, while a worker costs about 100 ms of CPU to start and some 30 MB while it runs.
 */
const WORKER_MIN_FILES = 100;

/**
 * The editor's workspace index worker: a worker thread that reads and summarises the files of an
 * index pass (services offThreadIndexJobs) while the main thread answers requests. Parsing 7,400
 * manifests takes about 6 s of CPU; done in slices between requests on the main thread, each
 * request waited for the slice under way (hover p95 5.6 ms while indexing, against 1 ms of work).
 * The worker runs the server's own bundle (`script`). One is started per pass of at least
 * WORKER_MIN_FILES files and stopped when the pass is over, so the session keeps no second heap.
 * If one cannot start or dies, passes end at once from then on, and the main thread's indexStep
 * does the work in slices, as it always finishes a pass.
 */
export class IndexThread {
  private broken = false;

  constructor(
    private readonly script: string | undefined,
    private readonly warn: (message: string) => void,
  ) {}

  /** Starts a pass and summarises its files on a worker; resolves with how many it summarised once every summary is in, or the worker failed. */
  summarise(context: () => ServiceContext): Promise<number> {
    const jobs = offThreadIndexJobs(context());
    const script = this.script;
    if (jobs.length < WORKER_MIN_FILES || this.broken || !script) return Promise.resolve(0);
    return new Promise((finish) => {
      let summarised = 0;
      let worker: Worker | undefined;
      let ended = false;
      // Once: the worker stopped here emits `exit` (and may emit `error`) after the pass is over.
      const end = (problem?: string) => {
        if (ended) return;
        ended = true;
        if (problem) this.fail(problem);
        void worker?.terminate();
        finish(summarised);
      };
      try {
        worker = new Worker(script);
      } catch (error) {
        return end(`could not start: ${errorText(error)}`);
      }
      // The worker never keeps the server alive: the connection's end ends the process.
      worker.unref();
      worker.on('message', (reply: WorkerReply) => {
        if (ended) return;
        const ctx = context();
        for (const { job, summary } of reply.results) acceptOffThread(ctx, job, summary);
        summarised += reply.results.length;
        if (reply.done) end();
      });
      worker.on('error', (error) => end(`failed: ${errorText(error)}`));
      worker.on('exit', (code) => end(`stopped (exit code ${code})`));
      worker.postMessage(jobs);
    });
  }

  private fail(reason: string): void {
    if (!this.broken) this.warn(`[container-notes] workspace index worker ${reason}; the index is built between requests instead`);
    this.broken = true;
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
