import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseCik } from '../../identifiers/index.js';
import { extractMdna, type FlatRecord, writeRecords } from '../../index.js';
import { type Command, optionalDate, optionalString } from '../command.js';
import { identityFromDocument, identityFromFileName, mergeIdentity } from '../identity.js';
import { UsageError } from '../io.js';
import { createProgress } from '../progress.js';
import {
  CSV_ESCAPE_HELP,
  CSV_ESCAPE_OPTION,
  claimOutput,
  csvEscape,
  isDirectory,
  readText,
  requireInput,
  requireRecordPath,
} from './shared.js';

/** Output columns of `fin-tabtext mdna`, in order: identity first, so rows join (`tabtext --on cik`). */
export const MDNA_COLUMNS = [
  'file',
  'ticker',
  'cik',
  'company',
  'form_type',
  'filing_date',
  'report_date',
  'mdna_status',
  'heading',
  'next_heading',
  'chars',
  'mdna',
  'reference',
] as const;

const FILING_FILE = /\.(htm|html|txt|xml)(\.gz)?$/i;

const HELP = `fin-tabtext mdna: extract the MD&A section of filings on disk

Usage: fin-tabtext mdna FILE_OR_FOLDER... --out FILE [--form-type 10-K|10-Q] [--cik CIK --ticker T --filing-date DATE]

Reads each filing (.htm, .html, .txt, .xml, optionally .gz; a folder means every such file
in it) and writes one record per filing with the columns:
  ${MDNA_COLUMNS.join(', ')}
mdna_status is found, incorporated-by-reference or not-found; reference says where the filing
put its MD&A instead (e.g. Exhibit 13, pages 14-21).

ticker, cik, company, form_type, filing_date and report_date come from the document itself
when it says (the inline-XBRL cover page: dei:TradingSymbol, dei:EntityCentralIndexKey, ...;
or the SGML header of a full .txt submission: CENTRAL INDEX KEY, FILED AS OF DATE, ...), else
from the file name (ford_10-K_2002-03-28.txt: form 10-K, filed 2002-03-28), else from the
flags below; a field none of them gives is empty. An inline-XBRL cover page has no
filing date: give --filing-date, or name the file TICKER_FORM_YYYY-MM-DD.htm.

Options:
  --form-type FORM    10-K, 10-Q, 10-KSB or EX-13 when neither the document nor its name says
                      (default: 10-K)
  --cik CIK           CIK when the document does not say
  --ticker T          ticker when the document does not say
  --filing-date DATE  filing date YYYY-MM-DD when neither the document nor its name says
  --out FILE          output .csv or .jsonl (optionally .gz)
${CSV_ESCAPE_HELP}

Example:
  fin-tabtext mdna filings/ ford_10-K_2002-03.txt --out mdna.csv
`;

/** Whether `extractMdna` reads this form type. */
function readsForm(formType: string): boolean {
  try {
    extractMdna('', { formType });
    return true;
  } catch {
    return false;
  }
}

/** `fin-tabtext mdna`: filings on disk to MD&A records through `extractMdna`. */
export const mdnaCommand: Command = {
  name: 'mdna',
  summary: 'extract the MD&A of 10-K/10-Q files on disk to CSV/JSONL',
  help: HELP,
  options: {
    'form-type': { type: 'string' },
    cik: { type: 'string' },
    ticker: { type: 'string' },
    'filing-date': { type: 'string' },
    out: { type: 'string' },
    ...CSV_ESCAPE_OPTION,
  },
  fields: { 'options.formType': '--form-type' },
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
    const formType = optionalString(flags, 'form-type');
    // Validate --form-type before reading anything: an unknown form type is a usage error (exit 2).
    if (formType !== undefined && !readsForm(formType)) {
      throw new UsageError(
        `--form-type ${formType} has no MD&A to extract; give 10-K, 10-Q, 10-KSB or EX-13.`,
      );
    }
    const cikFlag = optionalString(flags, 'cik');
    const cik = cikFlag === undefined ? null : parseCik(cikFlag);
    if (cikFlag !== undefined && cik === null) {
      throw new UsageError(`--cik must be a CIK of up to 10 digits, got "${cikFlag}". Example: --cik 320193`);
    }
    const fromFlags = {
      formType: formType ?? '10-K',
      cik,
      ticker: optionalString(flags, 'ticker')?.toUpperCase() ?? null,
      filingDate: optionalDate(flags, 'filing-date', 'mdna') ?? null,
    };
    const escapeFormulas = csvEscape(flags, 'mdna');
    const files: string[] = [];
    for (const input of positionals) {
      const full = await requireInput(io, input, input, { folder: true });
      if (await isDirectory(full)) {
        const names = (await readdir(full)).filter((name) => FILING_FILE.test(name)).sort();
        if (names.length === 0)
          throw new UsageError(`No filings (.htm, .html, .txt, .xml) in folder ${input}.`);
        files.push(...names.map((name) => join(full, name)));
      } else {
        files.push(full);
      }
    }
    claimOutput(
      io,
      out,
      files.map((file) => [basename(file), file] as const),
    );
    const quiet = flags.quiet === true;
    const progress = createProgress(io, 'mdna', { quiet });
    const skipped: string[] = [];
    async function* records(): AsyncGenerator<FlatRecord> {
      let done = 0;
      for (const file of files) {
        io.signal?.throwIfAborted();
        const text = await readText(file);
        const name = basename(file).replace(/\.gz$/i, '');
        const identity = mergeIdentity(identityFromDocument(text), identityFromFileName(name), fromFlags);
        const fileForm = identity.formType ?? '10-K';
        done++;
        if (!readsForm(fileForm)) {
          skipped.push(`${name} is a ${fileForm}, which has no MD&A item`);
          continue;
        }
        const result = extractMdna(text, { formType: fileForm });
        const reference = result.reference
          ? [result.reference.target, result.reference.pages ? `pages ${result.reference.pages}` : null]
              .filter((part) => part !== null)
              .join(', ')
          : null;
        yield {
          file: name,
          ticker: identity.ticker,
          cik: identity.cik,
          company: identity.company,
          form_type: fileForm,
          filing_date: identity.filingDate,
          report_date: identity.reportDate,
          mdna_status: result.status,
          heading: result.heading,
          next_heading: result.nextHeading,
          chars: result.text.length,
          mdna: result.status === 'found' ? result.text : null,
          reference,
        };
        progress.update(done, files.length, name);
      }
    }
    const result = await writeRecords(out, records(), {
      columns: MDNA_COLUMNS,
      escapeFormulas,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    progress.done();
    for (const note of skipped) io.stderr.write(`mdna: skipped ${note}\n`);
    if (!quiet) io.stderr.write(`mdna: wrote ${result.rows} records to ${result.path}\n`);
    return 0;
  },
};
