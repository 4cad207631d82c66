import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SgmlDocument, sgmlDocuments } from '../../src/extract/sgml.js';
import { readFixture } from '../support/fixtures.js';

// The splitter as it was before the one-pass rewrite (it searched for each tag afresh, so it
// rescanned to the end of the submission for every document). Kept here as the oracle: the new
// splitter must give the same documents.
function previousSgmlDocuments(input: string): SgmlDocument[] {
  const find = (needle: string, from: number): number => {
    const a = input.indexOf(needle, from);
    const b = input.indexOf(needle.toLowerCase(), from);
    if (a < 0) return b;
    if (b < 0) return a;
    return Math.min(a, b);
  };
  const docs: SgmlDocument[] = [];
  let at = 0;
  for (;;) {
    const open = find('<DOCUMENT>', at);
    if (open < 0) break;
    const close = find('</DOCUMENT>', open + 10);
    const docEnd = close < 0 ? input.length : close;
    const typeAt = find('<TYPE>', open);
    let type = '';
    if (typeAt >= 0 && typeAt < docEnd) {
      let e = typeAt + 6;
      while (e < docEnd && e - typeAt < 80) {
        const c = input.charCodeAt(e);
        if (c === 10 || c === 13 || c === 60) break;
        e++;
      }
      type = input
        .slice(typeAt + 6, e)
        .trim()
        .toUpperCase();
    }
    const textAt = find('<TEXT>', open);
    let start = textAt >= 0 && textAt < docEnd ? textAt + 6 : open + 10;
    let end = docEnd;
    const textClose = find('</TEXT>', start);
    if (textClose >= 0 && textClose < docEnd) end = textClose;
    if (start > end) start = end;
    docs.push({ type, start, end });
    at = docEnd;
  }
  return docs;
}

const SUBMISSIONS = [
  'filings/ford_10-K_2002-03.txt',
  'eight-k/aapl_8-K_1999-09-07.txt',
  'eight-k/asta_8-K_2005-03-08.txt',
  'eight-k/pericom_8-K_2006-08-16.txt',
  'eight-k/ford_8-K_2017-10-03.txt',
];

describe('sgmlDocuments on real .txt submissions', () => {
  it.each(SUBMISSIONS)('gives the same documents as the previous splitter: %s', (name) => {
    const input = readFixture(name);
    const docs = sgmlDocuments(input);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs).toEqual(previousSgmlDocuments(input));
  });

  it('reads the Ford 2017 8-K submission as its 8-K, EX-99 and five graphics', () => {
    const input = readFixture('eight-k/ford_8-K_2017-10-03.txt');
    const docs = sgmlDocuments(input);
    expect(docs.map((d) => d.type)).toEqual(['8-K', 'EX-99', ...Array(5).fill('GRAPHIC')]);
    for (const doc of docs) expect(input.slice(doc.end, doc.end + 7)).toBe('</TEXT>');
    expect(input.slice(docs[0]!.start, docs[0]!.start + 200)).toContain('<html');
  });

  it('gives the same documents when real documents are repeated many times', () => {
    const input = readFixture('eight-k/pericom_8-K_2006-08-16.txt');
    const first = input.indexOf('<DOCUMENT>');
    const last = input.lastIndexOf('</DOCUMENT>') + '</DOCUMENT>'.length;
    const many = `${input.slice(0, first)}${input.slice(first, last).repeat(200)}\n</SEC-DOCUMENT>\n`;
    const docs = sgmlDocuments(many);
    expect(docs.length).toBe(200 * sgmlDocuments(input).length);
    expect(docs).toEqual(previousSgmlDocuments(many));
  });
});

// Property test: a fixed seed, overridable with FC_SEED=<n>; fast-check prints the seed and the
// shrunk counterexample when it fails.
const SEED = Number(process.env.FC_SEED ?? 20_261_201);

const FRAME = ['<DOCUMENT>', '</DOCUMENT>', '<TYPE>', '<TEXT>', '</TEXT>'];
const piece = fc.oneof(
  fc.constantFrom(...FRAME),
  fc.constantFrom(...FRAME).map((t) => t.toLowerCase()),
  fc.constantFrom('10-K\n', 'EX-99.1\n', '<p>', '</p>', '<td>', '<', '\n', 'body text ', '<DOC>', '<TEXTS>'),
  fc.string({ maxLength: 8 }),
);

describe('sgmlDocuments on generated submissions', () => {
  it('agrees with the previous splitter for uppercase or lowercase tags', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const input = parts.join('');
        expect(sgmlDocuments(input)).toEqual(previousSgmlDocuments(input));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('also reads mixed-case tags, which SGML allows', () => {
    const docs = sgmlDocuments('<Document>\n<Type>EX-13\n<Text>\nAnnual report\n</Text>\n</Document>');
    expect(docs).toHaveLength(1);
    expect(docs[0]!.type).toBe('EX-13');
  });
});
