import { crc32 } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { FinTabTextError, InvalidArgumentError } from '../errors/index.js';
import { parseCik } from '../identifiers/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
import { type CompanyFacts, type ListFilingsQuery, normalizeFilingsQuery, SEC_BASE_URLS } from './client.js';
import { type FilingRef, filterColumns, parseSubmissions, type SubmissionColumns } from './filings.js';
import { normalizeTicker } from './tickers.js';

/**
 * Reading SEC's bulk archives (`companyfacts.zip`, `submissions.zip`, published nightly under
 * `/Archives/edgar/daily-index/bulkdata/`) from a local path, so a back-fill over thousands of
 * companies does not spend one request per company. The archives are about 1 GB each and hold
 * one JSON file per company (`CIK0000320193.json`; submissions also older pages
 * `CIK0000320193-submissions-001.json`). Entries are read one at a time from the ZIP's central
 * directory and inflated as streams: memory holds one company's JSON, whatever the archive size,
 * and entries of companies not asked for are never inflated.
 */

/** Options of {@link readBulkArchive}. */
export interface BulkArchiveOptions {
  /**
   * Only the entries of these companies (CIKs in any form: `320193`, `'0000320193'`). Entries
   * of other companies are skipped without being inflated.
   * @default every entry
   */
  readonly ciks?: readonly (string | number)[];
  /**
   * Largest uncompressed entry to parse, in bytes; a larger entry is a {@link BulkArchiveError}
   * (a guard against a damaged or hostile archive, not a limit real archives reach: the largest
   * company-facts file is well under 100 MB).
   * @default 536870912 (512 MiB)
   */
  readonly maxEntryBytes?: number;
  /** Stops reading; the iterator throws the signal's reason. @default none */
  readonly signal?: AbortSignal;
}

/** One company file of a bulk archive. */
export interface BulkArchiveEntry {
  /** The file name inside the archive, e.g. `CIK0000320193-submissions-001.json`. */
  readonly fileName: string;
  /** 10-digit CIK from the file name, or `null` for a file not named after a company. */
  readonly cik: string | null;
  /** `true` for an older-filings page of `submissions.zip` (`-submissions-NNN.json`). */
  readonly page: boolean;
  /** The parsed JSON. */
  readonly json: unknown;
}

/** A bulk archive that cannot be read: not a ZIP, truncated, an entry too large or not JSON. */
export class BulkArchiveError extends FinTabTextError {
  static override readonly errorName: string = 'BulkArchiveError';

  /** The archive's path. */
  readonly path: string;
  /** The entry concerned, or `null` for the archive as a whole. */
  readonly fileName: string | null;

  constructor(
    path: string,
    fileName: string | null,
    message: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, { code: 'BULK_ARCHIVE_INVALID', cause: options.cause });
    this.path = path;
    this.fileName = fileName;
  }
}

export const defaultBulkArchiveOptions: Readonly<{ maxEntryBytes: number }> = Object.freeze({
  maxEntryBytes: 512 * 1024 * 1024,
});

const ENTRY_NAME = /^(?:.*\/)?CIK(\d{10})(-submissions-\d+)?\.json$/;
const ARCHIVE_OPTION_KEYS = ['ciks', 'maxEntryBytes', 'signal'] as const;

function cikSet(fn: string, ciks: readonly (string | number)[] | undefined): Set<string> | null {
  if (ciks === undefined) return null;
  if (!Array.isArray(ciks)) {
    throw new InvalidArgumentError(
      'options.ciks',
      `${fn}: options.ciks must be an array of CIKs, e.g. ['320193'].`,
    );
  }
  const set = new Set<string>();
  ciks.forEach((value, i) => {
    const cik = parseCik(value);
    if (cik === null) {
      throw new InvalidArgumentError(
        `options.ciks[${i}]`,
        `${fn}: options.ciks[${i}] is not a CIK: ${JSON.stringify(value)}. Use digits, e.g. '320193' or '0000320193'.`,
      );
    }
    set.add(cik);
  });
  return set;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

async function openZip(path: string): Promise<ZipFile> {
  let yauzl: typeof import('yauzl');
  try {
    const loaded = (await import('yauzl')) as typeof import('yauzl') & { default?: typeof import('yauzl') };
    yauzl = loaded.default ?? loaded;
  } catch (cause) {
    throw new FinTabTextError('reading bulk archives needs the package yauzl: npm install yauzl', {
      code: 'MISSING_DEPENDENCY',
      cause,
    });
  }
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) => {
      if (error !== null || zip === undefined) {
        reject(
          new BulkArchiveError(
            path,
            null,
            `bulk archive ${path} cannot be opened as a ZIP file: ${error?.message}`,
            { cause: error },
          ),
        );
      } else resolve(zip);
    });
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (entry: Entry): void => {
      cleanup();
      resolve(entry);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

async function readEntryText(zip: ZipFile, entry: Entry, signal: AbortSignal | undefined): Promise<string> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
    zip.openReadStream(entry, (error, readable) =>
      error !== null || readable === undefined ? reject(error) : resolve(readable),
    );
  });
  const chunks: Buffer[] = [];
  let crc = 0;
  const onAbort = (): void => {
    (stream as NodeJS.ReadableStream & { destroy(error?: Error): void }).destroy(
      abortReason(signal!) as Error,
    );
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      crc = crc32(chunk as Buffer, crc);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  // yauzl checks sizes, not checksums: a flipped byte can still inflate to wrong data.
  if (crc >>> 0 !== entry.crc32 >>> 0) {
    throw new Error(
      `CRC-32 mismatch (stored ${entry.crc32.toString(16)}, computed ${(crc >>> 0).toString(16)})`,
    );
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Iterate the company files of an SEC bulk archive (`companyfacts.zip` or `submissions.zip`) on
 * local disk, one parsed JSON at a time, with constant memory. Files of companies outside
 * `options.ciks` are skipped without being inflated; a damaged archive or entry (bad CRC,
 * truncated, not JSON) is a {@link BulkArchiveError} naming the entry.
 *
 * @param path - Path of the ZIP file.
 * @param options - CIK filter, entry size guard, signal.
 * @returns An async iterable of {@link BulkArchiveEntry}, in the archive's order.
 * @throws {@link BulkArchiveError} on a damaged archive; {@link InvalidArgumentError} on bad options.
 * @example
 * ```ts
 * import { readBulkArchive } from 'fin-tabtext/edgar';
 * for await (const entry of readBulkArchive('companyfacts.zip', { ciks: ['320193'] })) {
 *   console.log(entry.cik, (entry.json as { entityName: string }).entityName);
 * }
 * ```
 */
export function readBulkArchive(path: string, options?: BulkArchiveOptions): AsyncIterable<BulkArchiveEntry> {
  const fn = 'readBulkArchive';
  if (typeof path !== 'string' || path === '') {
    throw new InvalidArgumentError(
      'path',
      `${fn}(path): path must be the path of a local ZIP file, e.g. readBulkArchive('companyfacts.zip').`,
    );
  }
  const opts = checkOptions(fn, options, ARCHIVE_OPTION_KEYS);
  const wanted = cikSet(fn, opts.ciks);
  const maxEntryBytes =
    checkNumber(fn, 'options.maxEntryBytes', opts.maxEntryBytes, { min: 1, integer: true }) ??
    defaultBulkArchiveOptions.maxEntryBytes;
  const signal = opts.signal;
  return {
    async *[Symbol.asyncIterator](): AsyncGenerator<BulkArchiveEntry> {
      if (signal?.aborted) throw abortReason(signal);
      const zip = await openZip(path);
      try {
        for (;;) {
          if (signal?.aborted) throw abortReason(signal);
          let entry: Entry | null;
          try {
            entry = await nextEntry(zip);
          } catch (cause) {
            throw new BulkArchiveError(
              path,
              null,
              `bulk archive ${path} is damaged: ${(cause as Error).message}`,
              { cause },
            );
          }
          if (entry === null) return;
          const match = ENTRY_NAME.exec(entry.fileName);
          const cik = match?.[1] ?? null;
          if (match === null || (wanted !== null && !wanted.has(cik!))) continue;
          if (entry.uncompressedSize > maxEntryBytes) {
            throw new BulkArchiveError(
              path,
              entry.fileName,
              `${entry.fileName} in ${path} is ${entry.uncompressedSize} bytes uncompressed, over options.maxEntryBytes (${maxEntryBytes}).`,
            );
          }
          let text: string;
          try {
            text = await readEntryText(zip, entry, signal);
          } catch (cause) {
            if (signal?.aborted) throw abortReason(signal);
            throw new BulkArchiveError(
              path,
              entry.fileName,
              `${entry.fileName} in ${path} cannot be inflated: ${(cause as Error).message}`,
              { cause },
            );
          }
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch (cause) {
            throw new BulkArchiveError(
              path,
              entry.fileName,
              `${entry.fileName} in ${path} is not JSON: ${(cause as Error).message}`,
              { cause },
            );
          }
          yield { fileName: entry.fileName, cik, page: match[2] !== undefined, json };
        }
      } finally {
        zip.close();
      }
    },
  };
}

/**
 * Company facts of the given companies from a local `companyfacts.zip`, in the shape
 * `EdgarClient.companyFacts` returns, without a request per company.
 *
 * @param path - Path of `companyfacts.zip`.
 * @param options - `ciks` to read (default: every company), `signal`, `maxEntryBytes`.
 * @returns An async iterable of company facts, in the archive's order.
 * @throws {@link BulkArchiveError} on a damaged archive.
 * @example
 * ```ts
 * import { altmanFromCompanyFacts } from 'fin-tabtext';
 * import { companyFactsFromBulk } from 'fin-tabtext/edgar';
 * for await (const facts of companyFactsFromBulk('companyfacts.zip', { ciks: [1640147] })) {
 *   console.log(facts.entityName, altmanFromCompanyFacts(facts).z);
 * }
 * ```
 */
export async function* companyFactsFromBulk(
  path: string,
  options?: BulkArchiveOptions,
): AsyncGenerator<CompanyFacts> {
  for await (const entry of readBulkArchive(path, options)) {
    const json = entry.json as Partial<CompanyFacts> | null;
    if (json === null || typeof json !== 'object' || typeof json.facts !== 'object') {
      throw new BulkArchiveError(
        path,
        entry.fileName,
        `${entry.fileName} in ${path} is not a company-facts file (no "facts" object); is this companyfacts.zip?`,
      );
    }
    yield json as CompanyFacts;
  }
}

/** Options of {@link listFilingsFromBulk}. */
export interface BulkFilingsOptions {
  /**
   * Resolves a ticker of `query.tickersOrCiks` to a CIK; bulk files are named by CIK. Pass
   * `(ticker) => client.resolveCik(ticker)`: one cached request for SEC's ticker table.
   * @default none: tickers are an error, CIKs work
   */
  readonly resolveCik?: (ticker: string) => Promise<string> | string;
  /** Stops reading. @default none */
  readonly signal?: AbortSignal;
  /** See {@link BulkArchiveOptions.maxEntryBytes}. @default 536870912 */
  readonly maxEntryBytes?: number;
}

/**
 * The filings matching a query, listed from a local `submissions.zip` instead of one
 * submissions request per company (and one per older page). The query is the one
 * `EdgarClient.listFilings` takes; the refs are the same, so they feed the data-set loader.
 * Refs come out company by company, when the company's main file has been read (its older
 * pages, which the archive stores before it, are held until then).
 *
 * @param path - Path of `submissions.zip`.
 * @param query - Companies, forms and filing dates, as for `listFilings`.
 * @param options - `resolveCik` for tickers, `signal`, `maxEntryBytes`.
 * @returns An async iterable of {@link FilingRef}.
 * @throws {@link InvalidArgumentError} for a ticker without `resolveCik`; {@link BulkArchiveError}.
 * @example
 * ```ts
 * import { EdgarClient } from 'fin-tabtext';
 * import { listFilingsFromBulk } from 'fin-tabtext/edgar';
 * const client = new EdgarClient({ userAgent: 'Jane Analyst jane@example.com' });
 * const query = { tickersOrCiks: ['AAPL', '789019'], formTypes: ['10-K'], filingDateStart: '2010-01-01' };
 * for await (const ref of listFilingsFromBulk('submissions.zip', query, { resolveCik: (t) => client.resolveCik(t) })) {
 *   console.log(ref.accessionNumber, ref.url);
 * }
 * ```
 */
export async function* listFilingsFromBulk(
  path: string,
  query: ListFilingsQuery,
  options?: BulkFilingsOptions,
): AsyncGenerator<FilingRef> {
  const fn = 'listFilingsFromBulk';
  const opts = checkOptions(fn, options, ['resolveCik', 'signal', 'maxEntryBytes']);
  const q = normalizeFilingsQuery(query);
  const tickerOf = new Map<string, string | null>();
  for (const input of q.tickersOrCiks) {
    let cik = parseCik(input);
    let ticker: string | null = null;
    if (cik === null) {
      if (opts.resolveCik === undefined) {
        throw new InvalidArgumentError(
          'options.resolveCik',
          `${fn}: '${input}' is a ticker, and bulk files are named by CIK. Pass options.resolveCik, e.g. ` +
            `${fn}(path, query, { resolveCik: (t) => client.resolveCik(t) }), or give CIKs.`,
        );
      }
      cik = parseCik(await opts.resolveCik(input));
      if (cik === null)
        throw new InvalidArgumentError(
          'options.resolveCik',
          `${fn}: options.resolveCik('${input}') did not return a CIK.`,
        );
      ticker = normalizeTicker(input);
    }
    if (!tickerOf.has(cik) || ticker !== null) tickerOf.set(cik, ticker);
  }
  const forms = new Set(q.formTypes);
  const pending = new Map<string, SubmissionColumns[]>();
  const archive = readBulkArchive(path, {
    ciks: [...tickerOf.keys()],
    signal: opts.signal,
    maxEntryBytes: opts.maxEntryBytes,
  });
  const refsOf = (
    cik: string,
    company: string,
    ticker: string | null,
    columns: readonly SubmissionColumns[],
  ): FilingRef[] =>
    columns.flatMap((c) =>
      filterColumns(
        c,
        { cik, ticker, company },
        forms,
        q.filingDateStart,
        q.filingDateEnd,
        SEC_BASE_URLS.www,
      ),
    );
  for await (const entry of archive) {
    const cik = entry.cik!;
    if (entry.page) {
      const list = pending.get(cik) ?? [];
      list.push((entry.json ?? {}) as SubmissionColumns);
      pending.set(cik, list);
      continue;
    }
    const subs = parseSubmissions(entry.json, cik);
    const ticker =
      tickerOf.get(cik) ?? (subs.tickers[0] === undefined ? null : normalizeTicker(subs.tickers[0]));
    const pages = pending.get(cik) ?? [];
    pending.delete(cik);
    yield* refsOf(cik, subs.name, ticker, [subs.recent, ...pages]);
    tickerOf.delete(cik);
  }
  // Pages whose main file the archive lacks: list them without a company name.
  for (const [cik, pages] of pending) yield* refsOf(cik, '', tickerOf.get(cik) ?? null, pages);
}
