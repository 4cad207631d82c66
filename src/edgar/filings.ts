import { InvalidArgumentError } from '../errors/index.js';
import { normalizeAccession, parseAccession } from '../identifiers/index.js';

/** One filing, as listed by SEC's submissions API. */
export interface FilingRef {
  /** 10-digit zero-padded CIK of the filer. */
  readonly cik: string;
  /** The ticker asked for (or SEC's first ticker of the company), or `null`. */
  readonly ticker: string | null;
  /** Company name from the submissions record. */
  readonly company: string;
  /** SEC form type, e.g. `10-K`, `10-Q/A`. */
  readonly formType: string;
  /** `YYYY-MM-DD`. */
  readonly filingDate: string;
  /** Period of report `YYYY-MM-DD`, or `null`. */
  readonly reportDate: string | null;
  /** Accession number with dashes: `0000320193-23-000077`. */
  readonly accessionNumber: string;
  /** File name of the primary document in the filing folder, or `null` (then the `.txt` submission is used). */
  readonly primaryDocument: string | null;
  /** SEC URL of the primary document (or of the full `.txt` submission). */
  readonly url: string;
}

/** A filing folder listing (`index.json`). */
export interface FilingIndex {
  /** Folder path, e.g. `/Archives/edgar/data/320193/000032019323000077`. */
  readonly name: string;
  /** The files, in SEC's order. */
  readonly items: readonly FilingIndexItem[];
}

/** One file of a {@link FilingIndex}. */
export interface FilingIndexItem {
  /** File name inside the folder. */
  readonly name: string;
  /** SEC's icon type (`text.gif`, `compressed.gif`, ...), not the document type. */
  readonly type: string;
  /** Size in bytes, or `null` when SEC leaves it blank. */
  readonly size: number | null;
  /** `YYYY-MM-DD HH:MM:SS`, or `null`. */
  readonly lastModified: string | null;
}

/** Columnar filing arrays: `filings.recent` of a submissions file, or a whole `files[]` page. */
export interface SubmissionColumns {
  readonly accessionNumber?: readonly string[];
  readonly filingDate?: readonly string[];
  readonly reportDate?: readonly string[];
  readonly form?: readonly string[];
  readonly primaryDocument?: readonly string[];
}

/** The parts of `submissions/CIK##########.json` the client reads. */
export interface Submissions {
  readonly cik: string;
  readonly name: string;
  readonly tickers: readonly string[];
  readonly recent: SubmissionColumns;
  readonly files: readonly {
    readonly name: string;
    readonly filingFrom: string;
    readonly filingTo: string;
  }[];
}

/**
 * The accession number of a filing reference, which it cannot do without: the library's one rule
 * (`normalizeAccession`), and a missing value is an error too.
 *
 * @param value - The reference's `accessionNumber`.
 * @param field - The field name used in the error.
 * @default field 'accessionNumber'
 * @returns The dashed, zero-padded accession number.
 * @throws {InvalidArgumentError} When it is missing or not an accession number.
 */
export function requireAccession(value: unknown, field = 'accessionNumber'): string {
  const accession = normalizeAccession(value as string | null | undefined, field);
  if (accession === null) {
    throw new InvalidArgumentError(
      field,
      `${field} is required: an accession number such as '0000320193-23-000077', got ${JSON.stringify(value ?? null)}.`,
    );
  }
  return accession;
}

/** The filing folder path: `/Archives/edgar/data/<cik without zeros>/<accession without dashes>`. */
export function filingFolderPath(cik: string, accessionNumber: string): string {
  return `/Archives/edgar/data/${Number(cik)}/${requireAccession(accessionNumber).replaceAll('-', '')}`;
}

/** Parse a submissions JSON document. */
export function parseSubmissions(json: unknown, cik: string): Submissions {
  const root = (json ?? {}) as {
    name?: unknown;
    tickers?: unknown;
    filings?: { recent?: SubmissionColumns; files?: unknown };
  };
  const files = Array.isArray(root.filings?.files)
    ? (root.filings.files as Array<Record<string, unknown>>)
        .filter((f) => typeof f?.name === 'string')
        .map((f) => ({
          name: f.name as string,
          filingFrom: typeof f.filingFrom === 'string' ? f.filingFrom : '0000-00-00',
          filingTo: typeof f.filingTo === 'string' ? f.filingTo : '9999-99-99',
        }))
    : [];
  return {
    cik,
    name: typeof root.name === 'string' ? root.name : '',
    tickers: Array.isArray(root.tickers)
      ? root.tickers.filter((t): t is string => typeof t === 'string')
      : [],
    recent: root.filings?.recent ?? {},
    files,
  };
}

/**
 * A row of a submissions record that matched the query's forms but cannot be a filing
 * reference: a malformed accession number, document name or date. It becomes one record with
 * `error` in the data-set loader; the company's other filings load.
 */
export interface RejectedFiling {
  /** 10-digit CIK of the company. */
  readonly cik: string;
  /** The company's ticker, or `null`. */
  readonly ticker: string | null;
  /** Company name. */
  readonly company: string;
  /** The row's form type. */
  readonly formType: string;
  /** The row's filing date as SEC gave it (may be the malformed value), or `null`. */
  readonly filingDate: string | null;
  /** The row's accession number as SEC gave it (may be the malformed value), or `null`. */
  readonly accessionNumber: string | null;
  /** What is wrong with the row. */
  readonly reason: string;
}

/** `true` for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match === null) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
const ROW_DOCUMENT = /^(?!\.{1,2}$)[^/\\?#\0\s][^/\\?#\0]*$/;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Rows of columnar filing arrays matching forms and an inclusive date range, each row checked on
 * its own: a row with a malformed accession number, document name or date is rejected with its
 * reason, and never stops the other rows.
 *
 * @param columns - `filings.recent` or a `files[]` page.
 * @param base - Company fields copied into every row.
 * @param forms - Allowed form types (exact match).
 * @param start - First filing date, inclusive.
 * @param end - Last filing date, inclusive.
 * @param wwwBase - Base of the SEC URLs written into `url`.
 * @returns The filing references and the rejected rows, in SEC's order.
 */
export function scanColumns(
  columns: SubmissionColumns,
  base: { readonly cik: string; readonly ticker: string | null; readonly company: string },
  forms: ReadonlySet<string>,
  start: string,
  end: string,
  wwwBase: string,
): { refs: FilingRef[]; rejected: RejectedFiling[] } {
  const refs: FilingRef[] = [];
  const rejected: RejectedFiling[] = [];
  const root = (columns ?? {}) as Record<string, unknown>;
  const column = (name: string): readonly unknown[] =>
    Array.isArray(root[name]) ? (root[name] as unknown[]) : [];
  const accessions = column('accessionNumber');
  const formColumn = column('form');
  const dates = column('filingDate');
  const reports = column('reportDate');
  const documents = column('primaryDocument');
  for (let i = 0; i < accessions.length; i++) {
    const form = text(formColumn[i]) ?? '';
    if (!forms.has(form)) continue;
    const filingDate = text(dates[i]);
    const rawAccession = text(accessions[i]);
    const reject = (reason: string): void => {
      rejected.push({ ...base, formType: form, filingDate, accessionNumber: rawAccession, reason });
    };
    if (!isCalendarDate(filingDate)) {
      reject(
        `submissions row ${i}: filing date ${JSON.stringify(dates[i] ?? null)} is not a date YYYY-MM-DD`,
      );
      continue;
    }
    if (filingDate < start || filingDate > end) continue;
    const accessionNumber = parseAccession(rawAccession);
    if (accessionNumber === null) {
      reject(
        `submissions row ${i}: accession number ${JSON.stringify(accessions[i] ?? null)} is not an accession number like '0000320193-23-000077'`,
      );
      continue;
    }
    const primary = documents[i];
    if (
      primary !== undefined &&
      primary !== '' &&
      (typeof primary !== 'string' || !ROW_DOCUMENT.test(primary))
    ) {
      reject(
        `submissions row ${i}: primary document ${JSON.stringify(primary)} is not a file name inside the filing folder`,
      );
      continue;
    }
    const report = reports[i];
    if (report !== undefined && report !== '' && !isCalendarDate(report)) {
      reject(`submissions row ${i}: report date ${JSON.stringify(report)} is not a date YYYY-MM-DD`);
      continue;
    }
    const primaryDocument = typeof primary === 'string' && primary !== '' ? primary : null;
    const folder = filingFolderPath(base.cik, accessionNumber);
    refs.push({
      cik: base.cik,
      ticker: base.ticker,
      company: base.company,
      formType: form,
      filingDate,
      reportDate: typeof report === 'string' && report !== '' ? report : null,
      accessionNumber,
      primaryDocument,
      url: `${wwwBase}${folder}/${encodeURIComponent(primaryDocument ?? `${accessionNumber}.txt`)}`,
    });
  }
  return { refs, rejected };
}

/**
 * The filing references of {@link scanColumns}, without the rejected rows (rows that cannot be
 * filings are left out).
 *
 * @returns The filing references, in SEC's order.
 */
export function filterColumns(
  columns: SubmissionColumns,
  base: { readonly cik: string; readonly ticker: string | null; readonly company: string },
  forms: ReadonlySet<string>,
  start: string,
  end: string,
  wwwBase: string,
): FilingRef[] {
  return scanColumns(columns, base, forms, start, end, wwwBase).refs;
}

/** Parse `index.json` of a filing folder. */
export function parseFilingIndex(json: unknown): FilingIndex {
  const directory = ((json ?? {}) as { directory?: { name?: unknown; item?: unknown } }).directory ?? {};
  const items = Array.isArray(directory.item) ? (directory.item as Array<Record<string, unknown>>) : [];
  return {
    name: typeof directory.name === 'string' ? directory.name : '',
    items: items
      .filter((item) => typeof item?.name === 'string')
      .map((item) => {
        const size = Number(item.size);
        return {
          name: item.name as string,
          type: typeof item.type === 'string' ? item.type : '',
          size: item.size === '' || item.size === undefined || !Number.isFinite(size) ? null : size,
          lastModified: typeof item['last-modified'] === 'string' ? (item['last-modified'] as string) : null,
        };
      }),
  };
}
