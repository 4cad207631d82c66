import type { PipelinePool } from './pool.js';

/** Options of {@link scoreInPool}. */
export interface ScoreInPoolOptions {
  /** The pool the texts are scored in. */
  readonly pool: PipelinePool;
  /** `scoreText` options (sent to the threads, so plain data only). */
  readonly scoreOptions: Readonly<Record<string, unknown>>;
  /** Texts per task. */
  readonly batchSize: number;
  /** Most tasks in flight; reading waits beyond it. */
  readonly window: number;
  /** Cancels the tasks. */
  readonly signal?: AbortSignal;
}

/**
 * Score the text of every item in a pool, a batch per task, at most `window` batches in
 * flight, and yield each item with its scores in input order.
 *
 * @param items - The items, e.g. rows read from a file.
 * @param textOf - The text of an item (called in this thread, in order, so it may throw to reject an item).
 * @param options - {@link ScoreInPoolOptions}.
 * @returns Pairs of item and `scoreText` record.
 */
export async function* scoreInPool<T>(
  items: AsyncIterable<T>,
  textOf: (item: T, index: number) => string,
  options: ScoreInPoolOptions,
): AsyncGenerator<[T, Readonly<Record<string, unknown>>]> {
  const { pool, scoreOptions, batchSize, window, signal } = options;
  const pending: Promise<[T[], Readonly<Record<string, unknown>>[]]>[] = [];
  let batch: T[] = [];
  let texts: string[] = [];
  let index = 0;
  const send = (): void => {
    const sent = batch;
    const task = pool
      .run({ kind: 'scores', texts, options: scoreOptions }, signal)
      .then(
        (scores) =>
          [sent, scores as Readonly<Record<string, unknown>>[]] as [T[], Readonly<Record<string, unknown>>[]],
      );
    task.catch(() => {});
    pending.push(task);
    batch = [];
    texts = [];
  };
  for await (const item of items) {
    texts.push(textOf(item, index++));
    batch.push(item);
    if (batch.length < batchSize) continue;
    send();
    if (pending.length >= window) {
      const [done, scores] = await pending.shift()!;
      for (let i = 0; i < done.length; i++) yield [done[i]!, scores[i]!];
    }
  }
  if (batch.length > 0) send();
  while (pending.length > 0) {
    const [done, scores] = await pending.shift()!;
    for (let i = 0; i < done.length; i++) yield [done[i]!, scores[i]!];
  }
}
