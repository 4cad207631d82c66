import { InvalidArgumentError } from '../errors/index.js';
import { parseAccession, parseCik } from '../identifiers/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
import type { FilingRef } from './filings.js';
import { filingFolderPath } from './filings.js';
import { normalizeFormTypes, validateDateRange } from './query.js';

/**
 * EDGAR full-text search (FTS): SEC's search over the text of every filing since 2001,
 * served as JSON by `efts.sec.gov/LATEST/search-index`. The request takes `q` (words or a
 * quoted phrase), `forms` (comma-separated), `dateRange=custom` with `startdt`/`enddt`,
 * `ciks` (comma-separated 10-digit CIKs) and `from` (offset; SEC returns 100 hits a page and at
 * most 10,000 hits a query). The answer is an Elasticsearch response: `hits.total.value`
 * (`relation: 'gte'` when capped) and `hits.hits[]`, one hit per matching *document*, with
 * `_id` = `<accession>:<file name>` and `_source` holding `adsh`, `ciks`, `display_names`,
 * `form`, `root_forms`, `file_type`, `file_date`, `period_ending`.
 */

/** A full-text search query. */
export interface FullTextSearchQuery {
  /** Words, or a phrase in double quotes: `'"going concern"'`. */
  readonly q: string;
  /** Form types to search, e.g. `['10-K']`. @default every form */
  readonly forms?: string | readonly string[];
  /** Filing dates `[start, end]`, inclusive, `YYYY-MM-DD`. @default all dates (2001 on) */
  readonly dateRange?: readonly [string, string];
  /** Only these filers (CIKs in any form). @default every filer */
  readonly ciks?: readonly (string | number)[];
}

/** Options of a full-text search. */
export interface FullTextSearchOptions {
  /**
   * Stop after this many distinct filings (the search itself caps a query at 10,000 hits).
   * @default 10000
   */
  readonly maxResults?: number;
  /** Stops the search between pages. @default none */
  readonly signal?: AbortSignal;
}

/** A filing found by full-text search: a {@link FilingRef} plus the documents that matched. */
export interface FullTextSearchHit extends FilingRef {
  /** File names inside the filing whose text matched (the main document and/or exhibits). */
  readonly matchedDocuments: readonly string[];
}

/** One parsed page of search results. */
export interface FullTextSearchPage {
  /** Total hits SEC reports for the query (documents, not filings). */
  readonly total: number;
  /** `true` when `total` is a lower bound (SEC caps the count at 10,000). */
  readonly totalIsLowerBound: boolean;
  /** The page's hits, one per matching document, in SEC's order. */
  readonly hits: readonly FullTextDocumentHit[];
}

/** One matching document, as SEC returns it. */
export interface FullTextDocumentHit {
  readonly accessionNumber: string;
  readonly cik: string;
  readonly company: string;
  readonly formType: string;
  /** The document's own type: the form for the main document, `EX-99.1` for an exhibit. */
  readonly fileType: string | null;
  readonly fileName: string;
  readonly filingDate: string;
  readonly reportDate: string | null;
}

/** Page size SEC's search answers with. */
export const FULL_TEXT_SEARCH_PAGE_SIZE = 100;
/** Most hits one query can page through. */
export const FULL_TEXT_SEARCH_MAX_HITS = 10_000;

/** A validated query. */
export interface NormalizedFullTextSearchQuery {
  readonly q: string;
  readonly forms: readonly string[];
  readonly dateRange: readonly [string, string] | null;
  readonly ciks: readonly string[];
}

/**
 * Validate a full-text search query.
 *
 * @param query - The query.
 * @returns The normalized query.
 * @throws {@link InvalidArgumentError} naming the bad field.
 * @example
 * ```ts
 * normalizeFullTextSearchQuery({ q: '"going concern"', forms: '10-K', dateRange: ['2010-01-01', '2020-12-31'] });
 * ```
 */
export function normalizeFullTextSearchQuery(query: FullTextSearchQuery): NormalizedFullTextSearchQuery {
  const fn = 'searchFilings';
  const opts = checkOptions(fn, query, ['q', 'forms', 'dateRange', 'ciks'], 'query');
  if (typeof opts.q !== 'string' || opts.q.trim() === '') {
    throw new InvalidArgumentError(
      'query.q',
      `${fn}: query.q must be the words to search for, e.g. { q: '"going concern"' }.`,
    );
  }
  const forms = opts.forms === undefined ? [] : normalizeFormTypes(opts.forms, false);
  let dateRange: [string, string] | null = null;
  if (opts.dateRange !== undefined) {
    if (!Array.isArray(opts.dateRange) || opts.dateRange.length !== 2) {
      throw new InvalidArgumentError(
        'query.dateRange',
        `${fn}: query.dateRange must be [start, end], e.g. ['2010-01-01', '2020-12-31'].`,
      );
    }
    dateRange = validateDateRange(opts.dateRange[0], opts.dateRange[1]);
  }
  const ciks = (opts.ciks ?? []).map((value, i) => {
    const cik = parseCik(value);
    if (cik === null) {
      throw new InvalidArgumentError(
        `query.ciks[${i}]`,
        `${fn}: query.ciks[${i}] is not a CIK: ${JSON.stringify(value)}.`,
      );
    }
    return cik;
  });
  return { q: opts.q.trim(), forms, dateRange, ciks };
}

/**
 * The path and query string of one page of a full-text search, below the search host.
 *
 * @param query - A normalized query.
 * @param from - Offset of the first hit (a multiple of 100).
 * @returns E.g. `/LATEST/search-index?q=%22going+concern%22&forms=10-K&from=0`.
 * @example
 * ```ts
 * fullTextSearchPath(normalizeFullTextSearchQuery({ q: 'covenant waiver', forms: ['10-Q'] }), 100);
 * ```
 */
export function fullTextSearchPath(query: NormalizedFullTextSearchQuery, from: number): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.forms.length > 0) params.set('forms', query.forms.join(','));
  if (query.dateRange !== null) {
    params.set('dateRange', 'custom');
    params.set('startdt', query.dateRange[0]);
    params.set('enddt', query.dateRange[1]);
  }
  if (query.ciks.length > 0) params.set('ciks', query.ciks.join(','));
  params.set('from', String(from));
  return `/LATEST/search-index?${params.toString()}`;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** `"Apple Inc.  (AAPL)  (CIK 0000320193)"` → `Apple Inc.` */
function companyName(display: unknown): string {
  if (!isString(display)) return '';
  return display
    .replace(/\s*\(CIK\s*\d+\)\s*$/i, '')
    .replace(/\s*\([A-Z0-9.,\s-]+\)\s*$/, '')
    .trim();
}

/**
 * Parse one page of SEC's full-text search response. Hits with a malformed accession, CIK or
 * date are dropped (each is one document of a filing, and the rest of the page stays usable).
 *
 * @param json - The parsed JSON body.
 * @returns Totals and hits.
 * @throws {@link InvalidArgumentError} when the body is not a search response at all.
 * @example
 * ```ts
 * parseFullTextSearch({ hits: { total: { value: 0, relation: 'eq' }, hits: [] } }).total; // 0
 * ```
 */
export function parseFullTextSearch(json: unknown): FullTextSearchPage {
  const root = json as { hits?: { total?: { value?: unknown; relation?: unknown }; hits?: unknown } } | null;
  if (
    root === null ||
    typeof root !== 'object' ||
    root.hits === undefined ||
    !Array.isArray(root.hits.hits)
  ) {
    throw new InvalidArgumentError(
      'response',
      'parseFullTextSearch: the body is not a full-text search response (no hits.hits array).',
    );
  }
  const hits: FullTextDocumentHit[] = [];
  for (const raw of root.hits.hits as unknown[]) {
    const hit = raw as { _id?: unknown; _source?: Record<string, unknown> } | null;
    const source = hit?._source;
    if (source === undefined || source === null || typeof source !== 'object') continue;
    const adsh = isString(source.adsh) ? source.adsh : isString(hit!._id) ? hit!._id.split(':')[0]! : '';
    const accessionNumber = parseAccession(adsh);
    if (accessionNumber === null) continue;
    const ciks = Array.isArray(source.ciks) ? source.ciks : [];
    const cik = parseCik(isString(ciks[0]) ? ciks[0] : '');
    const filingDate = isString(source.file_date) ? source.file_date : '';
    if (cik === null || !/^\d{4}-\d{2}-\d{2}$/.test(filingDate)) continue;
    const names = Array.isArray(source.display_names) ? source.display_names : [];
    const rootForms = Array.isArray(source.root_forms) ? source.root_forms : [];
    const formType = isString(source.form) ? source.form : isString(rootForms[0]) ? rootForms[0] : '';
    const id = isString(hit!._id) ? hit!._id : '';
    const fileName = id.includes(':') ? id.slice(id.indexOf(':') + 1) : '';
    const period = source.period_ending;
    hits.push({
      accessionNumber,
      cik,
      company: companyName(names[0]),
      formType,
      fileType: isString(source.file_type) && source.file_type !== '' ? source.file_type : null,
      fileName,
      filingDate,
      reportDate: isString(period) && /^\d{4}-\d{2}-\d{2}$/.test(period) ? period : null,
    });
  }
  const value = root.hits.total?.value;
  return {
    total: typeof value === 'number' && Number.isFinite(value) ? value : hits.length,
    totalIsLowerBound: root.hits.total?.relation === 'gte',
    hits,
  };
}

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Group document hits into filings (one {@link FullTextSearchHit} per accession, in first-seen
 * order). The main document is the hit whose `file_type` is the form itself; when only exhibits
 * matched, `primaryDocument` is `null` and the full `.txt` submission is the document.
 *
 * @param hits - Document hits of one or more pages.
 * @param wwwBase - Base of the SEC URLs written into `url`.
 * @param seen - Accessions already returned (updated): a filing whose documents span two pages
 *   is returned once, with the documents of the page where it first appears.
 * @returns New filings only.
 * @example
 * ```ts
 * groupSearchHits(parseFullTextSearch(body).hits, 'https://www.sec.gov', new Set());
 * ```
 */
export function groupSearchHits(
  hits: readonly FullTextDocumentHit[],
  wwwBase: string,
  seen: Set<string>,
): FullTextSearchHit[] {
  const out: FullTextSearchHit[] = [];
  const byAccession = new Map<string, { hit: FullTextDocumentHit; main: string | null; matched: string[] }>();
  for (const hit of hits) {
    if (seen.has(hit.accessionNumber)) continue;
    let group = byAccession.get(hit.accessionNumber);
    if (group === undefined) {
      group = { hit, main: null, matched: [] };
      byAccession.set(hit.accessionNumber, group);
    }
    if (hit.fileName !== '' && !group.matched.includes(hit.fileName)) group.matched.push(hit.fileName);
    const isMain = hit.fileType !== null && hit.fileType.toUpperCase() === hit.formType.toUpperCase();
    if (isMain && SAFE_FILE.test(hit.fileName)) group.main = hit.fileName;
  }
  for (const [accessionNumber, { hit, main, matched }] of byAccession) {
    const folder = filingFolderPath(hit.cik, accessionNumber);
    const result: FullTextSearchHit = {
      cik: hit.cik,
      ticker: null,
      company: hit.company,
      formType: hit.formType,
      filingDate: hit.filingDate,
      reportDate: hit.reportDate,
      accessionNumber,
      primaryDocument: main,
      url: `${wwwBase}${folder}/${main ?? `${accessionNumber}.txt`}`,
      matchedDocuments: matched,
    };
    seen.add(accessionNumber);
    out.push(result);
  }
  return out;
}

/**
 * Page through a full-text search with a JSON getter (the EDGAR client's, so every page goes
 * through its rate limiter, validation and cache), yielding each filing once.
 *
 * @param getJson - Fetches a path below the search host and parses it.
 * @param query - The query.
 * @param options - `maxResults`, `signal`.
 * @param wwwBase - Base of the SEC URLs written into `url`.
 * @returns Filings, in SEC's order (most relevant first).
 * @example
 * ```ts
 * // Through the client: client.searchFilings({ q: '"going concern"', forms: ['10-K'] })
 * ```
 */
export async function* paginateFullTextSearch(
  getJson: (path: string, signal: AbortSignal | undefined) => Promise<unknown>,
  query: FullTextSearchQuery,
  options: FullTextSearchOptions | undefined,
  wwwBase: string,
): AsyncGenerator<FullTextSearchHit> {
  const q = normalizeFullTextSearchQuery(query);
  const opts = checkOptions('searchFilings', options, ['maxResults', 'signal']);
  const maxResults =
    checkNumber('searchFilings', 'options.maxResults', opts.maxResults, { min: 1, integer: true }) ??
    FULL_TEXT_SEARCH_MAX_HITS;
  const seen = new Set<string>();
  let yielded = 0;
  for (let from = 0; from < FULL_TEXT_SEARCH_MAX_HITS; from += FULL_TEXT_SEARCH_PAGE_SIZE) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    const page = parseFullTextSearch(await getJson(fullTextSearchPath(q, from), opts.signal));
    for (const filing of groupSearchHits(page.hits, wwwBase, seen)) {
      yield filing;
      yielded += 1;
      if (yielded >= maxResults) return;
    }
    if (page.hits.length < FULL_TEXT_SEARCH_PAGE_SIZE || from + FULL_TEXT_SEARCH_PAGE_SIZE >= page.total)
      return;
  }
}
