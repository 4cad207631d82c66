import { buildDataset, pipelineColumns, writeRecords } from '../../index.js';
import { type Command, optionalString } from '../command.js';
import { UsageError } from '../io.js';
import { createProgress } from '../progress.js';
import {
  CACHE_OPTIONS,
  createCliClient,
  guardFailures,
  readSelection,
  readUserAgent,
  SELECTION_FIELDS,
  SELECTION_OPTIONS,
} from './edgar-flags.js';
import { claimOutput, optionalChoice, resolvePath } from './shared.js';

const HELP = `fin-tabtext dataset: filings to one TabText row each (MD&A scores, Altman Z), in one command

Usage: fin-tabtext dataset (--tickers LIST | --ciks LIST) --out FILE [options]

Lists the filings, fetches each document (cached, rate-limited), extracts the MD&A, scores it
(11 attributes) and reads Altman Z'' from the filing's inline XBRL (or SEC company facts), on
every core, and writes one row per filing. A killed run resumes from the cache.

Options:
  --tickers LIST     comma-separated tickers, e.g. AAPL,MSFT
  --ciks LIST        comma-separated CIKs, e.g. 320193,789019
  --forms LIST       form types (default: 10-K,10-Q)
  --from DATE        first filing date, YYYY-MM-DD (default: 1993-01-01)
  --to DATE          last filing date, YYYY-MM-DD (default: today)
  --user-agent TEXT  your name or company and contact email, as SEC requires
                     (default: env FIN_TABTEXT_USER_AGENT)
  --out FILE         .parquet, .arrow, .csv or .jsonl (optionally .gz); - for stdout
  --format FORMAT    parquet, arrow, csv or jsonl (default: from --out; parquet for -)
  --workers N        worker threads (default: cores - 1; 0 = this thread)
  --with-text        add the MD&A text as an mdna column
  --cache-dir DIR    cache folder (default: ~/.cache/fin-tabtext/edgar)
  --offline          serve only from the cache; never send a request

Columns: ${pipelineColumns().join(', ')}.
Progress (filings, MB, ETA) goes to stderr. A filing that fails gets its error in the error
column and the run carries on; when every filing fails, nothing is written and the exit code is 1.
Mirrors or a test server: env FIN_TABTEXT_SEC_WWW_URL and FIN_TABTEXT_SEC_DATA_URL.

Example:
  fin-tabtext dataset --tickers AAPL,MSFT --forms 10-K,10-Q --from 2019-01-01 --to 2020-12-31 \\
    --user-agent "Jane Doe jane@example.com" --out tabtext.parquet
`;

const FORMATS = ['parquet', 'arrow', 'csv', 'jsonl'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(path: string): Format | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  if (name.endsWith('.arrow') || name.endsWith('.feather') || name.endsWith('.ipc')) return 'arrow';
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

function workersOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) {
    throw new UsageError(
      `--workers must be a whole number from 0 to 256, got "${value}". Example: --workers 2`,
    );
  }
  return n;
}

/** `fin-tabtext dataset`: the whole pipeline, EDGAR to a typed Parquet/Arrow (or CSV/JSONL) table. */
export const datasetCommand: Command = {
  name: 'dataset',
  summary: 'filings to TabText rows (MD&A scores + Altman Z) on every core, to Parquet/Arrow/CSV',
  help: HELP,
  fields: {
    ...SELECTION_FIELDS,
    'config.filingDateStart': '--from',
    'config.filingDateEnd': '--to',
    'config.formTypes': '--forms',
    'config.workers': '--workers',
  },
  options: {
    ...SELECTION_OPTIONS,
    ...CACHE_OPTIONS,
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    workers: { type: 'string' },
  },
  async run(flags, positionals, io) {
    if (positionals.length > 0) {
      throw new UsageError(`dataset takes no positional arguments, got "${positionals.join(' ')}".`);
    }
    const selection = readSelection(flags, 'dataset');
    const outFlag = optionalString(flags, 'out');
    if (outFlag === undefined) {
      throw new UsageError(
        'Missing --out (e.g. tabtext.parquet, or - for stdout). Run `fin-tabtext dataset --help`.',
      );
    }
    const toStdout = outFlag === '-';
    const format =
      optionalChoice<Format>(flags, 'format', FORMATS, 'dataset') ??
      (toStdout ? 'parquet' : formatOf(outFlag));
    if (format === undefined) {
      throw new UsageError(
        `--out must end in .parquet, .arrow, .csv or .jsonl (or pass --format), got "${outFlag}". Example: --out tabtext.parquet`,
      );
    }
    if (toStdout && (format === 'csv' || format === 'jsonl')) {
      throw new UsageError('--out - (stdout) writes parquet or arrow; give a file for csv or jsonl.');
    }
    const userAgent = readUserAgent(flags, io, true);
    const workers = workersOf(optionalString(flags, 'workers'));
    const quiet = flags.quiet === true;
    const includeText = flags['with-text'] === true;
    const progress = createProgress(io, 'dataset', { quiet });
    const client = createCliClient(io, flags, 'dataset', userAgent);
    const rows = buildDataset({
      client,
      ...selection,
      ...(workers === undefined ? {} : { workers }),
      includeText,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: (p) => {
        const mb = (p.bytes / 1e6).toFixed(1);
        const eta = p.etaMs === null ? '' : `, ETA ${Math.ceil(p.etaMs / 1000)} s`;
        progress.update(p.done, p.listed, `filings, ${mb} MB${eta}`);
      },
    });
    const { rows: checked, log } = guardFailures(
      io,
      'dataset',
      rows,
      (row) => `${row.ticker ?? row.cik ?? '?'} ${row.accession_number ?? ''}: ${row.error}`,
    );
    const target = toStdout ? io.stdout : claimOutput(io, resolvePath(io, outFlag), []);
    const result = await writeRecords(target, checked, {
      format,
      columns: pipelineColumns({ includeText }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    progress.done();
    log.report();
    if (!quiet) {
      io.stderr.write(
        `dataset: wrote ${result.rows} rows (${log.errors.length} failed) to ${toStdout ? 'stdout' : result.path}\n`,
      );
    }
    if (result.rows === 0) io.stderr.write('dataset: no filings matched the forms and dates\n');
    return 0;
  },
};
