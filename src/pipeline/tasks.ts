import type { ScoreOptions } from '../score/index.js';
import { scoreText } from '../score/index.js';
import { errorRow, type FilingMeta, type FilingRow, filingRow } from './filing-row.js';
import type { FilingRowOptions } from './options.js';

/** One filing of a batch: its document and identity. */
export interface RowItem {
  readonly document: string;
  readonly meta: FilingMeta;
}

/** The work a pool thread does: a batch of filing rows, or a batch of texts to score. */
export type PipelineTask =
  | {
      readonly kind: 'rows';
      readonly items: readonly RowItem[];
      readonly options: FilingRowOptions | undefined;
    }
  | {
      readonly kind: 'scores';
      readonly texts: readonly string[];
      readonly options: ScoreOptions | undefined;
    };

/** What a task returns: one result per item, in item order. */
export type PipelineTaskResult = FilingRow[] | Readonly<Record<string, unknown>>[];

/** The row of one filing; whatever throws becomes the row's `error`, so a batch never fails for one filing. */
function safeRow(item: RowItem, options: FilingRowOptions | undefined): FilingRow {
  try {
    return filingRow(item.document, item.meta, options);
  } catch (error) {
    try {
      return errorRow(item.meta, error, options);
    } catch {
      // The identity itself is unusable (e.g. a malformed CIK): keep the error, drop the identity.
      return errorRow({ ...item.meta, cik: 0, accessionNumber: '0000000000-00-000000' }, error, options);
    }
  }
}

/**
 * Run one task, synchronously. The pool threads call this; `workers: 0` calls it in-process.
 *
 * @param task - The batch.
 * @returns One result per item.
 */
export function runTask(task: PipelineTask): PipelineTaskResult {
  if (task.kind === 'rows') return task.items.map((item) => safeRow(item, task.options));
  return task.texts.map((text) => scoreText(text, task.options));
}

// A paragraph of real MD&A prose (GameStop 10-K FY2023, Item 7): scoring it once loads the word
// lists, VADER lexicon and CMUdict and runs every scorer through the JIT before the first task.
const WARM_TEXT =
  'Net sales decreased compared to the prior fiscal year, primarily due to lower hardware and ' +
  'software sales. We believe our cash and cash equivalents will be sufficient to fund operations, ' +
  'although uncertainty about consumer demand and litigation risk may adversely affect results. ' +
  'Management expects improved profitability and will not hesitate to reduce costs.';

/**
 * Load every lazily built table (word lists, VADER lexicon, CMUdict) and warm the scorers, so a
 * pool thread's first real task does not pay for it.
 */
export function warmUp(): void {
  for (let i = 0; i < 3; i++) scoreText(WARM_TEXT);
}
