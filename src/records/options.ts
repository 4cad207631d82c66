/** How {@link buildTabText} pairs a tabular row with text rows of the same key. */
export type TabTextMatch = 'asof' | 'bucket';

/** Calendar buckets for `match: 'bucket'`; weeks are ISO-8601 weeks (Monday to Sunday). */
export type DateBucket = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Normalization methods of {@link normalizeColumns}. */
export type NormalizeMethod = 'zscore' | 'minmax';

/** Defaults of {@link ReadRecordsOptions}. */
export const defaultReadRecordsOptions: Readonly<{ castNumbers: boolean }> = Object.freeze({
  castNumbers: false,
});

/** Defaults of {@link ScoreRecordsOptions} and {@link ScoreFileOptions} (besides the scorer, `scoreText`). */
export const defaultScoreRecordsOptions: Readonly<{ prefix: string; progressEvery: number }> = Object.freeze({
  prefix: '',
  progressEvery: 100,
});

/** Defaults of {@link BuildTabTextOptions}. */
export const defaultBuildTabTextOptions: Readonly<{
  dateColumns: Readonly<{ text: string; tabular: string }>;
  match: TabTextMatch;
  bucket: DateBucket;
  how: 'left' | 'inner';
  suffix: string;
  maxAgeDays: number | null;
}> = Object.freeze({
  dateColumns: Object.freeze({ text: 'date', tabular: 'date' }),
  match: 'asof',
  bucket: 'day',
  how: 'left',
  suffix: '_text',
  maxAgeDays: null,
});

/** Defaults of {@link NormalizeOptions}. */
export const defaultNormalizeOptions: Readonly<{ method: NormalizeMethod }> = Object.freeze({
  method: 'zscore',
});
