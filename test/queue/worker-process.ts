// A worker process for the queue tests and `npm run bench -- queue`: startWorker with the options
// given as JSON in argv[2], one JSON line per worker event on stdout (with this worker's name and
// the time and CPU used so far), `{"type":"ready"}` once it listens. SIGTERM closes it; the tests also SIGKILL it.
import type { RateLimiter } from '../../src/edgar/index.js';
import { type QueueWorkerEvent, startWorker } from '../../src/queue/index.js';

interface WorkerArgs {
  readonly name: string;
  readonly redisUrl: string;
  readonly prefix: string;
  readonly queueName?: string;
  readonly baseUrls: { readonly www: string; readonly data: string };
  readonly concurrency?: number;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** Benchmarks only: no rate limit at all (the local server has none). */
  readonly uncapped?: boolean;
  /** No document cache (default: the shared Redis cache). */
  readonly noCache?: boolean;
}

const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
const print = (event: Record<string, unknown>): void => {
  // CPU of the whole process (its scoring thread included), for the benchmark.
  const { user, system } = process.cpuUsage();
  process.stdout.write(
    `${JSON.stringify({ ...event, worker: args.name, time: Date.now(), cpuMs: (user + system) / 1000 })}\n`,
  );
};

// Says 10 (EdgarClient accepts no more) but grants at once: only for the local server.
const uncapped: RateLimiter = {
  maxRequestsPerSecond: 10,
  pausedUntil: Number.NEGATIVE_INFINITY,
  acquire: async () => {},
  pause: () => {},
};

const worker = await startWorker({
  connection: args.redisUrl,
  prefix: args.prefix,
  ...(args.queueName === undefined ? {} : { queueName: args.queueName }),
  userAgent: `fin-tabtext tests ${args.name} tests@example.com`,
  baseUrls: args.baseUrls,
  ...(args.noCache === true ? { cache: false as const } : {}),
  ...(args.concurrency === undefined ? {} : { concurrency: args.concurrency }),
  ...(args.lockDurationMs === undefined ? {} : { lockDurationMs: args.lockDurationMs }),
  ...(args.stalledIntervalMs === undefined ? {} : { stalledIntervalMs: args.stalledIntervalMs }),
  ...(args.uncapped === true ? { limiter: uncapped } : {}),
  onEvent: (event: QueueWorkerEvent) => print({ ...event }),
});
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
print({ type: 'ready' });
