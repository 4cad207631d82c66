import { buildTabText, writeRecords } from '../../index.js';
import {
  type DateBucket,
  type NormalizeMethod,
  normalizeCik,
  normalizeColumns,
  type TabTextMatch,
} from '../../records/index.js';
import { type Command, optionalNumber, optionalString, requireString } from '../command.js';
import { UsageError } from '../io.js';
import {
  CSV_ESCAPE_HELP,
  CSV_ESCAPE_OPTION,
  claimOutput,
  csvEscape,
  optionalChoice,
  parseList,
  readAll,
  requireInput,
  requireRecordPath,
} from './shared.js';

const HELP = `fin-tabtext tabtext: join text records (one per filing) onto tabular rows (prices, fundamentals)

Usage: fin-tabtext tabtext --text FILE --tabular FILE --on COLUMNS --out FILE [options]

One output row per tabular row, in order: the tabular columns, then the text columns.
asof gives each tabular row the latest filing dated on or before it (no look-ahead); bucket
gives it the latest filing of the same day/week/month/quarter/year. A key column named cik
is normalized to 10 digits on both sides, so 320193 matches 0000320193.

Options:
  --text FILE            text records, .csv or .jsonl (e.g. the output of score)
  --tabular FILE         tabular records, .csv or .jsonl
  --on COLUMNS           key column(s), comma-separated, e.g. cik or cik,form_type
  --text-date COLUMN     date column of the text file (default: filing_date)
  --tabular-date COLUMN  date column of the tabular file (default: date)
  --match MODE           asof (default) or bucket
  --bucket UNIT          day (default), week, month, quarter, year (with --match bucket)
  --how HOW              left (default: keep unmatched tabular rows) or inner
  --max-age-days N       asof only: ignore filings older than N days
  --normalize COLUMNS    columns to normalize after the join, comma-separated
  --method METHOD        zscore (default) or minmax, for --normalize
  --out FILE             output .csv or .jsonl (optionally .gz)
${CSV_ESCAPE_HELP}

Example:
  fin-tabtext tabtext --text scores.csv --tabular prices.csv --on cik \\
    --text-date filing_date --tabular-date date --match asof \\
    --normalize polarity,readability --method zscore --out tabtext.csv
`;

function normalizeKeys(rows: Record<string, unknown>[], keys: readonly string[]): void {
  for (const key of keys) {
    if (key.toLowerCase() !== 'cik') continue;
    rows.forEach((row, i) => {
      const value = row[key];
      if (typeof value === 'string' || typeof value === 'number')
        row[key] = normalizeCik(value, `rows[${i}].${key}`);
    });
  }
}

/** `fin-tabtext tabtext`: `buildTabText` (and optionally `normalizeColumns`) over two files. */
export const tabtextCommand: Command = {
  name: 'tabtext',
  summary: 'join text scores onto tabular rows by key and date (as-of or bucket), optionally normalized',
  help: HELP,
  options: {
    text: { type: 'string' },
    tabular: { type: 'string' },
    on: { type: 'string' },
    'text-date': { type: 'string' },
    'tabular-date': { type: 'string' },
    match: { type: 'string' },
    bucket: { type: 'string' },
    how: { type: 'string' },
    'max-age-days': { type: 'string' },
    normalize: { type: 'string' },
    method: { type: 'string' },
    out: { type: 'string' },
    ...CSV_ESCAPE_OPTION,
  },
  fields: {
    'options.on': '--on',
    'options.dateColumns.text': '--text-date',
    'options.dateColumns.tabular': '--tabular-date',
    'options.maxAgeDays': '--max-age-days',
    'options.match': '--match',
    'options.bucket': '--bucket',
    'options.how': '--how',
    textRows: '--text',
    tabularRows: '--tabular',
  },
  async run(flags, positionals, io) {
    if (positionals.length > 0) {
      throw new UsageError(`tabtext takes flags only, got "${positionals.join(' ')}".`);
    }
    const textFlag = requireString(flags, 'text', 'tabtext');
    const tabularFlag = requireString(flags, 'tabular', 'tabtext');
    const on = parseList(requireString(flags, 'on', 'tabtext'));
    if (on.length === 0) throw new UsageError('--on needs at least one column, e.g. --on cik');
    const out = requireRecordPath(io, requireString(flags, 'out', 'tabtext'), '--out', 'tabtext');
    requireRecordPath(io, textFlag, '--text', 'tabtext');
    requireRecordPath(io, tabularFlag, '--tabular', 'tabtext');
    const match = optionalChoice<TabTextMatch>(flags, 'match', ['asof', 'bucket'], 'tabtext') ?? 'asof';
    const bucket = optionalChoice<DateBucket>(
      flags,
      'bucket',
      ['day', 'week', 'month', 'quarter', 'year'],
      'tabtext',
    );
    const how = optionalChoice<'left' | 'inner'>(flags, 'how', ['left', 'inner'], 'tabtext');
    const maxAgeDays = optionalNumber(flags, 'max-age-days', 'tabtext');
    const normalize = parseList(optionalString(flags, 'normalize'));
    const method = optionalChoice<NormalizeMethod>(flags, 'method', ['zscore', 'minmax'], 'tabtext');
    if (method !== undefined && normalize.length === 0) {
      throw new UsageError('--method applies to --normalize COLUMNS; give the columns too.');
    }
    const textPath = await requireInput(io, textFlag, '--text');
    const tabularPath = await requireInput(io, tabularFlag, '--tabular');
    claimOutput(io, out, [
      ['--text', textPath],
      ['--tabular', tabularPath],
    ]);
    const escapeFormulas = csvEscape(flags, 'tabtext');
    const textRows = await readAll(textPath, true, io.signal);
    const tabularRows = await readAll(tabularPath, true, io.signal);
    normalizeKeys(textRows, on);
    normalizeKeys(tabularRows, on);
    let rows = buildTabText(textRows, tabularRows, {
      on: on.length === 1 ? (on[0] as string) : on,
      dateColumns: {
        text: optionalString(flags, 'text-date') ?? 'filing_date',
        tabular: optionalString(flags, 'tabular-date') ?? 'date',
      },
      match,
      ...(bucket === undefined ? {} : { bucket }),
      ...(how === undefined ? {} : { how }),
      ...(maxAgeDays === undefined ? {} : { maxAgeDays }),
    });
    if (normalize.length > 0) {
      rows = normalizeColumns(rows, normalize, method === undefined ? {} : { method }).rows;
    }
    const result = await writeRecords(out, rows, {
      escapeFormulas,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    if (flags.quiet !== true) io.stderr.write(`tabtext: wrote ${result.rows} rows to ${result.path}\n`);
    return 0;
  },
};
