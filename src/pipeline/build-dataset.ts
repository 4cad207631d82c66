import { EdgarClient, type ListFilingsQuery, normalizeFilingsQuery } from '../edgar/client.js';
import { exhibit13Candidates } from '../edgar/exhibit.js';
import type { FilingRef } from '../edgar/filings.js';
import { EDGAR_CLIENT_OPTION_KEYS, type EdgarClientOptions } from '../edgar/options.js';
import { describeType, InvalidArgumentError } from '../errors/index.js';
import type { CompanyFactsInput } from '../finance/index.js';
import { parseCik } from '../identifiers/index.js';
import { checkBoolean, checkNumber, checkOptions } from '../options/index.js';
import { applyCompanyFactsAltman, errorRow, type FilingMeta, type FilingRow } from './filing-row.js';
import { FILING_ROW_OPTION_KEYS, type FilingRowOptions, resolveFilingRowOptions } from './options.js';
import { createPipelinePool, type PipelinePool, resolveWorkers } from './pool.js';
import type { RowItem } from './tasks.js';

/** Progress of {@link buildDataset}, reported after listing and after every filing. */
export interface DatasetProgress {
  /** `'listed'` once the filings are known, `'row'` after each row is yielded. */
  readonly type: 'listed' | 'row';
  /** Filings listed (and companies that failed to list). */
  readonly listed: number;
  /** Documents fetched so far. */
  readonly fetched: number;
  /** Rows yielded so far. */
  readonly done: number;
  /** Rows yielded with `error` set. */
  readonly errors: number;
  /** UTF-8 bytes of the documents fetched so far. */
  readonly bytes: number;
  /** Filings fetched or being scored but not yet yielded (bounded by `maxInFlight`). */
  readonly inFlight: number;
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
  /** Estimated milliseconds left, from the rate so far; `null` before the first row. */
  readonly etaMs: number | null;
}

/**
 * Configuration of {@link buildDataset}: the filings (a query, as smjsindustry's
 * `EDGARDataSetConfig`, or a list), client options, row options and parallelism.
 */
export interface BuildDatasetConfig
  extends Partial<ListFilingsQuery>,
    FilingRowOptions,
    Partial<Omit<EdgarClientOptions, 'signal' | 'onProgress'>> {
  /**
   * Filings to process instead of a query (e.g. from `client.listFilings`); `tickersOrCiks` is then not needed.
   * @default undefined (list them from `tickersOrCiks`, `formTypes`, `filingDateStart`, `filingDateEnd`)
   */
  readonly filings?: readonly FilingRef[];
  /**
   * The EDGAR client; when absent one is built from the client options of this config (`userAgent`, ...).
   * @default new EdgarClient(config)
   */
  readonly client?: EdgarClient;
  /**
   * Worker threads for extraction, scoring and Altman; `0` runs them in this thread. Fetching
   * and the rate limiter always stay in this thread.
   * @default os.availableParallelism() - 1, at least 1
   */
  readonly workers?: number;
  /**
   * A pool to use instead of starting one (it is not closed at the end); overrides `workers`.
   * @default undefined
   */
  readonly pool?: PipelinePool;
  /**
   * Filings per task sent to a worker thread.
   * @default 4
   */
  readonly batchSize?: number;
  /**
   * Most filings fetched but not yet yielded; the run waits for the consumer beyond it, so memory
   * does not grow with the number of filings.
   * @default max(8, 2 × batchSize × max(1, workers))
   */
  readonly maxInFlight?: number;
  /**
   * `true`: rows in listing order. `false`: rows as they are finished.
   * @default true
   */
  readonly ordered?: boolean;
  /** Stops the run: requests and worker threads are canceled and iteration throws the signal's reason. @default undefined */
  readonly signal?: AbortSignal;
  /** Called after listing and after each row. @default undefined */
  readonly onProgress?: (progress: DatasetProgress) => void;
}

const OWN_KEYS = [
  'filings',
  'client',
  'workers',
  'pool',
  'batchSize',
  'maxInFlight',
  'ordered',
  'signal',
  'onProgress',
];
const QUERY_KEYS = ['tickersOrCiks', 'formTypes', 'filingDateStart', 'filingDateEnd', 'includeAmendments'];
// The client's own options, less the two buildDataset takes itself (its signal and progress).
const CLIENT_KEYS: readonly string[] = EDGAR_CLIENT_OPTION_KEYS.filter(
  (key) => key !== 'signal' && key !== 'onProgress',
);
const FN = 'buildDataset';
const EXAMPLE =
  "buildDataset({ tickersOrCiks: ['AAPL'], formTypes: ['10-K'], filingDateStart: '2019-01-01', userAgent: 'Name email@example.com' })";
const ANNUAL_FORMS = /^10-?K/i;

/** One unit of work: a listed filing, or a company that could not be listed. */
type Entry = { readonly ref: FilingRef } | { readonly failed: FilingMeta; readonly error: unknown };

interface Resolved {
  readonly rowOptions: FilingRowOptions;
  readonly workers: number;
  readonly batchSize: number;
  readonly maxInFlight: number;
  readonly ordered: boolean;
}

function pick(config: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (config[key] !== undefined) out[key] = config[key];
  return out;
}

function resolveConfig(config: BuildDatasetConfig): Resolved {
  checkOptions(FN, config, [...QUERY_KEYS, ...FILING_ROW_OPTION_KEYS, ...CLIENT_KEYS, ...OWN_KEYS], 'config');
  if (config === undefined) {
    throw new InvalidArgumentError('config', `${FN} needs a config object. Call it as ${EXAMPLE}.`);
  }
  const rowOptions = pick(config as never, FILING_ROW_OPTION_KEYS) as FilingRowOptions;
  resolveFilingRowOptions(FN, rowOptions, 'config');
  const workers = config.pool?.workers ?? resolveWorkers(FN, 'config.workers', config.workers);
  const batchSize =
    checkNumber(FN, 'config.batchSize', config.batchSize, { min: 1, max: 1024, integer: true }) ?? 4;
  const maxInFlight =
    checkNumber(FN, 'config.maxInFlight', config.maxInFlight, { min: 1, integer: true }) ??
    Math.max(8, 2 * batchSize * Math.max(1, workers));
  const ordered = checkBoolean(FN, 'config.ordered', config.ordered) ?? true;
  if (config.filings !== undefined && !Array.isArray(config.filings)) {
    throw new InvalidArgumentError(
      'config.filings',
      `${FN}: config.filings must be an array of filings (from client.listFilings), got ${describeType(config.filings)}.`,
    );
  }
  if (config.filings === undefined && config.tickersOrCiks === undefined) {
    throw new InvalidArgumentError(
      'config.tickersOrCiks',
      `${FN} needs config.tickersOrCiks (or config.filings). Call it as ${EXAMPLE}.`,
    );
  }
  if (config.onProgress !== undefined && typeof config.onProgress !== 'function') {
    throw new InvalidArgumentError(
      'config.onProgress',
      `${FN}: config.onProgress must be a function, got ${describeType(config.onProgress)}.`,
    );
  }
  return { rowOptions, workers, batchSize, maxInFlight, ordered };
}

function metaOf(ref: FilingRef): FilingMeta {
  return {
    ticker: ref.ticker,
    cik: ref.cik,
    company: ref.company,
    formType: ref.formType,
    filingDate: ref.filingDate,
    reportDate: ref.reportDate,
    accessionNumber: ref.accessionNumber,
    url: ref.url,
  };
}

/** The identity of a company that failed to list: its CIK when it was given one, else its ticker. */
function companyMeta(input: string): FilingMeta {
  const cik = parseCik(input);
  return {
    ticker: cik === null ? input.trim().toUpperCase() : null,
    cik: cik ?? '',
    company: null,
    formType: '',
    filingDate: '',
    reportDate: null,
    accessionNumber: '',
    url: null,
  };
}

/** The error row of a company whose listing failed (no filing identity, `cik` when it is known). */
function companyErrorRow(meta: FilingMeta, error: unknown, options: FilingRowOptions): FilingRow {
  const cik = parseCik(meta.cik);
  // errorRow needs a whole filing identity; the placeholders are replaced by nulls below.
  const row = {
    ...errorRow(
      { ...meta, cik: cik ?? '1', formType: '-', filingDate: '-', accessionNumber: '0000000000-00-000000' },
      error,
      options,
    ),
  };
  row.form_type = null;
  row.filing_date = null;
  row.accession_number = null;
  row.cik = cik;
  return row;
}

/** A small most-recently-used map: company facts are big, and filings come company by company. */
function recentMap<V>(size: number): { get(key: string, load: () => Promise<V>): Promise<V> } {
  const map = new Map<string, Promise<V>>();
  return {
    get(key, load) {
      let value = map.get(key);
      if (value === undefined) {
        value = load();
        map.set(key, value);
        if (map.size > size) map.delete(map.keys().next().value as string);
      } else {
        map.delete(key);
        map.set(key, value);
      }
      return value;
    },
  };
}

/**
 * The TabText data set of a query, one flat row per filing ({@link filingRow}'s columns): list
 * the filings of `tickersOrCiks` × `formTypes` × `filingDateStart..filingDateEnd`, fetch each
 * document (cached, rate-limited, in this thread), and extract, score and compute Altman in a
 * pool of warmed worker threads, a batch of filings per task. Rows come in listing order
 * (company by company, newest first) unless `ordered: false`. At most `maxInFlight` documents
 * are held at once, whatever the number of filings. A filing that fails gives a row with
 * `error` set and the run goes on; a company that cannot be listed gives one such row.
 * Annual reports incorporating their MD&A by reference are read from their EX-13; annual
 * reports without inline XBRL get Altman from SEC company facts. Everything fetched is
 * cached, so a killed run resumes where it stopped.
 *
 * @param config - {@link BuildDatasetConfig}.
 * @returns An async iterable of rows; iterate it once.
 * @throws {InvalidArgumentError} At once, for a bad config (naming the field).
 * @throws The signal's reason, while iterating, when `signal` aborts (no worker thread is left running).
 * @example
 * ```ts
 * import { buildDataset, writeRecords } from 'fin-tabtext';
 * const rows = buildDataset({
 *   tickersOrCiks: ['AAPL', 'MSFT'],
 *   formTypes: ['10-K', '10-Q'],
 *   filingDateStart: '2019-01-01',
 *   filingDateEnd: '2020-12-31',
 *   userAgent: 'Jane Doe jane@example.com',
 * });
 * await writeRecords('tabtext.parquet', rows);
 * ```
 */
export function buildDataset(config: BuildDatasetConfig): AsyncIterable<FilingRow> {
  const r = resolveConfig(config);
  const client =
    config.client ??
    new EdgarClient({
      ...(pick(config as never, CLIENT_KEYS) as unknown as EdgarClientOptions),
      ...(config.signal === undefined ? {} : { signal: config.signal }),
    });
  const query =
    config.filings === undefined
      ? normalizeFilingsQuery(
          pick(config as never, QUERY_KEYS) as unknown as ListFilingsQuery,
          client.options.clock.now(),
        )
      : undefined;
  const { signal, onProgress } = config;
  const rowOptions = r.rowOptions;
  const altmanAuto = resolveFilingRowOptions(FN, rowOptions, 'config').altman === 'auto';
  const variant = resolveFilingRowOptions(FN, rowOptions, 'config').altmanVariant;
  let used = false;

  return {
    async *[Symbol.asyncIterator](): AsyncGenerator<FilingRow> {
      if (used)
        throw new InvalidArgumentError(
          'config',
          `${FN}: the returned iterable can be iterated only once; call ${FN} again.`,
        );
      used = true;
      signal?.throwIfAborted();
      // Aborted when the iteration ends for any reason, so batches still in flight stop early.
      const stop = new AbortController();
      const runSignal = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal]);
      const started = Date.now();
      // Start (and warm) the threads while the filings are listed.
      const poolPromise =
        config.pool === undefined ? createPipelinePool({ workers: r.workers }) : Promise.resolve(config.pool);
      poolPromise.catch(() => {});
      let pool: PipelinePool | undefined;
      const facts = recentMap<CompanyFactsInput | null>(4);
      let listed = 0;
      let fetched = 0;
      let done = 0;
      let errors = 0;
      let bytes = 0;
      let inFlight = 0;

      const report = (type: DatasetProgress['type']): void => {
        if (onProgress === undefined) return;
        const elapsedMs = Date.now() - started;
        const etaMs = done === 0 ? null : Math.round((elapsedMs / done) * (listed - done));
        onProgress({ type, listed, fetched, done, errors, bytes, inFlight, elapsedMs, etaMs });
      };

      try {
        const entries: Entry[] = [];
        if (config.filings !== undefined) {
          for (const ref of config.filings) entries.push({ ref });
        } else {
          const lists = await Promise.all(
            query!.tickersOrCiks.map(async (input): Promise<Entry[]> => {
              try {
                const company = await client.resolveCompany(input, { signal: runSignal });
                const refs = await client.listCompanyFilings(company, query!, { signal: runSignal });
                return refs.map((ref) => ({ ref }));
              } catch (error) {
                runSignal.throwIfAborted();
                return [{ failed: companyMeta(input), error }];
              }
            }),
          );
          for (const list of lists) entries.push(...list);
        }
        listed = entries.length;
        report('listed');
        pool = await poolPromise;
        const activePool = pool;

        /** Fetch a batch's documents, score them in the pool, then fill what needs more requests. */
        const processBatch = async (batch: readonly Entry[]): Promise<FilingRow[]> => {
          const rows: (FilingRow | undefined)[] = new Array(batch.length);
          const items: RowItem[] = [];
          const slots: number[] = [];
          await Promise.all(
            batch.map(async (entry, i) => {
              if ('failed' in entry) {
                rows[i] = companyErrorRow(entry.failed, entry.error, rowOptions);
                return;
              }
              try {
                runSignal.throwIfAborted();
                const document = await client.fetchDocument(entry.ref, { signal: runSignal });
                fetched++;
                bytes += Buffer.byteLength(document);
                items.push({ document, meta: metaOf(entry.ref) });
                slots.push(i);
              } catch (error) {
                runSignal.throwIfAborted();
                rows[i] = errorRow(metaOf(entry.ref), error, rowOptions);
              }
            }),
          );
          if (items.length > 0) {
            const scored = await runRows(activePool, items, rowOptions, runSignal);
            for (let k = 0; k < items.length; k++) {
              rows[slots[k]!] = await complete(scored[k]!, items[k]!, slots[k]!);
            }
          }
          return rows as FilingRow[];

          async function complete(row: FilingRow, item: RowItem, slot: number): Promise<FilingRow> {
            const ref = (batch[slot] as { ref: FilingRef }).ref;
            let out = row;
            if (
              row.error === null &&
              row.mdna_status === 'incorporated-by-reference' &&
              ANNUAL_FORMS.test(ref.formType)
            ) {
              out = await withExhibits(activePool, out, item, ref);
            }
            if (
              altmanAuto &&
              out.error === null &&
              ANNUAL_FORMS.test(ref.formType) &&
              out.altman_source === null &&
              typeof out.altman_note === 'string' &&
              out.altman_note.startsWith('no inline XBRL')
            ) {
              const companyFacts = await facts.get(ref.cik, async () => {
                try {
                  return (await client.companyFacts(ref.cik, {
                    signal: runSignal,
                  })) as unknown as CompanyFactsInput;
                } catch (_error) {
                  runSignal.throwIfAborted();
                  return null;
                }
              });
              if (companyFacts !== null) {
                const patched = { ...out };
                applyCompanyFactsAltman(patched, companyFacts, variant);
                out = patched;
              }
            }
            return out;
          }
        };

        /** Re-score an annual report whose MD&A is incorporated by reference, with its EX-13 texts. */
        const withExhibits = async (
          activePool: PipelinePool,
          row: FilingRow,
          item: RowItem,
          ref: FilingRef,
        ): Promise<FilingRow> => {
          try {
            const index = await client.fetchFilingIndex(ref, { signal: runSignal });
            const names = exhibit13Candidates(index);
            // Older filings ship every exhibit inside the full submission text file.
            if (names.length === 0) names.push(`${ref.accessionNumber}.txt`);
            const exhibits: string[] = [];
            for (const name of names)
              exhibits.push(await client.fetchDocument(ref, name, { signal: runSignal }));
            const [again] = await runRows(
              activePool,
              [{ document: item.document, meta: { ...item.meta, exhibits } }],
              rowOptions,
              runSignal,
            );
            return again!;
          } catch (_error) {
            runSignal.throwIfAborted();
            // The EX-13 could not be fetched: the MD&A stays incorporated by reference.
            return row;
          }
        };

        const batches: Entry[][] = [];
        for (let i = 0; i < entries.length; i += r.batchSize) batches.push(entries.slice(i, i + r.batchSize));
        const windowBatches = Math.max(1, Math.floor(r.maxInFlight / r.batchSize));
        const running = new Map<number, Promise<{ index: number; rows: FilingRow[] }>>();
        let next = 0;
        const launch = (): void => {
          while (next < batches.length && running.size < windowBatches) {
            const index = next++;
            inFlight += batches[index]!.length;
            const task = processBatch(batches[index]!).then((rows) => ({ index, rows }));
            task.catch(() => {});
            running.set(index, task);
          }
        };
        let wanted = 0;
        launch();
        while (running.size > 0) {
          runSignal.throwIfAborted();
          const { index, rows } = r.ordered
            ? await running.get(wanted)!
            : await Promise.race(running.values());
          running.delete(index);
          wanted++;
          inFlight -= rows.length;
          for (const row of rows) {
            done++;
            if (row.error !== null) errors++;
            report('row');
            yield row;
          }
          launch();
        }
      } finally {
        stop.abort(new Error(`${FN}: the iteration ended`));
        // Ends every thread, also when the consumer stops early or the signal aborted.
        if (config.pool === undefined) await (pool ?? (await poolPromise.catch(() => undefined)))?.close();
      }
    },
  };
}

/**
 * Run a batch in the pool. When the batch itself fails (a thread died), each filing is retried
 * alone so that only the one at fault gets an `error` row.
 */
async function runRows(
  pool: PipelinePool,
  items: readonly RowItem[],
  options: FilingRowOptions,
  signal: AbortSignal | undefined,
): Promise<FilingRow[]> {
  try {
    return (await pool.run({ kind: 'rows', items, options }, signal)) as FilingRow[];
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (items.length === 1) return [errorRow(items[0]!.meta, error, options)];
    const rows: FilingRow[] = [];
    for (const item of items) rows.push(...(await runRows(pool, [item], options, signal)));
    return rows;
  }
}
