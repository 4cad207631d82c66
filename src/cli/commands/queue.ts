import { createFileCache } from '../../edgar/index.js';
import {
  enqueueDataset,
  exportDataset,
  type QueueWorkerEvent,
  queueStatus,
  startWorker,
} from '../../queue/index.js';
import { type Command, type Flags, optionalNumber, optionalString } from '../command.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';
import { readSelection, readUserAgent, SELECTION_OPTIONS, secBaseUrls } from './edgar-flags.js';
import { optionalPositiveInteger, resolvePath } from './shared.js';

const HELP = `fin-tabtext queue: the TabText data set on many machines, through BullMQ and Redis

Usage:
  fin-tabtext queue add (--tickers LIST | --ciks LIST) [dataset options] [--redis URL]
  fin-tabtext queue work [--redis URL] [--concurrency N] [--until-empty]
  fin-tabtext queue status [--redis URL] [--json]
  fin-tabtext queue export --out FILE [--redis URL]

add lists the filings (SEC requests paced by the one Redis-wide limiter) and queues one job
per filing, keyed by accession number: adding the same query again adds nothing. work computes
queued filings until stopped (Ctrl-C finishes the running ones); start one per machine or core.
Every worker shares one SEC budget; a rate-limit block seen by one pauses all. status prints the
counts; export writes every stored row (.csv, .jsonl, .parquet, .arrow, as the extension says).
Needs the optional packages: npm install bullmq ioredis.

Options:
  --redis URL          Redis (default: env FIN_TABTEXT_REDIS_URL, else redis://127.0.0.1:6379)
  --queue NAME         queue name, one data set per queue (default: tabtext)
add:
  --tickers LIST       comma-separated tickers, e.g. AAPL,MSFT
  --ciks LIST          comma-separated CIKs, e.g. 320193,789019
  --forms LIST         form types (default: 10-K,10-Q)
  --from DATE          first filing date, YYYY-MM-DD (default: 1993-01-01)
  --to DATE            last filing date, YYYY-MM-DD (default: today)
  --user-agent TEXT    your name and contact email, as SEC requires; the workers' default
                       (default: env FIN_TABTEXT_USER_AGENT)
  --with-text          add the MD&A text column
  --summary N          add a summary column of N sentences
  --no-altman          leave the Altman Z columns empty
  --max-rps N          SEC requests per second, all machines together (default: 9, at most 10)
work:
  --concurrency N      filings at once in this process (default: 4)
  --user-agent TEXT    overrides the one given to add
  --cache-dir DIR      cache documents in a (shared) folder instead of Redis
  --until-empty        exit once no job is waiting, running or due for a retry
status:
  --json               print the counts as JSON
export:
  --out FILE           output file

Example:
  fin-tabtext queue add --tickers AAPL,MSFT --forms 10-K,10-Q --from 2019-01-01 --to 2020-12-31 \\
    --user-agent "Acme Research jane@acme.com" --redis redis://10.0.0.5:6379
  fin-tabtext queue work --redis redis://10.0.0.5:6379 --concurrency 4     # on every machine
  fin-tabtext queue export --redis redis://10.0.0.5:6379 --out tabtext.parquet
`;

const ACTIONS = ['add', 'work', 'status', 'export'] as const;

function connectionOf(flags: Flags, io: CliIo): string {
  return optionalString(flags, 'redis') ?? io.env.FIN_TABTEXT_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

function namesOf(flags: Flags): { queueName?: string } {
  const queueName = optionalString(flags, 'queue');
  return queueName === undefined ? {} : { queueName };
}

async function add(flags: Flags, io: CliIo): Promise<number> {
  const selection = readSelection(flags, 'queue');
  const userAgent = readUserAgent(flags, io, true);
  const summary = optionalPositiveInteger(flags, 'summary', 'queue');
  const maxRps = optionalNumber(flags, 'max-rps', 'queue');
  const result = await enqueueDataset(
    {
      ...selection,
      userAgent,
      baseUrls: secBaseUrls(io),
      ...(flags['with-text'] === true ? { includeText: true } : {}),
      ...(summary === undefined ? {} : { summary }),
      ...(flags['no-altman'] === true ? { altman: false as const } : {}),
      ...(maxRps === undefined ? {} : { maxRequestsPerSecond: maxRps }),
    },
    { connection: connectionOf(flags, io), ...namesOf(flags) },
  );
  for (const failure of result.failed) io.stderr.write(`queue add: ${failure.input}: ${failure.error}\n`);
  if (flags.quiet !== true) {
    io.stderr.write(
      `queue add: ${result.listed} filings listed, ${result.added} queued, ${result.skipped} already queued or done\n`,
    );
  }
  return result.failed.length > 0 && result.listed === 0 ? 1 : 0;
}

async function work(flags: Flags, io: CliIo): Promise<number> {
  const quiet = flags.quiet === true;
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const userAgent = readUserAgent(flags, io, false);
  const cacheDir = optionalString(flags, 'cache-dir');
  const concurrency = optionalPositiveInteger(flags, 'concurrency', 'queue');
  const connection = connectionOf(flags, io);
  const names = namesOf(flags);
  let errors = 0;
  const onEvent = (event: QueueWorkerEvent): void => {
    if (event.type === 'rate-limited' && !quiet) {
      io.stderr.write(
        `queue work: SEC rate limit hit, every worker pauses ${Math.round(event.pauseMs / 1000)} s\n`,
      );
    } else if (event.type === 'completed' && event.error !== null) {
      errors++;
      io.stderr.write(`queue work: ${event.accessionNumber}: ${event.error}\n`);
    } else if (event.type === 'completed' && flags.verbose === true) {
      io.stderr.write(`queue work: ${event.accessionNumber} done\n`);
    }
  };
  const worker = await startWorker({
    connection,
    ...names,
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(cacheDir === undefined ? {} : { cache: createFileCache(resolvePath(io, cacheDir)) }),
    baseUrls: secBaseUrls(io),
    onEvent,
  });
  if (!quiet) io.stderr.write(`queue work: started on ${connection} (Ctrl-C to stop)\n`);
  try {
    await new Promise<void>((resolve) => {
      controller.signal.addEventListener('abort', () => resolve(), { once: true });
      if (flags['until-empty'] !== true) return;
      const poll = async (): Promise<void> => {
        if (controller.signal.aborted) return;
        const s = await queueStatus({ connection, ...names });
        if (s.listed > 0 && s.waiting + s.active + s.delayed === 0) resolve();
        else setTimeout(() => void poll().catch(() => resolve()), 1000);
      };
      setTimeout(() => void poll().catch(() => resolve()), 1000);
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await worker.close();
  }
  if (!quiet) io.stderr.write(`queue work: stored ${worker.completed} rows (${errors} with errors)\n`);
  return 0;
}

async function status(flags: Flags, io: CliIo): Promise<number> {
  const s = await queueStatus({ connection: connectionOf(flags, io), ...namesOf(flags) });
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(s)}\n`);
    return 0;
  }
  io.stdout.write(
    `listed ${s.listed}, done ${s.done} (${s.errors} with errors), waiting ${s.waiting}, ` +
      `running ${s.active}, retrying ${s.delayed}, failed ${s.failed}, workers ${s.workers}` +
      `${s.pausedMs > 0 ? `, paused ${Math.ceil(s.pausedMs / 1000)} s (SEC rate limit)` : ''}\n`,
  );
  return 0;
}

async function exportRows(flags: Flags, io: CliIo): Promise<number> {
  const out = optionalString(flags, 'out');
  if (out === undefined) {
    throw new UsageError(
      'Missing --out FILE (e.g. tabtext.parquet). Run `fin-tabtext queue --help` for usage.',
    );
  }
  const result = await exportDataset({
    connection: connectionOf(flags, io),
    ...namesOf(flags),
    out: resolvePath(io, out),
  });
  if (flags.quiet !== true) {
    io.stderr.write(
      `queue export: wrote ${result.rows} rows to ${result.path}` +
        `${result.missing > 0 ? ` (${result.missing} filings not done yet)` : ''}\n`,
    );
  }
  return 0;
}

/** `fin-tabtext queue add|work|status|export`: the data set on many machines. */
export const queueCommand: Command = {
  name: 'queue',
  summary: 'build the data set on many machines through BullMQ and Redis (add, work, status, export)',
  help: HELP,
  options: {
    redis: { type: 'string' },
    queue: { type: 'string' },
    ...SELECTION_OPTIONS,
    summary: { type: 'string' },
    'no-altman': { type: 'boolean' },
    'max-rps': { type: 'string' },
    concurrency: { type: 'string' },
    'cache-dir': { type: 'string' },
    'until-empty': { type: 'boolean' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(flags, positionals, io) {
    const [action, ...extra] = positionals;
    if (action === undefined || !(ACTIONS as readonly string[]).includes(action) || extra.length > 0) {
      throw new UsageError(
        `queue needs one of ${ACTIONS.join(', ')}, got "${positionals.join(' ')}". ` +
          'Example: fin-tabtext queue work --redis redis://127.0.0.1:6379. Run `fin-tabtext queue --help` for usage.',
      );
    }
    if (action === 'add') return add(flags, io);
    if (action === 'work') return work(flags, io);
    if (action === 'status') return status(flags, io);
    return exportRows(flags, io);
  },
};
