import {
  documentToText,
  summarizeColumn,
  summarizeJaccard,
  summarizeKMedoids,
  writeRecords,
} from '../../index.js';
import { detectRecordFormat } from '../../records/index.js';
import { type Command, optionalNumber, optionalString, requireString } from '../command.js';
import { UsageError, writeFileAtomic } from '../io.js';
import { createProgress } from '../progress.js';
import {
  CSV_ESCAPE_HELP,
  CSV_ESCAPE_OPTION,
  claimOutput,
  csvEscape,
  optionalChoice,
  optionalPositiveInteger,
  readAll,
  readText,
  requireInput,
  resolvePath,
} from './shared.js';

const HELP = `fin-tabtext summarize: extractive summary of a text, or of a text column of a CSV/JSONL file

Usage: fin-tabtext summarize --in FILE [--size N | --percentage P] [options]

--in is a text file (.txt, or .htm/.html converted to text first; optionally .gz) or a
.csv/.jsonl file whose --text-column is summarized row by row into a summary column.
The summary is verbatim sentences of the input, in document order.

Options:
  --in FILE            input file
  --method METHOD      jaccard (default: sentences most similar to all others) or kmedoids
                       (one medoid sentence per cluster)
  --size N             keep N sentences (default: 5)
  --percentage P       keep P percent of the sentences instead (0 < P <= 100)
  --seed N             kmedoids seed (default: 42)
  --text-column COL    CSV/JSONL input: the column to summarize (default: mdna)
  --out FILE           write here (text input: any file; CSV/JSONL input: .csv or .jsonl)
                       instead of stdout
${CSV_ESCAPE_HELP}

Example:
  fin-tabtext summarize --in mdna.txt --method kmedoids --size 5
  fin-tabtext summarize --in mdna.csv --text-column mdna --percentage 2 --out summaries.csv
`;

/** `fin-tabtext summarize`: `summarizeJaccard`/`summarizeKMedoids` over a file or a column. */
export const summarizeCommand: Command = {
  name: 'summarize',
  summary: 'extractive summary (Jaccard or k-medoids) of a text file or a CSV/JSONL text column',
  help: HELP,
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    method: { type: 'string' },
    size: { type: 'string' },
    percentage: { type: 'string' },
    seed: { type: 'string' },
    'text-column': { type: 'string' },
    ...CSV_ESCAPE_OPTION,
  },
  fields: {
    'options.textColumn': '--text-column',
    'options.summarySize': '--size',
    'options.summaryPercentage': '--percentage',
    'options.seed': '--seed',
  },
  async run(flags, positionals, io) {
    if (positionals.length > 0) {
      throw new UsageError(
        `summarize takes --in FILE, not positional arguments ("${positionals.join(' ')}").`,
      );
    }
    const inFlag = requireString(flags, 'in', 'summarize');
    const method = optionalChoice<'jaccard' | 'kmedoids'>(
      flags,
      'method',
      ['jaccard', 'kmedoids'],
      'summarize',
    );
    const size = optionalPositiveInteger(flags, 'size', 'summarize');
    const percentage = optionalNumber(flags, 'percentage', 'summarize');
    if (size !== undefined && percentage !== undefined) {
      throw new UsageError('Give --size or --percentage, not both. Example: --size 5');
    }
    if (percentage !== undefined && !(percentage > 0 && percentage <= 100)) {
      throw new UsageError(`--percentage must be in (0, 100], got ${percentage}. Example: --percentage 2`);
    }
    const seed = optionalNumber(flags, 'seed', 'summarize');
    if (seed !== undefined && method !== 'kmedoids') {
      throw new UsageError('--seed applies to --method kmedoids only.');
    }
    const amount = percentage === undefined ? { summarySize: size ?? 5 } : { summaryPercentage: percentage };
    const outFlag = optionalString(flags, 'out');
    const recordFormat = detectRecordFormat(inFlag);
    if (recordFormat !== undefined && outFlag !== undefined && detectRecordFormat(outFlag) === undefined) {
      throw new UsageError(`--out must end in .csv or .jsonl for a ${recordFormat} input, got "${outFlag}".`);
    }
    const input = await requireInput(io, inFlag, '--in');
    const out =
      outFlag === undefined ? undefined : claimOutput(io, resolvePath(io, outFlag), [['--in', input]]);
    const escapeFormulas = csvEscape(flags, 'summarize');
    const signal = io.signal;
    const stop = signal === undefined ? {} : { signal };

    if (recordFormat !== undefined) {
      const textColumn = optionalString(flags, 'text-column') ?? 'mdna';
      const rows = await readAll(input, false, signal);
      if (rows.length > 0 && !(textColumn in (rows[0] as object))) {
        throw new UsageError(
          `--text-column ${textColumn} is not a column of ${inFlag}; columns: ${Object.keys(rows[0] as object).join(', ')}.`,
        );
      }
      const progress = createProgress(io, 'summarize', { quiet: flags.quiet === true });
      const onProgress = (done: number, total: number): void => progress.update(done, total, 'rows');
      const summarized =
        method === 'kmedoids'
          ? summarizeColumn(rows, {
              textColumn,
              method: 'kmedoids',
              ...amount,
              ...(seed === undefined ? {} : { seed }),
              onProgress,
              ...stop,
            })
          : summarizeColumn(rows, { textColumn, ...amount, onProgress, ...stop });
      progress.done();
      if (out === undefined) {
        for (const row of summarized) io.stdout.write(`${JSON.stringify(row.summary ?? null)}\n`);
      } else {
        const result = await writeRecords(out, summarized, { escapeFormulas, ...stop });
        if (flags.quiet !== true) io.stderr.write(`summarize: wrote ${result.rows} rows to ${result.path}\n`);
      }
      return 0;
    }

    // documentToText unwraps HTML and EDGAR SGML and leaves plain text as it is.
    const text = documentToText(await readText(input));
    const summary =
      method === 'kmedoids'
        ? summarizeKMedoids(text, { ...amount, ...(seed === undefined ? {} : { seed }) }).summary
        : summarizeJaccard(text, amount).summary;
    if (out === undefined) io.stdout.write(`${summary}\n`);
    else await writeFileAtomic(out, `${summary}\n`);
    return 0;
  },
};
