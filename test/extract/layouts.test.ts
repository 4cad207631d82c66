import { describe, expect, it } from 'vitest';
import { documentToText, type ExtractedItem, extractItems, extractMdna } from '../../src/extract/index.js';
import { type ManifestRow, readFixture, readManifest } from '../support/fixtures.js';

// The layouts of issue 11 on real filings: the dev3 filings as they are, and rewrites of real
// filings into the wording other filers use (quoted in the issue), as variants.test.ts does.

const normalize = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const rows = new Map<string, ManifestRow>(
  [...readManifest('dev'), ...readManifest('dev2'), ...readManifest('dev3')]
    .filter((r) => r.file.startsWith('filings/'))
    .map((r) => [r.file.slice('filings/'.length).replace(/\.gz$/, ''), r]),
);

const cleanText = new Map<string, string>();
function clean(name: string): string {
  let text = cleanText.get(name);
  if (text === undefined) {
    text = documentToText(readFixture(`filings/${name}`));
    cleanText.set(name, text);
  }
  return text;
}

const formOf = (name: string): string => rows.get(name)!.form!;
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length - 1;

/** Line indexes of the MD&A heading, its first and last body lines, and the next heading. */
function mdnaLines(name: string): { heading: number; first: number; last: number; next: number } {
  const text = clean(name);
  const mdna = extractMdna(text, { formType: formOf(name) });
  expect(mdna.status).toBe('found');
  const first = lineOf(text, mdna.start);
  const last = lineOf(text, mdna.end);
  const next = lineOf(text, text.indexOf(mdna.nextHeading!, mdna.end));
  const heading = lineOf(text, text.lastIndexOf(mdna.heading!, mdna.start));
  return { heading, first, last, next };
}

const item = (items: readonly ExtractedItem[], number: string, part?: string): ExtractedItem | undefined =>
  items.find((i) => i.item === number && (part === undefined || i.part === part));

const K = [
  'tegna_10-K_2016-02.htm',
  'dell_10-K_2006-03.htm',
  'gme_10-K_2024-03.htm',
  'wmt_10-K_2024-03-15.htm',
];
// 10-Qs with labeled Part I Item 1, 2 and 3 headings.
const Q = [
  'hd_10-Q_2023-08.htm',
  'alcoa_10-Q_2018-08.htm',
  'xom_10-Q_2023-08-01.htm',
  'gme_10-Q_2023-09-06.htm',
];

describe('running page headers (Microsoft FY2011, Mastercard 2023)', () => {
  it('takes the real Item 7 and Item 8 headings, not "PART II" / "Item 7" above each page', () => {
    const items = extractItems(readFixture('filings/msft_10-K_2011-07-28.htm'), { formType: '10-K' });
    expect(item(items, '7')!.heading).toBe(
      'ITEM 7. MANAGEMENT\u2019S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS',
    );
    expect(item(items, '1A')!.heading).toBe('ITEM 1A. RISK FACTORS');
    expect(item(items, '8')!.heading).toBe('ITEM 8. FINANCIAL STATEMENTS AND SUPPLEMENTARY DATA');
    expect(item(items, '8')!.text.startsWith('INCOME STATEMENTS')).toBe(true);
    expect(item(items, '9')!.text).toBe('Not applicable.');
    expect(item(items, '9A')!.heading).toBe('ITEM 9A. CONTROLS AND PROCEDURES');
    // No item body starts or ends inside another one.
    for (let k = 1; k < items.length; k++) expect(items[k]!.start).toBeGreaterThanOrEqual(items[k - 1]!.end);
  });

  it('ends the MD&A at the mid-page Item 7A heading, not at the ITEM 7A banner of the next page', () => {
    const items = extractItems(readFixture('filings/ma_10-K_2024-02-13.htm'), { formType: '10-K' });
    expect(item(items, '7')!.heading).toBe(
      'Item 7. Management\u2019s discussion and analysis of financial condition and results of operations',
    );
    expect(item(items, '7A')!.heading).toBe(
      'Item 7A. Quantitative and qualitative disclosures about market risk',
    );
    expect(item(items, '7A')!.text).toContain(
      'ITEM 7A. QUANTITATIVE AND QUALITATIVE DISCLOSURES ABOUT MARKET RISK',
    );
    // Item 8 likewise: the sentence-case heading under the first "ITEM 8. FINANCIAL STATEMENTS ..." banner.
    expect(item(items, '8')!.heading).toBe('Item 8. Financial statements and supplementary data');
    expect(
      item(items, '8')!.text.startsWith(
        'Mastercard Incorporated\nIndex to consolidated financial statements',
      ),
    ).toBe(true);
  });

  it('keeps a sentence-case heading under an all-caps banner of the same words', () => {
    // Mastercard 10-Q: "PART I" / "ITEM 2. MANAGEMENT'S DISCUSSION ..." over each page; the real
    // heading is the sentence-case line under the first banner.
    const text = clean('ma_10-Q_2023-07-27.htm');
    expect(text).toContain(
      "ITEM 2. MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS\nItem 2. Management\u2019s discussion",
    );
    const mdna = extractMdna(text, { formType: '10-Q' });
    expect(mdna.heading).toMatch(/^Item 2\. Management\u2019s discussion and analysis/);
  });
});

describe('reports ordered by topic, with a cross-reference index (GE, Intel)', () => {
  it('never takes a cross-reference index row for an item heading', () => {
    for (const name of ['intc_10-K_2024-01-25.htm', 'ge_10-K_2024-02-02.htm', 'mcd_10-K_2024-02-22.htm']) {
      for (const found of extractItems(clean(name), { formType: '10-K' })) {
        expect(found.heading, name).not.toMatch(/^Item \d/);
      }
    }
  });

  it('ends GE\u2019s run-in MD&A at the first contents entry past the pages the index gives Item 7', () => {
    const text = clean('ge_10-K_2024-02-02.htm');
    expect(text).toMatch(/^Item 7\. Management.s Discussion .* 6-25$/m);
    const mdna = extractMdna(text, { formType: '10-K' });
    expect(mdna.heading).toBe(
      'MANAGEMENT\u2019S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND RESULTS OF OPERATIONS (MD&A).',
    );
    expect(mdna.nextHeading).toBe('OTHER FINANCIAL DATA');
    // Without the index the end is unknown: "Other Financial Data" is one of 20 later contents rows.
    const withoutIndex = text.replace(/FORM 10-K CROSS REFERENCE INDEX/, 'FORM 10-K INDEX');
    expect(extractMdna(withoutIndex, { formType: '10-K' }).nextHeading).not.toBe('OTHER FINANCIAL DATA');
  });

  it('ends Intel\u2019s MD&A banner at the next banner of its contents', () => {
    const mdna = extractMdna(clean('intc_10-K_2024-01-25.htm'), { formType: '10-K' });
    expect(mdna.heading).toBe("Management's Discussion and Analysis");
    expect(mdna.nextHeading).toBe('Risk Factors and Other Key Information');
    expect(mdna.text).toContain('Critical Accounting Estimates');
    expect(mdna.text).not.toContain('Liquidity and capital resources Pages');
  });
});

describe('an Item 7 that only points to another document', () => {
  // Real pointer wording (issue 11, class 1) in place of the MD&A body of real 10-Ks.
  const pointers: readonly (readonly [
    string,
    string,
    { target: string; pages?: string; section?: string },
  ])[] = [
    [
      '"can be found in" ... "is incorporated into"',
      'The information required by this Item can be found in the Company\u2019s 2002 Annual Report to Shareholders under the section entitled \u201cManagement\u2019s Discussion and Analysis of Financial Condition and Results of Operations\u201d and is incorporated into this Item by reference.',
      {
        target: '2002 Annual Report to Shareholders',
        section: 'Management\u2019s Discussion and Analysis of Financial Condition and Results of Operations',
      },
    ],
    [
      '"reported on pages N\u2013M"',
      'Management\u2019s discussion and analysis of financial condition and results of operations is reported on pages 16\u201329 of the Annual Report to Shareholders.',
      { target: 'Annual Report to Shareholders', pages: '16-29' },
    ],
    [
      'a proxy statement',
      'The information called for by this item appears in the Registrant\u2019s definitive Proxy Statement under the caption "Financial Review" and is incorporated herein by reference.',
      { target: 'Proxy Statement', section: 'Financial Review' },
    ],
    [
      'an exhibit',
      'See Exhibit 99.1, pages 4 through 19, filed with this report.',
      { target: 'Exhibit 99.1', pages: '4-19' },
    ],
  ];

  for (const [what, sentence, expected] of pointers) {
    it.each(K.map((f) => [f]))(`${what}: %s`, (name) => {
      const lines = clean(name).split('\n');
      const { heading, next } = mdnaLines(name);
      const doc = [...lines.slice(0, heading + 1), sentence, ...lines.slice(next)].join('\n');
      const result = extractMdna(doc, { formType: '10-K' });
      expect(result.status).toBe('incorporated-by-reference');
      expect(result.text).toBe('');
      expect(result.reference).toEqual({ ...expected, sentence });
      expect(normalize(result.nextHeading!)).toBe(normalize(rows.get(name)!.next_section!));
    });
  }

  it('still finds a real MD&A that cites the annual report and a proxy statement', () => {
    const text = clean('tegna_10-K_2016-02.htm');
    const { first } = mdnaLines('tegna_10-K_2016-02.htm');
    const lines = text.split('\n');
    lines.splice(
      first,
      0,
      'Certain information is incorporated herein by reference to our Proxy Statement and can be found in the 2015 Annual Report.',
    );
    expect(extractMdna(lines.join('\n'), { formType: '10-K' }).status).toBe('found');
  });
});

describe('Part I items out of order: the MD&A before the financial statements', () => {
  it.each(Q.map((f) => [f]))('%s', (name) => {
    const text = clean(name);
    const lines = text.split('\n');
    const items = extractItems(text, { formType: '10-Q' });
    const one = item(items, '1', 'I')!;
    const two = item(items, '2', 'I')!;
    const three = item(items, '3', 'I')!;
    const headingLine = (i: ExtractedItem): number => lineOf(text, text.lastIndexOf(i.heading, i.start));
    const [h1, h2, h3] = [headingLine(one), headingLine(two), headingLine(three)];
    // Item 2 (heading and body) moved in front of Item 1.
    const doc = [
      ...lines.slice(0, h1),
      ...lines.slice(h2, h3),
      ...lines.slice(h1, h2),
      ...lines.slice(h3),
    ].join('\n');
    const row = rows.get(name)!;
    const mdna = extractMdna(doc, { formType: '10-Q' });
    expect(mdna.status).toBe('found');
    expect(normalize(mdna.text).startsWith(normalize(row.mda_first_words!))).toBe(true);
    // It ends where Item 1 now starts, not at Item 3 after the statements.
    expect(mdna.nextHeading).toBe(one.heading);
    expect(normalize(mdna.text)).not.toContain(normalize(one.text.slice(0, 200)));
    expect(mdna.text.length).toBeLessThan(two.text.length + 10);
    const moved = extractItems(doc, { formType: '10-Q' });
    expect(item(moved, '1', 'I')!.text).toBe(one.text);
    expect(item(moved, '3', 'I')!.text).toBe(three.text);
  });
});

describe('item ends', () => {
  const all = [...rows.keys()];

  it.each(all.map((f) => [f]))('%s: no item runs through SIGNATURES or ends with a PART heading', (name) => {
    const items = extractItems(clean(name), { formType: formOf(name) });
    for (const found of items) {
      expect(found.text, `${name} item ${found.item}`).not.toMatch(/\n\s*SIGNATURES?\s*\n/);
      expect(found.text, `${name} item ${found.item}`).not.toMatch(/\nPART\s+(?:I|II|III|IV)\s*$/i);
      expect(found.text).not.toMatch(/Pursuant to the requirements of Section 13 or 15\(d\)/i);
    }
  });

  it('ends the last item at SIGNATURES, before the appended financial statements (cigf5 Item 15)', () => {
    const items = extractItems(clean('cigf5_10-K_2016.htm'), { formType: '10-K' });
    const last = items[items.length - 1]!;
    expect(last.item).toBe('15');
    expect(last.text.endsWith('(Registration No. 333-26933)')).toBe(true);
    expect(last.text.length).toBeLessThan(1100);
  });

  it('reads "Item 14 (a)(3):" as a paragraph of Item 14, not its heading (Ford 2002)', () => {
    const text = clean('ford_10-K_2002-03.txt');
    const doc = text.replace(/^\(a\) (\d)\. /gm, 'Item 14 (a)($1): ');
    expect(doc).toContain('Item 14 (a)(3): Exhibits');
    const fourteen = item(extractItems(doc, { formType: '10-K' }), '14')!;
    expect(fourteen.heading).toBe(
      'Item 14. Exhibits, Financial Statement Schedules, and Reports on Form 8-K',
    );
    expect(fourteen.text).toContain('Item 14 (a)(1): Financial Statements');
    expect(fourteen.text).toContain('Item 14 (a)(3): Exhibits');
  });

  it('keeps the PART II heading out of Item 4 (Dell 2006)', () => {
    const items = extractItems(clean('dell_10-K_2006-03.htm'), { formType: '10-K' });
    expect(item(items, '4')!.text.endsWith('during the fourth quarter of fiscal 2006.')).toBe(true);
  });
});

describe('annual report exhibits (EX-13) whose MD&A has another title', () => {
  // An EX-13 built from a real 10-K: a contents block and the business overview, then the MD&A
  // under the annual report's own title, then the auditors' report and the statements.
  function exhibit(name: string, title: string): string {
    const text = clean(name);
    const lines = text.split('\n');
    const items = extractItems(text, { formType: '10-K' });
    const business = item(items, '1')!.text.split('\n').slice(0, 6);
    const { first, next } = mdnaLines(name);
    const statements = item(items, '8')!.text.split('\n');
    return [
      'ANNUAL REPORT TO SHAREHOLDERS',
      'Contents',
      'Financial Highlights 1',
      'Letter to Shareholders 2',
      `${title} 14`,
      'Shareholder Information 40',
      'Letter to Shareholders',
      ...business,
      title,
      ...lines.slice(first, next),
      'Report of Independent Registered Public Accounting Firm',
      ...statements,
    ].join('\n');
  }

  for (const title of ['management discussion', 'FINANCIAL REVIEW', 'Management\u2019s Financial Review']) {
    it.each(K.map((f) => [f]))(`"${title}": %s`, (name) => {
      const row = rows.get(name)!;
      const result = extractMdna(exhibit(name, title), { formType: 'EX-13' });
      expect(result.status).toBe('found');
      expect(result.heading).toBe(title);
      expect(normalize(result.text).startsWith(normalize(row.mda_first_words!))).toBe(true);
      expect(result.nextHeading).toBe('Report of Independent Registered Public Accounting Firm');
      expect(normalize(result.text)).not.toContain(normalize(row.next_first_words!).slice(0, 60));
    });
  }

  it('never starts at the contents row that names the MD&A with its page', () => {
    // Without the page-number guard the contents row "Management's Discussion and Analysis 14"
    // opens the longest span (it runs to the auditors' report too) and the letter would become
    // part of the MD&A.
    const title = 'Management\u2019s Discussion and Analysis';
    const result = extractMdna(exhibit('tegna_10-K_2016-02.htm', title), { formType: 'EX-13' });
    expect(result.status).toBe('found');
    expect(result.heading).toBe(title);
    expect(result.text).not.toContain('Shareholder Information 40');
    expect(result.text).not.toContain('Letter to Shareholders');
  });

  it('prefers "Management\u2019s Discussion and Analysis" and rejects look-alikes', () => {
    const trap =
      '<p>Management\u2019s Discussion of Financial Responsibility</p><p>Management is responsible.</p>' +
      '<p>Financial review of operations was done by the board.</p><p>Report of Independent Auditors</p>';
    expect(extractMdna(trap, { formType: 'EX-13' }).status).toBe('not-found');
  });
});
