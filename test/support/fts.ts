/**
 * Responses in the shape of SEC's full-text search (`efts.sec.gov/LATEST/search-index`), built
 * from real filings: an Elasticsearch answer with `hits.total` and one hit per matching
 * document (`_id` = `<accession>:<file>`, `_source` with adsh, ciks, display_names, form,
 * root_forms, file_type, file_date, period_ending). SEC pages by 100 with `from`.
 */
export interface SearchDocument {
  readonly accessionNumber: string;
  readonly cik: string;
  readonly company: string;
  readonly ticker: string | null;
  readonly form: string;
  readonly fileName: string;
  readonly fileType: string;
  readonly filingDate: string;
  readonly reportDate: string | null;
}

/** One page of a search answer over `documents`, starting at `from`. */
export function searchResponse(
  documents: readonly SearchDocument[],
  from: number,
  size = 100,
): Record<string, unknown> {
  const page = documents.slice(from, from + size);
  const capped = documents.length > 10_000;
  return {
    took: 42,
    timed_out: false,
    _shards: { total: 50, successful: 50, skipped: 0, failed: 0 },
    hits: {
      total: { value: capped ? 10_000 : documents.length, relation: capped ? 'gte' : 'eq' },
      max_score: 12.5,
      hits: page.map((d, i) => ({
        _index: 'edgar_file',
        _id: `${d.accessionNumber}:${d.fileName}`,
        _score: 12.5 - (from + i) / 1000,
        _source: {
          ciks: [d.cik],
          period_ending: d.reportDate,
          root_forms: [d.form],
          file_num: ['001-36743'],
          display_names: [`${d.company}  ${d.ticker === null ? '' : `(${d.ticker})  `}(CIK ${d.cik})`],
          xsl: null,
          sequence: 1,
          file_date: d.filingDate,
          biz_states: ['CA'],
          sics: ['3571'],
          form: d.form,
          adsh: d.accessionNumber,
          film_num: ['231'],
          biz_locations: ['Cupertino, CA'],
          file_type: d.fileType,
          file_description: d.fileType === d.form ? null : 'EXHIBIT',
          inc_states: ['CA'],
          items: [],
        },
      })),
    },
    aggregations: {},
    query: {},
  };
}
