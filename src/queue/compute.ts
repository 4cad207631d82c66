import { exhibit13Candidates } from '../edgar/exhibit.js';
import type { EdgarClient, FilingRef } from '../edgar/index.js';
import type { CompanyFactsInput } from '../finance/index.js';
import { applyCompanyFactsAltman } from '../pipeline/filing-row.js';
import {
  defaultFilingRowOptions,
  errorRow,
  type FilingMeta,
  type FilingRow,
  type FilingRowOptions,
  filingRow,
} from '../pipeline/index.js';

// Annual reports: the only forms whose MD&A may sit in an EX-13 and that get an Altman Z.
const ANNUAL_FORMS = /^10-?K/i;

/** `filingRow` with the options bound, in this thread or a pool thread. */
export type RowFunction = (document: string, meta: FilingMeta) => Promise<FilingRow>;

/** The pipeline's meta of a listed filing (as `buildDataset` builds it). */
export function metaOf(ref: FilingRef): FilingMeta {
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

/**
 * Fetch one filing and compute its row with the pipeline's `filingRow`, fetching only what the
 * row needs, exactly as `buildDataset` does: the primary document; its EX-13 candidates when an
 * annual report incorporates its MD&A by reference; the company facts when an annual report has
 * no inline XBRL (cached, so once per company for every worker sharing the cache). The same
 * filing gives the same row as `buildDataset`.
 *
 * @param rowOf - Computes `filingRow` (a pool thread keeps the event loop, and so the pacing of
 *   this process's requests, free of scoring work).
 * @throws {EdgarHttpError} when the primary document cannot be fetched (the job is retried).
 */
export async function computeFilingRow(
  client: EdgarClient,
  ref: FilingRef,
  options: FilingRowOptions,
  rowOf: RowFunction = async (document, meta) => filingRow(document, meta, options),
): Promise<FilingRow> {
  const document = await client.fetchDocument(ref);
  const meta = metaOf(ref);
  let row = await rowOf(document, meta);
  if (row.error !== null || !ANNUAL_FORMS.test(ref.formType)) return row;
  if (row.mdna_status === 'incorporated-by-reference') {
    try {
      const names = exhibit13Candidates(await client.fetchFilingIndex(ref));
      // Older filings ship every exhibit inside the full submission text file.
      if (names.length === 0) names.push(`${ref.accessionNumber}.txt`);
      const exhibits: string[] = [];
      for (const name of names) exhibits.push(await client.fetchDocument(ref, name));
      row = await rowOf(document, { ...meta, exhibits });
    } catch {
      // The EX-13 could not be fetched: the MD&A stays incorporated by reference.
    }
  }
  if (
    options.altman !== false &&
    row.error === null &&
    row.altman_source === null &&
    typeof row.altman_note === 'string' &&
    row.altman_note.startsWith('no inline XBRL')
  ) {
    let companyFacts: CompanyFactsInput | null = null;
    try {
      companyFacts = (await client.companyFacts(ref.cik)) as unknown as CompanyFactsInput;
    } catch {
      // No company facts (a company without XBRL): the note stays.
    }
    if (companyFacts !== null) {
      const patched = { ...row };
      applyCompanyFactsAltman(
        patched,
        companyFacts,
        options.altmanVariant ?? defaultFilingRowOptions.altmanVariant,
      );
      row = patched;
    }
  }
  return row;
}

/** The row of a filing that failed for good: identity, `error`, every other column `null`. */
export function failedRow(ref: FilingRef, options: FilingRowOptions, error: unknown): FilingRow {
  return errorRow(metaOf(ref), error, options);
}
