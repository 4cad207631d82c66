import type { FilingIndex } from './filings.js';

// Exhibit 13 (the annual report to security holders) is named in many ways: ex13.htm,
// d451546dex13.htm, a2181030zex-13.htm, exhibit13.htm, ex13-1.htm ... but not ex130.htm.
const EX13_NAME = /ex(?:hibit)?[-_]?13(?![0-9])/i;
const DOCUMENT_FILE = /\.(?:htm|html|txt)$/i;

/**
 * File names of a filing folder that look like an Exhibit 13, best first (HTML before text).
 *
 * @param index - The folder listing.
 * @returns Candidate file names.
 */
export function exhibit13Candidates(index: FilingIndex): string[] {
  return index.items
    .map((item) => item.name)
    .filter((name) => EX13_NAME.test(name) && DOCUMENT_FILE.test(name) && !/-index/i.test(name))
    .sort((a, b) => Number(/\.txt$/i.test(a)) - Number(/\.txt$/i.test(b)));
}
