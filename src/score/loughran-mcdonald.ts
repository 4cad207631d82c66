import { parse } from 'csv-parse/sync';
import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkOptions } from '../options/index.js';

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

/**
 * Word lists from the Loughran–McDonald Master Dictionary, one per category that the release has
 * (the 2018 and 1993–2021 releases have no `complexity`; see {@link loughranMcDonaldLayout}).
 */
export type LoughranMcDonaldLists = Readonly<Partial<Record<LoughranMcDonaldCategory, readonly string[]>>>;

/** The public layouts of the Master Dictionary CSV, by the releases that use them. */
export type LoughranMcDonaldRelease = '2018' | '1993-2021' | '1993-2023';

/** What a Master Dictionary CSV holds: its release layout, the categories it has and those it lacks. */
export interface LoughranMcDonaldLayout {
  /** `'2018'` (one `Modal` column), `'1993-2021'` (no `Complexity`) or `'1993-2023'` (all eight). */
  readonly release: LoughranMcDonaldRelease;
  /** Categories the file has, in {@link LOUGHRAN_MCDONALD_CATEGORIES} order. */
  readonly categories: readonly LoughranMcDonaldCategory[];
  /** Categories the file lacks. */
  readonly missing: readonly LoughranMcDonaldCategory[];
}

/** Options of {@link loadLoughranMcDonald}. */
export interface LoughranMcDonaldOptions {
  /**
   * The categories to return; asking for one the file's release lacks throws (naming the release).
   * @default every category the file has
   */
  readonly categories?: readonly LoughranMcDonaldCategory[];
}

// The CSV header of each category in the releases with one column per category.
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
// The 2018 release codes modality in one column: 1 strong, 2 moderate, 3 weak (0 none).
const MODAL = 'Modal';
const MODAL_CODES: Partial<Record<LoughranMcDonaldCategory, number>> = { strong_modal: 1, weak_modal: 3 };
const OPTION_KEYS = ['categories'] as const;

interface Parsed {
  readonly rows: string[][];
  readonly header: readonly string[];
  readonly layout: LoughranMcDonaldLayout;
  /** Column of each category the file has (for the 2018 modal categories, the `Modal` column). */
  readonly columns: ReadonlyMap<LoughranMcDonaldCategory, number>;
  readonly word: number;
}

function parseCsv(csvText: string, call: string): Parsed {
  if (typeof csvText !== 'string') {
    throw new InvalidArgumentError(
      'csvText',
      `${call}(csvText) needs the CSV file's text, got ${describeType(csvText)}; e.g. ${call}(readFileSync(path, 'utf8'))`,
    );
  }
  let rows: string[][];
  try {
    rows = parse(csvText, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (cause) {
    throw new InvalidArgumentError(
      'csvText',
      `${call}(csvText) cannot parse the CSV: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const word = header.indexOf('word');
  const modal = header.indexOf(MODAL.toLowerCase());
  const columns = new Map<LoughranMcDonaldCategory, number>();
  for (const c of LOUGHRAN_MCDONALD_CATEGORIES) {
    const at = header.indexOf(COLUMNS[c].toLowerCase());
    if (at >= 0) columns.set(c, at);
    else if (modal >= 0 && MODAL_CODES[c] !== undefined) columns.set(c, modal);
  }
  // Every release has these six; the modal pair comes as two columns or as the 2018 `Modal` column.
  const required: LoughranMcDonaldCategory[] = [
    'negative',
    'positive',
    'uncertainty',
    'litigious',
    'constraining',
  ];
  const missingColumns = [
    ...(word < 0 ? ['Word'] : []),
    ...required.filter((c) => !columns.has(c)).map((c) => COLUMNS[c]),
    ...(columns.has('strong_modal') && columns.has('weak_modal')
      ? []
      : ['Strong_Modal and Weak_Modal (or Modal)']),
  ];
  if (missingColumns.length > 0) {
    throw new InvalidArgumentError(
      'csvText',
      `${call}(csvText): the CSV lacks the column${missingColumns.length > 1 ? 's' : ''} ${missingColumns.join(', ')}; ` +
        'pass a Master Dictionary CSV: the 1993–2023 header starts "Word,Seq_num,Word Count,...,Negative,Positive,Uncertainty,Litigious,Strong_Modal,Weak_Modal,Constraining,Complexity,...", ' +
        'the 1993–2021 one has no Complexity, the 2018 one has "...,Negative,Positive,Uncertainty,Litigious,Constraining,Superfluous,Interesting,Modal,...".',
    );
  }
  const release: LoughranMcDonaldRelease =
    columns.get('strong_modal') === modal && modal >= 0
      ? '2018'
      : columns.has('complexity')
        ? '1993-2023'
        : '1993-2021';
  const categories = LOUGHRAN_MCDONALD_CATEGORIES.filter((c) => columns.has(c));
  const missing = LOUGHRAN_MCDONALD_CATEGORIES.filter((c) => !columns.has(c));
  return {
    rows,
    header,
    word,
    columns,
    layout: Object.freeze({
      release,
      categories: Object.freeze(categories),
      missing: Object.freeze(missing),
    }),
  };
}

/**
 * Which public layout a Master Dictionary CSV has, the categories it maps and those it lacks: the
 * 2018 release (one `Modal` column coding strong = 1, moderate = 2, weak = 3; no `Complexity`),
 * the 1993–2021 release (`Strong_Modal`, `Weak_Modal`; no `Complexity`) or the 1993–2023 and later
 * releases (all eight). Only the header is read.
 *
 * @param csvText - The CSV text.
 * @returns The release, its categories and the categories it lacks.
 * @throws {InvalidArgumentError} When `csvText` is not a string, cannot be parsed, or lacks a
 *   required column (all missing columns are named).
 * @example
 * ```ts
 * import { loughranMcDonaldLayout } from 'fin-tabtext';
 * loughranMcDonaldLayout('Word,Negative,Positive,Uncertainty,Litigious,Strong_Modal,Weak_Modal,Constraining\n');
 * // { release: '1993-2021', categories: [... 7 categories], missing: ['complexity'] }
 * ```
 */
export function loughranMcDonaldLayout(csvText: string): LoughranMcDonaldLayout {
  const firstLine = typeof csvText === 'string' ? csvText.slice(0, csvText.search(/\r?\n|$/)) : csvText;
  return parseCsv(firstLine, 'loughranMcDonaldLayout').layout;
}

/**
 * Turn your own copy of the Loughran–McDonald Master Dictionary CSV into word lists (one per
 * category the release has). fin-tabtext cannot ship the dictionary (its license restricts
 * redistribution); download it from the authors and pass its text here. Every public layout
 * loads: 2018 (its `Modal` column gives `strong_modal` for 1 and `weak_modal` for 3; moderate
 * modals, 2, are in neither), 1993–2021 and 1993–2023+; see {@link loughranMcDonaldLayout} for
 * what a file lacks (the 2018 and 1993–2021 releases have no `complexity`).
 *
 * A word belongs to a category when that column holds a positive number (the year it was added,
 * e.g. `2009`); `0` means not a member and a negative number (e.g. `-2020`) marks a word removed
 * in that year, so it is left out. Words are lowercased. Header names are matched case-insensitively.
 *
 * @param csvText - The CSV text, with the columns `Word` and the categories of one of the layouts.
 * @param options - Which categories to return; see {@link LoughranMcDonaldOptions}.
 * @returns Frozen lists by category name (only the categories the file has, or those asked for),
 *   words in file order.
 * @throws {InvalidArgumentError} When `csvText` is not a string, cannot be parsed, or lacks a
 *   required column (all missing columns are named); when a cell is not a number; when an option
 *   is unknown or a requested category is not in the file's release.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { compileWordLists } from 'fin-tabtext/score';
 * import { loadLoughranMcDonald } from 'fin-tabtext';
 * const lm = loadLoughranMcDonald(readFileSync('Loughran-McDonald_MasterDictionary_1993-2023.csv', 'utf8'));
 * lm.negative?.length; // about 2,350 in the 1993–2023 release
 * const old = loadLoughranMcDonald(readFileSync('LoughranMcDonald_MasterDictionary_2018.csv', 'utf8'), {
 *   categories: ['negative', 'positive', 'strong_modal'],
 * });
 * compileWordLists(old);
 * ```
 */
export function loadLoughranMcDonald(
  csvText: string,
  options?: LoughranMcDonaldOptions,
): LoughranMcDonaldLists {
  const call = 'loadLoughranMcDonald';
  const checked = checkOptions(call, options, OPTION_KEYS);
  const { rows, word, columns, layout } = parseCsv(csvText, call);
  let wanted: readonly LoughranMcDonaldCategory[] = layout.categories;
  if (checked.categories !== undefined) {
    if (!Array.isArray(checked.categories)) {
      throw new InvalidArgumentError(
        'options.categories',
        `${call}: options.categories must be an array of category names, got ${describeType(checked.categories)}; e.g. ${call}(csvText, { categories: ['negative', 'positive'] })`,
      );
    }
    wanted = checked.categories.map(
      (c, i) => checkEnum(call, `options.categories[${i}]`, c, LOUGHRAN_MCDONALD_CATEGORIES)!,
    );
    const absent = wanted.filter((c) => !columns.has(c));
    if (absent.length > 0) {
      throw new InvalidArgumentError(
        'options.categories',
        `${call}: the ${layout.release} release of the dictionary has no ${absent.join(', ')} column; ask for ${layout.categories.join(', ')}, or pass the 1993–2023 release.`,
      );
    }
  }
  const lists = wanted.map(() => [] as string[]);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const w = (row[word] ?? '').toLowerCase();
    if (w === '') continue;
    wanted.forEach((category, k) => {
      const column = columns.get(category)!;
      const cell = row[column] ?? '';
      const value = cell === '' ? 0 : Number(cell);
      if (Number.isNaN(value)) {
        throw new InvalidArgumentError(
          'csvText',
          `${call}(csvText): row ${r + 1} (${w}) has ${JSON.stringify(cell)} in column ${rows[0]![column]}; expected a number such as 0, 2009 or -2020.`,
        );
      }
      const code = MODAL_CODES[category];
      const member = layout.release === '2018' && code !== undefined ? value === code : value > 0;
      if (member) lists[k]!.push(w);
    });
  }
  const out: Partial<Record<LoughranMcDonaldCategory, readonly string[]>> = {};
  for (const c of LOUGHRAN_MCDONALD_CATEGORIES) {
    const k = wanted.indexOf(c);
    if (k >= 0) out[c] = Object.freeze(lists[k]!);
  }
  return Object.freeze(out);
}
