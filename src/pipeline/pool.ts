import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkNumber, checkOptions } from '../options/index.js';
import { type PipelineTask, type PipelineTaskResult, runTask } from './tasks.js';

/** Options of {@link createPipelinePool}. */
export interface PipelinePoolOptions {
  /**
   * Worker threads; `0` runs every task in the calling thread.
   * @default os.availableParallelism() - 1, at least 1
   */
  readonly workers?: number;
}

/**
 * Threads that extract, score and compute Altman for batches of filings (or score batches of
 * texts). Started once: each thread loads the word lists, VADER lexicon and CMUdict when it
 * starts, then serves every task of the run.
 */
export interface PipelinePool {
  /** Number of worker threads (`0`: tasks run in the calling thread). */
  readonly workers: number;
  /**
   * Run one batch. Aborting the signal rejects at once with its reason; the thread finishes
   * the batch (or is terminated by `close()`).
   * @param task - The batch.
   * @param signal - Cancels the task.
   * @returns One result per item, in item order.
   */
  run(task: PipelineTask, signal?: AbortSignal): Promise<PipelineTaskResult>;
  /** Terminate every thread. Safe to call twice. */
  close(): Promise<void>;
}

/** The default thread count: every core but the one that fetches, at least 1. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The worker file beside this module: `pipeline-worker.js` (ESM) or `.cjs` in `dist/`, or
 * `worker.ts` when running from source (then `tsx` compiles it in the thread).
 */
export function workerEntry(moduleUrl: string = import.meta.url): { filename: string; execArgv: string[] } {
  if (/\.[cm]?ts$/.test(moduleUrl)) {
    const tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href;
    return { filename: fileURLToPath(new URL('./worker.ts', moduleUrl)), execArgv: ['--import', tsx] };
  }
  const extension = moduleUrl.endsWith('.cjs') ? '.cjs' : '.js';
  return { filename: fileURLToPath(new URL(`./pipeline-worker${extension}`, moduleUrl)), execArgv: [] };
}

/** Resolve `workers` (`undefined` gives the default). */
export function resolveWorkers(fn: string, field: string, value: unknown): number {
  return checkNumber(fn, field, value, { min: 0, max: 256, integer: true }) ?? defaultWorkerCount();
}

function inProcessPool(): PipelinePool {
  return {
    workers: 0,
    async run(task, signal) {
      signal?.throwIfAborted();
      return runTask(task);
    },
    async close() {},
  };
}

/**
 * Start a pool of warmed worker threads (piscina). `buildDataset` and `scoreFile` start and
 * close their own; start one yourself to share it between runs (`buildDataset({ pool })`).
 *
 * @param options - {@link PipelinePoolOptions}.
 * @returns The pool; `close()` it when done.
 * @throws {InvalidArgumentError} For a bad `workers`.
 * @example
 * ```ts
 * import { createPipelinePool } from 'fin-tabtext/pipeline';
 * const pool = await createPipelinePool({ workers: 2 });
 * try {
 *   const [scores] = await pool.run({ kind: 'scores', texts: ['Sales rose.'], options: undefined });
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export async function createPipelinePool(options: PipelinePoolOptions = {}): Promise<PipelinePool> {
  const o = checkOptions('createPipelinePool', options, ['workers']);
  const workers = resolveWorkers('createPipelinePool', 'options.workers', o.workers);
  if (workers === 0) return inProcessPool();
  // The CommonJS build copies a CJS module's enumerable exports only, and piscina's static
  // `Piscina` is not enumerable; the class is also the module's default export.
  const loaded = await import('piscina');
  const Piscina = loaded.Piscina ?? loaded.default;
  const entry = workerEntry();
  const piscina = new Piscina({
    filename: entry.filename,
    execArgv: entry.execArgv,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  let closed: Promise<void> | undefined;
  return {
    workers,
    run(task, signal) {
      if (signal === undefined) return piscina.run(task);
      if (signal.aborted) return Promise.reject(signal.reason);
      // The signal is not handed to piscina: aborting tasks on every thread at once and then
      // destroying the pool makes piscina 5.3 start replacement threads after destroy(). An
      // aborted run rejects at once; its owner's close() then terminates the threads.
      return new Promise((resolve, reject) => {
        const onAbort = (): void => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        piscina
          .run(task)
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    close() {
      closed ??= piscina.destroy();
      return closed;
    },
  };
}
