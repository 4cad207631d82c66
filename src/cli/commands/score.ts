import { InvalidArgumentError, readRecords, SCORE_COLUMNS, scoreFile } from '../../index.js';
import { type FogMode, loadWordListFile } from '../../score/index.js';
import { type Command, optionalNumber, optionalString, requireString } from '../command.js';
import { UsageError } from '../io.js';
import { createProgress } from '../progress.js';
import {
  CSV_ESCAPE_HELP,
  CSV_ESCAPE_OPTION,
  claimOutput,
  csvEscape,
  optionalChoice,
  requireInput,
  requireRecordPath,
} from './shared.js';

/** The columns of a records file, from its first row (empty when it has none). */
async function columnsOf(path: string): Promise<string[]> {
  for await (const row of readRecords(path)) return Object.keys(row);
  return [];
}

const HELP = `fin-tabtext score: add text scores to a CSV/JSONL file

Usage: fin-tabtext score --in FILE --out FILE [--text-column COLUMN] [options]

Reads one row at a time (any file size, constant memory) and writes the input columns
followed by: ${SCORE_COLUMNS.join(', ')},
then one column per --word-list.

Options:
  --in FILE              input .csv or .jsonl (optionally .gz)
  --out FILE             output .csv or .jsonl (optionally .gz)
  --text-column COLUMN   the column holding the text (default: mdna)
  --fog MODE             readability rules: textstat (default) or gunning (Gunning 1952)
  --word-list NAME=PATH  a custom word list, one word or phrase per line; repeatable;
                         adds a NAME column (share of words on the list)
  --workers N            score in N worker threads (default: 0, this thread); row order is kept
${CSV_ESCAPE_HELP}

Example:
  fin-tabtext score --in mdna.csv --out scores.csv --text-column mdna --word-list esg=esg.txt
`;

/** `fin-tabtext score`: CSV/JSONL text column to score columns through `scoreFile`. */
export const scoreCommand: Command = {
  name: 'score',
  summary: 'score a text column (word lists, polarity, VADER, fog) of a CSV/JSONL file',
  help: HELP,
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    'text-column': { type: 'string' },
    fog: { type: 'string' },
    'word-list': { type: 'string', multiple: true },
    workers: { type: 'string' },
    ...CSV_ESCAPE_OPTION,
  },
  fields: {
    'options.textColumn': '--text-column',
    'options.fogMode': '--fog',
    'options.wordLists': '--word-list',
    'options.workers': '--workers',
  },
  async run(flags, positionals, io) {
    if (positionals.length > 0) {
      throw new UsageError(`score takes --in FILE, not positional arguments ("${positionals.join(' ')}").`);
    }
    const inFlag = requireString(flags, 'in', 'score');
    const out = requireRecordPath(io, requireString(flags, 'out', 'score'), '--out', 'score');
    requireRecordPath(io, inFlag, '--in', 'score');
    const fogMode = optionalChoice<FogMode>(flags, 'fog', ['textstat', 'gunning'], 'score');
    const wordLists: Record<string, string[]> = {};
    const specs = (flags['word-list'] as string[] | undefined) ?? [];
    for (const spec of specs) {
      const at = spec.indexOf('=');
      const name = at > 0 ? spec.slice(0, at).trim() : '';
      const path = at > 0 ? spec.slice(at + 1).trim() : '';
      if (name === '' || path === '') {
        throw new UsageError(
          `--word-list must be NAME=PATH, got "${spec}". Example: --word-list esg=esg.txt`,
        );
      }
      const full = await requireInput(io, path, `--word-list ${name}`);
      wordLists[name] = loadWordListFile(full);
    }
    const input = await requireInput(io, inFlag, '--in');
    claimOutput(io, out, [['--in', input]]);
    const escapeFormulas = csvEscape(flags, 'score');
    const textColumn = optionalString(flags, 'text-column') ?? 'mdna';
    const progress = createProgress(io, 'score', { quiet: flags.quiet === true });
    let result: Awaited<ReturnType<typeof scoreFile>>;
    try {
      result = await scoreFile(input, out, {
        textColumn,
        ...(fogMode === undefined ? {} : { fogMode }),
        ...(specs.length > 0 ? { wordLists } : {}),
        ...(escapeFormulas ? {} : { escapeFormulas }),
        ...(flags.workers === undefined ? {} : { workers: optionalNumber(flags, 'workers', 'score') }),
        ...(io.signal === undefined ? {} : { signal: io.signal }),
        // Rows are what the user waits for; the share of input read is context, not completion.
        onProgress: ({ rows, bytesRead, totalBytes }) =>
          progress.update(
            rows,
            undefined,
            `rows scored${totalBytes ? ` (${Math.floor((100 * bytesRead) / totalBytes)}% of the input read)` : ''}`,
          ),
      });
    } catch (error) {
      if (error instanceof InvalidArgumentError && error.field === 'options.textColumn') {
        const columns = await columnsOf(input);
        throw new UsageError(
          `--text-column ${textColumn}: ${inFlag} has no such column; its columns are ${columns.join(', ') || '(none)'}.` +
            (columns.length > 0 ? ` Pass --text-column ${columns[0]}.` : ''),
        );
      }
      throw error;
    }
    progress.done(flags.quiet === true ? undefined : `score: wrote ${result.rows} rows to ${result.path}`);
    return 0;
  },
};
