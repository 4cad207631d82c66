export type {
  LoughranMcDonaldCategory,
  LoughranMcDonaldLayout,
  LoughranMcDonaldLists,
  LoughranMcDonaldOptions,
  LoughranMcDonaldRelease,
} from './loughran-mcdonald.js';
export {
  LOUGHRAN_MCDONALD_CATEGORIES,
  loadLoughranMcDonald,
  loughranMcDonaldLayout,
} from './loughran-mcdonald.js';
export * from './scorers.js';
