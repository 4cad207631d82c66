/**
 * fin-tabtext: SEC filings to model-ready TabText features.
 *
 * Named exports only; every capability lives in its own folder under `src/`.
 * @packageDocumentation
 */
export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from './errors/index.js';
export { VERSION } from './version.js';
