import {
  type EdgarProgressEvent,
  FILING_RECORD_COLUMNS,
  SEC_BASE_URLS,
  validateUserAgent,
} from '../../edgar/index.js';
import { EdgarClient, loadEdgarDataset, writeRecords } from '../../index.js';
import { type Command, optionalDate, optionalString } from '../command.js';
import { UsageError } from '../io.js';
import { createProgress } from '../progress.js';
import { inCliTerms } from '../terms.js';
import {
  CSV_ESCAPE_HELP,
  CSV_ESCAPE_OPTION,
  claimOutput,
  csvEscape,
  parseList,
  requireRecordPath,
  resolvePath,
} from './shared.js';

const FIELDS = {
  'options.userAgent': '--user-agent',
  userAgent: '--user-agent',
  'options.cacheDir': '--cache-dir',
  cacheDir: '--cache-dir',
  filingDateStart: '--from',
  filingDateEnd: '--to',
  formTypes: '--forms',
} as const;

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
    tickers: { type: 'string' },
    ciks: { type: 'string' },
    forms: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'user-agent': { type: 'string' },
    'cache-dir': { type: 'string' },
    offline: { type: 'boolean' },
    'with-text': { type: 'boolean' },
    out: { type: 'string' },
    ...CSV_ESCAPE_OPTION,
  },
  fields: FIELDS,
  async run(flags, positionals, io) {
    if (positionals.length > 0) {
      throw new UsageError(`fetch takes no positional arguments, got "${positionals.join(' ')}".`);
    }
    const companies = [
      ...parseList(optionalString(flags, 'tickers')),
      ...parseList(optionalString(flags, 'ciks')),
    ];
    if (companies.length === 0) {
      throw new UsageError(
        'Give --tickers AAPL,MSFT or --ciks 320193. Run `fin-tabtext fetch --help` for usage.',
      );
    }
    const outFlag = optionalString(flags, 'out');
    if (outFlag === undefined) {
      throw new UsageError(
        'Missing --out (a .csv or .jsonl file). Run `fin-tabtext fetch --help` for usage.',
      );
    }
    const out = claimOutput(io, requireRecordPath(io, outFlag, '--out', 'fetch'), []);
    const from = optionalDate(flags, 'from', 'fetch');
    const to = optionalDate(flags, 'to', 'fetch');
    if (from !== undefined && to !== undefined && from > to) {
      throw new UsageError(`--from ${from} is after --to ${to}; give --from on or before --to.`);
    }
    const escapeFormulas = csvEscape(flags, 'fetch');
    const userAgent = optionalString(flags, 'user-agent') ?? io.env.FIN_TABTEXT_USER_AGENT;
    const howTo = 'pass --user-agent "Acme Research jane@acme.com" or set FIN_TABTEXT_USER_AGENT.';
    if (userAgent === undefined || userAgent.trim() === '') {
      throw new UsageError(`SEC asks every client to identify itself: ${howTo}`);
    }
    try {
      validateUserAgent(userAgent);
    } catch (error) {
      const reason = inCliTerms(error instanceof Error ? error.message : String(error), FIELDS);
      throw new UsageError(
        `${reason.replace(/^--user-agent '[^']*'/, `--user-agent "${userAgent}"`)} SEC wants a name or company and a contact email: ${howTo}`,
      );
    }
    const cacheDirFlag = optionalString(flags, 'cache-dir');
    const forms = parseList(optionalString(flags, 'forms'));
    const quiet = flags.quiet === true;
    const progress = createProgress(io, 'fetch', { quiet });
    const onProgress = (event: EdgarProgressEvent): void => {
      if (event.type === 'filing') progress.update(event.done, event.total, event.accessionNumber);
      else if (event.type === 'rate-limited' && !quiet) {
        io.stderr.write(`fetch: SEC rate limit hit, pausing ${Math.round(event.pauseMs / 1000)} s\n`);
      }
    };
    // The client reads base URLs from process.env; the CLI's environment is io.env.
    const client = new EdgarClient({
      userAgent,
      offline: flags.offline === true,
      ...(cacheDirFlag === undefined ? {} : { cacheDir: resolvePath(io, cacheDirFlag) }),
      baseUrls: {
        www: io.env.FIN_TABTEXT_SEC_WWW_URL ?? SEC_BASE_URLS.www,
        data: io.env.FIN_TABTEXT_SEC_DATA_URL ?? SEC_BASE_URLS.data,
      },
      onProgress,
    });
    const records = loadEdgarDataset({
      client,
      tickersOrCiks: companies,
      ...(forms.length > 0 ? { formTypes: forms } : {}),
      ...(from === undefined ? {} : { filingDateStart: from }),
      ...(to === undefined ? {} : { filingDateEnd: to }),
      includeText: flags['with-text'] === true,
      onProgress,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    let ok = 0;
    const errors: string[] = [];
    // Throwing at the end when every filing failed makes writeRecords drop its temporary file,
    // so a run that fetched nothing leaves no output that looks like data.
    async function* checked(): AsyncGenerator<Readonly<Record<string, unknown>>> {
      for await (const record of records) {
        if (record.error === null) ok++;
        else
          errors.push(
            `${[record.ticker ?? record.cik ?? '?', record.accession_number].filter(Boolean).join(' ')}: ${fetchErrorInCliTerms(record.error)}`,
          );
        yield { ...record };
      }
      if (ok === 0 && errors.length > 0) {
        throw new Error(`every filing failed; nothing written. First error: ${errors[0]}`);
      }
    }
    const result = await writeRecords(out, checked(), {
      columns: FILING_RECORD_COLUMNS,
      escapeFormulas,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    progress.done();
    for (const error of errors.slice(0, 10)) io.stderr.write(`fetch: ${error}\n`);
    if (errors.length > 10) io.stderr.write(`fetch: ... and ${errors.length - 10} more errors\n`);
    if (!quiet)
      io.stderr.write(`fetch: wrote ${result.rows} records (${errors.length} failed) to ${result.path}\n`);
    if (result.rows === 0) io.stderr.write('fetch: no filings matched the forms and dates\n');
    return 0;
  },
};
