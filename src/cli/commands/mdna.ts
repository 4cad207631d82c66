import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractMdna, type FlatRecord, writeRecords } from '../../index.js';
import { type Command, optionalString } from '../command.js';
import { UsageError } from '../io.js';
import { createProgress } from '../progress.js';
import { isDirectory, requireInput, requireRecordPath } from './shared.js';

/** Output columns of `fin-tabtext mdna`, in order. */
export const MDNA_COLUMNS = [
  'file',
  'form',
  'status',
  'heading',
  'next_heading',
  'chars',
  'mdna',
  'reference',
] as const;

const FILING_FILE = /\.(htm|html|txt|xml)(\.gz)?$/i;

const HELP = `fin-tabtext mdna: extract the MD&A section of filings on disk

Usage: fin-tabtext mdna FILE_OR_FOLDER... --out FILE [--form 10-K|10-Q]

Reads each filing (.htm, .html, .txt, .xml, optionally .gz; a folder means every such file
in it) and writes one record per filing with the columns:
  ${MDNA_COLUMNS.join(', ')}
status is found, incorporated-by-reference or not-found; reference says where the filing put
its MD&A instead (e.g. Exhibit 13, pages 14-21).

Options:
  --form FORM   10-K, 10-Q, 10-KSB or EX-13 for every file (default: 10-Q when the file
                name contains "10-Q", else 10-K)
  --out FILE    output .csv or .jsonl (optionally .gz)

Example:
  fin-tabtext mdna filings/ ford_10-K_2002-03.txt --out mdna.csv
`;

function guessForm(file: string): string {
  return /10-?Q/i.test(basename(file)) ? '10-Q' : '10-K';
}

/** `fin-tabtext mdna`: filings on disk to MD&A records through `extractMdna`. */
export const mdnaCommand: Command = {
  name: 'mdna',
  summary: 'extract the MD&A of 10-K/10-Q files on disk to CSV/JSONL',
  help: HELP,
  options: { form: { type: 'string' }, out: { type: 'string' } },
  async run(flags, positionals, io) {
    if (positionals.length === 0) {
      throw new UsageError(
        'Give at least one filing or folder. Example: fin-tabtext mdna filings/ --out mdna.csv',
      );
    }
    const outFlag = optionalString(flags, 'out');
    if (outFlag === undefined) {
      throw new UsageError('Missing --out (a .csv or .jsonl file). Run `fin-tabtext mdna --help` for usage.');
    }
    const out = requireRecordPath(io, outFlag, '--out', 'mdna');
    const form = optionalString(flags, 'form');
    // Validate --form before reading anything: an unknown form is a usage error (exit 2).
    if (form !== undefined) {
      try {
        extractMdna('', { form });
      } catch (error) {
        throw new UsageError(`--form: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const files: string[] = [];
    for (const input of positionals) {
      const full = await requireInput(io, input, 'mdna');
      if (await isDirectory(full)) {
        const names = (await readdir(full)).filter((name) => FILING_FILE.test(name)).sort();
        if (names.length === 0)
          throw new UsageError(`No filings (.htm, .html, .txt, .xml) in folder ${input}.`);
        files.push(...names.map((name) => join(full, name)));
      } else {
        files.push(full);
      }
    }
    const progress = createProgress(io, 'mdna', { quiet: flags.quiet === true });
    async function* records(): AsyncGenerator<FlatRecord> {
      let done = 0;
      for (const file of files) {
        const bytes = await readFile(file);
        const text = (file.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
        const name = basename(file).replace(/\.gz$/i, '');
        const fileForm = form ?? guessForm(name);
        const result = extractMdna(text, { form: fileForm });
        const reference = result.reference
          ? [result.reference.target, result.reference.pages ? `pages ${result.reference.pages}` : null]
              .filter((part) => part !== null)
              .join(', ')
          : null;
        yield {
          file: name,
          form: fileForm,
          status: result.status,
          heading: result.heading,
          next_heading: result.nextHeading,
          chars: result.text.length,
          mdna: result.status === 'found' ? result.text : null,
          reference,
        };
        done++;
        progress.update(done, files.length, name);
      }
    }
    const result = await writeRecords(out, records(), { columns: MDNA_COLUMNS });
    progress.done(flags.quiet === true ? undefined : `mdna: wrote ${result.rows} records to ${result.path}`);
    return 0;
  },
};
