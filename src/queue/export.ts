import { reasonOf } from '../edgar/clock.js';
import { InvalidArgumentError } from '../errors/index.js';
import { checkOptions } from '../options/index.js';
import { type FilingRowOptions, pipelineColumns } from '../pipeline/index.js';
import { type RecordFormat, writeRecords } from '../records/index.js';
import { readQueueConfig } from './config.js';
import { openRedis, type QueueConnection, type QueueNames, queueKeys, resolveNames } from './connection.js';
import type { RedisClient } from './load.js';

/** Options of {@link exportDataset}. */
export interface ExportDatasetOptions extends QueueNames {
  /** Where Redis is: `'redis://127.0.0.1:6379'` or `{ host, port }`. */
  readonly connection: QueueConnection;
  /** The output file; its extension picks the format as in `writeRecords`. */
  readonly out: string;
  /**
   * The format, when the extension does not say.
   * @default undefined (from the extension)
   */
  readonly format?: RecordFormat;
  /**
   * Cancels the export (the partial file is removed).
   * @default undefined
   */
  readonly signal?: AbortSignal;
}

/** What {@link exportDataset} wrote. */
export interface ExportDatasetResult {
  /** The output path. */
  readonly path: string;
  /** Rows written. */
  readonly rows: number;
  /** Listed filings that have no row yet (still queued, running or failed for good). */
  readonly missing: number;
  /** The columns written. */
  readonly columns: readonly string[];
}

const KNOWN = ['connection', 'queueName', 'prefix', 'out', 'format', 'signal'];
const PAGE = 500;

/**
 * Write every stored row of a queue to a file, in listing order (the order `enqueueDataset`
 * first saw the filings), with the pipeline's columns for the queue's row options: CSV, JSONL
 * or Parquet/Arrow as `writeRecords` writes them. Rows are read in pages, so memory does not
 * grow with the data set. Filings without a row yet are counted in `missing`, not written.
 *
 * @param options - `connection` (required), `out` (required), `format`, `queueName`, `prefix`, `signal`.
 * @returns The path, rows written, filings still missing and the columns.
 * @throws {InvalidArgumentError} for bad options, or a queue that was never filled.
 * @throws {MissingDependencyError} when ioredis is not installed.
 * @example
 * ```ts
 * import { exportDataset } from 'fin-tabtext/queue';
 * const { rows, missing } = await exportDataset({ connection: 'redis://127.0.0.1:6379', out: 'tabtext.parquet' });
 * console.log(`${rows} rows written, ${missing} still to compute`);
 * ```
 */
export async function exportDataset(options: ExportDatasetOptions): Promise<ExportDatasetResult> {
  const fn = 'exportDataset';
  checkOptions(fn, options, KNOWN);
  if (typeof options.out !== 'string' || options.out === '') {
    throw new InvalidArgumentError(
      'options.out',
      `${fn}: options.out must be a file path; e.g. ${fn}({ connection: 'redis://127.0.0.1:6379', out: 'tabtext.parquet' }).`,
    );
  }
  const names = resolveNames(fn, options);
  const keys = queueKeys(names);
  const redis: RedisClient = await openRedis(fn, options.connection);
  try {
    const config = await readQueueConfig(redis, keys);
    if (config === null) {
      throw new InvalidArgumentError(
        'options.queueName',
        `${fn}: queue '${names.queueName}' was never filled; run enqueueDataset (or \`fin-tabtext queue add\`) first, ` +
          `or name the queue: ${fn}({ connection, out, queueName: 'tabtext' }).`,
      );
    }
    const columns = pipelineColumns(config.row as FilingRowOptions);
    let missing = 0;
    const signal = options.signal;
    async function* rows(): AsyncGenerator<Record<string, unknown>> {
      for (let start = 0; ; start += PAGE) {
        if (signal?.aborted) throw reasonOf(signal);
        const accessions = await redis.zrange(keys.order, String(start), String(start + PAGE - 1));
        if (accessions.length === 0) return;
        const values = await redis.hmget(keys.results, ...accessions);
        for (const value of values) {
          if (value === null) missing++;
          else yield JSON.parse(value) as Record<string, unknown>;
        }
      }
    }
    const result = await writeRecords(options.out, rows(), {
      columns,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(signal === undefined ? {} : { signal }),
    });
    return { path: result.path, rows: result.rows, missing, columns: result.columns };
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
