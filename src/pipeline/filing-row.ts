import { describeType, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
import {
  documentToText,
  ExtractionError,
  eightKItemNumbers,
  extractItems,
  extractMdna,
  isEightKForm,
} from '../extract/index.js';
import {
  type AltmanVariant,
  altmanFromCompanyFacts,
  type CompanyFactsAltmanResult,
  type CompanyFactsInput,
} from '../finance/index.js';
import { normalizeAccession, normalizeCik } from '../identifiers/index.js';
import { scoreText } from '../score/index.js';
import { summarizeJaccard } from '../summarize/index.js';
import { companyFactsFromInlineXbrl } from '../xbrl/index.js';
import { ALTMAN_COLUMNS, pipelineColumns } from './columns.js';
import { type FilingRowOptions, type ResolvedFilingRowOptions, resolveFilingRowOptions } from './options.js';

/** One value of a pipeline row. */
export type FilingRowValue = string | number | boolean | null;

/**
 * One flat TabText row per filing: the columns of {@link pipelineColumns}, in that order, `null`
 * for anything missing (never `undefined` or `NaN`). `cik` is a 10-digit string, dates are
 * `YYYY-MM-DD`, a filing that failed has `error` set and its other computed columns `null`.
 */
export interface FilingRow {
  readonly ticker: string | null;
  /** 10 digits, zero-padded. */
  readonly cik: string | null;
  readonly company: string | null;
  readonly form_type: string | null;
  readonly filing_date: string | null;
  readonly report_date: string | null;
  /** `##########-##-######`. */
  readonly accession_number: string | null;
  readonly url: string | null;
  /** `found`, `found-in-exhibit-13`, `incorporated-by-reference`, `not-found`, `not-applicable` (no MD&A in this form), `null` on error. */
  readonly mdna_status: string | null;
  /** What was scored: `mdna`, `exhibit-13`, `document` (forms without an MD&A), or `null`. */
  readonly text_source: string | null;
  /** Characters of the MD&A text. */
  readonly mdna_chars: number | null;
  readonly word_count: number | null;
  readonly sentence_count: number | null;
  readonly negative: number | null;
  readonly positive: number | null;
  readonly certainty: number | null;
  readonly uncertainty: number | null;
  readonly risk: number | null;
  readonly safe: number | null;
  readonly fraud: number | null;
  readonly litigious: number | null;
  readonly polarity: number | null;
  readonly sentiment: number | null;
  readonly readability: number | null;
  /** 8-K item numbers joined with `;`, else `null`. */
  readonly items: string | null;
  readonly altman_source: string | null;
  readonly altman_variant: string | null;
  readonly altman_period_end: string | null;
  readonly altman_z: number | null;
  readonly altman_zone: string | null;
  readonly altman_note: string | null;
  /** What went wrong for this filing, else `null`. */
  readonly error: string | null;
  /** The other columns of {@link pipelineColumns}: Altman inputs and ratios, custom word lists, `mdna`, `summary`. */
  readonly [column: string]: FilingRowValue;
}

/** What {@link filingRow} needs to know about a filing besides its document. */
export interface FilingMeta {
  /** Ticker, or `null`. */
  readonly ticker: string | null;
  /** CIK, any padding (`'320193'`, `'0000320193'`, `320193`); written as 10 digits. */
  readonly cik: string | number;
  /** Company name, or `null`. */
  readonly company: string | null;
  /** SEC form type, e.g. `'10-K'`, `'10-Q'`, `'8-K'`. Picks the item layout. */
  readonly formType: string;
  /** Filing date `YYYY-MM-DD`. */
  readonly filingDate: string;
  /** Period of report `YYYY-MM-DD`, or `null`. */
  readonly reportDate: string | null;
  /** Accession number, with or without dashes. */
  readonly accessionNumber: string;
  /** SEC URL of the document, or `null`. */
  readonly url: string | null;
  /**
   * SEC company facts of the company: the Altman fallback of an annual report without inline
   * XBRL (read for this accession number).
   * @default undefined
   */
  readonly companyFacts?: CompanyFactsInput | null;
  /**
   * Texts of the filing's EX-13 candidates (annual report to shareholders), read when the main
   * document incorporates its MD&A by reference.
   * @default undefined
   */
  readonly exhibits?: readonly string[] | null;
}

type MutableRow = { -readonly [K in keyof FilingRow]: FilingRow[K] };

// Forms whose MD&A the extractor locates (10-K, 10-K405, 10-KSB, 10-KT, 10-Q, 10-QSB, with /A).
const MDNA_FORMS = /^10-?[KQ]/i;
const ANNUAL_FORMS = /^10-?K/i;
const EXAMPLE =
  "filingRow(html, { ticker: 'GME', cik: '1326380', company: 'GameStop Corp.', formType: '10-K', filingDate: '2024-03-26', reportDate: '2024-02-03', accessionNumber: '0001326380-24-000012', url: null })";

const NO_INLINE_XBRL = 'no inline XBRL in this filing (filed before XBRL)';
const QUARTERLY = 'quarterly report: Altman Z is computed from annual reports';

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    return isFinTabTextError(error) ? `${error.code}: ${error.message}` : `${error.name}: ${error.message}`;
  }
  return String(error);
}

function checkMeta(meta: unknown): FilingMeta {
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new InvalidArgumentError(
      'meta',
      `filingRow needs meta, got ${describeType(meta)}. Call it as ${EXAMPLE}.`,
    );
  }
  const m = meta as FilingMeta;
  for (const field of ['formType', 'filingDate', 'accessionNumber'] as const) {
    if (typeof m[field] !== 'string' || m[field] === '') {
      throw new InvalidArgumentError(
        `meta.${field}`,
        `filingRow: meta.${field} must be a non-empty string, got ${describeType(m[field])}. Call it as ${EXAMPLE}.`,
      );
    }
  }
  return m;
}

/** A row with every column `null`, then the filing identity. */
function identityRow(meta: FilingMeta, columns: readonly string[]): MutableRow {
  const row = {} as MutableRow;
  for (const column of columns) row[column] = null;
  row.ticker = meta.ticker ?? null;
  row.cik = normalizeCik(meta.cik, 'meta.cik');
  row.company = meta.company === '' ? null : (meta.company ?? null);
  row.form_type = meta.formType;
  row.filing_date = meta.filingDate;
  row.report_date = meta.reportDate === '' ? null : (meta.reportDate ?? null);
  row.accession_number = normalizeAccession(meta.accessionNumber, 'meta.accessionNumber');
  row.url = meta.url ?? null;
  return row;
}

/** The Altman columns of one result. */
function altmanColumns(result: CompanyFactsAltmanResult, source: string): Record<string, FilingRowValue> {
  const provenance = Object.entries(result.provenance)
    .filter(([, p]) => p !== null)
    .map(([field, p]) => `${field}=${p!.tag}`);
  const fallbacks = Object.entries(result.provenance)
    .filter(([, p]) => p?.fallbackUsed === true)
    .map(([field]) => field);
  const { inputs, ratios } = result;
  return {
    altman_source: source,
    altman_variant: result.variant,
    altman_period_end: result.report.periodEnd,
    total_assets: inputs.totalAssets,
    total_liabilities: inputs.totalLiabilities,
    current_assets: inputs.currentAssets,
    current_liabilities: inputs.currentLiabilities,
    retained_earnings: inputs.retainedEarnings,
    ebit: inputs.ebit,
    net_sales: inputs.netSales,
    book_value_equity: inputs.bookValueEquity,
    market_value_equity: inputs.marketValueEquity,
    wc_ta: ratios.wc_ta,
    re_ta: ratios.re_ta,
    ebit_ta: ratios.ebit_ta,
    mve_tl: ratios.mve_tl,
    bve_tl: ratios.bve_tl,
    sales_ta: ratios.sales_ta,
    altman_z: result.z,
    altman_zone: result.zone,
    altman_provenance: provenance.length === 0 ? null : provenance.join(';'),
    altman_fallbacks: fallbacks.length === 0 ? null : fallbacks.join(';'),
    altman_note: result.reason,
  };
}

/**
 * Fill the Altman columns of `row` from SEC company facts (the fallback for an annual report
 * without inline XBRL). A report missing from the facts gives a note, not an error.
 */
export function applyCompanyFactsAltman(
  row: MutableRow,
  companyFacts: CompanyFactsInput,
  variant: AltmanVariant,
): void {
  try {
    const result = altmanFromCompanyFacts(companyFacts, {
      accessionNumber: String(row.accession_number),
      variant,
    });
    Object.assign(row, altmanColumns(result, 'company-facts'));
  } catch (error) {
    for (const column of ALTMAN_COLUMNS) row[column] = null;
    row.altman_note = `${NO_INLINE_XBRL}; company facts: ${messageOf(error)}`;
  }
}

/** The Altman columns from the filing's inline XBRL; `false` when the document carries none. */
function altmanFromDocument(
  document: string,
  meta: FilingMeta,
  row: MutableRow,
  variant: AltmanVariant,
): boolean {
  const facts = companyFactsFromInlineXbrl(document, {
    accessionNumber: String(row.accession_number),
    formType: meta.formType,
    filingDate: meta.filingDate,
    cik: String(row.cik),
    ...(row.company === null ? {} : { entityName: String(row.company) }),
  });
  if (Object.keys(facts.facts).length === 0) return false;
  const result = altmanFromCompanyFacts(facts, { accessionNumber: String(row.accession_number), variant });
  Object.assign(row, altmanColumns(result, 'inline-xbrl'));
  return true;
}

/** MD&A of the main document, or of an EX-13 candidate when the main one points there. */
function mdnaOf(document: string, meta: FilingMeta): { status: string; source: string | null; text: string } {
  const main = extractMdna(document, { formType: meta.formType });
  if (main.status === 'found') return { status: 'found', source: 'mdna', text: main.text };
  if (main.status === 'incorporated-by-reference') {
    for (const exhibit of meta.exhibits ?? []) {
      try {
        const found = extractMdna(exhibit, { formType: 'EX-13' });
        if (found.status === 'found')
          return { status: 'found-in-exhibit-13', source: 'exhibit-13', text: found.text };
      } catch (error) {
        // A submission text without an EX-13 block: try the next candidate.
        if (!(error instanceof ExtractionError && error.code === 'DOCUMENT_NOT_FOUND')) throw error;
      }
    }
  }
  return { status: main.status, source: null, text: '' };
}

/** 8-K item numbers in item order joined with `;`, or `null` for a form the extractor has no layout for. */
function itemsOf(document: string, formType: string): string | null {
  try {
    return eightKItemNumbers(extractItems(document, { formType })).join(';');
  } catch (error) {
    if (error instanceof ExtractionError && error.code === 'UNSUPPORTED_FORM') return null;
    throw error;
  }
}

function fillRow(document: string, meta: FilingMeta, r: ResolvedFilingRowOptions, row: MutableRow): void {
  let text: string;
  if (MDNA_FORMS.test(meta.formType)) {
    const mdna = mdnaOf(document, meta);
    row.mdna_status = mdna.status;
    row.text_source = mdna.source;
    text = mdna.text;
    row.mdna_chars = text.length;
    if (r.includeText) row.mdna = mdna.source === null ? null : text;
  } else {
    // No MD&A in this form (8-K, ...): the whole document is scored.
    row.mdna_status = 'not-applicable';
    row.text_source = 'document';
    text = documentToText(document);
    if (isEightKForm(meta.formType)) row.items = itemsOf(document, meta.formType);
  }
  const scores = scoreText(text, r.scores) as unknown as Readonly<Record<string, number | null>>;
  for (const column of r.scoreColumns) {
    const value = scores[column];
    row[column] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  if (r.summary !== false && row.text_source !== 'document') {
    row.summary = text === '' ? null : summarizeJaccard(text, { summarySize: r.summary }).summary;
  }
  if (r.altman === false) return;
  if (!ANNUAL_FORMS.test(meta.formType)) {
    row.altman_note = notAnnualNote(meta.formType);
    return;
  }
  if (altmanFromDocument(document, meta, row, r.altmanVariant)) return;
  if (meta.companyFacts != null) applyCompanyFactsAltman(row, meta.companyFacts, r.altmanVariant);
  else row.altman_note = NO_INLINE_XBRL;
}

function notAnnualNote(formType: string): string {
  return /^10-?Q/i.test(formType) ? QUARTERLY : `${formType}: Altman Z is computed from annual reports`;
}

/**
 * The TabText row of one filing document: identity, MD&A status, the text scores of the MD&A
 * (of the whole document for forms without an MD&A, such as 8-K), optionally the MD&A text and
 * a summary, 8-K item numbers, and the Altman block from the filing's inline XBRL (annual
 * reports; `meta.companyFacts` is the fallback). Pure and synchronous: the same document, meta
 * and options always give the same row. A failure while extracting or scoring does not throw:
 * the row comes back with `error` set and its computed columns `null`.
 *
 * @param document - The filing's primary document (HTML, inline XBRL or SGML `.txt`).
 * @param meta - {@link FilingMeta}: identity of the filing, optional company facts and exhibits.
 * @param options - {@link FilingRowOptions}.
 * @returns A row with exactly the columns of {@link pipelineColumns}(options).
 * @throws {InvalidArgumentError} For bad options, a non-string document or bad meta (naming the field).
 * @example
 * ```ts
 * import { filingRow } from 'fin-tabtext';
 * const row = filingRow(html, {
 *   ticker: 'GME', cik: '1326380', company: 'GameStop Corp.', formType: '10-K',
 *   filingDate: '2024-03-26', reportDate: '2024-02-03',
 *   accessionNumber: '0001326380-24-000012', url: null,
 * });
 * row.cik; // '0001326380'
 * row.altman_zone; // 'safe'
 * ```
 */
export function filingRow(document: string, meta: FilingMeta, options?: FilingRowOptions): FilingRow {
  const r = resolveFilingRowOptions('filingRow', options);
  const columns = pipelineColumnsOf(options);
  if (typeof document !== 'string') {
    throw new InvalidArgumentError(
      'document',
      `filingRow(document, meta) needs the document text, got ${describeType(document)}. Call it as ${EXAMPLE}.`,
    );
  }
  const row = identityRow(checkMeta(meta), columns);
  try {
    fillRow(document, meta, r, row);
  } catch (error) {
    return errorRow(meta, error, options);
  }
  return row;
}

/**
 * The row of a filing that failed: its identity, `error` set to the message, every other column `null`.
 *
 * @param meta - The filing's {@link FilingMeta}.
 * @param error - What went wrong.
 * @param options - The row options (they decide the columns).
 * @returns The row.
 * @example
 * ```ts
 * errorRow(meta, new Error('EDGAR_HTTP_ERROR: 404')).error; // 'Error: EDGAR_HTTP_ERROR: 404'
 * ```
 */
export function errorRow(meta: FilingMeta, error: unknown, options?: FilingRowOptions): FilingRow {
  const row = identityRow(meta, pipelineColumnsOf(options));
  row.error = messageOf(error);
  return row;
}

const columnCache = new WeakMap<object, readonly string[]>();
let defaultColumns: readonly string[] | undefined;

/** {@link pipelineColumns}, memoized per options object. */
function pipelineColumnsOf(options: FilingRowOptions | undefined): readonly string[] {
  if (options === undefined) {
    defaultColumns ??= Object.freeze(pipelineColumns());
    return defaultColumns;
  }
  let columns = columnCache.get(options);
  if (columns === undefined) {
    columns = Object.freeze(pipelineColumns(options));
    columnCache.set(options, columns);
  }
  return columns;
}
