import { altmanVariants, type CompanyFactsInput } from '../../finance/index.js';
import {
  type AltmanVariant,
  altmanFromCompanyFacts,
  type CompanyFactsAltmanResult,
  companyFactsFromInlineXbrl,
  InvalidArgumentError,
} from '../../index.js';
import { type Command, optionalDate, optionalNumber, optionalString, requireString } from '../command.js';
import { UsageError } from '../io.js';
import { optionalChoice, readText, requireInput } from './shared.js';

/** True when a file's text is markup (an HTML/iXBRL filing) rather than JSON. */
const isMarkup = (text: string): boolean => /^\s*</.test(text);

const HELP = `fin-tabtext altman: Altman Z-score of a company's annual report, with the source of every input

Usage: fin-tabtext altman --in COMPANYFACTS.json [--price P] [options]
       fin-tabtext altman --in FILING.htm --inline-xbrl --accession-number A --form-type 10-K --filing-date DATE [--price P]

--in is SEC's XBRL company-facts JSON (optionally .gz), or with --inline-xbrl an inline-XBRL
10-K read straight from disk. The default output is a readable table: Z, zone, the five
ratios, and for each input its value, XBRL tag, period and whether a fallback tag was used.

Options:
  --in FILE             company facts JSON or (with --inline-xbrl) a filing
  --price P             share price in USD; market value of equity = cover shares x price
                        (needed by the original Z; without it use --variant z_double_prime)
  --variant V           ${altmanVariants.join(', ')} (default: original)
  --accession-number A  the report to score, e.g. 0001640147-25-000052 (default: the latest 10-K)
  --period-end DATE     or pick the report by fiscal-year end, YYYY-MM-DD
  --inline-xbrl         --in is an inline-XBRL filing; then --accession-number, --form-type and
                        --filing-date are required
  --form-type FORM      form type of the filing (with --inline-xbrl), e.g. 10-K
  --filing-date DATE    filing date YYYY-MM-DD (with --inline-xbrl)
  --json                print the whole result (inputs, provenance, warnings) as JSON

Exit code 1 when Z cannot be computed (the reason is printed), 2 for bad arguments.

Example:
  fin-tabtext altman --in companyfacts_CIK0001640147.json --accession-number 0001640147-25-000052 --price 150
`;

const number = (value: number | null, digits = 3): string =>
  value === null ? 'n/a' : value.toLocaleString('en-US', { maximumFractionDigits: digits });

function table(result: CompanyFactsAltmanResult): string {
  const lines: string[] = [];
  const r = result.report;
  lines.push(`${result.entityName ?? 'unknown company'} (CIK ${result.cik ?? 'n/a'})`);
  lines.push(`report: ${r.formType} ${r.accessionNumber}, filed ${r.filingDate}, period end ${r.periodEnd}`);
  lines.push(`variant: ${result.variant}`);
  lines.push(
    `Z: ${number(result.z)}  zone: ${result.zone ?? 'n/a'}${result.rating ? `  rating: ${result.rating}` : ''}`,
  );
  if (result.reason) lines.push(`reason: ${result.reason}`);
  lines.push('', 'ratio      value    contribution');
  for (const [name, value] of Object.entries(result.ratios)) {
    // The letters A–E are the same ratios under Altman's 2000 names; list each ratio once.
    if (/^[A-Z]$/.test(name)) continue;
    const contribution = result.contributions?.[name as keyof typeof result.contributions];
    lines.push(
      `${name.padEnd(9)}  ${number(value as number | null, 4).padStart(7)}  ${contribution === undefined ? '' : number(contribution, 4)}`,
    );
  }
  // Same widths and order as the rows below: value, period, fallback, tag.
  lines.push(
    '',
    `${'input'.padEnd(19)}  ${'value'.padStart(17)}  ${'period'.padEnd(23)}  ${'fallback'.padEnd(8)}  tag`,
  );
  for (const [field, p] of Object.entries(result.provenance)) {
    if (p === null) {
      lines.push(`${field.padEnd(19)}  ${'n/a'.padStart(17)}  (not found)`);
      continue;
    }
    const period = p.start ? `${p.start} – ${p.end ?? ''}` : (p.end ?? '—');
    lines.push(
      `${field.padEnd(19)}  ${number(p.value, 0).padStart(17)}  ${period.padEnd(23)}  ${(p.fallbackUsed ? 'yes' : 'no').padEnd(8)}  ${p.tag}`,
    );
  }
  if (result.warnings.length > 0) {
    lines.push('', 'warnings:');
    for (const warning of result.warnings) lines.push(`  - ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `fin-tabtext altman`: company facts (or an iXBRL filing) to an Altman Z with provenance. */
export const altmanCommand: Command = {
  name: 'altman',
  summary: 'Altman Z-score from XBRL company facts or an inline-XBRL filing, with provenance',
  help: HELP,
  options: {
    in: { type: 'string' },
    price: { type: 'string' },
    variant: { type: 'string' },
    'accession-number': { type: 'string' },
    'period-end': { type: 'string' },
    'inline-xbrl': { type: 'boolean' },
    'form-type': { type: 'string' },
    'filing-date': { type: 'string' },
    json: { type: 'boolean' },
  },
  fields: {
    'options.accessionNumber': '--accession-number',
    'options.periodEnd': '--period-end',
    'options.price': '--price',
    'options.variant': '--variant',
    'options.formType': '--form-type',
    'options.filingDate': '--filing-date',
  },
  async run(flags, positionals, io) {
    if (positionals.length > 0) {
      throw new UsageError(`altman takes --in FILE, not positional arguments ("${positionals.join(' ')}").`);
    }
    const inFlag = requireString(flags, 'in', 'altman');
    const price = optionalNumber(flags, 'price', 'altman');
    const periodEnd = optionalDate(flags, 'period-end', 'altman');
    const filingDate = optionalDate(flags, 'filing-date', 'altman');
    if (price !== undefined && price <= 0) {
      throw new UsageError(`--price must be a positive number, got ${price}. Example: --price 150`);
    }
    const variant = optionalChoice<AltmanVariant>(flags, 'variant', altmanVariants, 'altman');
    const accessionNumber = optionalString(flags, 'accession-number');
    const inline = flags['inline-xbrl'] === true;
    const inlineOptions = inline
      ? {
          accessionNumber: requireString(flags, 'accession-number', 'altman'),
          formType: requireString(flags, 'form-type', 'altman'),
          filingDate: filingDate ?? requireString(flags, 'filing-date', 'altman'),
        }
      : undefined;
    const path = await requireInput(io, inFlag, '--in');
    const text = await readText(path);
    if (!inline && isMarkup(text)) {
      throw new UsageError(
        `--in ${inFlag} is an HTML/inline-XBRL filing, not SEC company-facts JSON. Add --inline-xbrl ` +
          "with the filing's --accession-number, --form-type and --filing-date, e.g. " +
          `fin-tabtext altman --in ${inFlag} --inline-xbrl --accession-number 0001326380-24-000012 --form-type 10-K --filing-date 2024-03-26`,
      );
    }
    let facts: CompanyFactsInput | string = text;
    if (inlineOptions !== undefined) {
      const parsed = companyFactsFromInlineXbrl(text, inlineOptions);
      for (const warning of parsed.warnings) io.stderr.write(`altman: ${warning}\n`);
      facts = parsed as unknown as CompanyFactsInput;
    }
    let result: CompanyFactsAltmanResult;
    try {
      result = altmanFromCompanyFacts(facts, {
        ...(price === undefined ? {} : { price }),
        ...(variant === undefined ? {} : { variant }),
        ...(accessionNumber === undefined ? {} : { accessionNumber }),
        ...(periodEnd === undefined ? {} : { periodEnd }),
      });
    } catch (error) {
      if (error instanceof InvalidArgumentError && error.field === 'companyFacts') {
        throw new UsageError(
          `--in ${inFlag} is not SEC company-facts JSON (a companyfacts_CIK##########.json file)` +
            (inline ? '.' : '; for an inline-XBRL filing add --inline-xbrl.'),
        );
      }
      throw error;
    }
    io.stdout.write(flags.json === true ? `${JSON.stringify(result, null, 2)}\n` : table(result));
    if (result.z === null) {
      io.stderr.write(`altman: no Z-score: ${result.reason ?? 'an input is missing'}\n`);
      return 1;
    }
    return 0;
  },
};
