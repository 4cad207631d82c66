import { InvalidArgumentError } from '../errors/index.js';

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

const ACCESSION = /^(\d{10})-?(\d{2})-?(\d{6})$/;

/**
 * Normalise an accession number to `##########-##-######`.
 *
 * @throws {InvalidArgumentError} when it is not 18 digits (dashes optional).
 */
export function normalizeAccession(accession: string): string {
  const match = ACCESSION.exec(accession.trim());
  if (match === null) {
    throw new InvalidArgumentError(
      'accessionNumber',
      `accessionNumber must be 18 digits like '0000320193-23-000077', got '${accession}'.`,
    );
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** The filing folder path: `/Archives/edgar/data/<cik without zeros>/<accession without dashes>`. */
export function filingFolderPath(cik: string, accessionNumber: string): string {
  return `/Archives/edgar/data/${Number(cik)}/${normalizeAccession(accessionNumber).replaceAll('-', '')}`;
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
 * Rows of columnar filing arrays matching forms and an inclusive date range.
 *
 * @param columns - `filings.recent` or a `files[]` page.
 * @param base - Company fields copied into every row.
 * @param forms - Allowed form types (exact match).
 * @param start - First filing date, inclusive.
 * @param end - Last filing date, inclusive.
 * @param wwwBase - Base of the SEC URLs written into `url`.
 */
export function filterColumns(
  columns: SubmissionColumns,
  base: { readonly cik: string; readonly ticker: string | null; readonly company: string },
  forms: ReadonlySet<string>,
  start: string,
  end: string,
  wwwBase: string,
): FilingRef[] {
  const out: FilingRef[] = [];
  const accessions = columns.accessionNumber ?? [];
  for (let i = 0; i < accessions.length; i++) {
    const form = columns.form?.[i] ?? '';
    const filingDate = columns.filingDate?.[i] ?? '';
    if (!forms.has(form) || filingDate < start || filingDate > end) continue;
    const accessionNumber = normalizeAccession(accessions[i]!);
    const primary = columns.primaryDocument?.[i];
    const primaryDocument = primary === undefined || primary === '' ? null : primary;
    const folder = filingFolderPath(base.cik, accessionNumber);
    const report = columns.reportDate?.[i];
    out.push({
      cik: base.cik,
      ticker: base.ticker,
      company: base.company,
      formType: form,
      filingDate,
      reportDate: report === undefined || report === '' ? null : report,
      accessionNumber,
      primaryDocument,
      url: `${wwwBase}${folder}/${primaryDocument ?? `${accessionNumber}.txt`}`,
    });
  }
  return out;
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
