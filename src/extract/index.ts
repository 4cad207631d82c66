/**
 * `fin-tabtext/extract`: filing documents (HTML, inline XBRL, SGML `.txt`) to text, and the
 * 10-K/10-Q/8-K item locator with `extractMdna`.
 * @module fin-tabtext/extract
 */
export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
export { documentToText } from './document-to-text.js';
export { eightKItemNumbers, eightKItemTitle, isEightKForm } from './eight-k.js';
export { EIGHT_K_ITEMS, EIGHT_K_ITEMS_BEFORE_2004, type EightKItemDefinition } from './eight-k-titles.js';
export { ExtractionError, type ExtractionErrorCode } from './errors.js';
export {
  type ExtractedItem,
  extractItems,
  extractMdna,
  type MdnaReference,
  type MdnaResult,
  type MdnaStatus,
} from './extract.js';
export {
  type DocumentFormat,
  type DocumentToTextOptions,
  defaultDocumentToTextOptions,
  type ExtractOptions,
} from './options.js';
