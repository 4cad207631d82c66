import { describe, expect, it } from 'vitest';
import { documentToText, extractItems, extractMdna } from '../../src/extract/index.js';
import { type ManifestRow, readFixture, readManifest } from '../support/fixtures.js';

// Meaning-preserving rewrites of real filings, of the kinds other filers use: each must leave
// the MD&A found, starting with the manifest's first words and ending before the next section.

const normalize = (s: string): string =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

const rows = new Map<string, ManifestRow>(
  [...readManifest('dev'), ...readManifest('dev2')]
    .filter((r) => r.file.startsWith('filings/'))
    .map((r) => [r.file.slice('filings/'.length), r]),
);

const escapeHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** The clean text of a filing as simple HTML, one paragraph a line. */
const asHtml = (lines: readonly string[]): string =>
  `<html><body>${lines.map((l) => (l.startsWith('<') ? l : `<p>${escapeHtml(l)}</p>`)).join('\n')}</body></html>`;

// "Item 7." / "ITEM 7A -" / "Item 2:" at the start of a line: label, number, separator, title.
const LABEL =
  /^(Items?)(?:\s|\u00a0)*(\d{1,2}[A-D]?)(?:\s|\u00a0)*(?:[.:\u2014\u2013-]+|--)?(?:\s|\u00a0)*(?=\S)/i;

type Transform = (lines: string[]) => string[] | string;

const mapLabels =
  (f: (label: string, item: string, rest: string) => string): ((lines: string[]) => string[]) =>
  (lines) =>
    lines.map((line) => {
      const m = LABEL.exec(line);
      return m === null ? line : f(m[1]!, m[2]!, line.slice(m[0].length));
    });

// Index of the first line of the MD&A body and of the next heading in the clean text.
let currentForm = '10-K';
function mdnaSpan(lines: readonly string[]): [number, number] {
  const text = lines.join('\n');
  const found = extractMdna(text, { formType: currentForm });
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length - 1;
  return [lineAt(found.start), lineAt(found.end)];
}

// Rewrite only the item heading lines.
const inHeadings =
  (f: (line: string) => string): Transform =>
  (lines) =>
    lines.map((line) => (LABEL.test(line) ? f(line) : line));

interface Variant {
  readonly name: string;
  readonly files: readonly string[];
  readonly transform: Transform;
  readonly formType?: string;
}

const K = [
  'tegna_10-K_2016-02.htm',
  'ford_10-K_2002-03.txt',
  'dell_10-K_2006-03.htm',
  'mcd_10-K_2024-02-22.htm',
];
const Q = [
  'cl_10-Q_2023-07-28.htm',
  'hd_10-Q_2023-08.htm',
  'alcoa_10-Q_2018-08.htm',
  'xom_10-Q_2023-08-01.htm',
];

const variants: Variant[] = [
  {
    name: 'ITEM 7: uppercase label with colon',
    files: [...K, ...Q],
    transform: mapLabels((_l, item, rest) => `ITEM ${item}: ${rest}`),
  },
  { name: 'Item 7 - hyphen', files: [...K, ...Q], transform: mapLabels((_l, i, r) => `Item ${i} - ${r}`) },
  {
    name: 'Item 7 \u2014 em dash',
    files: [...K, ...Q],
    transform: mapLabels((_l, i, r) => `Item ${i} \u2014 ${r}`),
  },
  {
    name: 'Item 7. and NBSP',
    files: [...K, ...Q],
    transform: (lines) =>
      asHtml(
        mapLabels((_l, i, r) => `Item&nbsp;${i}.&nbsp;&nbsp;${escapeHtml(r)}`)(lines).map((l) =>
          /^Item&nbsp;/.test(l) ? `<p>${l}</p>` : l,
        ),
      ),
  },
  {
    name: 'lowercase item 7',
    files: [...K, ...Q],
    transform: mapLabels((_l, i, r) => `item ${i}. ${r}`),
  },
  {
    name: 'MANAGEMENT\u2019S with a curly apostrophe',
    files: [
      'ford_10-K_2002-03.txt',
      'sire_10-K_2008-12.htm',
      'galaxy_10-K_2021-09.htm',
      'gme_10-K_2024-03.htm',
    ],
    transform: inHeadings((l) => l.replace(/Management['\u2019]s/gi, 'MANAGEMENT\u2019S')),
  },
  {
    name: 'MANAGEMENTS without an apostrophe',
    files: K,
    transform: inHeadings((l) => l.replace(/Management['\u2019]s/gi, 'MANAGEMENTS')),
  },
  {
    name: 'number and title in separate table cells',
    files: [...K, ...Q],
    transform: (lines) =>
      asHtml(
        lines.map((l) => {
          const m = LABEL.exec(l);
          if (m === null) return l;
          return `<table><tr><td>${m[1]} ${m[2]}.</td><td>${escapeHtml(l.slice(m[0].length))}</td></tr></table>`;
        }),
      ),
  },
  {
    name: 'Part I \u2014 Financial Information in title case',
    files: [...Q, 'nke_10-Q_2023-10-06.htm', 'seagate_10-Q_2017-04.htm'],
    transform: (lines) =>
      lines.map((l) =>
        l
          .replace(
            /^PART I\b[\s.:\u2013\u2014-]*FINANCIAL INFORMATION/,
            'Part I \u2014 Financial Information',
          )
          .replace(/^PART II\b[\s.:\u2013\u2014-]*OTHER INFORMATION/, 'Part II \u2014 Other Information'),
      ),
  },
  {
    name: 'no table of contents',
    files: [...K, ...Q, 'gme_10-K_2024-03.htm', 'txn_10-K_2024-02-02.htm', 'nke_10-Q_2023-10-06.htm'],
    transform: (lines) => {
      // Every item heading line before the first item's body goes: the contents and cross-references.
      const doc = lines.join('\n');
      const first = extractItems(doc, { formType: currentForm })[0];
      const firstLine = first === undefined ? 0 : doc.slice(0, first.start).split('\n').length - 2;
      return lines.filter((l, i) => i >= firstLine || !(LABEL.test(l) || /^part\s+i/i.test(l)));
    },
  },
  {
    name: 'a running page header and footer inside the MD&A',
    files: [...K, ...Q],
    transform: (lines) => {
      const [from, to] = mdnaSpan(lines);
      return lines.flatMap((l, i) =>
        i > from + 1 && i < to - 1 && (i - from) % 25 === 0
          ? [l, `Acme Holdings, Inc. | 2023 Form 10-K | ${40 + (i - from) / 25}`]
          : [l],
      );
    },
  },
  {
    name: 'label alone on its line, title on the next',
    files: [...K, ...Q],
    transform: (lines) =>
      lines.flatMap((l) => {
        const m = LABEL.exec(l);
        return m === null ? [l] : [`ITEM ${m[2]}.`, l.slice(m[0].length)];
      }),
  },
  {
    name: 'title broken over two lines',
    files: [...K, ...Q],
    transform: (lines) =>
      lines.flatMap((l) => {
        const at = LABEL.test(l) ? l.search(/ (?:Condition|Results|Disclosures|Data)\b/i) : -1;
        return at < 0 ? [l] : [l.slice(0, at), l.slice(at + 1)];
      }),
  },
  {
    name: 'uppercase titles',
    files: ['ford_10-K_2002-03.txt', 'sire_10-K_2008-12.htm', 'txn_10-K_2024-02-02.htm', ...Q],
    transform: inHeadings((l) => l.toUpperCase()),
  },
  {
    name: 'plain-text SGML submission with page breaks',
    files: [...K, ...Q],
    transform: (lines) => {
      const pages: string[] = [];
      for (let i = 0; i < lines.length; i += 40) {
        pages.push(`${lines.slice(i, i + 40).join('\n')}\n\n${pages.length + 1}\n<PAGE>`);
      }
      return `<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>${currentForm}\n<TEXT>\n${pages.join('\n')}\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>`;
    },
  },
  {
    name: 'headings continued on later pages',
    files: [...K, ...Q],
    transform: (lines) => {
      const [from, to] = mdnaSpan(lines);
      let heading = from - 1;
      while (heading > from - 4 && !LABEL.test(lines[heading]!)) heading--;
      const repeat = `${lines[heading]} (continued)`;
      return lines.flatMap((l, i) =>
        i > from + 1 && i < to - 1 && (i - from) % 30 === 0 ? [l, repeat] : [l],
      );
    },
  },
  {
    name: 'part and item in one 10-Q heading',
    files: Q,
    transform: (lines) => {
      let part = 'I';
      return lines.map((l) => {
        const p = /^PART (II|I)\b/.exec(l);
        if (p !== null) part = p[1]!;
        const m = LABEL.exec(l);
        return m === null ? l : `PART ${part} \u2014 ITEM ${m[2]}. ${l.slice(m[0].length)}`;
      });
    },
  },
  {
    name: 'MD&A heading without its item number',
    files: [
      'tegna_10-K_2016-02.htm',
      'ford_10-K_2002-03.txt',
      'alcoa_10-Q_2018-08.htm',
      'xom_10-Q_2023-08-01.htm',
    ],
    transform: (lines) =>
      lines.map((l) => (LABEL.test(l) && /discussion and analysis/i.test(l) ? l.replace(LABEL, '') : l)),
  },
  {
    name: 'a 10-K405 form',
    files: ['ford_10-K_2002-03.txt', 'dell_10-K_2006-03.htm', 'tegna_10-K_2016-02.htm'],
    transform: (lines) => lines,
    formType: '10-K405',
  },
];

function check(name: string, variant: Variant): void {
  const row = rows.get(name)!;
  const raw = readFixture(`filings/${name}`);
  const clean = documentToText(raw);
  const base = extractMdna(clean, { formType: row.form! });
  expect(base.status).toBe('found');
  const lines = clean.split('\n');
  currentForm = row.form!;
  const out = variant.transform(lines);
  const doc = typeof out === 'string' ? out : out.join('\n');
  // The rewrite changed the filing (except where only the form name changes).
  if (variant.formType === undefined) expect(doc).not.toBe(clean);
  const result = extractMdna(doc, { formType: variant.formType ?? row.form! });
  expect(result.status).toBe('found');
  const text = normalize(result.text);
  expect(text.startsWith(normalize(row.mda_first_words!))).toBe(true);
  const nextWords = normalize(row.next_first_words!);
  expect(text).not.toContain(nextWords);
  const after = normalize(documentToText(doc).slice(result.end, result.end + 2000));
  expect(after.slice(0, 400)).toContain(nextWords);
}

describe('extractMdna on rewritten real filings', () => {
  for (const variant of variants) {
    it.each(variant.files.map((f) => [f]))(`${variant.name}: %s`, (file) => check(file, variant));
  }
});

describe('extractMdna with Items 7 and 7A under one heading', () => {
  const files = [
    'tegna_10-K_2016-02.htm',
    'dell_10-K_2006-03.htm',
    'ford_10-K_2002-03.txt',
    'gme_10-K_2024-03.htm',
  ];
  it.each(files.map((f) => [f]))('%s', (name) => {
    const row = rows.get(name)!;
    const clean = documentToText(readFixture(`filings/${name}`));
    currentForm = '10-K';
    const lines = clean.split('\n');
    const [from, last] = mdnaSpan(lines);
    let heading = from - 1;
    while (heading > from - 4 && !/^Item\s*7\b/i.test(lines[heading]!)) heading--;
    const to = lines.findIndex((l, i) => i >= last && /^Item\s*7A\b/i.test(l));
    expect(to).toBeGreaterThan(last - 1);
    // The MD&A heading names both items; the Item 7A heading goes, so its text joins the MD&A.
    const rewritten = lines
      .map((l, i) => (i === heading ? l.replace(/^Item\s*7\b[.:\s\u2014\u2013-]*/i, 'Items 7 and 7A. ') : l))
      .filter((_l, i) => i !== to);
    const doc = rewritten.join('\n');
    expect(doc).toContain('Items 7 and 7A. ');
    const result = extractMdna(doc, { formType: '10-K' });
    expect(result.status).toBe('found');
    const text = normalize(result.text);
    expect(text.startsWith(normalize(row.mda_first_words!))).toBe(true);
    expect(text).toContain(normalize(row.next_first_words!));
    expect(result.nextHeading).toMatch(/^Item\s*8\b/i);
  });
});

// Rewrites of the raw HTML itself, through the whole pipeline.
function checkRaw(name: string, rewrite: (raw: string) => string): void {
  const row = rows.get(name)!;
  const raw = readFixture(`filings/${name}`);
  const doc = rewrite(raw);
  expect(doc).not.toBe(raw);
  const result = extractMdna(doc, { formType: row.form! });
  expect(result.status).toBe('found');
  const text = normalize(result.text);
  expect(text.startsWith(normalize(row.mda_first_words!))).toBe(true);
  const nextWords = normalize(row.next_first_words!);
  expect(text).not.toContain(nextWords);
  const after = normalize(documentToText(doc).slice(result.end, result.end + 2000));
  expect(after.slice(0, 400)).toContain(nextWords);
  expect(normalize(result.text)).not.toContain('2023 Form 10-K |');
}

const rawFiles = [
  'tegna_10-K_2016-02.htm',
  'mcd_10-K_2024-02-22.htm',
  'dell_10-K_2006-03.htm',
  'gme_10-K_2024-03.htm',
  'wmt_10-K_2024-03-15.htm',
  'cl_10-Q_2023-07-28.htm',
  'xom_10-Q_2023-08-01.htm',
  'alcoa_10-Q_2018-08.htm',
];

describe('extractMdna on rewritten raw HTML', () => {
  it.each(rawFiles.filter((f) => !f.startsWith('alcoa')).map((f) => [f]))(
    'a running header and footer at every page break: %s',
    (name) => {
      let page = 0;
      checkRaw(name, (raw) =>
        raw.replace(
          /<hr[^>]*page-break-(?:after|before)\s*:\s*always[^>]*>|<div[^>]*page-break-(?:after|before)\s*:\s*always[^>]*>/gi,
          (m) => {
            page++;
            return `<p>Acme Holdings, Inc. | 2023 Form 10-K | ${page}</p>${m}<p>Acme Holdings, Inc. | 2023 Form 10-K</p>`;
          },
        ),
      );
    },
  );

  it.each(rawFiles.filter((f) => !/^(?:mcd|dell)_/.test(f)).map((f) => [f]))(
    'item labels with a colon and NBSP: %s',
    (name) => {
      checkRaw(name, (raw) =>
        raw.replace(
          /\b(Item|ITEM)(?:&#160;|&nbsp;|\s)+(\d{1,2}[A-D]?)\.(?=\s*<|\s+[A-Z])/g,
          '$1&#160;$2:&#160;',
        ),
      );
    },
  );
});
