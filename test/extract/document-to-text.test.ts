import { describe, expect, it } from 'vitest';
import { isFinTabTextError } from '../../src/errors/index.js';
import { documentToText, ExtractionError } from '../../src/extract/index.js';
import { filingFixtureNames, readFixture, readManifest } from '../support/fixtures.js';

const normalize = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

describe('documentToText on HTML', () => {
  it('turns block elements into lines and decodes entities', () => {
    const html =
      '<html><body><p>Item 7.&nbsp;Management&#8217;s&#x20;Discussion</p><div>Sales <b>rose</b> 4&amp;5%.<br>Next</div></body></html>';
    expect(documentToText(html)).toBe('Item 7. Management\u2019s Discussion\nSales rose 4&5%.\nNext');
  });

  it('drops scripts, styles, comments, hidden content and the inline XBRL header', () => {
    const html =
      '<head><title>d123.htm</title><style>p{color:red}</style></head><body><script>var x = "<p>no</p>";</script>' +
      '<!-- <p>comment</p> --><div style="display: none"><ix:header><div>hidden facts</div></ix:header></div>' +
      '<ix:header><ix:hidden>2023</ix:hidden></ix:header><p>Visible</p></body>';
    expect(documentToText(html)).toBe('Visible');
  });

  it('drops tables of figures and keeps layout tables on one line per row', () => {
    const html =
      '<table><tr><td>ITEM 7.</td><td><p>MANAGEMENT\u2019S DISCUSSION</p></td></tr></table>' +
      '<table><tr><td>Net sales</td><td>$</td><td>1,234</td><td>$</td><td>1,100</td></tr>' +
      '<tr><td>Cost of sales</td><td>(800</td><td>)</td><td>(700</td><td>)</td></tr></table>' +
      '<table><tr><td>\u2022</td><td>Revenue grew in every segment.</td></tr></table>';
    expect(documentToText(html)).toBe('ITEM 7. MANAGEMENT\u2019S DISCUSSION\nRevenue grew in every segment.');
  });

  it('removes page numbers and running headers but keeps the first line of a run', () => {
    const page = (n: number, body: string): string =>
      `<p>ACME CORP</p><p>${body}</p><p>${n}</p><hr style="page-break-after:always">`;
    const bodies = ['Sales rose.', 'Costs fell.', 'Margins widened.', 'Cash grew.', 'Debt was repaid.'];
    const html = bodies.map((body, n) => page(n + 1, body)).join('');
    expect(documentToText(html)).toBe(`ACME CORP\n${bodies.join('\n')}`);
  });

  it('is stable: converting its own output again changes nothing', () => {
    for (const name of ['ford_10-K_2002-03.txt', 'dell_10-K_2006-03.htm', 'cl_10-Q_2023-07-28.htm']) {
      const once = documentToText(readFixture(`filings/${name}`));
      expect(documentToText(once)).toBe(once);
    }
  });
});

describe('documentToText on SGML submissions', () => {
  const submission =
    '<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>\nItem 7. Results\n<PAGE>\n<TABLE>\n<S>      <C>\nSales  $ 1,234  $ 1,100\nCosts    (800)    (700)\n</TABLE>\nProse continues.\n</TEXT>\n</DOCUMENT>\n' +
    '<DOCUMENT>\n<TYPE>EX-13.1\n<TEXT>\n<HTML><BODY><P>Annual report text</P></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>';

  it('takes the main document, strips <PAGE> and drops tables of figures', () => {
    expect(documentToText(submission)).toBe('Item 7. Results\nProse continues.');
  });

  it('takes the document of the type asked for, HTML inside SGML included', () => {
    expect(documentToText(submission, { documentType: 'EX-13' })).toBe('Annual report text');
  });

  it('throws ExtractionError DOCUMENT_NOT_FOUND for a missing type', () => {
    expect(() => documentToText(submission, { documentType: 'EX-99' })).toThrow(ExtractionError);
    try {
      documentToText(submission, { documentType: 'EX-99' });
    } catch (error) {
      expect((error as ExtractionError).code).toBe('DOCUMENT_NOT_FOUND');
      expect(isFinTabTextError(error)).toBe(true);
    }
  });

  it('reads the real 2002 Ford plain-text 10-K without SGML markup or page numbers', () => {
    const text = documentToText(readFixture('filings/ford_10-K_2002-03.txt'));
    expect(text).not.toMatch(/<PAGE>|<TYPE>|<S>|<C>|<TABLE>/);
    expect(text.split('\n').some((line) => /^\d{1,3}$/.test(line))).toBe(false);
    expect(text).toContain("Item 7. Management's Discussion and Analysis of Financial Condition and Results");
  });
});

describe('documentToText on every fixture filing', () => {
  const rows = [...readManifest('dev'), ...readManifest('dev2'), ...readManifest('dev3')].filter((r) =>
    r.file.startsWith('filings/'),
  );

  it('keeps the MD&A first words and the next section of every manifest filing', () => {
    expect(rows.length).toBe(38);
    for (const row of rows) {
      const text = normalize(documentToText(readFixture(row.file)));
      expect(text, row.file).toContain(normalize(row.mda_first_words!));
      expect(text, row.file).toContain(normalize(row.next_first_words!));
    }
  });

  it('leaves no markup, entities or hidden XBRL facts behind', () => {
    for (const name of filingFixtureNames()) {
      const text = documentToText(readFixture(`filings/${name}`));
      expect(text, name).not.toMatch(/<\/?(?:div|span|p|td|tr|table|font|ix:[a-z]+)\b/i);
      expect(text, name).not.toMatch(/&(?:nbsp|amp|#\d+|#x[0-9a-f]+);/i);
      expect(text, name).not.toContain('\f');
    }
  });
});

describe('documentToText arguments', () => {
  it('rejects a non-string input and a bad format with InvalidArgumentError', () => {
    expect(() => documentToText(42 as unknown as string)).toThrow(/input must be a string/);
    expect(() => documentToText('<p>x</p>', { format: 'pdf' as 'html' })).toThrow(/options.format/);
  });

  it('returns empty text for empty input', () => {
    expect(documentToText('')).toBe('');
  });
});
