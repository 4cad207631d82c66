import { type EdgarProgressEvent, FILING_RECORD_COLUMNS } from '../../edgar/index.js';
import { loadEdgarDataset, writeRecords } from '../../index.js';
import { type Command, optionalString } from '../command.js';
import { UsageError } from '../io.js';
import { createProgress } from '../progress.js';
import { inCliTerms } from '../terms.js';
import {
  CACHE_OPTIONS,
  createCliClient,
  guardFailures,
  readSelection,
  readUserAgent,
  SELECTION_FIELDS,
  SELECTION_OPTIONS,
} from './edgar-flags.js';
import { CSV_ESCAPE_HELP, CSV_ESCAPE_OPTION, claimOutput, csvEscape, requireRecordPath } from './shared.js';

const FIELDS = SELECTION_FIELDS;

/** A per-filing error of the library, in this command's terms. */
export function fetchErrorInCliTerms(message: string): string {
  const miss = /^(?:[A-Z_]+: )?offline mode: (\S+) is not in the cache(?: at (.+?))?\.(?: |$)/.exec(message);
  if (miss !== null) {
    return (
      `--offline: ${miss[1]} is not in the cache${miss[2] === undefined ? '' : ` at ${miss[2]}`}. ` +
      'Run once without --offline (same --cache-dir) to fill it.'
    );
  }
  return inCliTerms(message, FIELDS);
}

const HELP = `fin-tabtext fetch: download filings from SEC EDGAR into one flat record per filing

Usage: fin-tabtext fetch (--tickers LIST | --ciks LIST) --out FILE [options]

Options:
  --tickers LIST     comma-separated tickers, e.g. AAPL,MSFT
  --ciks LIST        comma-separated CIKs, e.g. 320193,789019
  --forms LIST       form types (default: 10-K,10-Q)
  --from DATE        first filing date, YYYY-MM-DD (default: 1993-01-01)
  --to DATE          last filing date, YYYY-MM-DD (default: today)
  --user-agent TEXT  your name or company and contact email, as SEC requires
                     (default: env FIN_TABTEXT_USER_AGENT)
  --cache-dir DIR    cache folder (default: ~/.cache/fin-tabtext/edgar)
  --offline          serve only from the cache; never send a request
  --with-text        also fill the text column with the whole main document
  --out FILE         output .csv or .jsonl (optionally .gz)
${CSV_ESCAPE_HELP}

Columns: ${FILING_RECORD_COLUMNS.join(', ')}.
A filing that fails gets its error in the error column and the run carries on; when every
filing fails, nothing is written and the exit code is 1. Requests are capped at 9 per second.
Mirrors or a test server: env FIN_TABTEXT_SEC_WWW_URL and FIN_TABTEXT_SEC_DATA_URL.

Example:
  fin-tabtext fetch --tickers AAPL,MSFT --forms 10-K --from 2020-01-01 --to 2023-12-31 \\
    --user-agent "Acme Research jane@acme.com" --out filings.csv
`;

/** `fin-tabtext fetch`: EDGAR filings to CSV/JSONL through `loadEdgarDataset`. */
export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'download 10-K/10-Q filings from EDGAR with their MD&A, to CSV/JSONL',
  help: HELP,
  options: {
    ...SELECTION_OPTIONS,
    ...CACHE_OPTIONS,
    out: { type: 'string' },
    ...CSV_ESCAPE_OPTION,
  },
  fields: FIELDS,
  async run(flags, positionals, io) {
    if (positionals.length > 0) {
      throw new UsageError(`fetch takes no positional arguments, got "${positionals.join(' ')}".`);
    }
    const selection = readSelection(flags, 'fetch');
    const outFlag = optionalString(flags, 'out');
    if (outFlag === undefined) {
      throw new UsageError(
        'Missing --out (a .csv or .jsonl file). Run `fin-tabtext fetch --help` for usage.',
      );
    }
    const out = claimOutput(io, requireRecordPath(io, outFlag, '--out', 'fetch'), []);
    const escapeFormulas = csvEscape(flags, 'fetch');
    const userAgent = readUserAgent(flags, io, true);
    const quiet = flags.quiet === true;
    const progress = createProgress(io, 'fetch', { quiet });
    const onProgress = (event: EdgarProgressEvent): void => {
      if (event.type === 'filing') progress.update(event.done, event.total, event.accessionNumber);
    };
    const client = createCliClient(io, flags, 'fetch', userAgent, onProgress);
    const records = loadEdgarDataset({
      client,
      ...selection,
      includeText: flags['with-text'] === true,
      onProgress,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    const { rows: checked, log } = guardFailures(
      io,
      'fetch',
      records,
      (record) =>
        `${[record.ticker ?? record.cik ?? '?', record.accession_number].filter(Boolean).join(' ')}: ${fetchErrorInCliTerms(record.error ?? '')}`,
    );
    // A FilingRecord is a plain object of its columns; interfaces just lack the index signature.
    const result = await writeRecords(out, checked as AsyncIterable<Readonly<Record<string, unknown>>>, {
      columns: FILING_RECORD_COLUMNS,
      escapeFormulas,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    progress.done();
    log.report();
    if (!quiet)
      io.stderr.write(
        `fetch: wrote ${result.rows} records (${log.errors.length} failed) to ${result.path}\n`,
      );
    if (result.rows === 0) io.stderr.write('fetch: no filings matched the forms and dates\n');
    return 0;
  },
};
