/**
 * `fin-tabtext/pipeline`: filings to TabText rows: `filingRow` for one filing, `buildDataset` for
 * many, and the worker-thread pool they run in.
 * @module fin-tabtext/pipeline
 */

export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
export { type BuildDatasetConfig, buildDataset, type DatasetProgress } from './build-dataset.js';
export { pipelineColumns } from './columns.js';
export { errorRow, type FilingMeta, type FilingRow, type FilingRowValue, filingRow } from './filing-row.js';
export { defaultFilingRowOptions, type FilingRowOptions } from './options.js';
export { createPipelinePool, type PipelinePool, type PipelinePoolOptions } from './pool.js';
export type { PipelineTask, PipelineTaskResult, RowItem } from './tasks.js';
