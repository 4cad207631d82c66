import type { MdnaReference } from './extract.js';

// An item whose whole body only points elsewhere: "incorporated herein by reference to ...",
// "can be found in the Annual Report ... and is incorporated into this item by reference",
// "is reported on pages 21-35 of the Annual Report", "see Exhibit 13".
const POINTER = new RegExp(
  [
    String.raw`incorporated\s+(?:herein\s+|hereby\s+)?(?:by\s+reference|herein|into\b)`,
    String.raw`\b(?:is|are|be)\s+(?:(?:also|fully|more\s+fully)\s+)?(?:found|included|contained|set\s+forth|presented|reported|described|discussed|located|provided|shown|given)\s+(?:in|on|under|at|within|beginning)\b`,
    String.raw`\bappears?\s+(?:in|on|under|at|beginning)\b`,
    String.raw`\b(?:refer\s+to|see)\s+(?:the\s+)?(?:pages?|exhibit|annual\s+report|proxy|information\s+statement|registrant|company)`,
  ].join('|'),
  'i',
);

// Most specific first: a named exhibit, then the annual report, then a proxy or information statement.
const TARGETS = [
  /exhibit\s+\d{1,3}(?:\.\d{1,2})?/i,
  /(?:\b\d{4}\s+)?annual\s+report(?:\s+to\s+(?:share|stock|security\s+)holders)?/i,
  /proxy\s+statement/i,
  /information\s+statement/i,
];
const PAGES = /pages?\s+([A-Z]?-?\d{1,3})(?:\s*(?:-|–|—|through|to|and)\s*([A-Z]?-?\d{1,3}))?/i;
// "under the caption “Financial Review”", "in the section entitled 'Management's Discussion ...'".
// The closing quote matches the opening one; a single quote closes only where no letter follows,
// so the apostrophe of "Management's" does not end the title.
const SECTION =
  /(?:under|in|within)\s+(?:the\s+)?(?:(?:captions?|headings?|sections?|titles?)\s+)?(?:(?:entitled|titled|captioned|headed)\s+)?(?:“([^”]{3,160}?)[,.]?”|"([^"]{3,160}?)[,.]?"|[‘']([^\n]{3,160}?)[,.]?[’'](?![a-z]))/i;
/** A body longer than this is an MD&A that cites other documents, not a pointer. */
const MAX_POINTER_LENGTH = 2500;

function targetName(raw: string): string {
  const s = raw.replace(/\s+/g, ' ');
  if (/^exhibit/i.test(s)) return `Exhibit ${s.replace(/^exhibit\s*/i, '')}`;
  if (/proxy/i.test(s)) return 'Proxy Statement';
  if (/information statement/i.test(s)) return 'Information Statement';
  return s
    .replace(/annual report/i, 'Annual Report')
    .replace(/(share|stock|security )holders/i, (m) => m[0]!.toUpperCase() + m.slice(1));
}

/**
 * Where an item body points when all it does is point to another document.
 *
 * @param body - The item body, trimmed.
 * @returns The target document, page range and section title named, with the pointer sentence;
 *   `null` when the body is content (too long, no pointer wording, or no document named).
 */
export function referenceOf(body: string): MdnaReference | null {
  if (body.length > MAX_POINTER_LENGTH || !POINTER.test(body)) return null;
  let target: RegExpExecArray | null = null;
  for (const pattern of TARGETS) target ??= pattern.exec(body);
  if (target === null) return null;
  const sentences = body.split(/(?<=[.!?])\s+(?=[A-Z“"])/);
  const sentence = sentences.find((s) => POINTER.test(s)) ?? body;
  const pages = PAGES.exec(body);
  const range = pages === null ? undefined : pages[2] === undefined ? pages[1]! : `${pages[1]}-${pages[2]}`;
  const quoted = SECTION.exec(body);
  const section =
    quoted === null ? undefined : (quoted[1] ?? quoted[2] ?? quoted[3])!.replace(/\s+/g, ' ').trim();
  return {
    target: targetName(target[0]),
    ...(range === undefined ? {} : { pages: range }),
    ...(section === undefined ? {} : { section }),
    sentence: sentence.trim(),
  };
}
