import { InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
import { documentToText, extractMdna, type MdnaResult } from '../extract/index.js';
import { parseCik } from '../identifiers/index.js';
import { checkBoolean, checkEnum, checkOptions } from '../options/index.js';
import {
  EdgarClient,
  FILINGS_QUERY_KEYS,
  type ListFilingsQuery,
  normalizeQueryFields,
  type ResolvedCompany,
} from './client.js';
import { reasonOf } from './clock.js';
import { exhibit13Candidates } from './exhibit.js';
import type { FilingRef, RejectedFiling } from './filings.js';
import { isCalendarDate, requireAccession } from './filings.js';
import { EDGAR_CLIENT_OPTION_KEYS, type EdgarClientOptions } from './options.js';
import type { EdgarProgressEvent } from './progress.js';
import { normalizeTicker } from './tickers.js';

/**
 * Where a record's MD&A came from: `found` (in the filing's main document),
 * `found-in-exhibit-13` (the main document incorporates it by reference to the annual report,
 * and it was extracted from that filing's EX-13), `incorporated-by-reference` (no EX-13 with an
 * MD&A was found), `not-found`.
 */
export type FilingMdnaStatus = 'found' | 'found-in-exhibit-13' | 'incorporated-by-reference' | 'not-found';

/**
 * One flat row per filing, the same keys in the same order on every row ({@link FILING_RECORD_COLUMNS}),
 * `null` for anything missing. A filing (or company) that failed has `error` set.
 */
export interface FilingRecord {
  /** Ticker asked for, or SEC's first ticker of the company. */
  readonly ticker: string | null;
  /** 10-digit zero-padded CIK. */
  readonly cik: string | null;
  /** Company name from SEC's submissions record. */
  readonly company: string | null;
  /** SEC form type, e.g. `10-K`. */
  readonly form_type: string | null;
  /** `YYYY-MM-DD`. */
  readonly filing_date: string | null;
  /** Period of report, `YYYY-MM-DD`. */
  readonly report_date: string | null;
  /** `##########-##-######`. */
  readonly accession_number: string | null;
  /** SEC URL of the main document. */
  readonly url: string | null;
  /** The MD&A text, or `null` when none was found. */
  readonly mdna: string | null;
  /** Where the MD&A came from, `null` when the filing failed. */
  readonly mdna_status: FilingMdnaStatus | null;
  /** Plain text of the whole main document when `includeText` is set, else `null`. */
  readonly text: string | null;
  /** What went wrong for this filing or company, else `null`. */
  readonly error: string | null;
}

/** The columns of {@link FilingRecord}, in order. */
export const FILING_RECORD_COLUMNS: readonly (keyof FilingRecord)[] = Object.freeze([
  'ticker',
  'cik',
  'company',
  'form_type',
  'filing_date',
  'report_date',
  'accession_number',
  'url',
  'mdna',
  'mdna_status',
  'text',
  'error',
] as const);

/**
 * Configuration of {@link loadEdgarDataset}: the filings query plus either a `client` or the
 * options to build one (`userAgent` at least).
 */
export interface LoadEdgarDatasetConfig extends ListFilingsQuery, Partial<EdgarClientOptions> {
  /**
   * A client to use; when absent one is built from the other fields.
   * @default new EdgarClient(config)
   */
  readonly client?: EdgarClient;
  /**
   * Fill `text` with the whole main document as plain text.
   * @default false
   */
  readonly includeText?: boolean;
  /**
   * Order of the records: `'input'` (listing order; a slow filing holds back the records after
   * it, though up to `4 × concurrency` filings keep loading meanwhile) or `'as-completed'` (each
   * record as soon as it is ready, so a filing waiting out a `Retry-After` never holds the others).
   * @default 'input'
   */
  readonly order?: LoadEdgarDatasetOrder;
}

/** Record order of {@link loadEdgarDataset}. */
export type LoadEdgarDatasetOrder = 'input' | 'as-completed';

const DATASET_KEYS: readonly string[] = Object.freeze([
  ...FILINGS_QUERY_KEYS,
  'client',
  'includeText',
  'order',
  ...EDGAR_CLIENT_OPTION_KEYS,
]);
/** Filings loading at once per unit of `concurrency` (requests still obey `concurrency`). */
const LOOKAHEAD = 4;

function emptyRecord(): { -readonly [K in keyof FilingRecord]: FilingRecord[K] } {
  return {
    ticker: null,
    cik: null,
    company: null,
    form_type: null,
    filing_date: null,
    report_date: null,
    accession_number: null,
    url: null,
    mdna: null,
    mdna_status: null,
    text: null,
    error: null,
  };
}

function messageOf(error: unknown): string {
  if (error instanceof Error)
    return isFinTabTextError(error) ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}

// Forms whose MD&A the extractor locates (10-K, 10-K405, 10-KSB, 10-KT, 10-Q, 10-QSB, with /A).
const MDNA_FORMS = /^10-?[KQ]/i;

type Entry = { readonly ref: FilingRef } | { readonly failed: FilingRecord };

/** The record of a malformed submissions row: what is known of it, and the reason. */
function rejectedRecord(row: RejectedFiling): FilingRecord {
  const record = emptyRecord();
  record.ticker = row.ticker;
  record.cik = row.cik;
  record.company = row.company === '' ? null : row.company;
  record.form_type = row.formType;
  record.filing_date = isCalendarDate(row.filingDate) ? row.filingDate : null;
  record.error = `EDGAR_BAD_SUBMISSIONS_ROW: ${row.reason}`;
  return record;
}

/**
 * Load a filings data set: for every filing of the given companies, forms and dates, one flat
 * {@link FilingRecord} with the MD&A text. Where the MD&A is incorporated by reference to the
 * annual report, the filing's EX-13 (a separate file, or a block of the full submission text)
 * is fetched and the MD&A extracted from it. A filing or company that fails yields a record
 * with `error` set; the batch never stops for it. Everything fetched is cached, so a run that
 * was killed resumes where it stopped and a repeated run sends no request.
 *
 * A malformed submissions row (accession number, document name, date) gives that filing a record
 * with `error`; the company's other filings load.
 *
 * @param config - Companies (`tickersOrCiks`), `formTypes`, `filingDateStart`, `filingDateEnd`,
 *   `includeAmendments`, `includeText`, `order`, and a `client` or client options (`userAgent`,
 *   ...). `onProgress` also receives a `filing` event per record; `signal` cancels, also every
 *   request of a given `client`.
 * @returns Records in listing order (company by company, newest filing first), or as they
 *   complete with `order: 'as-completed'`.
 * @throws {InvalidArgumentError} at once for a bad query or client option, or an unknown key
 *   (with a did-you-mean); no request sent.
 * @throws The signal's reason, while iterating, when `signal` aborts.
 * @example
 * ```ts
 * import { loadEdgarDataset } from 'fin-tabtext';
 * for await (const record of loadEdgarDataset({
 *   tickersOrCiks: ['AAPL', 'MSFT'],
 *   formTypes: ['10-K', '10-Q'],
 *   filingDateStart: '2020-01-01',
 *   filingDateEnd: '2023-12-31',
 *   userAgent: 'Acme Research jane@acme.com',
 * })) {
 *   console.log(record.ticker, record.form_type, record.filing_date, record.mdna_status);
 * }
 * ```
 */
export function loadEdgarDataset(config: LoadEdgarDatasetConfig): AsyncIterable<FilingRecord> {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new InvalidArgumentError(
      'config',
      "loadEdgarDataset needs a config object, e.g. loadEdgarDataset({ tickersOrCiks: ['AAPL'], userAgent: 'Acme Research jane@acme.com' }).",
    );
  }
  checkOptions('loadEdgarDataset', config, DATASET_KEYS, 'config');
  const order =
    checkEnum('loadEdgarDataset', 'config.order', config.order, ['input', 'as-completed'] as const) ??
    'input';
  const includeText = checkBoolean('loadEdgarDataset', 'config.includeText', config.includeText) === true;
  if (config.client !== undefined && !(config.client instanceof EdgarClient)) {
    throw new InvalidArgumentError(
      'config.client',
      "loadEdgarDataset: config.client must be an EdgarClient, e.g. { client: new EdgarClient({ userAgent: 'Acme Research jane@acme.com' }) }.",
    );
  }
  const client = config.client ?? new EdgarClient(pickClientOptions(config));
  const query = normalizeQueryFields(config, client.options.clock.now());
  // The loader's signal reaches every call it makes on the client (given or built).
  const signal = config.signal ?? client.options.signal;
  const call = { signal };
  const onProgress = config.onProgress;
  const window = Math.max(1, client.options.concurrency) * LOOKAHEAD;

  const failure = (input: string, error: unknown): FilingRecord => {
    const record = emptyRecord();
    const cik = parseCik(input);
    if (cik === null) record.ticker = normalizeTicker(input);
    else record.cik = cik;
    record.error = messageOf(error);
    return record;
  };

  const listCompany = async (input: string): Promise<Entry[]> => {
    let company: ResolvedCompany;
    try {
      company = await client.resolveCompany(input, call);
      const { refs, rejected } = await client.scanCompanyFilings(company, query, call);
      return [...refs.map((ref) => ({ ref })), ...rejected.map((row) => ({ failed: rejectedRecord(row) }))];
    } catch (error) {
      if (signal?.aborted) throw reasonOf(signal);
      return [{ failed: failure(input, error) }];
    }
  };

  const mdnaOf = async (
    ref: FilingRef,
    document: string,
  ): Promise<{ mdna: string | null; status: FilingMdnaStatus }> => {
    if (!MDNA_FORMS.test(ref.formType)) return { mdna: null, status: 'not-found' };
    const main = extractMdna(document, { formType: ref.formType });
    if (main.status === 'found') return { mdna: main.text, status: 'found' };
    if (main.status !== 'incorporated-by-reference') return { mdna: null, status: 'not-found' };
    const index = await client.fetchFilingIndex(ref, call);
    const names = exhibit13Candidates(index);
    // Older filings ship every exhibit inside the full submission text file, as an EX-13 block
    // that the extractor picks out itself.
    if (names.length === 0) names.push(`${requireAccession(ref.accessionNumber)}.txt`);
    for (const name of names) {
      const exhibit = await client.fetchDocument(ref, name, call);
      let found: MdnaResult;
      try {
        found = extractMdna(exhibit, { formType: 'EX-13' });
      } catch (error) {
        // A submission without an EX-13 block: the MD&A stays incorporated by reference.
        if (isFinTabTextError(error) && error.code === 'DOCUMENT_NOT_FOUND') continue;
        throw error;
      }
      if (found.status === 'found') return { mdna: found.text, status: 'found-in-exhibit-13' };
    }
    return { mdna: null, status: 'incorporated-by-reference' };
  };

  const processFiling = async (ref: FilingRef): Promise<FilingRecord> => {
    const record = emptyRecord();
    record.ticker = ref.ticker;
    record.cik = ref.cik;
    record.company = ref.company === '' ? null : ref.company;
    record.form_type = ref.formType;
    record.filing_date = ref.filingDate;
    record.report_date = ref.reportDate;
    record.accession_number = ref.accessionNumber;
    record.url = ref.url;
    try {
      const document = await client.fetchDocument(ref, call);
      const { mdna, status } = await mdnaOf(ref, document);
      record.mdna = mdna;
      record.mdna_status = status;
      if (includeText) record.text = documentToText(document);
    } catch (error) {
      if (signal?.aborted) throw reasonOf(signal);
      record.mdna = null;
      record.mdna_status = null;
      record.text = null;
      record.error = messageOf(error);
    }
    return record;
  };

  const report = (record: FilingRecord, done: number, total: number): void => {
    const progress: EdgarProgressEvent = {
      type: 'filing',
      done,
      total,
      accessionNumber: record.accession_number ?? '',
      error: record.error,
    };
    onProgress?.(progress);
  };

  return {
    async *[Symbol.asyncIterator](): AsyncGenerator<FilingRecord> {
      const listed = await Promise.all(query.tickersOrCiks.map(listCompany));
      if (signal?.aborted) throw reasonOf(signal);
      const entries = listed.flat();
      const total = entries.length;
      const startTask = (i: number): Promise<FilingRecord> => {
        const entry = entries[i]!;
        return 'failed' in entry ? Promise.resolve(entry.failed) : processFiling(entry.ref);
      };
      if (order === 'as-completed') {
        const running = new Map<number, Promise<{ i: number; record: FilingRecord }>>();
        let next = 0;
        const fill = (): void => {
          while (next < total && running.size < window) {
            const i = next++;
            const task = startTask(i).then((record) => ({ i, record }));
            task.catch(() => {});
            running.set(i, task);
          }
        };
        fill();
        for (let done = 1; running.size > 0; done++) {
          if (signal?.aborted) throw reasonOf(signal);
          const { i, record } = await Promise.race(running.values());
          running.delete(i);
          fill();
          report(record, done, total);
          yield record;
        }
        return;
      }
      const tasks: Promise<FilingRecord>[] = [];
      const start = (upTo: number): void => {
        while (tasks.length < Math.min(upTo, total)) {
          const task = startTask(tasks.length);
          // Awaited in order below; this only keeps a later failure from being reported as unhandled.
          task.catch(() => {});
          tasks.push(task);
        }
      };
      for (let i = 0; i < total; i++) {
        if (signal?.aborted) throw reasonOf(signal);
        start(i + window);
        const record = await tasks[i]!;
        report(record, i + 1, total);
        yield record;
      }
    },
  };
}

/** The client options among a loader config. */
function pickClientOptions(config: LoadEdgarDatasetConfig): EdgarClientOptions {
  const out: Record<string, unknown> = {};
  for (const key of EDGAR_CLIENT_OPTION_KEYS) {
    if (key in config) out[key] = (config as unknown as Record<string, unknown>)[key];
  }
  return out as unknown as EdgarClientOptions;
}
