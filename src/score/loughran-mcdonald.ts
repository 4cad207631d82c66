import { parse } from 'csv-parse/sync';
import { describeType, InvalidArgumentError } from '../errors/index.js';

/** The sentiment categories of the Loughran–McDonald Master Dictionary, as word list names. */
export const LOUGHRAN_MCDONALD_CATEGORIES = Object.freeze([
  'negative',
  'positive',
  'uncertainty',
  'litigious',
  'strong_modal',
  'weak_modal',
  'constraining',
  'complexity',
] as const);

/** One Loughran–McDonald category name. */
export type LoughranMcDonaldCategory = (typeof LOUGHRAN_MCDONALD_CATEGORIES)[number];

/** Word lists from the Loughran–McDonald Master Dictionary, one per category. */
export type LoughranMcDonaldLists = Readonly<Record<LoughranMcDonaldCategory, readonly string[]>>;

// The CSV header of each category (the file's own spelling).
const COLUMNS: Readonly<Record<LoughranMcDonaldCategory, string>> = {
  negative: 'Negative',
  positive: 'Positive',
  uncertainty: 'Uncertainty',
  litigious: 'Litigious',
  strong_modal: 'Strong_Modal',
  weak_modal: 'Weak_Modal',
  constraining: 'Constraining',
  complexity: 'Complexity',
};

/**
 * Turn your own copy of the Loughran–McDonald Master Dictionary CSV into word lists (one per
 * category). fin-tabtext cannot ship the dictionary (its licence restricts redistribution);
 * download it from the authors and pass its text here.
 *
 * A word belongs to a category when that column holds a positive number (the year it was added,
 * e.g. `2009`); `0` means not a member and a negative number (e.g. `-2020`) marks a word removed
 * in that year, so it is left out. Words are lowercased. Header names are matched case-insensitively.
 *
 * @param csvText - The CSV text, with at least the columns `Word` and the eight categories
 *   (`Negative, Positive, Uncertainty, Litigious, Strong_Modal, Weak_Modal, Constraining, Complexity`).
 * @returns Frozen lists by category name, words in file order.
 * @throws {InvalidArgumentError} When `csvText` is not a string, cannot be parsed, or lacks a
 *   required column (all missing columns are named).
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { loadLoughranMcDonald, scoreText } from 'fin-tabtext';
 * const lm = loadLoughranMcDonald(readFileSync('Loughran-McDonald_MasterDictionary_1993-2023.csv', 'utf8'));
 * lm.negative.length; // about 2,350 in the 1993–2023 release
 * ```
 */
export function loadLoughranMcDonald(csvText: string): LoughranMcDonaldLists {
  if (typeof csvText !== 'string') {
    throw new InvalidArgumentError(
      'csvText',
      `loadLoughranMcDonald(csvText) needs the CSV file's text, got ${describeType(csvText)}; e.g. loadLoughranMcDonald(readFileSync(path, 'utf8'))`,
    );
  }
  let rows: string[][];
  try {
    rows = parse(csvText, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (cause) {
    throw new InvalidArgumentError(
      'csvText',
      `loadLoughranMcDonald(csvText) cannot parse the CSV: ${(cause as Error).message}`,
      { cause },
    );
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const wordColumn = header.indexOf('word');
  const categoryColumns = LOUGHRAN_MCDONALD_CATEGORIES.map((c) => header.indexOf(COLUMNS[c].toLowerCase()));
  const missing = [
    ...(wordColumn < 0 ? ['Word'] : []),
    ...LOUGHRAN_MCDONALD_CATEGORIES.filter((_, k) => categoryColumns[k]! < 0).map((c) => COLUMNS[c]),
  ];
  if (missing.length > 0) {
    throw new InvalidArgumentError(
      'csvText',
      `loadLoughranMcDonald(csvText): the CSV lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
        'pass the Master Dictionary CSV whose header starts "Word,Seq_num,Word Count,...,Negative,Positive,Uncertainty,Litigious,Strong_Modal,Weak_Modal,Constraining,Complexity,...".',
    );
  }
  const lists = LOUGHRAN_MCDONALD_CATEGORIES.map(() => [] as string[]);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const word = (row[wordColumn] ?? '').toLowerCase();
    if (word === '') continue;
    categoryColumns.forEach((column, k) => {
      const cell = row[column] ?? '';
      const value = cell === '' ? 0 : Number(cell);
      if (Number.isNaN(value)) {
        throw new InvalidArgumentError(
          'csvText',
          `loadLoughranMcDonald(csvText): row ${r + 1} (${word}) has ${JSON.stringify(cell)} in column ${COLUMNS[LOUGHRAN_MCDONALD_CATEGORIES[k]!]}; expected a number such as 0, 2009 or -2020.`,
        );
      }
      if (value > 0) lists[k]!.push(word);
    });
  }
  const out = {} as Record<LoughranMcDonaldCategory, readonly string[]>;
  LOUGHRAN_MCDONALD_CATEGORIES.forEach((c, k) => {
    out[c] = Object.freeze(lists[k]!);
  });
  return Object.freeze(out);
}
