import { parseCik } from '../identifiers/index.js';
import { decodeEntities } from '../xbrl/markup.js';

/** Who filed a document and when, as far as the document (or its file name) says. */
export interface FilingIdentity {
  /** 10-digit CIK, or `null`. */
  readonly cik: string | null;
  /** Trading symbol, or `null`. */
  readonly ticker: string | null;
  /** Registrant name, or `null`. */
  readonly company: string | null;
  /** Form type (`10-K`, `10-Q`), or `null`. */
  readonly formType: string | null;
  /** Filing date `YYYY-MM-DD`, or `null`. */
  readonly filingDate: string | null;
  /** Period of report `YYYY-MM-DD`, or `null`. */
  readonly reportDate: string | null;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `20020328`, `2002-03-28` or `March 28, 2002` as `2002-03-28`; anything else `null`. */
function isoDate(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
  const compact = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(t);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const words = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (words) {
    const month = MONTHS.findIndex((m) => m.startsWith(words[1]!.toLowerCase()) && words[1]!.length >= 3);
    if (month >= 0) return `${words[3]}-${String(month + 1).padStart(2, '0')}-${words[2]!.padStart(2, '0')}`;
  }
  return null;
}

/** The text of the first `ix:nonNumeric` element for a `dei:` concept, tags stripped. */
function deiValue(html: string, concept: string): string | null {
  const open = new RegExp(`<ix:nonNumeric\\b[^>]*\\bname=["']dei:${concept}["'][^>]*>`, 'i').exec(html);
  if (open === null) return null;
  const from = open.index + open[0].length;
  // dei elements nest (GameStop's period end holds its fiscal-year-end element): match the
  // closing tag at the same depth.
  const tags = /<ix:nonNumeric\b|<\/ix:nonNumeric\s*>/gi;
  tags.lastIndex = from;
  let depth = 1;
  let close = -1;
  for (let m = tags.exec(html); m !== null; m = tags.exec(html)) {
    depth += m[0].charCodeAt(1) === 47 /* / */ ? -1 : 1;
    if (depth === 0) {
      close = m.index;
      break;
    }
  }
  if (close < 0) return null;
  const text = decodeEntities(html.slice(from, close).replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** A field of an EDGAR SGML header (`FILED AS OF DATE:\t20020328`), or `null`. */
function headerValue(header: string, label: string): string | null {
  const match = new RegExp(`^\\s*${label}:[ \\t]*(.+?)\\s*$`, 'm').exec(header);
  return match?.[1] ?? null;
}

/**
 * What the document says about itself: the inline-XBRL cover page (`dei:EntityCentralIndexKey`,
 * `dei:TradingSymbol`, `dei:EntityRegistrantName`, `dei:DocumentType`, `dei:DocumentPeriodEndDate`)
 * or the EDGAR SGML header of a full submission (`CENTRAL INDEX KEY`, `COMPANY CONFORMED NAME`,
 * `CONFORMED SUBMISSION TYPE`, `FILED AS OF DATE`, `CONFORMED PERIOD OF REPORT`), and else the
 * first `<TYPE>` of an SGML document. The cover page has no filing date.
 *
 * @param text - The document as read from disk.
 * @returns The fields found; `null` for the others.
 */
export function identityFromDocument(text: string): FilingIdentity {
  const head = text.slice(0, 200_000);
  const headerEnd = head.search(/<\/SEC-HEADER>|<DOCUMENT>/i);
  const header = /<SEC-HEADER>|ACCESSION NUMBER:/i.test(head)
    ? head.slice(0, headerEnd < 0 ? 20_000 : headerEnd)
    : '';
  const cikText =
    deiValue(text, 'EntityCentralIndexKey') ?? (header ? headerValue(header, 'CENTRAL INDEX KEY') : null);
  const cik = parseCik(cikText);
  const typeTag = /<TYPE>[ \t]*([^\s<]+)/i.exec(head)?.[1] ?? null;
  const form =
    deiValue(text, 'DocumentType') ??
    (header ? headerValue(header, 'CONFORMED SUBMISSION TYPE') : null) ??
    typeTag;
  const filed = header ? headerValue(header, 'FILED AS OF DATE') : null;
  const period =
    deiValue(text, 'DocumentPeriodEndDate') ??
    (header ? headerValue(header, 'CONFORMED PERIOD OF REPORT') : null);
  return {
    cik,
    ticker: deiValue(text, 'TradingSymbol')?.toUpperCase() ?? null,
    company:
      deiValue(text, 'EntityRegistrantName') ??
      (header ? headerValue(header, 'COMPANY CONFORMED NAME') : null),
    formType: form?.toUpperCase() ?? null,
    filingDate: filed === null ? null : isoDate(filed),
    reportDate: period === null ? null : isoDate(period),
  };
}

/**
 * What a file name says, for names such as `ford_10-K_2002-03-28.txt` or `aapl-20250628.htm`:
 * a form (`10-K`, `10-Q`, `10-KSB`) and a filing date written `YYYY-MM-DD` after the form.
 * EDGAR's own `ticker-YYYYMMDD.htm` date is the period end, so it is kept as that. A leading
 * word is often a nickname (`ford_`, `alcoa_`), not a ticker, so no ticker is read from names.
 *
 * @param name - The file name, without folders.
 * @returns The fields found; `null` for the others.
 */
export function identityFromFileName(name: string): FilingIdentity {
  const base = name.replace(/\.gz$/i, '').replace(/\.[a-z]+$/i, '');
  const form = /(?:^|[_\-. ])(10-?K(?:SB|405|T)?|10-?Q(?:SB)?)(?=$|[_\-. /])/i.exec(base)?.[1] ?? null;
  const dated = form === null ? null : /(?:10-?[KQ][A-Z0-9]*)[_ -]+(\d{4}-\d{2}-\d{2})(?:$|[_ ])/i.exec(base);
  const period = /^[a-z]{1,5}-(\d{8})$/i.exec(base)?.[1];
  return {
    cik: null,
    ticker: null,
    company: null,
    formType: form === null ? null : form.toUpperCase().replace(/^10(?=[KQ])/, '10-'),
    filingDate: dated?.[1] ?? null,
    reportDate: period === undefined ? null : isoDate(period),
  };
}

/** Field by field: the first non-null of `sources`. */
export function mergeIdentity(...sources: readonly Partial<FilingIdentity>[]): FilingIdentity {
  const pick = <K extends keyof FilingIdentity>(key: K): FilingIdentity[K] =>
    (sources.find((s) => s[key] !== undefined && s[key] !== null)?.[key] ?? null) as FilingIdentity[K];
  return {
    cik: pick('cik'),
    ticker: pick('ticker'),
    company: pick('company'),
    formType: pick('formType'),
    filingDate: pick('filingDate'),
    reportDate: pick('reportDate'),
  };
}
