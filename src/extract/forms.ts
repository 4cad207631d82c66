import { isEightKForm } from './eight-k.js';
import { ExtractionError } from './errors.js';
import type { FormFamily } from './options.js';

/** One item of a form's layout, in filing order. */
export interface ItemDefinition {
  /** `'I'`, `'II'`, ... for forms whose item numbers repeat across parts (10-Q). */
  readonly part?: string;
  /** The item number as printed: `'7'`, `'7A'`. */
  readonly item: string;
  /** The usual title. */
  readonly title: string;
  /** Normalized title beginnings that identify the item when its heading has no number. */
  readonly signatures: readonly string[];
}

/** A form's item layout. */
export interface FormLayout {
  readonly family: FormFamily;
  /** Parts in order with their items; numbers are unique within a part. */
  readonly parts: readonly { readonly part: string; readonly items: readonly ItemDefinition[] }[];
  /** Whether the same item number appears in several parts (so headings are scoped by part). */
  readonly partScoped: boolean;
  /** The MD&A item when no heading title says which it is. */
  readonly mdnaItem: { readonly part?: string; readonly item: string };
}

const MDNA_SIGNATURES = ['managements discussion and analysis', 'management s discussion and analysis'];

const item = (
  number: string,
  title: string,
  signatures: readonly string[] = [],
  part?: string,
): ItemDefinition =>
  part === undefined ? { item: number, title, signatures } : { part, item: number, title, signatures };

const ANNUAL: FormLayout = {
  family: 'annual',
  partScoped: false,
  mdnaItem: { item: '7' },
  parts: [
    {
      part: 'I',
      items: [
        item('1', 'Business'),
        item('1A', 'Risk Factors', ['risk factors']),
        item('1B', 'Unresolved Staff Comments', ['unresolved staff comments']),
        item('1C', 'Cybersecurity', ['cybersecurity']),
        item('2', 'Properties'),
        item('3', 'Legal Proceedings', ['legal proceedings']),
        item('4', 'Mine Safety Disclosures', ['mine safety disclosure']),
        item('4A', 'Executive Officers of the Registrant'),
      ],
    },
    {
      part: 'II',
      items: [
        item(
          '5',
          "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities",
          ['market for registrant', 'market for the registrant'],
        ),
        item('6', 'Selected Financial Data', ['selected financial data']),
        item(
          '7',
          "Management's Discussion and Analysis of Financial Condition and Results of Operations",
          MDNA_SIGNATURES,
        ),
        item('7A', 'Quantitative and Qualitative Disclosures About Market Risk', [
          'quantitative and qualitative disclosure',
        ]),
        item('8', 'Financial Statements and Supplementary Data', [
          'financial statements and supplementary data',
        ]),
        item('8A', 'Controls and Procedures'),
        item('8B', 'Other Information'),
        item('9', 'Changes in and Disagreements With Accountants on Accounting and Financial Disclosure', [
          'changes in and disagreements with accountants',
        ]),
        item('9A', 'Controls and Procedures', ['controls and procedures']),
        item('9B', 'Other Information', ['other information']),
        item('9C', 'Disclosure Regarding Foreign Jurisdictions that Prevent Inspections', [
          'disclosure regarding foreign jurisdictions',
        ]),
      ],
    },
    {
      part: 'III',
      items: [
        item('10', 'Directors, Executive Officers and Corporate Governance'),
        item('11', 'Executive Compensation', ['executive compensation']),
        item(
          '12',
          'Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters',
          ['security ownership of certain beneficial owners'],
        ),
        item('13', 'Certain Relationships and Related Transactions, and Director Independence', [
          'certain relationships and related transactions',
        ]),
        item('14', 'Principal Accountant Fees and Services', ['principal accountant fees']),
      ],
    },
    {
      part: 'IV',
      items: [
        item('15', 'Exhibits and Financial Statement Schedules', [
          'exhibits and financial statement schedules',
        ]),
        item('16', 'Form 10-K Summary', ['form 10 k summary']),
      ],
    },
  ],
};

// 10-KSB numbers its items differently (Item 6 is the MD&A or plan of operation); the numbers
// still run in order, so the same ordinal scheme locates them. Only the MD&A default differs.
const ANNUAL_SMALL: FormLayout = { ...ANNUAL, mdnaItem: { item: '6' } };

const QUARTERLY: FormLayout = {
  family: 'quarterly',
  partScoped: true,
  mdnaItem: { part: 'I', item: '2' },
  parts: [
    {
      part: 'I',
      items: [
        item(
          '1',
          'Financial Statements',
          ['financial statements', 'condensed consolidated financial statements'],
          'I',
        ),
        item(
          '2',
          "Management's Discussion and Analysis of Financial Condition and Results of Operations",
          MDNA_SIGNATURES,
          'I',
        ),
        item(
          '3',
          'Quantitative and Qualitative Disclosures About Market Risk',
          ['quantitative and qualitative disclosure'],
          'I',
        ),
        item('4', 'Controls and Procedures', ['controls and procedures'], 'I'),
      ],
    },
    {
      part: 'II',
      items: [
        item('1', 'Legal Proceedings', ['legal proceedings'], 'II'),
        item('1A', 'Risk Factors', ['risk factors'], 'II'),
        item(
          '2',
          'Unregistered Sales of Equity Securities and Use of Proceeds',
          ['unregistered sales of equity'],
          'II',
        ),
        item('3', 'Defaults Upon Senior Securities', ['defaults upon senior securities'], 'II'),
        item(
          '4',
          'Mine Safety Disclosures',
          ['mine safety disclosure', 'submission of matters to a vote'],
          'II',
        ),
        item('5', 'Other Information', ['other information'], 'II'),
        item('6', 'Exhibits', ['exhibits'], 'II'),
      ],
    },
  ],
};

const ANNUAL_REPORT: FormLayout = {
  family: 'annual-report',
  partScoped: false,
  mdnaItem: { item: '' },
  parts: [],
};

/** Forms accepted by `extractItems` and `extractMdna`, for error messages. */
export const SUPPORTED_FORMS =
  "'10-K', '10-K405', '10-KSB', '10-KT', '10-Q', '10-QSB' (each also with '/A'), 'EX-13', and for extractItems '8-K'";

/**
 * The layout of an EDGAR form type.
 * @throws {ExtractionError} `UNSUPPORTED_FORM` for any other form.
 */
export function formLayout(form: string): FormLayout {
  const f = form.trim().toUpperCase().replace(/\/A$/, '');
  if (f.startsWith('10-KSB') || f.startsWith('10KSB')) return ANNUAL_SMALL;
  if (f.startsWith('10-K') || f.startsWith('10K')) return ANNUAL;
  if (f.startsWith('10-Q') || f.startsWith('10Q')) return QUARTERLY;
  if (f.startsWith('EX-13') || f === 'ARS' || f === 'EX13') return ANNUAL_REPORT;
  if (isEightKForm(f)) {
    throw new ExtractionError(
      'UNSUPPORTED_FORM',
      `options.formType '${form}' has no MD&A; its items come from extractItems(html, { formType: '8-K' }). ` +
        `The MD&A is in a 10-K, 10-Q or EX-13: call it as extractMdna(html, { formType: '10-K' }).`,
    );
  }
  throw new ExtractionError(
    'UNSUPPORTED_FORM',
    `options.formType '${form}' has no known item layout; supported forms are ${SUPPORTED_FORMS}. ` +
      "Call it as extractMdna(html, { formType: '10-K' }).",
  );
}

/** Whether a normalized title names the MD&A. */
export function isMdnaTitle(normalized: string): boolean {
  return (
    MDNA_SIGNATURES.some((s) => normalized.startsWith(s)) ||
    normalized.startsWith('management discussion and analysis') ||
    normalized.startsWith('managements discussion analysis')
  );
}

// What annual reports to shareholders (EX-13) also call their MD&A: "management discussion"
// (lower case, no "and analysis"), "FINANCIAL REVIEW", "Management's Financial Review". Only as a
// whole heading line, since "financial review" also starts ordinary sentences.
const ANNUAL_REPORT_MDNA =
  /^(?:(?:19|20)\d\d )?(?:managements? s? ?discussion(?: and analysis)?|(?:managements? s? ?)?financial review)(?: (?:19|20)\d\d)?$/;

/** Whether a normalized heading is an annual report's MD&A under another title. */
export function isAnnualReportMdnaTitle(normalized: string): boolean {
  return ANNUAL_REPORT_MDNA.test(normalized);
}
