export { type BuildDatasetConfig, buildDataset, type DatasetProgress } from './build-dataset.js';
export { pipelineColumns } from './columns.js';
export { errorRow, type FilingMeta, type FilingRow, type FilingRowValue, filingRow } from './filing-row.js';
export { defaultFilingRowOptions, type FilingRowOptions } from './options.js';
export { createPipelinePool, type PipelinePool, type PipelinePoolOptions } from './pool.js';
export type { PipelineTask, PipelineTaskResult, RowItem } from './tasks.js';
