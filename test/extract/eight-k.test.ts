import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { parseLabel } from '../../src/extract/headings.js';
import {
  documentToText,
  EIGHT_K_ITEMS,
  EIGHT_K_ITEMS_BEFORE_2004,
  ExtractionError,
  eightKItemNumbers,
  eightKItemTitle,
  extractItems,
  extractMdna,
  isEightKForm,
} from '../../src/extract/index.js';
import { readFixture } from '../support/fixtures.js';

// MANIFEST-8K.tsv: one row per item of each real 8-K (tab-separated, `"` quoting).
interface ItemRow {
  readonly file: string;
  readonly item: string;
  readonly title: string;
  readonly firstWords: string;
}
function readItemManifest(): ItemRow[] {
  const lines = readFixture('eight-k/MANIFEST-8K.tsv')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const unquote = (cell: string): string =>
    cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
  const header = lines[0]!.split('\t');
  const col = (name: string): number => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t').map(unquote);
    return {
      file: cells[col('file')]!.replace(/^filings\//, ''),
      item: cells[col('item')]!,
      title: cells[col('item_title')]!,
      firstWords: cells[col('item_first_words')]!,
    };
  });
}

// Whitespace collapsed, curly quotes as straight ones (the manifest compares quotes loosely).
const loose = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const rows = readItemManifest();
const files = [...new Set(rows.map((r) => r.file))];

describe('extractItems on the ten real 8-Ks of MANIFEST-8K.tsv (1999-2023)', () => {
  it('covers ten filings and 37 items', () => {
    expect(files).toHaveLength(10);
    expect(rows).toHaveLength(37);
  });

  it.each(files)('%s: every item, in order, with its first words, and no other item', (file) => {
    const document = readFixture(`eight-k/${file}`);
    const items = extractItems(document, { formType: '8-K' });
    const expected = rows.filter((r) => r.file === file);
    expect(items.map((i) => i.item)).toEqual(expected.map((r) => r.item));
    const text = documentToText(document);
    items.forEach((item, k) => {
      const row = expected[k]!;
      expect(
        loose(item.text).startsWith(loose(row.firstWords)),
        `${row.item}: ${item.text.slice(0, 160)}`,
      ).toBe(true);
      expect(loose(item.title)).toBe(loose(row.title));
      expect(item.officialTitle).toBe(eightKItemTitle(row.item));
      expect(text.slice(item.start, item.end)).toBe(item.text);
      // An item ends before the next heading, and the last before the signatures.
      const next = items[k + 1];
      if (next !== undefined) expect(loose(text.slice(item.end, next.start))).toBe(loose(next.heading));
      expect(item.text).not.toMatch(/Pursuant to the requirements of the Securities Exchange Act of 1934/i);
    });
  });

  it('gives the items column the pipeline writes', () => {
    const document = readFixture('eight-k/netapp_8-K_2021-06-02.htm');
    expect(eightKItemNumbers(extractItems(document, { formType: '8-K' })).join(';')).toBe(
      '2.02;5.02;8.01;9.01',
    );
  });

  it('reads the numbering before August 2004 and skips the "Items 1 through 4, 6 and 8" line', () => {
    const items = extractItems(readFixture('eight-k/aapl_8-K_1999-09-07.txt'), { formType: '8-K' });
    expect(items.map((i) => [i.item, i.officialTitle])).toEqual([
      ['5', 'Other Events'],
      ['7', 'Financial Statements, Pro Forma Financial Information and Exhibits'],
    ]);
    // The title wraps onto a second line in the filing.
    expect(items[1]!.heading).toBe(
      'Item 7. Financial Statements, Pro Forma Financial Information and Exhibits.',
    );
  });

  it('takes the 8-K out of a full .txt submission, not its exhibits', () => {
    const items = extractItems(readFixture('eight-k/ford_8-K_2017-10-03.txt'), { formType: '8-K/A' });
    expect(items.map((i) => i.item)).toEqual(['7.01', '9.01']);
    expect(items[1]!.text).not.toContain('EXHIBIT INDEX');
  });

  it('does not take a cross-reference to another item inside a body for a heading', () => {
    const items = extractItems(readFixture('eight-k/asta_8-K_2005-03-08.txt'), { formType: '8-K' });
    expect(items[0]!.text).toContain('Item 8.01');
    const pericom = extractItems(readFixture('eight-k/pericom_8-K_2006-08-16.txt'), { formType: '8-K' });
    expect(pericom[0]!.text).toContain('Item 12');
    expect(pericom.map((i) => i.item)).toEqual(['2.02', '4.02', '9.01']);
  });
});

// Variants: the real NetApp 8-K with its item headings rewritten the ways other filers print them.
const NETAPP = readFixture('eight-k/netapp_8-K_2021-06-02.htm');
const HEADING = /<p([^>]*)>(?:<br \/>)?Item(?:&#160;| )(\d\.\d\d)\.(?:&#160;)+(.*?)<\/p>/g;
const netappItems = extractItems(NETAPP, { formType: '8-K' });

function rewrite(make: (attributes: string, item: string, title: string) => string): string {
  const html = NETAPP.replace(HEADING, (_, attributes: string, item: string, title: string) =>
    make(attributes, item, title.replace(/<[^>]*>/g, '')),
  );
  expect(html).not.toBe(NETAPP);
  return html;
}

describe('extractItems on 8-K heading variants (the real NetApp 8-K rewritten)', () => {
  it('finds four headings to rewrite', () => {
    expect([...NETAPP.matchAll(HEADING)]).toHaveLength(4);
  });

  const variants: [string, (a: string, item: string, title: string) => string][] = [
    ['"ITEM 2.02." uppercase', (a, item, title) => `<p${a}>ITEM ${item}. ${title.toUpperCase()}</p>`],
    ['"Item 2.02:" colon', (a, item, title) => `<p${a}>Item ${item}: ${title}</p>`],
    ['"Item 2.02 \u2014" dash', (a, item, title) => `<p${a}>Item ${item} \u2014 ${title}</p>`],
    ['no-break spaces only', (a, item, title) => `<p${a}>Item&nbsp;${item}&nbsp;&nbsp;${title}</p>`],
    [
      'number and title in separate table cells',
      (_, item, title) => `<table><tr><td>Item ${item}</td><td>${title}</td></tr></table>`,
    ],
    ['title in the next paragraph', (a, item, title) => `<p${a}>Item ${item}.</p><p${a}>${title}</p>`],
    ['bold span around the number', (a, item, title) => `<p${a}><b>Item ${item}.</b> <i>${title}</i></p>`],
  ];

  it.each(variants)('%s', (_, make) => {
    const items = extractItems(rewrite(make), { formType: '8-K' });
    expect(items.map((i) => i.item)).toEqual(['2.02', '5.02', '8.01', '9.01']);
    items.forEach((item, k) => {
      expect(item.text.slice(0, 200)).toBe(netappItems[k]!.text.slice(0, 200));
      expect(item.officialTitle).toBe(netappItems[k]!.officialTitle);
    });
  });

  it.each([
    'Item 8.01 of this report describes the repurchase program.',
    'Item 8.01 Other Events of this report describes the repurchase program.',
    'Item 9.01 Financial Statements and Exhibits is incorporated herein by reference.',
  ])('keeps a line that starts by citing another item inside the body: %s', (citation) => {
    const html = NETAPP.replace('On June 2, 2021, NetApp', `${citation}</p><p>On June 2, 2021, NetApp`);
    expect(html).not.toBe(NETAPP);
    const items = extractItems(html, { formType: '8-K' });
    expect(items.map((i) => i.item)).toEqual(['2.02', '5.02', '8.01', '9.01']);
    expect(items[0]!.text.startsWith(citation)).toBe(true);
    expect(items.slice(1).map((i) => i.text)).toEqual(netappItems.slice(1).map((i) => i.text));
  });

  it('does not end an item at a citation of a later item with its full title', () => {
    const citation = 'Item 9.01 Financial Statements and Exhibits of this report lists the press release.';
    const html = NETAPP.replace('On May 28, 2021', `${citation}</p><p>On May 28, 2021`);
    expect(html).not.toBe(NETAPP);
    const items = extractItems(html, { formType: '8-K' });
    expect(items.map((i) => i.item)).toEqual(['2.02', '5.02', '8.01', '9.01']);
    expect(items[2]!.text).toContain(citation);
    expect(items[3]!.text).toBe(netappItems[3]!.text);
  });

  it('skips a list of the items at the top of the report', () => {
    const list = netappItems.map((i) => `<p>Item ${i.item} ${i.officialTitle}</p>`).join('');
    const html = NETAPP.replace(/(<body[^>]*>)/i, `$1${list}`);
    expect(html).not.toBe(NETAPP);
    const items = extractItems(html, { formType: '8-K' });
    expect(items.map((i) => [i.item, i.text])).toEqual(netappItems.map((i) => [i.item, i.text]));
  });

  it('reads run-in headings, whose body starts on the heading line', () => {
    let text = documentToText(NETAPP);
    for (const item of [...netappItems].reverse()) {
      const headingEnd = text.lastIndexOf(item.heading, item.start) + item.heading.length;
      text = `${text.slice(0, headingEnd)} ${text.slice(item.start)}`;
    }
    expect(text).toContain('Other Events. Share Repurchase Authorization');
    const items = extractItems(text, { formType: '8-K', format: 'text' });
    expect(items.map((i) => [i.item, i.title, i.text])).toEqual(
      netappItems.map((i) => [i.item, i.title.replace(/\.$/, ''), i.text]),
    );
  });

  it('leaves the form\'s section banners ("Section 8 \u2013 Other Events") out of the item before', () => {
    const html = NETAPP.replace(/(<p[^>]*>Item&#160;8\.01\.)/, '<p>Section 8 \u2013 Other Events</p>$1');
    expect(html).not.toBe(NETAPP);
    const items = extractItems(html, { formType: '8-K' });
    expect(items.map((i) => [i.item, i.text])).toEqual(netappItems.map((i) => [i.item, i.text]));
  });

  it('reads a plain-text 8-K (the real Pericom submission) given as text', () => {
    const submission = readFixture('eight-k/pericom_8-K_2006-08-16.txt');
    const text = documentToText(submission);
    const fromText = extractItems(text, { formType: '8-K', format: 'text' });
    expect(fromText.map((i) => [i.item, i.text])).toEqual(
      extractItems(submission, { formType: '8-K' }).map((i) => [i.item, i.text]),
    );
  });
});

describe('8-K numbers in the shared heading parser', () => {
  it('reads "Item 2.02" as item 2.02, not item 2', () => {
    expect(parseLabel('Item 2.02 Results of Operations')?.item).toBe('2.02');
    expect(parseLabel('ITEM 9.01. FINANCIAL STATEMENTS AND EXHIBITS')).toMatchObject({
      item: '9.01',
      rest: 'FINANCIAL STATEMENTS AND EXHIBITS',
    });
    expect(parseLabel('Item 7. Management\u2019s Discussion')?.item).toBe('7');
    expect(parseLabel('Item 7A. Quantitative')?.item).toBe('7A');
  });

  it('gives a 10-K no Item 7 from an "Item 7.01" line', () => {
    const html =
      '<p>Item 6. Selected Financial Data</p><p>Figures.</p><p>Item 7.01 Regulation FD Disclosure</p><p>Furnished.</p>' +
      '<p>Item 8. Financial Statements and Supplementary Data</p><p>Statements.</p>';
    expect(extractItems(html, { formType: '10-K' }).map((i) => i.item)).toEqual(['6', '8']);
  });
});

describe('8-K titles and helpers', () => {
  it('has every item of both numberings once, with a title', () => {
    expect(EIGHT_K_ITEMS).toHaveLength(34);
    expect(EIGHT_K_ITEMS_BEFORE_2004.map((d) => d.item)).toEqual(
      Array.from({ length: 12 }, (_, k) => String(k + 1)),
    );
    const numbers = EIGHT_K_ITEMS.map((d) => d.item);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const { item, title } of EIGHT_K_ITEMS) {
      expect(item).toMatch(/^[1-9]\.\d\d$/);
      expect(title.length).toBeGreaterThan(5);
    }
    expect(eightKItemTitle('5.07')).toBe('Submission of Matters to a Vote of Security Holders');
    expect(eightKItemTitle('12')).toBe('Results of Operations and Financial Condition');
    expect(eightKItemTitle('9.99')).toBeUndefined();
  });

  it('orders and deduplicates item numbers', () => {
    expect(eightKItemNumbers([{ item: '9.01' }, { item: '2.02' }, { item: '9.01' }])).toEqual([
      '2.02',
      '9.01',
    ]);
    expect(eightKItemNumbers([{ item: '12' }, { item: '7' }])).toEqual(['7', '12']);
    expect(eightKItemNumbers([])).toEqual([]);
  });

  it('knows the 8-K form types', () => {
    for (const form of ['8-K', '8-k', '8-K/A', ' 8-K ', '8-K12B', '8-K12G3/A', '8-K15D5']) {
      expect(isEightKForm(form), form).toBe(true);
    }
    for (const form of ['10-K', '8-A12B', 'EX-8', '', undefined, 8]) expect(isEightKForm(form)).toBe(false);
  });
});

describe('8-K arguments', () => {
  it('names an unknown option with a did-you-mean', () => {
    expect(() => extractItems('<p>x</p>', { formType: '8-K', fromat: 'html' } as never)).toThrow(
      /unknown option 'options\.fromat'\. Did you mean 'format'\?/,
    );
    expect(() => extractItems('<p>x</p>', { formType: '8-K', format: 'pdf' } as never)).toThrow(
      InvalidArgumentError,
    );
    expect(() => extractItems(42 as never, { formType: '8-K' })).toThrow(InvalidArgumentError);
  });

  it('returns no items for an 8-K without item headings, and extractMdna still refuses an 8-K', () => {
    expect(extractItems('<p>Nothing to report.</p>', { formType: '8-K' })).toEqual([]);
    try {
      extractMdna(NETAPP, { formType: '8-K' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExtractionError);
      expect((error as ExtractionError).code).toBe('UNSUPPORTED_FORM');
      expect((error as Error).message).toContain("extractItems(html, { formType: '8-K' })");
    }
  });
});

// Property test: a fixed seed, overridable with FC_SEED=<n>; fast-check prints the seed on failure.
const SEED = Number(process.env.FC_SEED ?? 20_261_201);
const FRAGMENTS = [
  '<p>',
  '</p>',
  '<td>',
  '</td></tr><tr>',
  'Item 2.02',
  'ITEM 9.01.',
  'Item 5',
  'Items 1 through 4',
  'Item 7.01 Regulation FD Disclosure',
  'Results of Operations and Financial Condition',
  '\n',
  ' ',
  '.',
  'SIGNATURE',
  'Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused',
  'The company reported results.',
];
const eightKish = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('8-K items on generated input', () => {
  it('keeps its invariants: item order, ranges in order, text equal to its range', () => {
    fc.assert(
      fc.property(eightKish, (input) => {
        const items = extractItems(input, { formType: '8-K' });
        const text = documentToText(input);
        let previous = -1;
        let previousOrder = -1;
        for (const item of items) {
          expect(item.start).toBeGreaterThanOrEqual(previous);
          expect(item.end).toBeGreaterThanOrEqual(item.start);
          expect(text.slice(item.start, item.end)).toBe(item.text);
          expect(item.officialTitle).toBe(eightKItemTitle(item.item));
          const order = Number(item.item) * (item.item.includes('.') ? 100 : 1);
          expect(order).toBeGreaterThan(previousOrder);
          previous = item.end;
          previousOrder = order;
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('finishes on 100,000 item headings', () => {
    const html = '<p>Item 2.02 Results of Operations and Financial Condition</p><p>Item 9.01.</p>'.repeat(
      50_000,
    );
    expect(extractItems(html, { formType: '8-K' }).length).toBeLessThanOrEqual(2);
    const runIn = `Item 2.02 Results of Operations and Financial Condition. ${'Sales rose. '.repeat(25)}\n`;
    expect(extractItems(runIn.repeat(20_000), { formType: '8-K', format: 'text' })).toHaveLength(1);
  });
});
